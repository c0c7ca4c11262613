#!/usr/bin/env bash
# nginx for TwoInstancesTests, which runs the committed deploy/nginx.conf in front of two `casebot` processes
# (the test starts and stops its own nginx on a loopback port; nothing here runs one).
#
#   source tests/nginx.sh && casebot_nginx_install    # installs Debian's `nginx` when it is missing (as root, like CI)

casebot_nginx_install() {
    if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then return 0; fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "nginx.sh: nginx is not installed; run: sudo apt-get install -y nginx" >&2
        return 1
    fi
    echo "nginx.sh: installing nginx from Debian's packages..." >&2
    # The package starts a system nginx on port 80 unless policy-rc.d says no: a test machine needs none.
    local policy=/usr/sbin/policy-rc.d added=0 status=0
    if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1; fi
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx; } >&2 || status=$?
    if [[ $added -eq 1 ]]; then rm -f "$policy"; fi
    return "$status"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    casebot_nginx_install
fi
