#!/usr/bin/env bash
# The whole suite: installs what is missing (build tools, PostgreSQL,
# PgBouncer, MariaDB, Galera), starts every server on 127.0.0.1 in a folder
# this script owns (PostgreSQL, a PgBouncer in transaction pooling in front of
# it, MariaDB, and a 3-node MariaDB Galera cluster), builds, runs every test
# with ctest, and stops the servers, also when something fails. A server that
# cannot start fails the run: no test skips.
set -euo pipefail
# retort refuses plugins others could change; a umask of 002 would make every
# plugin the build writes group-writable, so builds here use the usual 022.
umask 022
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/deps.sh
source scripts/lib/postgres.sh
source scripts/lib/mariadb.sh
source scripts/lib/galera.sh
source scripts/lib/pgbouncer.sh

ensure_packages "${RETORT_BUILD_PACKAGES[@]}" "${RETORT_SERVER_PACKAGES[@]}" "${RETORT_PACKAGING_PACKAGES[@]}"

build=${RETORT_BUILD_DIR:-$root/build}
jobs=${RETORT_JOBS:-$(nproc)}
servers=$(mktemp -d /tmp/retort-servers.XXXXXX)
chmod 755 "$servers"
pg_port=${RETORT_PG_PORT:-55432}
maria_port=${RETORT_MARIADB_PORT:-33306}
galera_port=${RETORT_GALERA_PORT:-23316}  # below the ephemeral ports: see galera.sh
pgbouncer_port=${RETORT_PGBOUNCER_PORT:-56432}

cleanup() {
  local status=$?
  pgbouncer_stop "$servers/pgbouncer" >/dev/null 2>&1 || true
  pg_stop "$servers/pg" >/dev/null 2>&1 || true
  mariadb_stop "$servers/mariadb" >/dev/null 2>&1 || true
  galera_stop "$servers/galera" >/dev/null 2>&1 || true
  rm -rf "$servers"
  exit $status
}
trap cleanup EXIT INT TERM

# The servers start side by side (each in a background job with its own
# log), since the cluster alone takes a quarter of a minute to form. The jobs
# are started in this shell, not in a command substitution, so that `wait`
# can collect them.
echo "==> starting PostgreSQL (:$pg_port), MariaDB (:$maria_port) and a 3-node Galera cluster (:$galera_port-$((galera_port + 2)))"
pg_start "$servers/pg" "$pg_port" >"$servers/postgresql.start.log" 2>&1 &
pg_job=$!
mariadb_start "$servers/mariadb" "$maria_port" >"$servers/mariadb.start.log" 2>&1 &
maria_job=$!
galera_start "$servers/galera" "$galera_port" >"$servers/galera.start.log" 2>&1 &
galera_job=$!
failed=()
wait "$pg_job" || failed+=(postgresql)
wait "$maria_job" || failed+=(mariadb)
wait "$galera_job" || failed+=(galera)
if ((${#failed[@]})); then
  for name in "${failed[@]}"; do tail -n 30 "$servers/$name.start.log" >&2; done
  echo "error: did not start: ${failed[*]}" >&2
  exit 1
fi
echo "==> starting PgBouncer (:$pgbouncer_port, transaction pooling) in front of PostgreSQL"
pgbouncer_start "$servers/pgbouncer" "$pg_port" "$pgbouncer_port" || { echo "error: PgBouncer did not start" >&2; exit 1; }
# The background jobs' exports are lost with their subshells: the URLs are
# the ones the start functions document.
export RETORT_TEST_POSTGRESQL_URL="postgresql://retort:rt-test-pw@127.0.0.1:$pg_port/retort_test"
export RETORT_TEST_MARIADB_URL="mariadb://retort:rt-test-pw@127.0.0.1:$maria_port/retort_test"
export RETORT_TEST_GALERA_URLS="mariadb://retort:rt-test-pw@127.0.0.1:$galera_port/retort_test mariadb://retort:rt-test-pw@127.0.0.1:$((galera_port + 1))/retort_test mariadb://retort:rt-test-pw@127.0.0.1:$((galera_port + 2))/retort_test"
export RETORT_TEST_GALERA_DIR="$servers/galera"
: "${RETORT_TEST_PGBOUNCER_URL:?pgbouncer_start did not export RETORT_TEST_PGBOUNCER_URL}"

echo "==> building in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$jobs"

echo "==> running the suite"
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 600

# Bounded fuzzing of every parser (clang, build-fuzz), then the whole suite
# again under ASan and UBSan (gcc, build-asan) against the same servers.
RETORT_JOBS=$jobs scripts/fuzz.sh
RETORT_JOBS=$jobs scripts/sanitize.sh
