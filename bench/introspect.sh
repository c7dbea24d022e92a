#!/usr/bin/env bash
# How long `retort schema` takes to read a schema of N tables (issue 12:
# 1,000 tables well under a second), whole process, with hyperfine
# (alternating nothing: one command per engine; medians and ranges), next
# to the floor of the engine's own client listing the same tables.
#   bench/introspect.sh RETORT [N]   (servers: RETORT_TEST_POSTGRESQL_URL,
#                                     RETORT_TEST_MARIADB_URL; skipped when unset)
# Each table: an integer key, four columns of generic types, a foreign key
# to the previous table, a unique constraint and an index.
set -euo pipefail
retort=$(readlink -f "${1:?usage: bench/introspect.sh RETORT [N]}")
n=${2:-1000}
work=${RETORT_BENCH_WORK:-/tmp/retort-bench/introspect}
rm -rf "$work" && mkdir -p "$work"

ddl() {  # ddl QUOTE: the N tables' DDL
  local q=$1 i
  for ((i = 0; i < n; i++)); do
    local ref=""
    ((i > 0)) && ref=", prev_id INTEGER REFERENCES ${q}t$((i - 1))${q} (id)"
    echo "CREATE TABLE ${q}t$i${q} (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, note TEXT, amount NUMERIC(10,2) DEFAULT 0, born DATE$ref, CONSTRAINT ${q}uq_t$i${q} UNIQUE (name));"
    echo "CREATE INDEX ${q}ix_t${i}_amount${q} ON ${q}t$i${q} (amount);"
  done
}

run() {  # run NAME URL FLOOR_COMMAND
  echo "== $1: retort schema, $n tables"
  hyperfine --warmup 1 --runs 7 --export-json "$work/$1.json" \
    "$retort --url '$2' --log-level error --format json schema > /dev/null" \
    "$3 > /dev/null"
}

ddl '"' > "$work/sqlite.sql"
sqlite3 "$work/bench.db" < "$work/sqlite.sql"
run sqlite "sqlite:///$work/bench.db" "sqlite3 '$work/bench.db' 'SELECT m.name, x.* FROM sqlite_schema m, pragma_table_xinfo(m.name) x'"

if [ -n "${RETORT_TEST_POSTGRESQL_URL:-}" ]; then
  # A database of its own: dropping 1,000 tables one by one (DROP SCHEMA
  # CASCADE) needs more locks than a default server has.
  url=$RETORT_TEST_POSTGRESQL_URL
  psql "$url" -qc "DROP DATABASE IF EXISTS bench_introspect" -c "CREATE DATABASE bench_introspect" >/dev/null
  bench_url="${url%/*}/bench_introspect"
  ddl '"' | psql "$bench_url" -q >/dev/null
  run postgresql "$bench_url" \
    "psql '$bench_url' -Atc \"SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND a.attnum > 0\""
  psql "$url" -qc "DROP DATABASE bench_introspect" >/dev/null
fi

if [ -n "${RETORT_TEST_MARIADB_URL:-}" ]; then
  url=$RETORT_TEST_MARIADB_URL
  rest=${url#*://}; creds=${rest%%@*}; hostport=${rest#*@}; hostport=${hostport%%/*}
  client=(mariadb -h "${hostport%%:*}" -P "${hostport##*:}" -u "${creds%%:*}" -p"${creds#*:}")
  "${client[@]}" -e "DROP DATABASE IF EXISTS bench_introspect; CREATE DATABASE bench_introspect"
  ddl '`' | "${client[@]}" bench_introspect
  run mariadb "${url%/*}/bench_introspect" \
    "${client[*]} -e \"SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'bench_introspect'\""
  "${client[@]}" -e "DROP DATABASE bench_introspect"
fi
