#!/usr/bin/env bash
# `npm run lint`: ESLint (with the import-direction rules), Prettier's formatting check, and the
# check that documentation references point into the repository.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/with-node.sh eslint .
bash scripts/with-node.sh prettier --check --log-level warn .
bash scripts/with-node.sh tsx scripts/check-doc-references.ts
