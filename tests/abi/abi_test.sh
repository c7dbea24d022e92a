#!/usr/bin/env bash
# abi_test.sh CASE RETORT PLUGIN_DIR: one ABI-stability case, acted out with
# the built retort on a SQLite file in a temporary folder, as a user would.
# Fails with a message naming what was expected and what happened.
set -uo pipefail

case_name=$1
retort=$2
plugins=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() {
  echo "FAIL ($case_name): $*" >&2
  [[ -f out ]] && { echo "--- stdout"; cat out; } >&2
  [[ -f err ]] && { echo "--- stderr"; cat err; } >&2
  exit 1
}

# run ARGS...: retort with a config naming one revision plugin; sets $code.
use_plugin() {
  printf '[retort]\ndatabase_url = sqlite:///test.db\nrevisions = %s\n' "$1" > retort.ini
}
run() {
  "$retort" -c retort.ini "$@" > out 2> err
  code=$?
}
expect_code() {
  [[ $code == "$1" ]] || fail "retort $2 exited $code, expected $1"
}
expect_in() {  # expect_in FILE TEXT
  grep -qF -- "$2" "$1" || fail "$1 does not contain '$2'"
}
sql() { sqlite3 -batch test.db "$1"; }

case $case_name in
  frozen_1_0_plugin_runs)
    plugin=$plugins/frozen_revisions.so
    "$retort" plugins inspect "$plugin" > out 2> err || fail "plugins inspect failed"
    expect_in out "provider frozen_1_0 1.0.0 (ABI 1.0)"
    use_plugin "$plugin"
    run -x item=widget upgrade head; expect_code 0 "upgrade head"
    run current; expect_code 0 current
    expect_in out a1000000000b
    [[ $(sql "SELECT name || ':' || price FROM frozen_items") == "widget:9.5" ]] ||
      fail "frozen_items holds '$(sql 'SELECT * FROM frozen_items')', expected the row widget:9.5"
    run downgrade -1; expect_code 0 "downgrade -1"
    sql "SELECT price FROM frozen_items" 2> /dev/null && fail "price column still there after downgrade -1"
    run downgrade base; expect_code 0 "downgrade base"
    [[ -z $(sql "SELECT name FROM sqlite_master WHERE name = 'frozen_items'") ]] ||
      fail "frozen_items still exists after downgrade base"
    ;;

  future_minor_plugin_runs)
    plugin=$plugins/future_minor.so
    use_plugin "$plugin"
    run upgrade head; expect_code 0 "upgrade head"
    run current; expect_code 0 current
    expect_in out f19000000001
    [[ -n $(sql "SELECT name FROM sqlite_master WHERE name = 'from_the_future'") ]] ||
      fail "the 1.9 plugin's revision did not create from_the_future"
    run heads; expect_code 0 heads
    expect_in out f19000000001
    ;;

  future_major_refused_before_loading)
    plugin=$plugins/future_major.so
    use_plugin "$plugin"
    RETORT_ABI_TRIPWIRE=$work/tripwire run upgrade head
    expect_code 3 "upgrade head with an ABI 2 plugin"
    expect_in err "$plugin"
    expect_in err "ABI 2.0"
    grep -qE "ABI 1(\.[0-9x]+)?" err || fail "the message does not name the host's ABI 1.x"
    [[ ! -e tripwire ]] || fail "the host ran the ABI 2 plugin's code before refusing it"
    [[ ! -e test.db ]] || [[ -z $(sql "SELECT name FROM sqlite_master") ]] ||
      fail "the database was changed"
    ;;

  future_major_descriptor_refused)
    # The note lies (1.0); the descriptor tells the truth (2.0).
    plugin=$plugins/future_major_descriptor_only.so
    use_plugin "$plugin"
    run upgrade head
    expect_code 3 "upgrade head with a plugin whose descriptor says ABI 2"
    expect_in err "$plugin"
    expect_in err "ABI 2.0"
    grep -qE "ABI 1(\.[0-9x]+)?" err || fail "the message does not name the host's ABI 1.x"
    ;;

  *)
    fail "unknown case"
    ;;
esac
echo "ok ($case_name)"
