#!/usr/bin/env bash
# Runs every test suite on a fresh Debian machine: installs what is missing (MariaDB, Node 24, Chromium),
# builds, runs the .NET suites, the Angular unit tests and the browser tests against the real host, and
# ends with one line "N passed, N failed" added up from the suites' own results.
# Exit code: 0 only when every suite ran and nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
passed=0
failed=0
status=0

# Adds a suite's counts; a suite that reported nothing counts as one failure.
count() { # name passed failed
  if [ -z "$2" ] || [ -z "$3" ]; then
    echo "!! $1 reported no results" >&2
    failed=$((failed + 1)); status=1; return
  fi
  echo "== $1: $2 passed, $3 failed"
  passed=$((passed + $2)); failed=$((failed + $3))
  [ "$3" -gt 0 ] && status=1
  return 0
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; echo "0 passed, 1 failed"; exit 1; }
bash etc/install-mariadb.sh || { echo "Could not install MariaDB." >&2; echo "0 passed, 1 failed"; exit 1; }
bash etc/install-chromium.sh || { echo "Could not install Chromium." >&2; echo "0 passed, 1 failed"; exit 1; }
node_bin=$(bash etc/install-node.sh) || { echo "Could not install Node." >&2; echo "0 passed, 1 failed"; exit 1; }
export PATH="$node_bin:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NG_CLI_ANALYTICS=false

# --- .NET (the host's build also builds the Angular UI when angular/dist is missing) -----------------
rm -rf angular/dist  # always test the UI of this checkout
dotnet build SaasCrm.sln -nologo -v minimal || { echo "0 passed, 1 failed"; exit 1; }
for project in test/SaasCrm.Platform.Tests test/SaasCrm.Search.Tests test/SaasCrm.Customers.Tests test/SaasCrm.Workflows.Tests test/SaasCrm.Service.Tests test/SaasCrm.ArchitectureTests test/SaasCrm.Api.Tests; do
  name=$(basename "$project")
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  counters=$(grep -o '<Counters [^>]*>' "$results/$name.trx" 2>/dev/null | head -n 1)
  count "$name" "$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")" "$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
done

# --- Angular unit tests (the host's build above made the UI build and installed its packages) ------
[ -f angular/dist/browser/index.html ] || { count "angular build" "" ""; }
(cd angular && npm test --silent) 2>&1 | tee "$results/ui-unit.log"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$results/ui-unit.log" | tail -n 1)
count "angular unit" "$(sed -n 's/^\([0-9]*\) passed.*/\1/p' <<<"$line")" "$(sed -n 's/.* \([0-9]*\) failed$/\1/p' <<<"$line")"

# --- Module boundaries of the UI (Sheriff): one check, counted as one result --------------------------
if (cd angular && npm run lint:boundaries --silent) > "$results/boundaries.log" 2>&1; then
  count "ui module boundaries" 1 0
else
  cat "$results/boundaries.log"
  count "ui module boundaries" 0 1
fi

# --- Browser tests against the real host serving the UI build --------------------------------------
e2e_data=$(mktemp -d)
port=5181
ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
  Database__ConnectionString="Data Source=$e2e_data/e2e.db" DataFolder__Path="$e2e_data" Jobs__PollInterval=00:00:01 \
  dotnet src/SaasCrm.Host/bin/Debug/net10.0/SaasCrm.Host.dll --contentRoot "$root/src/SaasCrm.Host" > "$results/e2e-host.log" 2>&1 &
host_pid=$!
healthy() { node -e "fetch('http://127.0.0.1:$port/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
for _ in $(seq 1 120); do
  healthy && break
  sleep 1
done
if healthy; then
  (cd angular && E2E_BASE_URL="http://127.0.0.1:$port" npm run e2e --silent) 2>&1 | tee "$results/e2e.log"
  e2e_exit=${PIPESTATUS[0]}
  e2e_pass=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$results/e2e.log" | tail -n 1)
  e2e_fail=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$results/e2e.log" | tail -n 1)
  e2e_cancelled=$(sed -n 's/^ℹ cancelled \([0-9]*\)$/\1/p' "$results/e2e.log" | tail -n 1)
  # A cancelled test (e.g. its suite's setup failed) did not pass: it counts as failed.
  [ -n "$e2e_fail" ] && e2e_fail=$((e2e_fail + ${e2e_cancelled:-0}))
  [ "$e2e_exit" -ne 0 ] && [ "${e2e_fail:-0}" -eq 0 ] && e2e_fail=1
  count "browser" "$e2e_pass" "$e2e_fail"
else
  tail -n 40 "$results/e2e-host.log"
  count "browser" "" ""
fi
kill "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null
rm -rf "$e2e_data"

echo "$passed passed, $failed failed"
exit $status
