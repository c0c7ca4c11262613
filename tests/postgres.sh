#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests (and the benchmark), from Debian's packages.
#
#   source tests/postgres.sh && casebot_pg_start     # exports CASEBOT_TEST_POSTGRES; stops itself when the shell exits
#   bash tests/postgres.sh                           # starts one, prints the export line, leaves it running
#   casebot_pg_stop                                  # stops it and deletes its folder
#
# Extra arguments to casebot_pg_start are postgres settings, e.g. `casebot_pg_start -c fsync=off` for speed.
# Installs the `postgresql` package when initdb/pg_ctl are missing (as root, like CI). PostgreSQL refuses to run as
# root, so as root the cluster runs as the `postgres` system user.

casebot_pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [[ -z "$dir" ]] && command -v initdb >/dev/null 2>&1; then dir=$(dirname "$(command -v initdb)"); fi
    echo "$dir"
}

casebot_pg_start() {
    local bindir port dir as_user=()
    bindir=$(casebot_pg_bindir)
    if [[ -z "$bindir" ]]; then
        if [[ $(id -u) -ne 0 ]]; then
            echo "postgres.sh: PostgreSQL is not installed; run: sudo apt-get install -y postgresql" >&2
            return 1
        fi
        echo "postgres.sh: installing PostgreSQL from Debian's packages..." >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
        bindir=$(casebot_pg_bindir)
    fi

    dir=$(mktemp -d /tmp/casebot-pg.XXXXXX)
    if [[ $(id -u) -eq 0 ]]; then
        id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
        chown postgres "$dir"
        as_user=(runuser -u postgres --)
    fi
    # A free port: the first in a random stretch that nothing answers on.
    port=$((20000 + RANDOM % 20000))
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

    "${as_user[@]}" "$bindir/initdb" -D "$dir/data" -U casebot --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    local settings="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 $*"
    "${as_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -o "$settings" -l "$dir/server.log" -w -t 60 start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }

    export CASEBOT_PG_DIR="$dir" CASEBOT_PG_BINDIR="$bindir"
    export CASEBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=casebot;Database=postgres"
    echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
    if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then trap casebot_pg_stop EXIT; fi
}

casebot_pg_stop() {
    [[ -n "${CASEBOT_PG_DIR:-}" && -d "$CASEBOT_PG_DIR/data" ]] || return 0
    local as_user=()
    [[ $(id -u) -eq 0 ]] && as_user=(runuser -u postgres --)
    "${as_user[@]}" "$CASEBOT_PG_BINDIR/pg_ctl" -D "$CASEBOT_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$CASEBOT_PG_DIR"
    unset CASEBOT_PG_DIR CASEBOT_TEST_POSTGRES
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    casebot_pg_start "$@"
    echo "export CASEBOT_TEST_POSTGRES='$CASEBOT_TEST_POSTGRES' CASEBOT_PG_DIR='$CASEBOT_PG_DIR' CASEBOT_PG_BINDIR='$CASEBOT_PG_BINDIR'"
fi
