# Sourced by the benchmark scripts: the synthetic archive and a Broadsheet site made from it.

# ensure_corpus ARTICLES DIR: generates ARTICLES articles with ../shared/bench/make-corpus.py into
# DIR/corpus unless they are there already (kept and reused between runs).
ensure_corpus() {
  local articles="$1" dir="$2" script="../shared/bench/make-corpus.py"
  [ -d "$dir/corpus/articles" ] && return 0
  [ -f "$script" ] || { echo "error: $script not found (it sits beside the repository)" >&2; exit 1; }
  echo "generating $articles articles into $dir/corpus…" >&2
  rm -rf "$dir/corpus"
  mkdir -p "$dir"
  python3 "$script" "$dir/corpus" -n "$articles" >/dev/null
}

# make_site CORPUS SITE: a Broadsheet site of the corpus articles (hard links) and gazetteer, with
# the default theme.
make_site() {
  local corpus="$1" site="$2"
  mkdir -p "$site/Content"
  cp -al "$corpus/articles" "$site/Content/articles"
  cp "$corpus/entities.yml" "$site/Content/entities.yml"
  printf 'title: Bench\nbase_url: https://example.org/\n' > "$site/Content/site.yml"
  cp -r Templates "$site/Templates"
}

# start_nginx WORK PORT ROOT CONNECTIONS: nginx (installed with apt when missing) serving ROOT on a
# loopback PORT, its pid in WORK/nginx.pid for the caller's cleanup.
start_nginx() {
  local work="$1" port="$2" root="$3" connections="$4" nginx
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  fi
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$work/tmp"
  cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections $connections; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$port; root $root; }
}
CONF
  "$nginx" -c "$work/nginx.conf"
}
