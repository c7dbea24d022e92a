#!/usr/bin/env bash
# The hourglass's waist on the host's side: host/abi is the only host code
# that includes retort/abi.h, or an SDK header that does (issue 11). The
# SDK's ABI-free headers (text.hpp, spelling.hpp) may be used anywhere; the
# templates `retort init` writes are plugin sources, not host code.
#   host_waist_test.sh SOURCE_DIR
set -uo pipefail
src=${1:?usage: host_waist_test.sh SOURCE_DIR}
pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]retort/(abi\.h|sdk/(common|dialect|revision|provider|vocabulary|fitted_op|sql_renderer|ops)\.hpp)[>"]'
offenders=$(cd "$src" && grep -rlE "$pattern" host --include='*.cpp' --include='*.hpp' --include='*.in' |
            grep -v '^host/abi/' | grep -v '^host/cli/authoring/templates/' || true)
if [ -n "$offenders" ]; then
  echo "FAIL: host code outside host/abi includes the C ABI:"
  echo "$offenders" | sed 's/^/  /'
  exit 1
fi
# Nor through host/abi's headers: every one the rest of the host includes,
# and every host/abi header those include in turn, is free of the C ABI
# (forward declarations only); the internal ones stay inside host/abi.
declare -A seen=()
exposes_abi() {  # exposes_abi HEADER: prints the chain to a C ABI include, if any
  local header=$1 inner
  [ -n "${seen[$header]:-}" ] && return 1
  seen[$header]=1
  if grep -qE "$pattern" "$src/$header"; then echo "$header"; return 0; fi
  for inner in $(grep -oE '#include "host/abi/[a-z_]+\.hpp"' "$src/$header" | grep -oE 'host/abi/[a-z_]+\.hpp'); do
    if chain=$(exposes_abi "$inner"); then echo "$header -> $chain"; return 0; fi
  done
  return 1
}
leaks=""
for header in $(cd "$src" && grep -rlE '#include "host/abi/' host --include='*.cpp' --include='*.hpp' | grep -v '^host/abi/' |
                xargs grep -hoE '#include "host/abi/[a-z_]+\.hpp"' | grep -oE 'host/abi/[a-z_]+\.hpp' | sort -u); do
  seen=()
  if chain=$(exposes_abi "$header"); then leaks+="  $chain"$'\n'; fi
done
if [ -n "$leaks" ]; then
  echo "FAIL: host/abi headers the rest of the host includes bring in the C ABI:"
  printf '%s' "$leaks"
  exit 1
fi
# The check must be able to fail: host/abi itself does include it.
if ! (cd "$src" && grep -rqE "$pattern" host/abi); then
  echo "FAIL: the pattern finds nothing even in host/abi: the check is broken"
  exit 1
fi
echo "ok: only host/abi includes retort/abi.h"
