#!/usr/bin/env bash
# Installs front-end/test packages from lock files (npm ci), only where a lock file exists and is newer than node_modules.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
while IFS= read -r lock; do
  dir="$(dirname "$lock")"
  if [ ! -d "$dir/node_modules" ] || [ "$lock" -nt "$dir/node_modules" ]; then
    echo "[npm] npm ci in ${dir#$ROOT/}" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && touch "$dir/node_modules"
  fi
done < <(find "$ROOT" -name package-lock.json -not -path '*/node_modules/*' -not -path '*/.data/*' -not -path '*/bin/*' -not -path '*/obj/*')
