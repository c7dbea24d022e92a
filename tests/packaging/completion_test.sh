#!/usr/bin/env bash
# completion_test.sh RETORT COMPLETION_SCRIPT: bash completion as a user
# meets it, with the built retort first on PATH, inside the bash-completion
# framework when it is installed and also without it. Checks that every
# command and option `retort --help` knows is offered (so the script cannot
# drift from the CLI), that revision ids and label@head come from the
# project's configuration without creating a database, and that a broken
# configuration completes quietly.
set -uo pipefail

retort=$1
script=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset RETORT_CONFIG RETORT_PLUGIN_PATH RETORT_DATABASE_URL DATABASE_URL
bin=$work/bin
mkdir -p "$bin" && ln -s "$retort" "$bin/retort"

mkdir -p "$work/project/migrations" && cd "$work/project" || exit 1
cat > migrations/a.sql <<'SQL'
-- retort:revision aaaa00000001
-- retort:message first
-- retort:branch_labels shop
-- retort:upgrade
CREATE TABLE a (id INTEGER);
-- retort:downgrade
DROP TABLE a;
SQL
cat > migrations/b.sql <<'SQL'
-- retort:revision aaaa00000002
-- retort:down_revision aaaa00000001
-- retort:message second
-- retort:upgrade
CREATE TABLE b (id INTEGER);
-- retort:downgrade
DROP TABLE b;
SQL
printf '[retort]\ndatabase_url = sqlite:///never_created.db\nrevisions = migrations\n' > retort.ini
# A second configuration, with other revisions, for `-c`.
mkdir other
sed 's/aaaa00000001/bbbb00000001/; s/shop/other/' migrations/a.sql > other/a.sql
printf '[retort]\ndatabase_url = sqlite:///never_created.db\nrevisions = other\n' > other.ini

# The driver: a fresh bash that loads the completion, then prints, for each
# line on stdin, the candidates offered at its end (space-separated).
cat > "$work/driver.bash" <<'DRIVER'
[[ $WITH_FRAMEWORK == yes ]] && source /usr/share/bash-completion/bash_completion
source "$COMPLETION_SCRIPT"
while IFS= read -r line; do
  COMP_LINE=$line
  COMP_POINT=${#line}
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _retort
  echo "${COMPREPLY[*]}"
done
DRIVER

frameworks=(no)
[[ -f /usr/share/bash-completion/bash_completion ]] && frameworks+=(yes)

fail() {
  echo "FAIL (bash-completion framework: $framework): $*" >&2
  exit 1
}

# What the CLI itself says it accepts.
commands=$("$retort" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
[[ -n $commands ]] || { echo "FAIL: no commands found in retort --help" >&2; exit 1; }
# Each option line's own name (`  --from  ...`, `  -c [ --config ] arg`), not
# options its description mentions.
options_of() {
  "$retort" "$@" --help | grep -E '^  -' | sed -E 's/^ +(-[a-zA-Z] \[ )?(--[a-z][a-z-]*).*/\2/' |
    grep -E '^--' | sort -u | tr '\n' ' '
}
declare -A options
options[global]=$(options_of)
for command in $commands; do options[$command]=$(options_of "$command"); done

# Each check is a line typed so far and the words that must be offered at its
# end ("-" for: nothing at all). All lines of a round go through one bash.
checks=(
  "retort |$commands"
  "retort up|upgrade"
  "retort --|${options[global]}"
  "retort upgrade |head heads base aaaa00000001 aaaa00000002 shop@head"
  "retort downgrade aaaa|aaaa00000001 aaaa00000002"
  "retort show aaaa00000002 |-"
  "retort revision --head |aaaa00000001 aaaa00000002"
  "retort merge |aaaa00000001 aaaa00000002"
  "retort --format |text json"
  "retort --log-level |error warn info debug"
  "retort init --template |sqldir cpp"
  "retort plugins |inspect lock"
  # The configuration named on the line is the one asked.
  "retort -c other.ini upgrade |bbbb00000001 other@head"
  "retort --config=other.ini upgrade |bbbb00000001"
  # A missing configuration: the fixed targets, nothing on stderr.
  "retort -c /nonexistent/retort.ini upgrade |head base"
)
for command in $commands; do checks+=("retort $command --|${options[$command]}"); done

for framework in "${frameworks[@]}"; do
  mapfile -t answers < <(
    for check in "${checks[@]}"; do echo "${check%%|*}"; done |
      PATH=$bin:$PATH WITH_FRAMEWORK=$framework COMPLETION_SCRIPT=$script \
        bash --norc "$work/driver.bash" 2> "$work/stderr")
  [[ ! -s $work/stderr ]] || fail "completion printed on stderr: $(cat "$work/stderr")"
  [[ ${#answers[@]} == "${#checks[@]}" ]] || fail "expected ${#checks[@]} answers, got ${#answers[@]}"
  for i in "${!checks[@]}"; do
    line=${checks[i]%%|*}
    wanted=${checks[i]#*|}
    offered=" ${answers[i]} "
    if [[ $wanted == - ]]; then
      [[ -z ${answers[i]} ]] || fail "'$line<TAB>' offers '${answers[i]}', expected nothing"
      continue
    fi
    for word in $wanted; do
      [[ $offered == *" $word "* ]] || fail "'$line<TAB>' does not offer '$word' (offers: ${answers[i]})"
    done
  done
  [[ ! -e never_created.db ]] ||
    fail "completing revision ids created the database file"
done
echo "ok: completion offers commands, options, revision ids (frameworks tried: ${frameworks[*]})"
