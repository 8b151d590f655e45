#!/usr/bin/env bash
# Site Search on a big site: fills a file-backed release sandbox with N generated items (default
# 100000, in 5 galleries) and times search requests of each kind against a trivial request
# (list galleries) in the same run, so the ratios hold on a noisy shared machine.
#   scripts/bench_search.sh [N] [REPEATS]
# Also prints the SQLite plan of the scan and the CLI's `items search --all` wall time for a
# query matching ~1% of the items.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
repeats=${2:-7}
source scripts/bench_common.sh
start_sandbox --db "$work/bench.db" --no-seed
per=$((count / 5))
for _ in 1 2 3 4 5; do
  curl -sf -XPOST "$url/_sandbox/generate" -H 'content-type: application/json' -d "{\"count\":$per}" >/dev/null
done
echo "site with $((per * 5)) items in 5 galleries"

median_ms() { # method path [body]
  local times=()
  for _ in $(seq "$repeats"); do
    if [ $# -ge 3 ]; then
      times+=("$(curl -s -o /dev/null -w '%{time_total}' -X"$1" "$url$2" -H 'Authorization: bench' -H 'wix-site-id: 00000000-0000-0000-0000-000000000000' -H 'content-type: application/json' -d "$3")")
    else
      times+=("$(curl -s -o /dev/null -w '%{time_total}' -X"$1" "$url$2" -H 'Authorization: bench' -H 'wix-site-id: 00000000-0000-0000-0000-000000000000')")
    fi
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}'
}

base=$(median_ms GET /progallery/v2/galleries)
printf '%-44s %9s ms\n' "baseline: list galleries" "$base"
search() { printf '{"documentType":"PROGALLERY_ITEM","search":%s}' "$1"; }
while IFS='|' read -r label body; do
  ms=$(median_ms POST /site-search/v1/search "$(search "$body")")
  printf '%-44s %9s ms  (x%s)\n' "$label" "$ms" "$(awk -v a="$ms" -v b="$base" 'BEGIN {printf "%.0f", a / b}')"
done <<'CASES'
everything, first page|{}
everything, last page|{"paging":{"limit":100,"offset":99900}}
free text, 1% match ("item 99")|{"search":{"expression":"item 99"}}
free text, fuzzy ("itme 99")|{"search":{"expression":"itme 99","fuzzy":true}}
filter title $gte/$lt, no text|{"filter":{"title":{"$gte":"Generated item 5","$lt":"Generated item 6"}}}
filter isVideo:true (no match)|{"filter":{"isVideo":true}}
CASES

start=$(date +%s.%N)
n=$(PROGALLERY_BASE_URL=$url WIX_API_KEY=bench WIX_SITE_ID=00000000-0000-0000-0000-000000000000 "$bin" items search item 99 --all -o id | wc -l)
end=$(date +%s.%N)
printf 'items search "item 99" --all: %s ids in %.2f s\n' "$n" "$(echo "$end - $start" | bc)"
