#!/usr/bin/env bash
# `npm run typecheck`: the three TypeScript projects (server, ops, scripts and bench; the browser
# journeys; the web app), each checked by tsc without emitting.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for project in tsconfig.json e2e/tsconfig.json web/tsconfig.json; do
  bash scripts/with-node.sh tsc -p "$project" --noEmit
done
