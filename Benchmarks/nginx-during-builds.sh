#!/usr/bin/env bash
# Whether a static server reading Output/ ever misses a page while Broadsheet rebuilds it.
#
#     Benchmarks/nginx-during-builds.sh [ARTICLES=1000] [BINARY]
#
# Builds a site of ARTICLES synthetic articles, serves its Output/ with nginx on a loopback port,
# and keeps two clients fetching every page that exists before and after each build while it runs:
# a sentence edited, an article added, an article deleted, and a `--force` build. Prints, for each,
# the requests made and those answered with anything but 200 (the goal: 0). nginx is installed
# with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/corpus.sh
articles="${1:-1000}"
broadsheet="${2:-$PWD/.build/release/broadsheet}"
[ -x "$broadsheet" ] || swift build -c release --product broadsheet >/dev/null
work=$(mktemp -d /tmp/broadsheet-nginx-XXXX)
chmod 755 "$work"
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
ensure_corpus "$articles" "$work"
make_site "$work/corpus" "$work/site"
"$broadsheet" build --quiet --source "$work/site"
chmod -R a+rX "$work/site"
port=8437
start_nginx "$work" "$port" "$work/site/Output" 256
sleep 0.3
articles_dir="$work/site/Content/articles"
first=$(ls "$articles_dir" | sed -n 1p)
last=$(ls "$articles_dir" | tail -1)
pages() { (cd "$work/site/Output" && find . -name index.html | sed 's|^\./||; s|index.html$||' | sort); }
printf '%-22s %9s %9s\n' edit requests "not 200"
step() {
  local name="$1"
  shift
  pages > "$work/before"
  python3 - "$port" "$work/before" "$work/stop" > "$work/failed" <<'PY' &
import http.client, os, sys, threading
port, pages, stop = int(sys.argv[1]), open(sys.argv[2]).read().split(), sys.argv[3]
failed, count = [], [0]
lock = threading.Lock()
def client(offset):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    index = offset
    while not os.path.exists(stop):
        path = pages[index % len(pages)]
        index += 7
        try:
            connection.request("GET", "/" + path)
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except Exception:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            ok = False
        with lock:
            count[0] += 1
            if not ok: failed.append(path)
threads = [threading.Thread(target=client, args=(n,)) for n in range(2)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(count[0])
print("\n".join(failed))
PY
  local client=$!
  sleep 0.3
  "$@"
  sleep 0.3
  touch "$work/stop"
  wait "$client"
  rm -f "$work/stop"
  pages > "$work/after"
  # Only pages there both before and after the build count.
  python3 - "$work/failed" "$work/before" "$work/after" "$name" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
both = set(open(sys.argv[2]).read().split()) & set(open(sys.argv[3]).read().split())
bad = [path for path in lines[1:] if path and path in both]
print(f"{sys.argv[4]:<22} {lines[0]:>9} {len(bad):>9}")
PY
}
edit() { printf '\nOne more sentence, edited during the benchmark.\n' >> "$articles_dir/$first"; "$broadsheet" build --quiet --source "$work/site"; }
add() { cp "$articles_dir/$first" "$articles_dir/2099-01-01-added.${first##*.}"; "$broadsheet" build --quiet --source "$work/site"; }
delete() { rm "$articles_dir/$last"; "$broadsheet" build --quiet --source "$work/site"; }
force() { "$broadsheet" build --quiet --force --source "$work/site"; }
step "a sentence edited" edit
step "an article added" add
step "an article deleted" delete
step "--force" force
