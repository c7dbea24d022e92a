#!/usr/bin/env bash
# bench/profile.sh: instruction counts (valgrind --tool=callgrind) of the
# start-up bound commands on the N_LARGE project compare.py generated. Unlike
# wall times, these do not move with the load of a shared machine, so they
# are what to compare before and after a change to the host.
#
#   bench/profile.sh [RETORT] [WORK] [N]
#     RETORT  default build-bench/bin/retort
#     WORK    default /tmp/retort-bench (run bench/compare.py first)
#     N       default 10000
#
# Prints one line per command: instructions executed, the command. The
# callgrind files stay in WORK/callgrind/ for callgrind_annotate.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
retort=${1:-$here/../build-bench/bin/retort}
work=${2:-/tmp/retort-bench}
n=${3:-10000}
project=$work/linear-$n
books=$work/large-linear-$n-books.db
full=$work/large-linear-$n.db

command -v valgrind >/dev/null || { echo "profile.sh: install valgrind" >&2; exit 2; }
for f in "$retort" "$project/retort-cpp.ini" "$books" "$full"; do
  [[ -e $f ]] || { echo "profile.sh: $f is missing (build retort, run bench/compare.py)" >&2; exit 2; }
done
mkdir -p "$work/callgrind"

count() {
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind/$name.out" "$@" >/dev/null 2>"$work/callgrind/$name.log"
  local ir
  ir=$(sed -n 's/.*refs: *//p' "$work/callgrind/$name.log" | tr -d ,)
  printf '%14s  %s\n' "$(printf "%'d" "$ir")" "$name"
}

for provider in cpp sqldir; do
  ini=$project/retort-$provider.ini
  count "heads-$provider" "$retort" -c "$ini" --url "sqlite:///$books" heads
  count "current-$provider" "$retort" -c "$ini" --url "sqlite:///$books" current
  count "history-$provider" "$retort" -c "$ini" --url "sqlite:///$books" history
  count "upgrade-sql-$provider" "$retort" -c "$ini" --url "sqlite:///$books" upgrade head --sql
done
count "current-cpp-full-database" "$retort" -c "$project/retort-cpp.ini" --url "sqlite:///$full" current
count "sqlite3-select-full-database" sqlite3 "$full" "SELECT version_num FROM retort_version"
