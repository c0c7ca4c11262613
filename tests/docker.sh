#!/usr/bin/env bash
# The image and compose.yaml, when a Docker engine runs here (tests/run.sh calls this after the tests): builds the
# image and prints its size, starts the whole compose setup with a throwaway env file, prints how long the proxy took
# to answer /readyz 200, and removes it all (volumes too). Without an engine it prints why and succeeds: the same
# proxy and two-instance check runs without Docker in TwoInstancesTests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! why=$(timeout 20 docker info 2>&1 >/dev/null); then
    echo "docker: skipped — no Docker engine here ($(head -n 1 <<<"${why:-docker info failed}"))"
    exit 0
fi
docker compose version >/dev/null 2>&1 || { echo "docker: the engine runs but the compose plugin is missing" >&2; exit 1; }

timeout 900 docker build -q -t casebot:latest . >/dev/null
echo "docker: image casebot:latest is $(( $(docker image inspect --format '{{.Size}}' casebot:latest) / 1000000 )) MB"

# A project name and port of its own, a random password, no channel tokens: /readyz needs only the database.
project="casebot-check-$$"
port=$((20000 + RANDOM % 20000))
env=$(mktemp)
printf 'POSTGRES_PASSWORD=%s\nCASEBOT_PORT=%s\nCASEBOT_ENV_FILE=%s\n' "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" "$port" "$env" >"$env"
compose=(docker compose -p "$project" --env-file "$env")
cleanup() { timeout 120 "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true; rm -f "$env"; }
trap cleanup EXIT

# Pulled first, so the start time below is the start alone.
timeout 600 "${compose[@]}" pull --quiet postgres proxy
t0=$(date +%s%N)
timeout 300 "${compose[@]}" up -d --no-build >/dev/null
until curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$port/readyz"; do
    if (( ($(date +%s%N) - t0) / 1000000000 > 180 )); then
        echo "docker: the proxy did not answer /readyz 200 within 180 s" >&2
        "${compose[@]}" ps -a >&2 || true
        "${compose[@]}" logs --tail 30 >&2 || true
        exit 1
    fi
    sleep 0.2
done
echo "docker: compose up to /readyz 200 through the proxy in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
