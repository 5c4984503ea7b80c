#!/usr/bin/env bash
# Where the time of `broadsheet build` goes after a one-article edit, stage by stage.
#
#     Benchmarks/build-after-edit.sh [ARTICLES] [RUNS]     (defaults: 10000 articles, 3 runs)
#
# Uses the site Benchmarks/run.sh made ($BENCH_DIR/ARTICLES/site, default /tmp/broadsheet-bench)
# and the release binary. Builds once so that the cache is current, then, RUNS times each, appends
# a sentence to one article (nothing but its page shows it: rebuilt in place) and a quotation by a new speaker
# (lists, speakers, exports change), runs `build --verbose` and prints its total and stages. The
# article is put back as it was at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
articles="${1:-10000}"
runs="${2:-3}"
site="${BENCH_DIR:-/tmp/broadsheet-bench}/$articles/site"
broadsheet="$PWD/.build/release/broadsheet"
[ -d "$site/Content/articles" ] || { echo "error: no site at $site; run Benchmarks/run.sh $articles first" >&2; exit 1; }
[ -x "$broadsheet" ] || { echo "error: no release binary; run swift build -c release --product broadsheet" >&2; exit 1; }

# An article from the middle of the archive, copied so that the corpus file it links to stays.
file=$(find "$site/Content/articles" -name '*.md' | sort | sed -n "$((articles / 2))p")
cp "$file" "$file.orig"
trap 'mv "$file.orig" "$file"' EXIT
cp "$file.orig" "$file.tmp" && mv "$file.tmp" "$file"
started=$SECONDS
"$broadsheet" build --source "$site" --quiet
if (( SECONDS - started > 5 )); then
  # A whole build (a new binary, say) replaced the output, which is being deleted in the background;
  # on ext4 without a journal, creating files is slower for minutes after a deletion.
  echo "note: that was a whole build; its deleted output slows builds for a few minutes: run again later" >&2
fi

for kind in sentence quotation; do
  for run in $(seq 1 "$runs"); do
    if [ "$kind" = sentence ]; then
      printf '\nAnother sentence, number %s.\n' "$run$RANDOM" >> "$file"
    else
      printf '\n\u201cWe will look at it again, %s,\u201d said Jane Doe-%s.\n' "$run" "$RANDOM" >> "$file"
    fi
    log=$("$broadsheet" build --source "$site" --verbose 2>&1 | grep -v '^reading\|^rendering')
    total=$(grep -o 'in [0-9.]* s' <<< "$log" | tail -1)
    stages=$(grep -E '^ +[0-9.]+ ms' <<< "$log" | sed -E 's/^ +([0-9.]+) ms +([^(,:]*).*/\2 \1/; s/ +([0-9.]+)$/:\1/' | paste -sd' ')
    printf '%-9s %s | %s\n' "$kind" "$total" "$stages"
  done
done
