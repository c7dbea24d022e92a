#!/usr/bin/env bash
# The whole suite: installs what is missing (build tools, PostgreSQL and
# MariaDB servers), starts both servers on 127.0.0.1 in a folder this script
# owns, builds, runs every test with ctest, and stops the servers, also when
# something fails. A server that cannot start fails the run: no test skips.
set -euo pipefail
# retort refuses plugins others could change; a umask of 002 would make every
# plugin the build writes group-writable, so builds here use the usual 022.
umask 022
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/deps.sh
source scripts/lib/postgres.sh
source scripts/lib/mariadb.sh

ensure_packages "${RETORT_BUILD_PACKAGES[@]}" "${RETORT_SERVER_PACKAGES[@]}" "${RETORT_PACKAGING_PACKAGES[@]}"

build=${RETORT_BUILD_DIR:-$root/build}
jobs=${RETORT_JOBS:-$(nproc)}
servers=$(mktemp -d /tmp/retort-servers.XXXXXX)
chmod 755 "$servers"
pg_port=${RETORT_PG_PORT:-55432}
maria_port=${RETORT_MARIADB_PORT:-33306}

cleanup() {
  local status=$?
  pg_stop "$servers/pg" >/dev/null 2>&1 || true
  mariadb_stop "$servers/mariadb" >/dev/null 2>&1 || true
  rm -rf "$servers"
  exit $status
}
trap cleanup EXIT INT TERM

echo "==> starting PostgreSQL on 127.0.0.1:$pg_port"
pg_start "$servers/pg" "$pg_port" || { echo "error: PostgreSQL did not start" >&2; exit 1; }
echo "==> starting MariaDB on 127.0.0.1:$maria_port"
mariadb_start "$servers/mariadb" "$maria_port" || { echo "error: MariaDB did not start" >&2; exit 1; }
: "${RETORT_TEST_POSTGRESQL_URL:?pg_start did not export RETORT_TEST_POSTGRESQL_URL}"
: "${RETORT_TEST_MARIADB_URL:?mariadb_start did not export RETORT_TEST_MARIADB_URL}"

echo "==> building in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$jobs"

echo "==> running the suite"
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 600

# Bounded fuzzing of every parser (clang, build-fuzz), then the whole suite
# again under ASan and UBSan (gcc, build-asan) against the same servers.
RETORT_JOBS=$jobs scripts/fuzz.sh
RETORT_JOBS=$jobs scripts/sanitize.sh
