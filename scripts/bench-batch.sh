#!/usr/bin/env bash
# Batch throughput on the study's corpora, repeated to about 25 MB, beside
# `grep -F -i -f <every registry name and alias>` over the same file.
# Measures and prints; asserts nothing. Needs ../shared/data/*_all.csv.
#   scripts/bench-batch.sh [target-megabytes]
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-25}
DATA=${WHICHDATA_DATA:-../shared/data}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet
BIN=target/release/whichdata

# One CSV with both corpora's columns (paperId, title, abstract).
python3 - "$DATA" "$WORK/corpus.csv" <<'PY'
import csv, sys
data, out = sys.argv[1], sys.argv[2]
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["paperId", "title", "abstract"])
    for name in ("dukemtmc_all.csv", "msceleb1m_all.csv"):
        with open(f"{data}/{name}", newline="") as g:
            for row in csv.DictReader(g):
                w.writerow([row["paperId"], row["title"], row["abstract"]])
PY
docs_once=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))))" "$WORK/corpus.csv") - 1))
bytes_once=$(stat -c %s "$WORK/corpus.csv")
repeat=$(( (MB * 1024 * 1024 + bytes_once - 1) / bytes_once ))
{ head -n 1 "$WORK/corpus.csv"; for _ in $(seq "$repeat"); do tail -n +2 "$WORK/corpus.csv"; done; } > "$WORK/big.csv"
{ head -n 1 "$WORK/corpus.csv"; for _ in $(seq $(( (repeat + 3) / 4 ))); do tail -n +2 "$WORK/corpus.csv"; done; } > "$WORK/quarter.csv"
docs=$((docs_once * repeat))
size=$(stat -c %s "$WORK/big.csv")

# Every name and alias, for grep.
python3 -c "
import json
d = json.load(open('registry.json'))
for e in d['entries']:
    for n in [e['name']] + [a['name'] for a in e['aliases']]:
        print(n)
" > "$WORK/names.txt"

run() { /usr/bin/time -f "%e %M" "$@" 2> "$WORK/time" > "$WORK/out"; cat "$WORK/time"; }
read -r t_full rss_full < <(run "$BIN" batch "$WORK/big.csv" --output csv)
read -r t_quarter rss_quarter < <(run "$BIN" batch "$WORK/quarter.csv" --output csv)
lines_out=$(($(wc -l < "$WORK/out")))
read -r t_grep rss_grep < <(run grep -F -i -c -f "$WORK/names.txt" "$WORK/big.csv")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "input: $size bytes, $docs documents ($docs_once abstracts x $repeat)"
printf 'whichdata batch: %.2f s, %.0f documents/s, %.1f MB/s, max RSS %d MB\n' "$t_full" "$(echo "$docs / $t_full" | bc -l)" "$(echo "$size / $t_full / 1048576" | bc -l)" $((rss_full / 1024))
printf 'whichdata batch on a quarter of it: %.2f s, max RSS %d MB (memory flat: it streams)\n' "$t_quarter" $((rss_quarter / 1024))
printf 'grep -F -i -f names (%d names): %.2f s, %.1f MB/s\n' "$(wc -l < "$WORK/names.txt")" "$t_grep" "$(echo "$size / $t_grep / 1048576" | bc -l)"
