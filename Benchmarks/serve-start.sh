#!/usr/bin/env bash
# How long `broadsheet serve` takes to start on a site, what it holds in memory, and what a page
# costs when asked for (serve renders each page at each request and keeps none).
#
#     Benchmarks/serve-start.sh BROADSHEET_BINARY SITE_FOLDER [ARTICLE_PAGES]
#
# Starts `serve --port 0`, prints the seconds until it listens and its resident memory (VmRSS and
# peak VmHWM from /proc), fetches the home, quotation, people, tags and archive pages once each
# with curl (status, bytes, seconds), then ARTICLE_PAGES article pages (default 200) one after
# another, and the memory again. Use a release binary (`swift build -c release`) and a site made
# by Benchmarks/run.sh (e.g. /tmp/broadsheet-bench/10000/site). After a `build` by the same
# binary, serve starts from the cache that build left (SITE/.Output.cache): move it aside to time
# a start that reads and annotates every article.
set -euo pipefail
binary=$1
site=$2
count=${3:-200}
log=$(mktemp)
start=$(date +%s.%N)
"$binary" serve --source "$site" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
url=""
while [ -z "$url" ]; do
  kill -0 $server 2>/dev/null || { cat "$log" >&2; echo "serve stopped" >&2; exit 1; }
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*[^ ]*' "$log" | head -n 1 || true)
  sleep 0.05
done
ready=$(date +%s.%N)
memory() { grep -E 'VmRSS|VmHWM' "/proc/$server/status" | tr -s ' \t\n' ' '; echo; }
printf 'listening after %.1f s at %s\n' "$(echo "$ready - $start" | bc)" "$url"
memory
for page in "" quotes/ people/ tags/ archive/ quotes/by-speaker/; do
  curl -s -o /dev/null -w "/$page: %{http_code}, %{size_download} bytes, %{time_total} s\n" "$url$page"
done
# Slugs from file names (YYYY-MM-DD-slug.md, as make-corpus.py names them); misses are not counted.
slugs=$(find "$site/Content/articles" -name '*.md' | sort | head -n "$count" | sed 's|.*/||; s/^[0-9]*-[0-9]*-[0-9]*-//; s/\.md$//' || true)
first=$(date +%s.%N)
fetched=0
for slug in $slugs; do
  curl -sf -o /dev/null "${url}articles/$slug/" && fetched=$((fetched + 1))
done
printf '%d article pages in %.2f s (one curl each)\n' "$fetched" "$(echo "$(date +%s.%N) - $first" | bc)"
memory
