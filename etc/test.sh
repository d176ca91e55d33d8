#!/usr/bin/env bash
# Runs every test suite on a fresh Debian machine: installs what is missing (MariaDB for the database
# tests), builds, runs the .NET suites, and ends with one line "N passed, N failed" added up from the
# suites' own result files. Exit code: 0 only when every suite ran and nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; exit 1; }
bash etc/install-mariadb.sh || { echo "Could not install MariaDB." >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build SaasCrm.sln -nologo -v minimal || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in test/SaasCrm.Platform.Tests test/SaasCrm.ArchitectureTests test/SaasCrm.Api.Tests; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# Sum the counters of every result file; a suite that wrote none counts as one failure.
passed=0
failed=0
for project in test/SaasCrm.Platform.Tests test/SaasCrm.ArchitectureTests test/SaasCrm.Api.Tests; do
  trx="$results/$(basename "$project").trx"
  if [ ! -f "$trx" ]; then
    echo "No results from $project" >&2
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
