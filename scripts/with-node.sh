#!/usr/bin/env bash
# Runs a command (`npm run lint`, `ops`, `db:types`, `build:web`…) with the project's Node.js and
# node_modules/.bin first on PATH and node_modules installed by that Node.js, so that the node npm
# itself runs on (perhaps the system's older one) never runs our tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh
bash scripts/ensure-node-modules.sh
PATH="$PWD/node_modules/.bin:$PATH"
exec "$@"
