#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
# The storage and engine tests run on SQLite and on PostgreSQL: a throwaway cluster on 127.0.0.1 (installed from
# Debian's packages if missing), stopped when this script exits. fsync is off: these tests check behaviour, not disks.
source tests/postgres.sh
casebot_pg_start -c fsync=off -c full_page_writes=off
# TwoInstancesTests runs the committed deploy/nginx.conf in a real nginx (Debian's, installed if missing).
source tests/nginx.sh
casebot_nginx_install
log=$(mktemp)
trap 'rm -f "$log"; casebot_pg_stop' EXIT

dotnet restore CaseBot.sln
status=0
dotnet test CaseBot.sln --no-restore -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# The image and compose.yaml themselves when a Docker engine runs here (else one line saying why), before the
# closing line so that stays last.
bash tests/docker.sh || status=$?

# One closing line over all test projects, in the plain form CI reads.
awk '/^ *Passed: *[0-9]+/ {p += $2} /^ *Failed: *[0-9]+/ {f += $2} /^ *Skipped: *[0-9]+/ {s += $2}
     END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"
