#!/usr/bin/env bash
# man_page_test.sh RETORT MAN_PAGE: retort(1) documents every command and
# every option `retort --help` lists, so the page cannot drift from the CLI.
# Reads the troff source (no man-db needed): \- is a hyphen, \fX a font.
set -uo pipefail

retort=$1
page=$2

text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
grep -q '^\.TH RETORT 1' "$page" || { echo "FAIL: $page is not retort(1)" >&2; exit 1; }

missing=()
commands=$("$retort" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
[[ -n $commands ]] || { echo "FAIL: no commands found in retort --help" >&2; exit 1; }
for command in $commands; do
  sed -n '/^\.SH COMMANDS/,/^\.SH [A-Z]/p' <<<"$text" | grep -E '^\.(B|BI|BR) ' | grep -qw -- "$command" ||
    missing+=("command $command")
  for option in $("$retort" "$command" --help | grep -E '^  -' | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
    grep -qF -- "$option" <<<"$text" || missing+=("option $option (of $command)")
  done
done
for code in 0 1 2 3 4 5 6; do
  grep -qE "^\.B $code$" <<<"$text" || missing+=("exit status $code")
done

if ((${#missing[@]})); then
  printf 'FAIL: %s does not document:\n' "$page" >&2
  printf '  %s\n' "${missing[@]}" | sort -u >&2
  exit 1
fi
echo "ok: retort(1) documents every command, option and exit status"
