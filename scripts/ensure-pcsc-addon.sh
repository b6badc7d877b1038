#!/usr/bin/env bash
# The PC/SC addon (the optional dependency pcsclite) compiles during npm ci only when libpcsclite-dev is installed. On a
# fresh machine `npm ci && npm test` runs npm ci before the test command installs that package, so npm left the addon
# out and the social-security card tests would find no reader. Add it now, at the version package.json pins, without
# writing package.json or the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f node_modules/pcsclite/build/Release/pcsclite.node ] && exit 0
if [ -d node_modules/pcsclite ]; then
  # There but never compiled (e.g. installed with scripts off): compile it in place.
  echo "Building the PC/SC addon (pcsclite), installed without being compiled"
  npm rebuild --ignore-scripts=false pcsclite
else
  version=$(node -p "require('./package.json').optionalDependencies.pcsclite")
  echo "Building the PC/SC addon (pcsclite@${version}), left out by npm ci before its headers were installed"
  npm install --no-save --ignore-scripts=false "pcsclite@${version}"
fi
[ -f node_modules/pcsclite/build/Release/pcsclite.node ] || { echo "The PC/SC addon did not build: is libpcsclite-dev installed?" >&2; exit 1; }
