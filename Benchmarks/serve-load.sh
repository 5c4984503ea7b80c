#!/usr/bin/env bash
# serve under load, beside nginx serving the same site from Output/.
#
#     Benchmarks/serve-load.sh [ARTICLES=1000] [SECONDS=20] [BINARY]
#
# Builds a site of ARTICLES synthetic articles, starts `serve` (release binary) and nginx on
# loopback ports, and runs `wrk -t2 -c100` for SECONDS against one article page on each, and
# against a missing page on serve; prints requests per second, errors and non-2xx answers, and
# serve's resident memory before and after. Then opens and closes 20,000 live-reload streams and
# counts serve's open descriptors before and after. wrk and nginx are installed with apt when
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/corpus.sh
articles="${1:-1000}"
seconds="${2:-20}"
broadsheet="${3:-$PWD/.build/release/broadsheet}"
[ -x "$broadsheet" ] || swift build -c release --product broadsheet >/dev/null
for tool in wrk; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
work=$(mktemp -d /tmp/broadsheet-load-XXXX)
chmod 755 "$work"
cleanup() {
  kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null || true
  [ -n "${serve:-}" ] && kill "$serve" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ensure_corpus "$articles" "$work"
make_site "$work/corpus" "$work/site"
"$broadsheet" build --quiet --source "$work/site"
chmod -R a+rX "$work/site"
start_nginx "$work" 8438 "$work/site/Output" 1024
"$broadsheet" serve --source "$work/site" --port 8439 > "$work/serve.log" 2>&1 &
serve=$!
for _ in $(seq 100); do curl -fs -o /dev/null http://127.0.0.1:8439/ && break; sleep 0.2; done
page=$(cd "$work/site/Output/articles" && ls | sed -n 1p)
rss() { awk '/VmRSS/ { print int($2 / 1024) " MB" }' "/proc/$serve/status"; }
fds() { ls "/proc/$serve/fd" | wc -l; }
load() {
  local name="$1" url="$2"
  wrk -t2 -c100 -d"${seconds}s" "$url" > "$work/wrk" 2>&1 || true
  local rate errors non2xx
  rate=$(awk '/Requests\/sec/ { print int($2) }' "$work/wrk")
  errors=$(awk '/Socket errors/ { sub(/.*connect /, ""); print }' "$work/wrk")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk")
  printf '%-26s %10s %12s %22s\n' "$name" "$rate" "${non2xx:-0}" "${errors:-none}"
}
echo "serve resident memory before: $(rss)"
printf '%-26s %10s %12s %22s\n' target "requests/s" "non-2xx" "socket errors"
load "nginx, an article" "http://127.0.0.1:8438/articles/$page/"
load "serve, an article" "http://127.0.0.1:8439/articles/$page/"
load "serve, a missing page" "http://127.0.0.1:8439/no/such/page/"
echo "serve resident memory after: $(rss)"
before=$(fds)
python3 - <<'PY'
import socket
for _ in range(20000):
    s = socket.create_connection(("127.0.0.1", 8439))
    s.sendall(b"GET /__broadsheet/events HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(256)
    s.close()
PY
sleep 2
echo "live-reload streams: 20,000 opened and closed; serve's descriptors $before before, $(fds) after"
