#!/usr/bin/env bash
# terminal_cli_test.sh CASE RETORT: the built retort upgrading a folder of
# three .sql revisions on SQLite, its stderr either a file (as in CI) or a
# pseudo-terminal (util-linux `script`), checking which escape sequences
# reach the reader.
set -uo pipefail

case_name=$1
retort=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset NO_COLOR RETORT_CONFIG RETORT_PLUGIN_PATH RETORT_DATABASE_URL DATABASE_URL RETORT_LOG_LEVEL RETORT_LOG_FORMAT
export TERM=xterm

fail() {
  echo "FAIL ($case_name): $*" >&2
  [[ -f shown ]] && { echo "--- what the reader saw (cat -A)"; cat -A shown; } >&2
  exit 1
}

mkdir migrations
revisions=${REVISIONS:-3}
for i in $(seq 1 "$revisions"); do
  {
    echo "-- retort:revision r00000000000$i"
    ((i > 1)) && echo "-- retort:down_revision r00000000000$((i - 1))"
    echo "-- retort:message create t$i"
    echo "-- retort:upgrade"
    echo "CREATE TABLE t$i (id INTEGER PRIMARY KEY);"
    echo "-- retort:downgrade"
    echo "DROP TABLE t$i;"
  } > "migrations/r$i.sql"
done
printf '[retort]\ndatabase_url = sqlite:///t.db\nrevisions = migrations\n' > retort.ini

# in_a_pipe ARGS...: stderr to a file, as a CI log.
in_a_pipe() {
  "$retort" "$@" upgrade head > /dev/null 2> shown || fail "retort upgrade head failed"
}
# on_a_terminal ARGS...: stdin, stdout and stderr on a pseudo-terminal.
on_a_terminal() {
  local command
  command=$(printf '%q ' "$retort" "$@" upgrade head)
  script -qec "$command" /dev/null < /dev/null > shown || fail "retort upgrade head failed on a terminal"
}
no_escapes() { ! grep -q $'\x1b' shown || fail "escape sequences where plain text was due"; }
no_colour() { ! grep -qE $'\x1b\\[[0-9;]*m' shown || fail "colour (SGR) sequences despite $1"; }
has_colour() { grep -qE $'\x1b\\[[0-9;]*m' shown || fail "no colour on a terminal"; }
has_progress() {
  grep -qF "[1/$revisions] upgrade r000000000001 create t1 ... " shown || fail "no progress line [1/$revisions]"
  grep -qF "[$revisions/$revisions] upgrade r00000000000$revisions create t$revisions ... " shown ||
    fail "no progress line [$revisions/$revisions]"
}
has_log_lines() { grep -q "running upgrade r000000000001" shown || fail "the log lines are missing"; }

case $case_name in
  plain_lines_in_a_pipe)
    in_a_pipe
    has_log_lines
    no_escapes
    ! grep -q $'\r' shown || fail "carriage returns in a pipe"
    ;;
  no_color_in_a_pipe)
    NO_COLOR=1 in_a_pipe
    has_log_lines
    no_escapes
    ;;
  colour_and_progress_on_a_terminal)
    on_a_terminal
    has_log_lines
    has_colour
    has_progress
    ;;
  no_color_on_a_terminal)
    NO_COLOR=1 on_a_terminal
    has_log_lines
    no_colour NO_COLOR
    has_progress  # NO_COLOR is about colour; the progress line stays
    ;;
  json_logs_on_a_terminal)
    on_a_terminal --log-format json
    grep -q '"msg":"running upgrade r000000000001' shown || fail "no JSON log lines"
    no_escapes
    ;;
  dumb_terminal)
    TERM=dumb on_a_terminal
    has_log_lines
    no_escapes
    ;;
  single_revision_no_progress)
    rm migrations/r2.sql migrations/r3.sql
    on_a_terminal
    has_log_lines
    ! grep -qF "[1/1]" shown || fail "a progress line for a single revision"
    ;;
  *)
    fail "unknown case"
    ;;
esac
echo "ok ($case_name)"
