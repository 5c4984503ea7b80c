#!/usr/bin/env bash
# Fuzzes one of Broadsheet's input readers with libFuzzer (bundled with Swift on Linux):
#
#     Tests/Fuzz/fuzz.sh TARGET [SECONDS=60]     TARGET: frontmatter | plaintext | quotes | url | all
#
# Builds the fuzz targets with -sanitize=fuzzer,address into .build-fuzz/ (its own build folder,
# ignored by git), copies the seed corpus (Tests/Fuzz/corpus/TARGET) into a scratch folder, and
# runs for SECONDS (each target in turn for `all`). A failure leaves `crash-…` in the current
# folder and exits non-zero; replay it with `swift run broadsheet-fuzz-replay TARGET crash-…`.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:?usage: Tests/Fuzz/fuzz.sh frontmatter|plaintext|quotes|url|all [SECONDS]}"
seconds="${2:-60}"
# Linked with lld (lld-toolset.json): gold fails on the sanitizer runtime's debug information.
swift build -c release --product broadsheet-fuzz-replay --scratch-path .build-fuzz --toolset Tests/Fuzz/lld-toolset.json \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library >&2
binary=.build-fuzz/release/broadsheet-fuzz-replay
targets=("$target")
if [ "$target" = all ]; then targets=(frontmatter plaintext quotes url); fi
failed=0
for name in "${targets[@]}"; do
  work=$(mktemp -d)
  cp Tests/Fuzz/corpus/"$name"/* "$work"/
  echo "fuzzing $name for $seconds s" >&2
  status=0
  BROADSHEET_FUZZ_TARGET="$name" ASAN_OPTIONS=detect_leaks=0 "$binary" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$work" > "$work.log" 2>&1 || status=$?
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|ERROR|SUMMARY|Test unit written" "$work.log" >&2 || true
  if [ "$status" -ne 0 ]; then tail -40 "$work.log" >&2; fi
  rm -f "$work.log"
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then echo "fuzzing $name failed (status $status)" >&2; failed=1; fi
done
exit "$failed"
