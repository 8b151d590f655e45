#!/usr/bin/env bash
# What the echo ledger costs a bulk run (issue 12): every write is announced in
# <data dir>/echo-ledger.jsonl before it is sent and settled after (two flock'd appends). Adds
# COUNT text items with `items add --from-file` against `sandbox serve --memory`, RUNS times each
# way, alternating, in the same run: with the ledger, and with the ledger path taken by a
# directory (every append fails at once, so nothing is written: the cost of the rest). Prints the
# median of each, their ratio, the ledger's size and lines, and how many requests each run sent
# (the same: the ledger adds none).
# Usage: scripts/bench_echo_ledger.sh [COUNT] [RUNS]   (default 2000 5; PROFILE=debug for a debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-2000}
RUNS=${2:-5}
source scripts/bench_common.sh

python3 - "$work" "$COUNT" <<'PY'
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
items = [{"title": f"note {i}", "text": {"html": f"<p>note {i}</p>"}} for i in range(count)]
json.dump(items, open(f"{work}/items.json", "w"))
PY

start_sandbox --memory --no-seed
export PROGALLERY_BASE_URL=$url WIX_API_KEY=bench WIX_SITE_ID=11111111-2222-3333-4444-555555555555

add_timed() { # data dir -> seconds
  local gallery start end added
  gallery=$(PROGALLERY_DATA_DIR=$1 "$bin" galleries create --name bench -o id)
  start=$(date +%s.%N)
  PROGALLERY_DATA_DIR=$1 "$bin" items add "$gallery" --from-file "$work/items.json" -q -o id >"$work/ids"
  end=$(date +%s.%N)
  added=$(wc -l <"$work/ids")
  [[ $added -eq $COUNT ]] || { echo "expected $COUNT items, got $added" >&2; exit 1; }
  echo "$end - $start" | bc -l
}
requests() { curl -sf "$url/_sandbox/requests" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with_times=() without_times=()
for run in $(seq "$RUNS"); do
  rm -rf "$work/with" "$work/without"
  mkdir -p "$work/with" "$work/without/echo-ledger.jsonl"
  curl -sf -X DELETE "$url/_sandbox/requests" >/dev/null
  with_times+=("$(add_timed "$work/with")")
  sent_with=$(requests)
  curl -sf -X DELETE "$url/_sandbox/requests" >/dev/null
  without_times+=("$(add_timed "$work/without")")
  sent_without=$(requests)
done
with=$(printf '%s\n' "${with_times[@]}" | median)
without=$(printf '%s\n' "${without_times[@]}" | median)
ledger=$work/with/echo-ledger.jsonl
printf 'items add of %d text items, median of %d runs each\n' "$COUNT" "$RUNS"
printf '  with the ledger:    %.3f s (%d requests)\n' "$with" "$sent_with"
printf '  without (no file):  %.3f s (%d requests)\n' "$without" "$sent_without"
printf '  ratio: %.3f; %.1f us more per write (its two appends)\n' "$(echo "$with / $without" | bc -l)" \
  "$(echo "($with - $without) * 1000000 / $COUNT" | bc -l)"
printf '  ledger: %d bytes, %d lines (an announcement and an outcome per item)\n' \
  "$(stat -c %s "$ledger")" "$(wc -l <"$ledger")"
