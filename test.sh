#!/usr/bin/env bash
# Runs every test of the solution against the private PostgreSQL/PostGIS and Redis it starts in .data/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/services.sh install
scripts/services.sh start
eval "$(scripts/services.sh env)"
scripts/npm.sh
dotnet build Delivery.sln -c Release -warnaserror -nologo -v q
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test Delivery.sln -c Release --no-build --nologo -v q "$@" 2>&1 | tee "$log" || status=$?
# One closing line over every test project ("N passed, N failed"), the form CI reads.
awk '/^ *(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
