#!/usr/bin/env bash
# Installs front-end/test packages from lock files (npm ci), only where a lock file exists and node_modules was not
# installed from that very lock file (its hash is kept in node_modules; a branch switch can leave an older lock newer).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
while IFS= read -r lock; do
  dir="$(dirname "$lock")"
  hash="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [ "$(cat "$dir/node_modules/.delivery-lock.sha256" 2>/dev/null)" != "$hash" ]; then
    echo "[npm] npm ci in ${dir#$ROOT/}" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && echo "$hash" > "$dir/node_modules/.delivery-lock.sha256"
  fi
done < <(find "$ROOT" -name package-lock.json -not -path '*/node_modules/*' -not -path '*/.data/*' -not -path '*/bin/*' -not -path '*/obj/*')
