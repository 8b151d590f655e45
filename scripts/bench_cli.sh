#!/usr/bin/env bash
# Benchmarks for issue 3, release build, ratios taken in the same run (the machine is shared):
#   1. `progallery --version` wall time;
#   2. `progallery galleries get ID -o json` against `curl -s` of the same URL on a running
#      `sandbox serve` (target: within 1.5x);
#   3. `items list G --all -o jsonl` on N items (default 10,000): requests sent (target
#      ceil(N/100)+1) and peak RSS against the same walk on N/10 items (should not grow with N).
#   With BASE_BIN=/path/to/another/progallery (a release build of another commit, e.g. main's),
#   1 also times that binary's --version, interleaved in blocks with this one's, and prints the
#   difference (issue 15: linking the jq engine must not slow start-up by more than 2 ms).
# Usage: [BASE_BIN=…] scripts/bench_cli.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-100}
(( RUNS >= 5 )) || RUNS=5   # timings are taken in 5 interleaved blocks
SMALL=$((N / 10))

source scripts/bench_common.sh
start_sandbox --memory --no-seed
export PROGALLERY_BASE_URL=$url WIX_API_KEY=IST.bench-key-0000000000000000 WIX_SITE_ID=11111111-2222-3333-4444-555555555555
auth=(-H "Authorization: $WIX_API_KEY" -H "wix-site-id: $WIX_SITE_ID")

now_ns() { date +%s%N; }
# make_gallery NAME COUNT -> id (one create-gallery request carrying COUNT text items)
make_gallery() {
  local body=$work/body.json
  awk -v n="$2" -v name="$1" 'BEGIN {
    printf "{\"gallery\":{\"name\":\"%s\",\"items\":[", name;
    for (i = 0; i < n; i++) { if (i) printf ","; printf "{\"title\":\"item %d\",\"text\":{\"html\":\"<p>item %d of the benchmark gallery</p>\"}}", i, i }
    printf "]}}" }' >"$body"
  curl -s "${auth[@]}" -H 'Content-Type: application/json' --data-binary @"$body" "$url/progallery/v2/galleries" |
    grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}

echo "progallery benchmark: release build, N=$N, $RUNS runs per timing, sandbox at $url"

# 1. --version
start=$(now_ns)
for _ in $(seq "$RUNS"); do "$bin" --version >/dev/null; done
version_ms=$(( ($(now_ns) - start) / RUNS / 1000 ))
start=$(now_ns)
for _ in $(seq "$RUNS"); do /bin/true; done
true_us=$(( ($(now_ns) - start) / RUNS / 1000 ))
echo "--version: ${version_ms} us per run (spawning /bin/true: ${true_us} us)"
if [[ -n "${BASE_BIN:-}" ]]; then
  this_ns=0; base_ns=0
  for _ in $(seq 5); do
    start=$(now_ns)
    for _ in $(seq $((RUNS / 5))); do "$bin" --version >/dev/null; done
    this_ns=$((this_ns + $(now_ns) - start))
    start=$(now_ns)
    for _ in $(seq $((RUNS / 5))); do "$BASE_BIN" --version >/dev/null; done
    base_ns=$((base_ns + $(now_ns) - start))
  done
  runs=$(( (RUNS / 5) * 5 ))
  echo "--version, interleaved: this build $((this_ns / runs / 1000)) us, BASE_BIN $((base_ns / runs / 1000)) us, difference $(( (this_ns - base_ns) / runs / 1000 )) us (target <= 2000 us)"
  echo "binary size: this build $(stat -c %s "$bin") bytes, BASE_BIN $(stat -c %s "$BASE_BIN") bytes"
fi

# 1b. the embedded sandbox: start in-process over a database file, one list, shut down
( unset PROGALLERY_BASE_URL WIX_API_KEY WIX_SITE_ID
  "$bin" --sandbox galleries list >/dev/null   # first run creates and seeds the database
  start=$(now_ns)
  for _ in $(seq 20); do "$bin" --sandbox galleries list >/dev/null; done
  echo "--sandbox galleries list: $(( ($(now_ns) - start) / 20 / 1000 )) us per run (embedded server start + 1 request)" )

# 2. galleries get ID -o json vs curl -s, interleaved in blocks so noise hits both alike
small=$(make_gallery "small" 10)
get_url="$url/progallery/v2/galleries/$small?galleryId=$small&itemOffset=0"
cli_ns=0; curl_ns=0
for _ in $(seq 5); do
  start=$(now_ns)
  for _ in $(seq $((RUNS / 5))); do "$bin" galleries get "$small" -o json >/dev/null; done
  cli_ns=$((cli_ns + $(now_ns) - start))
  start=$(now_ns)
  for _ in $(seq $((RUNS / 5))); do curl -s "${auth[@]}" "$get_url" >/dev/null; done
  curl_ns=$((curl_ns + $(now_ns) - start))
done
runs=$(( (RUNS / 5) * 5 ))
echo "galleries get -o json: $((cli_ns / runs / 1000)) us; curl -s: $((curl_ns / runs / 1000)) us; ratio $(awk -v a="$cli_ns" -v b="$curl_ns" 'BEGIN { printf "%.2f", a / b }')x (target <= 1.5x)"

# 3. items list --all -o jsonl: request count and peak RSS at N and N/10
big=$(make_gallery "big" "$N")
little=$(make_gallery "little" "$SMALL")
measure() { # gallery count -> "requests rss_kb lines"
  curl -s -X DELETE "$url/_sandbox/requests" >/dev/null
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" items list "$1" --all -o jsonl >"$work/out.jsonl"
  local requests lines
  requests=$(curl -s "$url/_sandbox/requests" | grep -o '"method":' | wc -l)
  lines=$(wc -l <"$work/out.jsonl")
  echo "$requests $(cat "$work/rss") $lines"
}
read -r big_req big_rss big_lines < <(measure "$big")
read -r little_req little_rss little_lines < <(measure "$little")
echo "items list --all -o jsonl, N=$N: $big_lines items, $big_req requests (bound $(( (N + 99) / 100 + 1 ))), peak RSS ${big_rss} KB"
echo "items list --all -o jsonl, N=$SMALL: $little_lines items, $little_req requests (bound $(( (SMALL + 99) / 100 + 1 ))), peak RSS ${little_rss} KB"
echo "peak RSS ratio N/(N/10): $(awk -v a="$big_rss" -v b="$little_rss" 'BEGIN { printf "%.2f", a / b }') (flat if ~1.0)"
start=$(now_ns)
"$bin" items list "$big" --all -o jsonl >/dev/null
echo "items list --all -o jsonl, N=$N: $(( ($(now_ns) - start) / 1000000 )) ms wall"
