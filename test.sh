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
dotnet test Delivery.sln -c Release --no-build --nologo -v q --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log" || status=$?
# The pages' unit tests (Vitest: outbox, money, dates, CSV...); skipped when a filter picks some .NET tests only.
if [ "$#" -eq 0 ]; then
  (cd src/CourierApi/ClientApp && NO_COLOR=1 npx vitest run 2>&1) | tee -a "$log" || status=$?
fi
# One closing line over every test project and the pages' tests ("N passed, N failed"), the form CI reads.
awk '/^ *(Passed|Failed)! +-/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     /^ +Tests +[0-9]/ {
       for (i = 2; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^skipped/) s += $i }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
