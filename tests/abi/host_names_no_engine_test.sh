#!/usr/bin/env bash
# The host names no engine (issue 11): which URL form a scheme takes, which
# package ships its dialect and what the dialect can do come from the dialect
# (its descriptor's capabilities) or from the build's retort_ship_plugin()
# declarations, never from an engine's name compared in host code. Examples
# in messages and help ("e.g. sqlite:///file.db") are words, not decisions,
# so only a literal that is exactly an engine's name or scheme is refused.
#   host_names_no_engine_test.sh SOURCE_DIR
set -uo pipefail
src=${1:?usage: host_names_no_engine_test.sh SOURCE_DIR}
engines='sqlite3?|postgres(ql)?|pg|mariadb|mysql|oracle|mssql|sqlserver'
offenders=$(cd "$src" && grep -rnoiE "\"($engines)(://)?\"" host --include='*.cpp' --include='*.hpp' |
            grep -v '^host/cli/authoring/templates/' || true)
if [ -n "$offenders" ]; then
  echo "FAIL: host code decides by an engine's name (let the dialect declare it):"
  echo "$offenders" | sed 's/^/  /'
  exit 1
fi
echo "ok: no host source compares or maps an engine's name"
