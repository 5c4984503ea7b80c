#!/usr/bin/env bash
# Whether one paragraph's cost grows with its length and no faster (a pasted transcript or an
# archive export with no line breaks is one paragraph of megabytes).
#
#     Benchmarks/long-paragraph.sh [BINARY] [KILOBYTES…]     (default: the release binary; 250 500 1000)
#
# Builds a site holding one article that is one paragraph of invented sentences, each with a
# quotation and its speaker, of each size in turn, and prints the whole build's time and peak
# memory. Linear cost keeps the "s per MB" column flat.
set -euo pipefail
cd "$(dirname "$0")/.."
broadsheet="${1:-$PWD/.build/release/broadsheet}"
shift || true
sizes=("${@:-250 500 1000}")
read -r -a sizes <<< "${sizes[*]}"
[ -x "$broadsheet" ] || swift build -c release --product broadsheet >/dev/null
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdir -p "$site/Content/articles"
cp -r Templates "$site/Templates"
printf 'title: One long paragraph\nbase_url: https://example.org/\n' > "$site/Content/site.yml"
printf '%-9s %8s %10s %9s\n' KB s "peak MB" "s per MB"
for size in "${sizes[@]}"; do
  rm -rf "$site/Content/articles/"* "$site/Output" "$site/.Output.cache"
  python3 - "$site/Content/articles/2020-01-01-long.md" "$size" <<'PY'
import random, sys
path, kilobytes = sys.argv[1], int(sys.argv[2])
random.seed(1)
speakers = ["Anna Berg", "Tom Ruiz", "the council", "Maria Lopez", "Dr Patel", "London", "Acme Corp"]
words = ("the harbour board met on Tuesday to discuss plans for the new ferry terminal and residents "
         "said they were worried").split()
out, total = [], 0
while total < kilobytes * 1000:
    sentence = " ".join(random.choice(words) for _ in range(12))
    sentence = sentence[0].upper() + sentence[1:] + ", " + random.choice(speakers) + \
        ' said, "we will see what happens next." '
    out.append(sentence)
    total += len(sentence)
open(path, "w").write("---\ntitle: Long\ndate: 2020-01-01\n---\n\n" + "".join(out) + "\n")
PY
  read -r seconds kilobytes_peak < <(/usr/bin/time -f "%e %M" "$broadsheet" build --quiet --source "$site" 2>&1 | tail -1)
  awk -v k="$size" -v s="$seconds" -v m="$kilobytes_peak" 'BEGIN { printf "%-9s %8.2f %10.0f %9.2f\n", k, s, m / 1024, s / (k / 1000) }'
done
