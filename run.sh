#!/usr/bin/env bash
# Starts the whole system on the built-in demo and prints its URLs. ./run.sh --simulate: with simulated couriers driving today.
# ./run.sh --nodes N: N host nodes behind nginx on the same port (scripts/nodes.sh; Ctrl-C stops them all).
set -euo pipefail
cd "$(dirname "$0")"
NODES=0
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES="${2:?--nodes needs a number}"; shift 2 ;;
    --nodes=*) NODES="${1#--nodes=}"; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
set -- ${ARGS[@]+"${ARGS[@]}"}
scripts/services.sh install
scripts/services.sh start
eval "$(scripts/services.sh env)"
scripts/npm.sh
PORT="${DELIVERY_PORT:-5080}"
dotnet build src/CourierApi/Delivery.CourierApi.csproj -c Release -nologo -v q
# The demo's streets: the shipped Porto extract is imported on the first start only; later starts reuse the network
# (and the road hierarchy the host stores beside it). Without it the demo still runs, on straight-line times.
dotnet run --no-build -c Release --project src/CourierApi -- import-osm "$PWD/demo/porto.osm.pbf" --if-missing \
  || echo "warning: importing demo/porto.osm.pbf failed; the demo plans on straight lines and its map has no streets" >&2
if [ "$NODES" != 0 ]; then
  trap 'scripts/nodes.sh stop' EXIT
  trap 'exit 130' INT TERM   # the EXIT trap stops the nodes and nginx
  DELIVERY_PORT="$PORT" scripts/nodes.sh start "$NODES" --demo "$@"
  echo "Delivery on http://127.0.0.1:$PORT/ (nginx, $NODES nodes): board /board, API reference /scalar/v1;" \
    "sign in as demo / demo-password. Node logs in .data/nodes/. Ctrl-C stops everything."
  while :; do sleep 3600 & wait $!; done   # wait, unlike a foreground sleep, lets the traps run at once
  exit 0
fi
echo "Starting Delivery on http://127.0.0.1:$PORT/ (the host prints the demo URLs and sign-in when it is up)"
# Extra arguments go to the host: --simulate also plays today's delivery day with simulated couriers.
exec dotnet run --no-build -c Release --project src/CourierApi -- --urls "http://127.0.0.1:$PORT" --demo "$@"
