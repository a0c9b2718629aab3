#!/usr/bin/env bash
# Import an OpenStreetMap extract as the road network (osmium → osm2pgrouting car profile → largest strongly connected
# component → indexes → atomic swap). The previous network stays in place when anything fails.
#   scripts/import-osm.sh FILE.osm.pbf [--schema roads]
# Database: $ConnectionStrings__Delivery, else the private services of this checkout (scripts/services.sh env).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ]; then echo "usage: $0 FILE.osm.pbf [--schema roads]" >&2; exit 2; fi
if [ -z "${ConnectionStrings__Delivery:-}" ]; then eval "$("$ROOT/scripts/services.sh" env)"; fi
FILE="$(realpath -m "$1")"; shift
exec dotnet run -c Release --project "$ROOT/benchmarks/Delivery.Benchmarks" -- import-osm "$FILE" "$@"
