#!/usr/bin/env bash
# Benchmark for issue 10 (linear CSV manifests), release build, ratio taken in the same run:
# how long `items add G --from-file x.csv` takes to check a manifest of SMALL and of BIG rows
# (default 5,000 and 50,000). Targets: BIG rows in under 2 s, and BIG/SMALL at most 12x for 10x
# the rows (linear, with room for noise; it was quadratic).
#
# What is timed is the check alone, with nothing sent: `items add` reads and checks the whole
# manifest (every row's columns, every source resolved) before its first request, and any problem
# stops it there with exit 2. Each manifest therefore ends with one bad row (a sortOrder that is
# not a number), so the run checks every row, reports that one, and exits 2 having sent nothing;
# the sandbox's request log proves nothing was sent. The rows mix what real manifests hold: local
# files, URLs to import, YouTube links, text items, quoted titles with commas, quotes and line
# breaks (so record numbers and line numbers differ), tags, links, sort orders and focal points.
# Usage: scripts/bench_manifest.sh [SMALL] [BIG] [RUNS]   (each size is timed RUNS times, best kept)
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${1:-5000}
BIG=${2:-50000}
RUNS=${3:-3}

source scripts/bench_common.sh
start_sandbox --memory --no-seed
export PROGALLERY_BASE_URL=$url WIX_API_KEY=IST.bench-key-0000000000000000 WIX_SITE_ID=11111111-2222-3333-4444-555555555555

now_ns() { date +%s%N; }

gallery=$("$bin" galleries create --name "manifest bench" -o id)
mkdir -p "$work/m/photos"
for name in dunes.jpg cat.png night.gif; do printf 'x' >"$work/m/photos/$name"; done

# make_manifest ROWS FILE: ROWS good rows, then the bad one. Prints the bad row's line number.
make_manifest() {
  awk -v n="$1" 'BEGIN {
    print "source,text,title,description,alt,link,tags,sortOrder,focalPoint";
    line = 2;
    files[0] = "photos/dunes.jpg"; files[1] = "photos/cat.png"; files[2] = "photos/night.gif";
    for (i = 0; i < n; i++) {
      kind = i % 4;
      if (i % 7 == 0) { title = "\"Row " i ", \"\"quoted\"\"\nsecond line\""; extra = 1 }
      else { title = "Row " i; extra = 0 }
      if (kind == 0) printf "%s,,%s,Desc %d,Alt %d,https://example.com/p/%d,\"a, b\",%d.5,\"0.5,0.25\"\n", files[i % 3], title, i, i, i, i;
      else if (kind == 1) printf "https://example.com/photos/%d.jpg,,%s,,,,tag%d,,\n", i, title, i % 50;
      else if (kind == 2) printf "https://youtu.be/v%d,,%s,Video %d,,,,%d,\n", i, title, i, i;
      else printf ",<p>Text %d</p>,%s,,,,\"x\",,\n", i, title;
      line += 1 + extra;
    }
    printf "photos/dunes.jpg,,Bad row,,,,,not-a-number,\n";
    print line > "/dev/stderr";
  }' 2>"$2.badline" >"$2"
  cat "$2.badline"
}

# time_check FILE BAD_LINE: best wall time in ms over RUNS runs; checks every run exits 2 naming
# only the bad row.
time_check() {
  local best=0 start elapsed code
  for _ in $(seq "$RUNS"); do
    start=$(now_ns)
    code=0
    "$bin" items add "$gallery" --from-file "$1" >/dev/null 2>"$work/err" || code=$?
    elapsed=$(( ($(now_ns) - start) / 1000000 ))
    if [[ $code != 2 ]] || ! grep -q "line $2, column sortOrder" "$work/err" || ! grep -q "nothing was sent" "$work/err"; then
      echo "unexpected result (exit $code):" >&2
      cat "$work/err" >&2
      exit 1
    fi
    if (( best == 0 || elapsed < best )); then best=$elapsed; fi
  done
  echo "$best"
}

echo "progallery manifest benchmark: release build, $SMALL and $BIG rows, best of $RUNS runs"
small_bad=$(make_manifest "$SMALL" "$work/m/small.csv")
big_bad=$(make_manifest "$BIG" "$work/m/big.csv")
curl -s -X DELETE "$url/_sandbox/requests" >/dev/null
small_ms=$(time_check "$work/m/small.csv" "$small_bad")
big_ms=$(time_check "$work/m/big.csv" "$big_bad")
sent=$(curl -s "$url/_sandbox/requests" | { grep -o '"method":' || true; } | wc -l | tr -d ' ')
echo "$SMALL rows ($(wc -c <"$work/m/small.csv") bytes, $small_bad lines): ${small_ms} ms"
echo "$BIG rows ($(wc -c <"$work/m/big.csv") bytes, $big_bad lines): ${big_ms} ms (target < 2000 ms)"
echo "ratio $BIG/$SMALL rows: $(awk -v a="$big_ms" -v b="$small_ms" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')x (target <= 12x)"
echo "requests sent to the service while checking: $sent (target 0)"
