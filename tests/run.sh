#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore CaseBot.sln
dotnet test CaseBot.sln --no-restore -c Release --logger "console;verbosity=normal" "$@"
