#!/usr/bin/env bash
# Fuzzes the readers with libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer:
#   tools/fuzz.sh TARGET SECONDS [libFuzzer flags...]
# TARGET is one of project, strokes, head_metadata, obj, mesh, or all (each in turn, SECONDS each).
# The committed seeds (fuzz/corpus/TARGET) are copied into a scratch corpus under build/fuzz, so
# the committed one does not grow. A crash, an uncaught exception, a leak, more than 2 GB or an
# input taking over 20 s ends the run: its input is kept under build/fuzz/findings/TARGET and
# printed, and the script exits non-zero. Extra flags go to libFuzzer, e.g. -fork=1
# -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 to keep going after a finding.
set -euo pipefail
targets=(project strokes head_metadata obj mesh)
if [ $# -lt 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: tools/fuzz.sh {${targets[*]// /|}|all} SECONDS [libFuzzer flags...]" >&2
  exit 2
fi
target="$1"
seconds="$2"
shift 2
if [ "$target" = all ]; then
  selected=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $target "* ]]; then
  selected=("$target")
else
  echo "fuzz.sh: unknown target '$target' (${targets[*]}, all)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
root="$PWD"

bash tools/install-deps.sh
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# llvm-14 brings llvm-symbolizer, for stacks with file and line.
$sudo apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev llvm-14 >/dev/null

build=build/fuzz
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTIPPLE_FUZZ=ON -DSTIPPLE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target "${selected[@]/#/fuzz_}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
failed=()
for t in "${selected[@]}"; do
  corpus="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  cp fuzz/corpus/"$t"/* "$corpus"/
  marker="$(mktemp)"
  echo "== fuzz_$t for $seconds s (corpus $corpus, findings $findings)"
  status=0
  # libFuzzer keeps inputs slower than 10 s as "slow units"; the limit here is the timeout's 20 s.
  nice "$build/fuzz/fuzz_$t" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
    -report_slow_units=20 -print_final_stats=1 -artifact_prefix="$root/$findings/" "$@" || status=$?
  new=$(find "$findings" -type f -newer "$marker" | sort)
  rm -f "$marker"
  if [ "$status" -ne 0 ] || [ -n "$new" ]; then
    failed+=("$t")
    for input in $new; do
      echo "== finding: $input ($(stat -c %s "$input") bytes), base64:"
      head -c 65536 "$input" | base64
      echo "== reproduce: $build/fuzz/fuzz_$t $input"
    done
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]}" >&2
  exit 1
fi
