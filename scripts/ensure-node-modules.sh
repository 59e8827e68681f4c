#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked when node_modules is missing or older than
# package-lock.json. npm ci only runs install scripts of packages listed in "allowScripts".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# npm writes node_modules/.package-lock.json at the end of every install, so it marks a complete one.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi
