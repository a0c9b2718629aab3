#!/usr/bin/env bash
# Starts the whole system on the built-in demo and prints its URLs. ./run.sh --simulate: with simulated couriers driving today.
set -euo pipefail
cd "$(dirname "$0")"
scripts/services.sh install
scripts/services.sh start
eval "$(scripts/services.sh env)"
scripts/npm.sh
PORT="${DELIVERY_PORT:-5080}"
dotnet build src/CourierApi/Delivery.CourierApi.csproj -c Release -nologo -v q
echo "Starting Delivery on http://127.0.0.1:$PORT/ (the host prints the demo URLs and sign-in when it is up)"
# Extra arguments go to the host: --simulate also plays today's delivery day with simulated couriers.
exec dotnet run --no-build -c Release --project src/CourierApi -- --urls "http://127.0.0.1:$PORT" --demo "$@"
