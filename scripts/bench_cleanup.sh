#!/usr/bin/env bash
# Benchmark for issue 4, release build, ratio taken in the same run (the machine is shared):
# delete HALF items selected by `--where` from a gallery of 2*HALF (default 10,000 of 20,000) on a
# running `sandbox serve`, and count the requests it sent (target: at most 2*HALF/100 listing
# requests plus HALF/1000 deletes); then time a shell loop of `progallery items delete G ID --yes`,
# one process per id, on LOOP ids (default 200) and extrapolate it to HALF ids (target: the bulk
# run at least 30x faster). LOOP=HALF runs the whole loop instead of extrapolating.
# Usage: scripts/bench_cleanup.sh [HALF] [LOOP]
set -euo pipefail
cd "$(dirname "$0")/.."
HALF=${1:-10000}
LOOP=${2:-200}

source scripts/bench_common.sh
start_sandbox --memory --no-seed
export PROGALLERY_BASE_URL=$url WIX_API_KEY=IST.bench-key-0000000000000000 WIX_SITE_ID=11111111-2222-3333-4444-555555555555
auth=(-H "Authorization: $WIX_API_KEY" -H "wix-site-id: $WIX_SITE_ID")
now_ns() { date +%s%N; }
generate() { # generate COUNT [GALLERY] -> gallery id
  local body="{\"count\":$1}"
  [[ -n ${2:-} ]] && body="{\"count\":$1,\"galleryId\":\"$2\"}"
  curl -s "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$url/_sandbox/generate" |
    grep -o '"galleryId":"[^"]*"' | cut -d'"' -f4
}

echo "progallery cleanup benchmark: release build, delete $HALF of $((2 * HALF)) by --where, sandbox at $url"
# The first half is older than the boundary, the second newer: `created<BOUNDARY` selects exactly HALF.
gallery=$(generate "$HALF")
sleep 0.05
boundary=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
sleep 0.05
generate "$HALF" "$gallery" >/dev/null
loop_gallery=$(generate "$LOOP")

curl -s -X DELETE "$url/_sandbox/requests" >/dev/null
start=$(now_ns)
"$bin" items bulk-delete "$gallery" --where "created<$boundary" --yes -o id >"$work/deleted.txt" 2>"$work/bulk.err"
bulk_ms=$(( ($(now_ns) - start) / 1000000 ))
deleted=$(wc -l <"$work/deleted.txt")
curl -s "$url/_sandbox/requests" >"$work/log.json"
listing=$(grep -o '"method":"GET"' "$work/log.json" | wc -l)
deletes=$(grep -o '"path":"[^"]*/items/delete"' "$work/log.json" | wc -l)
left=$(curl -s "${auth[@]}" "$url/progallery/v2/galleries/$gallery?itemLimit=1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2)

"$bin" items list "$loop_gallery" --all -o id >"$work/loop_ids.txt"
start=$(now_ns)
while read -r id; do "$bin" items delete "$loop_gallery" "$id" --yes -o id >/dev/null 2>&1; done <"$work/loop_ids.txt"
loop_ms=$(( ($(now_ns) - start) / 1000000 ))
loop_per_id_us=$(( loop_ms * 1000 / LOOP ))
loop_extrapolated_ms=$(( loop_per_id_us * HALF / 1000 ))

echo "bulk-delete --where: deleted $deleted (gallery has $left left) in $bulk_ms ms"
echo "  requests: $listing listing (target <= $(( 2 * HALF / 100 ))), $deletes deletes (target $(( (HALF + 999) / 1000 )))"
echo "shell loop of items delete: $LOOP ids in $loop_ms ms ($loop_per_id_us us per id) -> $HALF ids ~ $loop_extrapolated_ms ms"
awk -v l="$loop_extrapolated_ms" -v b="$bulk_ms" 'BEGIN { printf "ratio: bulk-delete is %.1fx faster than the loop (target >= 30x)\n", l / (b > 0 ? b : 1) }'
