#!/usr/bin/env bash
# Batch throughput on the study's corpora, repeated to about 25 MB, beside
# `grep -F -i -f <every registry name and alias>` over the same file.
# Measures and prints; asserts nothing. Needs ../shared/data/*_all.csv.
#   scripts/bench-batch.sh [target-megabytes]
# WHICHDATA_BIN=path measures another build of the binary (to compare two).
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-25}
DATA=${WHICHDATA_DATA:-../shared/data}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${WHICHDATA_BIN:-}" ]; then cargo build --release --quiet; fi
BIN=${WHICHDATA_BIN:-target/release/whichdata}

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

# Peak memory from /usr/bin/time; times from the nanosecond clock, since
# time's 10 ms steps are a quarter of grep's time.
run() { /usr/bin/time -f "%e %M" "$@" 2> "$WORK/time" > "$WORK/out"; cat "$WORK/time"; }
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" > "$WORK/out"
  end=$(date +%s%N)
  echo "scale=4; ($end - $start) / 1000000000" | bc -l
}
# Best of three, for whichdata and grep alike.
best_of_3() {
  local best="" t
  for _ in 1 2 3; do
    t=$(seconds "$@")
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
read -r _ rss_full < <(run "$BIN" batch "$WORK/big.csv" --output csv)
read -r t_quarter rss_quarter < <(run "$BIN" batch "$WORK/quarter.csv" --output csv)
t_full=$(best_of_3 "$BIN" batch "$WORK/big.csv" --output csv)
# grep's output goes to a file, never /dev/null: GNU grep that writes to
# /dev/null stops at the first match (it knows nothing will be read), which
# once made the scan look ten times faster than it is. In the machine's
# locale (Unicode case folding, as the engine does) and in the C locale
# (ASCII only, grep's fastest).
best_grep() { best_of_3 env "$@" grep -F -i -c -f "$WORK/names.txt" "$WORK/big.csv"; }
t_grep=$(best_grep "LANG=${LANG:-C.UTF-8}")
t_grep_c=$(best_grep LC_ALL=C)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "input: $size bytes, $docs documents ($docs_once abstracts x $repeat)"
printf 'whichdata batch (best of 3): %.2f s, %.0f documents/s, %.1f MB/s, max RSS %d MB\n' "$t_full" "$(echo "$docs / $t_full" | bc -l)" "$(echo "$size / $t_full / 1048576" | bc -l)" $((rss_full / 1024))
printf 'whichdata batch on a quarter of it: %.2f s, max RSS %d MB (memory flat: it streams)\n' "$t_quarter" $((rss_quarter / 1024))
printf 'grep -F -i -c -f names (%d names, best of 3), locale %s: %.3f s, %.1f MB/s; whichdata is %.1fx\n' "$(wc -l < "$WORK/names.txt")" "${LANG:-C.UTF-8}" "$t_grep" "$(echo "$size / $t_grep / 1048576" | bc -l)" "$(echo "$t_full / $t_grep" | bc -l)"
printf 'the same grep, LC_ALL=C: %.3f s, %.1f MB/s; whichdata is %.1fx\n' "$t_grep_c" "$(echo "$size / $t_grep_c / 1048576" | bc -l)" "$(echo "$t_full / $t_grep_c" | bc -l)"
