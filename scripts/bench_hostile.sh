#!/usr/bin/env bash
# Hostile conditions (issue 14), release build, with figures for the targets no test may time:
#  1. A lying service (every total 10^12, every page empty): wall time and exit code of the
#     paginated commands (target: each ends within 2 s, with an error).
#  2. A 200 MB answer (Content-Length) and an endless one (chunked) to `galleries get`: peak RSS of
#     the client, beside the same command on a small answer (target: under 40 MB).
#  3. STALLED stalled connections (8 in 10 mid-body) held open on `webhooks listen` while a real
#     delivery (`webhooks trigger`) arrives: the trigger's wall time (target: accepted within 2 s).
#  4. FLOOD short-lived connections (connect and leave, half a request, a whole one, garbage) and
#     STALLED stalled ones on `sandbox serve --memory`: its file descriptors and RSS before, right
#     after, and once the stalled ones were closed by its header deadline (target: back where
#     they started).
# Usage: scripts/bench_hostile.sh [FLOOD] [STALLED]   (default: 5000 100). Linux (/proc).
set -euo pipefail
cd "$(dirname "$0")/.."
FLOOD=${1:-5000}
STALLED=${2:-100}
source scripts/bench_common.sh
peer=$PWD/scripts/hostile_peer.py
export WIX_API_KEY=bench WIX_SITE_ID=00000000-0000-0000-0000-0000000000aa
G=1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d
now_ms() { date +%s%3N; }

# start_peer MODE ARGS...: a hostile_peer.py server; sets $peer_url.
start_peer() {
  rm -f "$work/port"
  python3 "$peer" "$1" "$work/port" "${@:2}" &
  bench_pids+=($!)
  peer_pid=$!
  for _ in $(seq 200); do [[ -s $work/port ]] && break; sleep 0.05; done
  peer_url=http://127.0.0.1:$(cat "$work/port")
}
stop_peer() { kill "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true; }

echo "progallery hostile benchmark: release build, $(nproc) cores"
echo
echo "1. a service whose totals are 10^12 over empty pages"
start_peer liar
for cmd in "items list $G --all -o jsonl" "items list $G --where type=IMAGE" \
           "items bulk-delete $G --all --yes" "galleries get $G -o json" "galleries list --all -o jsonl" \
           "items search --all -o jsonl"; do
  start=$(now_ms)
  code=0
  # shellcheck disable=SC2086
  PROGALLERY_BASE_URL=$peer_url "$bin" $cmd >/dev/null 2>"$work/err" || code=$?
  printf '   %-34s %5d ms, exit %d: %s\n' "${cmd//$G/G}" $(( $(now_ms) - start )) "$code" \
    "$(head -1 "$work/err" | sed 's/^.*: the service/the service/' | cut -c1-100)"
done
stop_peer

echo
echo "2. peak RSS of \`galleries get\` (KB)"
start_peer liar
/usr/bin/time -f %M -o "$work/rss" env PROGALLERY_BASE_URL="$peer_url" "$bin" galleries get "$G" >/dev/null 2>&1
printf '   %-42s %6d KB\n' "small answer (baseline)" "$(cat "$work/rss")"
stop_peer
for size in $((200 * 1024 * 1024)) endless; do
  start_peer huge "$size"
  start=$(now_ms)
  code=0
  /usr/bin/time -f %M -o "$work/rss" env PROGALLERY_BASE_URL="$peer_url" "$bin" --retries 1 galleries get "$G" >/dev/null 2>"$work/err" || code=$?
  printf '   %-42s %6d KB, %4d ms, exit %d: %s\n' "answer of $size bytes" "$(tail -1 "$work/rss")" $(( $(now_ms) - start )) "$code" \
    "$(grep -o 'larger than[^;]*' "$work/err" | head -1)"
  stop_peer
done

echo
echo "3. a delivery to \`webhooks listen\` with $STALLED stalled connections held open"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" webhooks listen --addr "127.0.0.1:$port" -o jsonl >"$work/events" 2>"$work/listen.log" &
listen_pid=$!
bench_pids+=($listen_pid)
for _ in $(seq 200); do grep -q listening "$work/listen.log" 2>/dev/null && break; sleep 0.05; done
# Warm: the key pair exists and the first trigger's start-up is not counted.
"$bin" webhooks trigger created --to "http://127.0.0.1:$port/webhooks" >/dev/null 2>&1
start=$(now_ms)
"$bin" webhooks trigger created --to "http://127.0.0.1:$port/webhooks" >/dev/null 2>&1
printf '   %-42s %5d ms\n' "delivery, nothing stalled" $(( $(now_ms) - start ))
rm -f "$work/hold" "$work/stall.out"; mkfifo "$work/hold"
python3 "$peer" stall "127.0.0.1:$port" "$STALLED" <"$work/hold" >"$work/stall.out" &
stall_pid=$!
bench_pids+=($stall_pid)
exec 7>"$work/hold"
for _ in $(seq 400); do grep -q ready "$work/stall.out" 2>/dev/null && break; sleep 0.05; done
start=$(now_ms)
"$bin" webhooks trigger created --to "http://127.0.0.1:$port/webhooks" >/dev/null 2>"$work/err"
printf '   %-42s %5d ms (connections held open: %d)\n' "delivery, $STALLED stalled" $(( $(now_ms) - start )) \
  "$(ls /proc/$listen_pid/fd | wc -l)"
exec 7>&-
wait "$stall_pid" 2>/dev/null || true
kill "$listen_pid"; wait "$listen_pid" 2>/dev/null || true
echo "   events printed: $(wc -l <"$work/events"), listener: $(tail -1 "$work/listen.log")"

echo
echo "4. \`sandbox serve --memory\` under floods of $FLOOD short-lived and $STALLED stalled connections"
start_sandbox --memory --no-seed
addr=${url#http://}
fds() { ls "/proc/$server_pid/fd" | wc -l; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
curl -s -H 'Authorization: k' "$url/progallery/v2/galleries" >/dev/null
curl -s -X DELETE "$url/_sandbox/requests" >/dev/null
printf '   %-44s %6s fds %8s KB RSS\n' "before" "$(fds)" "$(rss)"
before_fds=$(fds)
for round in 1 2 3; do
  start=$(now_ms)
  python3 "$peer" flood "$addr" "$FLOOD"
  rm -f "$work/hold" "$work/stall.out"; mkfifo "$work/hold"
  python3 "$peer" stall "$addr" "$STALLED" <"$work/hold" >"$work/stall.out" &
  stall_pid=$!
  bench_pids+=($stall_pid)
  exec 7>"$work/hold"
  for _ in $(seq 400); do grep -q ready "$work/stall.out" 2>/dev/null && break; sleep 0.05; done
  flood_ms=$(( $(now_ms) - start ))
  printf '   %-44s %6s fds %8s KB RSS (flood sent in %d ms)\n' "flood $round, stalled peers still held" "$(fds)" "$(rss)" "$flood_ms"
  # The stalled peers stay connected: only the sandbox's header deadline (30 s) frees them.
  waited=0
  while (( $(fds) > before_fds && waited < 90 )); do sleep 1; waited=$((waited + 1)); done
  # The request log keeps what the flood's whole requests were (by design, up to its bounds).
  curl -s -X DELETE "$url/_sandbox/requests" >/dev/null
  printf '   %-44s %6s fds %8s KB RSS (after %d s)\n' "flood $round, stalled peers timed out" "$(fds)" "$(rss)" "$waited"
  exec 7>&-
  wait "$stall_pid" 2>/dev/null || true
done
curl -sf -H 'Authorization: k' "$url/progallery/v2/galleries" >/dev/null && echo "   still answering"
stop_sandbox
