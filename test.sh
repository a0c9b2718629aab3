#!/usr/bin/env bash
# Runs every test of the solution against the private PostgreSQL/PostGIS and Redis it starts in .data/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/services.sh install
scripts/services.sh start
eval "$(scripts/services.sh env)"
scripts/npm.sh
dotnet build Delivery.sln -c Release -warnaserror -nologo -v q
dotnet test Delivery.sln -c Release --no-build --nologo -v q "$@"
