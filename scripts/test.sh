#!/usr/bin/env bash
# Every test: type check, build the PWA, then unit, integration and browser tests.
# The tests need a few Debian packages; as root they are installed, otherwise the exact install line is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh
bash scripts/ensure-pcsc-addon.sh

echo "== type check"
npx tsc -p tsconfig.json --noEmit

echo "== build the PWA"
npx vite build --logLevel warn

echo "== unit, integration and region (PostgreSQL) tests"
npx vitest run --project unit --project integration --project region

echo "== browser tests (Chromium)"
npx vitest run --project e2e
