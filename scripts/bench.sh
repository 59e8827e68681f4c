#!/usr/bin/env bash
# `npm run bench`: makes sure dependencies and system packages are present and the web app is
# built (so neither lands inside a measurement), then runs each bench/*.bench.ts in turn, or only
# the files given as arguments. Every benchmark starts and stops its own server and cluster.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh

bash scripts/ensure-node-modules.sh
bash scripts/ensure-system-packages.sh
bash scripts/ensure-web-build.sh

if (( $# > 0 )); then files=("$@"); else files=(bench/*.bench.ts); fi
failed=()
for file in "${files[@]}"; do
  echo "== $file ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  npx tsx "$file" || failed+=("$file")
done
if (( ${#failed[@]} > 0 )); then
  echo "Failed: ${failed[*]}" >&2
  exit 1
fi
