#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in their own build
# directory (everything instrumented with ASan and UBSan) and runs each for a
# bounded time, starting from the seeds committed in tests/fuzz/corpus/.
# Exits non-zero if any target finds anything: a crash, a broken property,
# a leak, a timeout or running out of memory. Inputs the fuzzers discover go
# to the build directory, never into the repository; a finding is saved
# there too, with how to reproduce it.
#
#   RETORT_FUZZ_SECONDS   time per target (default 20)
#   RETORT_FUZZ_TARGETS   space-separated subset (default: all)
#   RETORT_FUZZ_BUILD_DIR build directory (default build-fuzz)
#   RETORT_JOBS           parallel compile jobs (default: nproc)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/deps.sh

ensure_packages "${RETORT_BUILD_PACKAGES[@]}" "${RETORT_FUZZ_PACKAGES[@]}"

build=${RETORT_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${RETORT_FUZZ_SECONDS:-20}
jobs=${RETORT_JOBS:-$(nproc)}
read -r -a targets <<<"${RETORT_FUZZ_TARGETS:-sqldir_parse goose_read dbmate_read diesel_read url config target sqlite_split postgresql_split mariadb_split}"

echo "==> building the fuzz targets in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DRETORT_BUILD_FUZZ=ON -DRETORT_WITH_SHOP=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target retort_fuzzers

failed=()
for target in "${targets[@]}"; do
  program=$build/bin/fuzz_$target
  [ -x "$program" ] || { echo "error: no fuzz target '$target' ($program)" >&2; exit 2; }
  discovered=$build/fuzz/$target/corpus
  findings=$build/fuzz/$target/findings
  rm -rf "$findings"  # only this run's findings are reported
  mkdir -p "$discovered" "$findings"
  seeds=("tests/fuzz/corpus/$target")
  [ "$target" = sqldir_parse ] && seeds+=(tests/sqldir/corpus)
  echo "==> fuzzing $target for ${seconds}s"
  log=$build/fuzz/$target/fuzz.log
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: runaway memory.
  if "$program" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$findings/" "$discovered" "${seeds[@]}" >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units' "$log" | sed "s/^/    /" || true
  else
    echo "!!! $target found a problem; the end of $log:" >&2
    tail -n 40 "$log" >&2
    for finding in "$findings"/*; do
      [ -e "$finding" ] || continue
      echo "!!! reproduce: $program $finding   (then fix it and copy the input into tests/fuzz/corpus/$target/)" >&2
    done
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "error: fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
echo "==> fuzzing found nothing in ${#targets[@]} target(s), ${seconds}s each"
