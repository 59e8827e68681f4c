#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked when node_modules is missing, older than
# package-lock.json or installed by another Node.js version (install scripts such as esbuild's and
# bcrypt's ran under that one). npm ci only runs install scripts of packages listed in "allowScripts".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node.sh

# npm writes node_modules/.package-lock.json at the end of every install, so it marks a complete one.
installed_with=node_modules/.installed-with-node
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ||
  "$(cat "$installed_with" 2>/dev/null)" != "$(node --version)" ]]; then
  echo "Installing npm dependencies with Node.js $(node --version) (npm ci)…"
  npm ci --no-audit --no-fund
  node --version >"$installed_with"
fi
