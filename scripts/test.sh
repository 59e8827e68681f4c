#!/usr/bin/env bash
# `npm test`: makes sure dependencies and system packages are present and the web app is built
# (the server serves it in tests; the HA packages for the topology test in ops/ha/), then runs Vitest.
# Arguments go to Vitest (a folder, a filter).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh

bash scripts/ensure-node-modules.sh
bash scripts/ensure-system-packages.sh --with-browser --with-ha
bash scripts/ensure-web-build.sh
exec npx vitest run "$@"
