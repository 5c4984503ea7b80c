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
