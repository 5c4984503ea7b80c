#!/usr/bin/env bash
# Whether one article's cost grows with its length and no faster (transcripts and hearings run to
# thousands of paragraphs).
#
#     Benchmarks/long-article.sh [PARAGRAPHS…]     (default: 1000 2000 4000 8000)
#
# Builds, with the release binary, a site holding one invented article of each length in turn
# (every paragraph a quotation with its speaker, a second person, places, a partial quotation and
# a pronoun), and prints the time `build --verbose` gives its article stage, per 1,000 paragraphs.
# Linear cost keeps that last column flat.
set -euo pipefail
cd "$(dirname "$0")/.."
lengths=("${@:-1000 2000 4000 8000}")
read -r -a lengths <<< "${lengths[*]}"
broadsheet="$PWD/.build/release/broadsheet"
[ -x "$broadsheet" ] || swift build -c release --product broadsheet >/dev/null
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/Content/articles"
cp -r Templates "$site/Templates"
printf 'title: Long articles\nbase_url: https://example.org/\n' > "$site/Content/site.yml"
printf '%-11s %10s %9s %14s\n' paragraphs "size KB" "ms" "ms per 1,000"
for paragraphs in "${lengths[@]}"; do
  rm -f "$site/Content/articles/"*.md
  python3 - "$site/Content/articles/2020-01-01-hearing.md" "$paragraphs" <<'EOF'
import random, sys
path, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
people = ["Margaret Okafor", "Tom Aldred", "Helen Marsh", "Sir Bernard Hale", "Dr Priya Nair", "Ms Okafor", "Mr Aldred"]
places = ["Manchester", "Bristol", "Leeds", "Glasgow"]
lines = []
for i in range(count):
    speaker, other = random.sample(people, 2)
    place = random.choice(places)
    lines.append(
        f"\u201cWe cannot accept item {i} as it stands,\u201d said {speaker}, who met {other} in {place} on Tuesday. "
        f"{other} called the plan \u201cunder review\u201d. She said it would be settled by the spring.")
with open(path, "w") as out:
    out.write("---\ntitle: A long hearing\n---\n\n" + "\n\n".join(lines) + "\n")
EOF
  size=$(( $(stat -c %s "$site/Content/articles/2020-01-01-hearing.md") / 1024 ))
  rm -rf "$site/Output" "$site/.Output.cache"
  ms=$("$broadsheet" build --source "$site" --verbose 2>&1 | sed -nE 's/^ +([0-9.]+) ms +articles:.*/\1/p')
  awk -v p="$paragraphs" -v s="$size" -v ms="$ms" 'BEGIN { printf "%-11d %10d %9.0f %14.0f\n", p, s, ms, ms * 1000 / p }'
done
