#!/usr/bin/env bash
# The test suite once more, built with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc, Debug) in its own build directory, against
# the servers whose URLs scripts/test.sh exported. Every executable and every
# plugin is instrumented; plugins get the ASan runtime as a DT_NEEDED library
# (gcc links libasan.so into shared objects), so retort_add_plugin's
# -Wl,--no-undefined holds and the host, itself instrumented, can dlopen them.
# Any report fails the run: a sanitizer error ends the process with an exit
# code no retort command uses (86 ASan and LeakSanitizer, 87 UBSan).
#
#   RETORT_ASAN_BUILD_DIR build directory (default build-asan)
#   RETORT_JOBS           parallel jobs (default: nproc)
#   RETORT_ASAN_EXCLUDE   a ctest -E regex of tests too slow to run instrumented (default: none)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
: "${RETORT_TEST_POSTGRESQL_URL:?run from scripts/test.sh, which starts the servers}"
: "${RETORT_TEST_MARIADB_URL:?run from scripts/test.sh, which starts the servers}"

build=${RETORT_ASAN_BUILD_DIR:-$root/build-asan}
jobs=${RETORT_JOBS:-$(nproc)}
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

echo "==> building with ASan and UBSan in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" -j"$jobs"

echo "==> running the suite under ASan and UBSan"
export ASAN_OPTIONS=exitcode=86:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export LSAN_OPTIONS=exitcode=86:suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=exitcode=87:print_stacktrace=1:halt_on_error=1
exclude=()
[ -n "${RETORT_ASAN_EXCLUDE:-}" ] && exclude=(-E "$RETORT_ASAN_EXCLUDE")
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 900 "${exclude[@]}"
