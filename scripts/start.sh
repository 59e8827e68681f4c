#!/usr/bin/env bash
# npm start: install what is missing, build the web app when its sources changed, then run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh
bash scripts/ensure-node-modules.sh
bash scripts/ensure-system-packages.sh
bash scripts/ensure-web-build.sh
exec node --import tsx scripts/start.ts
