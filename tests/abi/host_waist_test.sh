#!/usr/bin/env bash
# The hourglass's waist on the host's side: host/abi is the only host code
# that includes retort/abi.h, or an SDK header that does (issue 11). The
# SDK's ABI-free headers (text.hpp, spelling.hpp) may be used anywhere; the
# templates `retort init` writes are plugin sources, not host code.
#   host_waist_test.sh SOURCE_DIR
set -uo pipefail
src=${1:?usage: host_waist_test.sh SOURCE_DIR}
pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]retort/(abi\.h|sdk/(common|dialect|revision|provider|vocabulary|fitted_op|sql_renderer)\.hpp)[>"]'
offenders=$(cd "$src" && grep -rlE "$pattern" host --include='*.cpp' --include='*.hpp' --include='*.in' |
            grep -v '^host/abi/' | grep -v '^host/cli/authoring/templates/' || true)
if [ -n "$offenders" ]; then
  echo "FAIL: host code outside host/abi includes the C ABI:"
  echo "$offenders" | sed 's/^/  /'
  exit 1
fi
# The check must be able to fail: host/abi itself does include it.
if ! (cd "$src" && grep -rqE "$pattern" host/abi); then
  echo "FAIL: the pattern finds nothing even in host/abi: the check is broken"
  exit 1
fi
echo "ok: only host/abi includes retort/abi.h"
