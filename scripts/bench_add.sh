#!/usr/bin/env bash
# Benchmark of `items add` (issue 5), release build, against a local `sandbox serve`:
#  1. COUNT local images of ~200 KB into a fresh gallery with --concurrency 1, then with
#     --concurrency 4 (another fresh gallery), both in the same run so the ratio is fair on a noisy
#     machine. The sandbox adds LATENCY_MS to every API request (default 50 ms: a round trip to
#     www.wixapis.com from a nearby region), since the floor of this command is its round trips:
#     3 per file (upload URL, PUT, create), plus 2 to read the gallery.
#  2. One SIZE_MIB file (default 500) added alone, under /usr/bin/time -v: the client's peak RSS
#     (files are hashed and uploaded in 64-256 KiB chunks, never read whole).
# Usage: scripts/bench_add.sh [COUNT] [LATENCY_MS] [SIZE_MIB]   (default: 200 50 500). Linux.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-200}
LATENCY_MS=${2:-50}
SIZE_MIB=${3:-500}

source scripts/bench_common.sh

# COUNT distinct PNGs (valid header, ~200 KB of filler: the sandbox reads headers only) and one
# SIZE_MIB MiB PNG.
python3 - "$work" "$COUNT" "$SIZE_MIB" <<'PY'
import os, struct, sys
work, count, mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def header(w, h):
    return b'\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR' + struct.pack('>II', w, h) + bytes([8, 6, 0, 0, 0, 0, 0, 0, 0])
os.makedirs(f'{work}/photos')
for i in range(count):
    with open(f'{work}/photos/img{i:04d}.png', 'wb') as f:
        f.write(header(1000 + i, 800) + os.urandom(200 * 1024))
with open(f'{work}/big.png', 'wb') as f:
    f.write(header(8000, 6000))
    chunk = os.urandom(1024 * 1024)
    for _ in range(mib):
        f.write(chunk)
PY

# An API key names its site (the sandbox refuses one without, as Wix does).
export WIX_API_KEY=bench WIX_SITE_ID=00000000-0000-0000-0000-000000000000
start_sandbox --memory --no-seed --latency "$LATENCY_MS"
base=$url
export PROGALLERY_BASE_URL=$base

add_timed() { # concurrency -> seconds
  local gallery
  gallery=$("$bin" galleries create --name "c$1" -o id)
  local start end
  start=$(date +%s.%N)
  "$bin" items add "$gallery" "$work/photos" --concurrency "$1" -q -o id >"$work/ids-$1"
  end=$(date +%s.%N)
  local added
  added=$(wc -l <"$work/ids-$1")
  [[ $added -eq $COUNT ]] || { echo "expected $COUNT items, got $added" >&2; exit 1; }
  echo "$end - $start" | bc -l
}

echo "adding $COUNT images of ~200 KB, sandbox latency ${LATENCY_MS} ms per request"
t1=$(add_timed 1)
t4=$(add_timed 4)
printf 'concurrency 1: %.2f s\nconcurrency 4: %.2f s\nspeed-up: %.2fx\n' "$t1" "$t4" "$(echo "$t1 / $t4" | bc -l)"

gallery=$("$bin" galleries create --name big -o id)
/usr/bin/time -v "$bin" items add "$gallery" "$work/big.png" -q -o id >"$work/big-id" 2>"$work/time.txt"
big_item=$(cat "$work/big-id")
width=$("$bin" items get "$gallery" "$big_item" -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["image"]["imageInfo"]["width"])')
[[ $width -eq 8000 ]] || { echo "the big file was not added as an 8000 px wide image" >&2; exit 1; }
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
printf 'one %d MiB file: wall %s, client peak RSS %d KiB (%.1f MiB)\n' "$SIZE_MIB" "$wall" "$rss_kb" "$(echo "$rss_kb / 1024" | bc -l)"
