#!/usr/bin/env bash
# Installs the MariaDB server binaries (mariadbd, mariadb-install-db) on Debian 12.
#
# The integration tests start their own throwaway server (see
# test/SaasCrm.Api.Tests/Infrastructure/MariaDbServer.cs), so this script neither
# needs nor configures the system service; if apt starts it, it is left alone.
# Idempotent: prints the installed version and exits if mariadbd is already present.
set -euo pipefail

find_mariadbd() {
  local p
  for p in "$(command -v mariadbd 2>/dev/null || true)" /usr/sbin/mariadbd /usr/sbin/mysqld; do
    if [[ -n "$p" && -x "$p" ]]; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

if bin="$(find_mariadbd)"; then
  echo "MariaDB already installed: $("$bin" --version 2>/dev/null || echo "$bin")"
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "install-mariadb.sh: must run as root (or via sudo)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# Another apt/dpkg may be running concurrently: wait for its locks, and retry a
# few times in case the lock is taken between our attempts.
apt_retry() {
  local attempt
  for attempt in 1 2 3 4 5; do
    if apt-get -o DPkg::Lock::Timeout=300 "$@"; then
      return 0
    fi
    echo "install-mariadb.sh: 'apt-get $*' failed (attempt $attempt), retrying in 10s" >&2
    sleep 10
  done
  apt-get -o DPkg::Lock::Timeout=300 "$@"
}

apt_retry -qq update
apt_retry install -y -qq --no-install-recommends mariadb-server

if bin="$(find_mariadbd)"; then
  echo "MariaDB installed: $("$bin" --version 2>/dev/null || echo "$bin")"
else
  echo "install-mariadb.sh: mariadb-server installed but mariadbd not found" >&2
  exit 1
fi
