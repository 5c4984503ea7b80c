#!/usr/bin/env bash
# Broadsheet against Hugo on the same synthetic archive, side by side.
#
#     Benchmarks/run.sh [ARTICLES] [RUNS]        (defaults: 10000 articles, 3 runs)
#
# Generates ARTICLES articles with ../shared/bench/make-corpus.py (kept in $BENCH_DIR, default
# /tmp/broadsheet-bench, and reused), builds Broadsheet in release mode, installs Debian's hugo
# with apt when missing, then runs each cold build RUNS times (output folders moved aside between
# runs, outside the timing) under /usr/bin/time and prints the median wall time, CPU time
# (user + system) and peak RSS of each, and Broadsheet's as a ratio of Hugo's. Then Broadsheet's
# builds from its cache: after one article is edited (RUNS times, a different article each time)
# and with nothing changed.
# Folders the benchmark replaces (earlier outputs, the last run's site) are moved into
# $work/trash and deleted when it ends, not before each build: on ext4 without a journal (this
# machine's) the kernel declines to reuse the inodes of files deleted in the last minute or more,
# checking each of them before it creates a file, which made the cold builds that followed a
# deletion of 30,000 files a third slower than a first build into a fresh folder.
# Broadsheet builds everything (enrichment, entity and quote pages, feeds, search, exports);
# Hugo renders Benchmarks/hugo: articles, a paginated home page, tag pages, RSS and a sitemap.
set -euo pipefail
cd "$(dirname "$0")/.."
articles="${1:-10000}"
runs="${2:-3}"
work="${BENCH_DIR:-/tmp/broadsheet-bench}/$articles"
source Benchmarks/corpus.sh
ensure_corpus "$articles" "$work"
trash="$work/trash"
discard() { # moves folders aside, into $trash; deleted at exit
  mkdir -p "$trash"
  for folder in "$@"; do
    if [ -e "$folder" ]; then mv "$folder" "$(mktemp -d "$trash/XXXXXX")/"; fi
  done
}
trap 'rm -rf "$trash"' EXIT
if ! command -v hugo >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing hugo with apt-get…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hugo >/dev/null
fi
echo "building Broadsheet (release)…" >&2
swift build -c release --product broadsheet >"$work/swift-build.log" 2>&1 || { cat "$work/swift-build.log" >&2; exit 1; }
broadsheet="$PWD/.build/release/broadsheet"

# The Broadsheet site: the corpus articles (hard links) and gazetteer, the default theme.
site="$work/site"
discard "$site" "$work/hugo"
make_site "$work/corpus" "$site"
# The Hugo site: Benchmarks/hugo with the same articles as its content.
cp -r Benchmarks/hugo "$work/hugo"

measure() { # label, output folder, command…: one line "wall cpu rss_kb" per run into $work/$label.times
  local label="$1" output="$2"; shift 2
  : > "$work/$label.times"
  for run in $(seq 1 "$runs"); do
    discard "$output" "$(dirname "$output")/.$(basename "$output").cache"
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >/dev/null 2>"$work/$label.err" \
      || { cat "$work/$label.err" >&2; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.out" >> "$work/$label.times"
    echo "  $label run $run: $(tail -1 "$work/$label.times" | awk '{ printf "%.2f s wall, %.2f s CPU, %d MB", $1, $2, $3 / 1024 }')" >&2
  done
}
measure broadsheet "$site/Output" "$broadsheet" build --source "$site" --quiet
# One article edited (a copy, not the corpus file it is linked to) before each build.
measure_edits() {
  : > "$work/edit.times"
  for run in $(seq 1 "$runs"); do
    local file
    file=$(find "$site/Content/articles" -name '*.md' | sort | sed -n "$((run * 97))p")
    cp "$file" "$file.tmp" && mv "$file.tmp" "$file"
    printf '\n\u201cWe will look at this again in run %s,\u201d said Graham Pell.\n' "$run" >> "$file"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$broadsheet" build --source "$site" --quiet \
      2>"$work/edit.err" || { cat "$work/edit.err" >&2; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.out" >> "$work/edit.times"
    echo "  one article edited, run $run: $(tail -1 "$work/edit.times" | awk '{ printf "%.2f s wall, %d MB", $1, $3 / 1024 }')" >&2
  done
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$broadsheet" build --source "$site" --quiet
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.out" > "$work/unchanged.times"
}
measure_edits
measure hugo "$work/hugo/public" hugo --quiet --source "$work/hugo" --contentDir "$work/corpus/articles" --destination "$work/hugo/public"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
report() { # label → "wall cpu rss_mb"
  echo "$(cut -d' ' -f1 "$work/$1.times" | median) $(cut -d' ' -f2 "$work/$1.times" | median) $(cut -d' ' -f3 "$work/$1.times" | median | awk '{ printf "%.0f", $1 / 1024 }')"
}
read -r bw bc bm <<< "$(report broadsheet)"
read -r hw hc hm <<< "$(report hugo)"
pages=$(find "$site/Output" -name '*.html' | wc -l)
hugo_pages=$(find "$work/hugo/public" -name '*.html' | wc -l)
printf '\n%s articles, median of %s cold builds (%s, %s cores, %s)\n' "$articles" "$runs" "$(date +%F)" "$(nproc)" "$(uname -m)"
printf '%-11s %9s %9s %9s %9s\n' "" "wall s" "CPU s" "RSS MB" "pages"
printf '%-11s %9s %9s %9s %9s\n' broadsheet "$bw" "$bc" "$bm" "$pages"
printf '%-11s %9s %9s %9s %9s\n' hugo "$hw" "$hc" "$hm" "$hugo_pages"
awk -v bw="$bw" -v hw="$hw" -v bc="$bc" -v hc="$hc" -v bm="$bm" -v hm="$hm" \
  'BEGIN { printf "%-11s %9.2f %9.2f %9.2f\n", "ratio", bw / hw, bc / hc, bm / hm }'
read -r ew ec em <<< "$(report edit)"
read -r uw uc um <<< "$(report unchanged)"
printf '%-11s %9s %9s %9s   after one article is edited (build cache)\n' broadsheet "$ew" "$ec" "$em"
printf '%-11s %9s %9s %9s   nothing changed\n' broadsheet "$uw" "$uc" "$um"
