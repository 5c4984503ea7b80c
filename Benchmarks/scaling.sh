#!/usr/bin/env bash
# How a cold build's time grows with the archive: SMALL, then LARGE, then SMALL articles again,
# each into a fresh output folder, and LARGE's time over the mean of the two SMALL runs.
#
#     Benchmarks/scaling.sh [SMALL] [LARGE] [ROUNDS]     (defaults: 10000 100000 1)
#
# The corpora are the ones Benchmarks/run.sh generates and keeps ($BENCH_DIR, default
# /tmp/broadsheet-bench; generated here when missing). This machine's speed drifts by a fifth or
# more within an hour, so a ratio is only meaningful between builds run back to back; the small
# build runs before and after the large one for that reason. Nothing is deleted until the end
# (see run.sh: on ext4 without a journal, creating files is slower for minutes after a deletion).
# LARGE = 100000 needs about 12 GB of disk for the outputs and takes about 3 minutes per round.
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-10000}"
large="${2:-100000}"
rounds="${3:-1}"
bench="${BENCH_DIR:-/tmp/broadsheet-bench}"
work="$bench/scaling"
source Benchmarks/corpus.sh
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

echo "building Broadsheet (release)…" >&2
swift build -c release --product broadsheet >"$work/swift-build.log" 2>&1 || { cat "$work/swift-build.log" >&2; exit 1; }
broadsheet="$PWD/.build/release/broadsheet"

for articles in "$small" "$large"; do
  ensure_corpus "$articles" "$bench/$articles"
  make_site "$bench/$articles/corpus" "$work/site-$articles"
done

build() { # articles, output name: prints "wall cpu"
  /usr/bin/time -f "%e %U %S" -o "$work/time.out" \
    "$broadsheet" build --source "$work/site-$1" --output "$work/$2" --quiet >/dev/null 2>"$work/build.err" \
    || { cat "$work/build.err" >&2; exit 1; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time.out"
}

printf '%-8s %10s %10s %10s %10s\n' round "$small s" "$large s" "$small s" "ratio (CPU)"
for round in $(seq 1 "$rounds"); do
  read -r before before_cpu < <(build "$small" "out-$round-a")
  read -r big big_cpu < <(build "$large" "out-$round-b")
  read -r after after_cpu < <(build "$small" "out-$round-c")
  awk -v r="$round" -v a="$before" -v b="$big" -v c="$after" -v ac="$before_cpu" -v bc="$big_cpu" -v cc="$after_cpu" \
    'BEGIN { printf "%-8s %10.2f %10.2f %10.2f %6.1f (%.1f)\n", r, a, b, c, 2 * b / (a + c), 2 * bc / (ac + cc) }'
done
echo "ratio: the large build's wall time over the mean of the small ones (CPU time in brackets);" \
  "$((large / small)) times the articles" >&2
