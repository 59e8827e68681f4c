#!/usr/bin/env bash
# Builds dist/web when it is missing or older than any web or shared source file.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh
stamp=dist/web/index.html
if [ ! -f "$stamp" ] || [ -n "$(find web shared package-lock.json -newer "$stamp" -type f -print -quit)" ]; then
  echo "Building the web app…"
  npx vite build --config web/vite.config.ts --logLevel warn
fi
