#!/usr/bin/env bash
# Entity recognition throughput on one core: generates the synthetic corpus, builds the benchmark in
# release mode and runs it with the corpus gazetteer and with one padded to 200,000 aliases.
#   Benchmarks/run-enrichment.sh [ARTICLES=2000] [ALIASES=200000]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-2000}
aliases=${2:-200000}
script=${BROADSHEET_CORPUS_SCRIPT:-../shared/bench/make-corpus.py}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
python3 "$script" "$corpus" -n "$articles"
swift build -c release --product broadsheet-enrichment-bench >&2
"$(swift build -c release --show-bin-path)/broadsheet-enrichment-bench" "$corpus" "$aliases"
