#!/usr/bin/env bash
# `npm test`: makes sure dependencies and system packages are present, then runs Vitest.
# Arguments are passed to Vitest (e.g. a folder or a test name filter).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-node-modules.sh
bash scripts/ensure-system-packages.sh
exec npx vitest run "$@"
