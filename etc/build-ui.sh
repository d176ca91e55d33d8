#!/usr/bin/env bash
# Builds the Angular UI into angular/dist/browser (served by the host on the API's port).
# Installs a pinned Node 24 first when the machine's Node is too old. Run by the host's build when the
# UI build is missing, so `dotnet run --project src/SaasCrm.Host` on a fresh machine serves the UI.
set -euo pipefail
cd "$(dirname "$0")/.."
node_bin=$(bash etc/install-node.sh)
export PATH="$node_bin:$PATH" NG_CLI_ANALYTICS=false
cd angular
# npm ci cannot be used: the registry lacks other platforms' optional binaries the lock would need;
# install keeps the locked versions and leaves the lock unchanged.
[ -d node_modules ] || npm install --no-audit --no-fund --loglevel=error
npm run build --silent
