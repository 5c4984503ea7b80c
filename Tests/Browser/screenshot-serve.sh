#!/usr/bin/env bash
# Loads an article page from `broadsheet serve` in headless Chromium (Debian's `chromium` package)
# and saves a screenshot, checking that the page rendered and the live-reload script is present.
#   Tests/Browser/screenshot-serve.sh [OUT.png] [SITE_FOLDER] [ARTICLE_PATH]
# Installs chromium with apt when missing. Used to make docs/images/article.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/broadsheet-article.png}
site=${2:-.}
article=${3:-articles/council-votes-to-keep-harbour-library-open/}
if ! command -v chromium >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
swift build --product broadsheet >&2
log=$(mktemp)
"$(swift build --show-bin-path)/broadsheet" serve --source "$site" --port 0 >"$log" 2>&1 &
server=$!
# Background jobs of a script ignore SIGINT, so stop the server as a service manager would.
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  url=$(grep -o 'serving http://[^ ]*' "$log" | head -n 1 | cut -d' ' -f2 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { cat "$log" >&2; echo "serve did not start" >&2; exit 1; }
html=$(curl -fsS "$url$article")
grep -q 'data-broadsheet-live-reload' <<<"$html" || { echo "no live-reload script in $url$article" >&2; exit 1; }
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1000 \
  --screenshot="$out" "$url$article" >/dev/null 2>&1
size=$(stat -c %s "$out")
[ "$size" -gt 20000 ] || { echo "screenshot $out is suspiciously small ($size bytes)" >&2; exit 1; }
echo "saved $out ($size bytes) from $url$article"
