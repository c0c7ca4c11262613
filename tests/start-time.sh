#!/usr/bin/env bash
# How long a published `casebot` takes from launch to /readyz 200, without Docker (the README's figures).
#
#   dotnet publish src/CaseBot.Host -c Release -a amd64 --self-contained false -o /tmp/casebot-publish
#   source tests/postgres.sh && casebot_pg_start      # optional: PostgreSQL too
#   bash tests/start-time.sh /tmp/casebot-publish 5
#
# Each run is a first start on an empty database (migrations included) followed by a restart on the same database.
set -euo pipefail
app=${1:?publish folder}
runs=${2:-5}
port=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

# Milliseconds from launch until /readyz answers 200; the process is stopped afterwards.
start_ms() {
    local t0 pid
    t0=$(date +%s%N)
    CaseBot__ConfigDirectory="$app/config" CaseBot__Terminal__Enabled=false CaseBot__Storage__Backup__Enabled=false \
        CaseBot__Http__Urls="http://127.0.0.1:$port" CaseBot__Storage__Provider="$1" CaseBot__Storage__ConnectionString="$2" \
        dotnet "$app/casebot.dll" >/dev/null 2>&1 &
    pid=$!
    until curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$port/readyz"; do
        kill -0 "$pid" 2>/dev/null || { echo "start-time.sh: casebot exited before it was ready" >&2; return 1; }
        if (( ($(date +%s%N) - t0) / 1000000000 > 120 )); then kill "$pid"; echo "start-time.sh: not ready in 120 s" >&2; return 1; fi
        sleep 0.02
    done
    echo $(( ($(date +%s%N) - t0) / 1000000 ))
    { kill "$pid" && wait "$pid"; } 2>/dev/null || true
}

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

measure() { # name provider connection-string-for-run-N (with %d)
    local first=() again=() i cs
    for ((i = 1; i <= runs; i++)); do
        cs=${3//%d/$i}
        first+=("$(start_ms "$2" "$cs")")
        again+=("$(start_ms "$2" "$cs")")
    done
    echo "$1: first start median $(median "${first[@]}") ms (${first[*]}); restart median $(median "${again[@]}") ms (${again[*]})"
}

echo "load: $(uptime | sed 's/.*load average/load average/')"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
measure SQLite Sqlite "Data Source=$dir/casebot-%d.db"
if [[ -n "${CASEBOT_TEST_POSTGRES:-}" ]]; then
    server=$(sed -E 's/(^|;)Database=[^;]*//' <<<"$CASEBOT_TEST_POSTGRES")
    measure PostgreSQL Postgres "$server;Database=casebot_start_$$_%d" # a new database each run, created at start
fi
echo "load: $(uptime | sed 's/.*load average/load average/')"
