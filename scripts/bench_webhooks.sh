#!/usr/bin/env bash
# Benchmark for issue 6: what webhook delivery costs the sandbox's API. N sequential item creates
# (default 1,000, one keep-alive connection) against `sandbox serve --memory` three ways, in the
# same run (the machine is shared and noisy): no --webhook-url; delivering to a `webhooks listen`
# on this machine (signing, POSTing and the listener's verifying all compete for the same cores);
# delivering to a port nobody listens on (must cost nothing: delivery never blocks a request).
# Prints throughput and p50/p99/max latency per mode, then the delivery counters.
# Usage: scripts/bench_webhooks.sh [N]        BIN=target/debug/progallery to skip the release build
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
source scripts/bench_common.sh

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
listen_port=$(free_port)
dead_port=$(free_port)
"$BIN" webhooks listen --addr "127.0.0.1:$listen_port" -o jsonl >/dev/null 2>"$work/listen.log" &
bench_pids+=($!)
sleep 1

cat >"$work/creates.py" <<'PY'
import http.client, json, sys, time
port, n, label = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
c = http.client.HTTPConnection("127.0.0.1", port)
H = {"Authorization": "k", "wix-site-id": "00000000-0000-0000-0000-000000000000", "Content-Type": "application/json"}
c.request("POST", "/progallery/v2/galleries", json.dumps({"gallery": {"name": "bench"}}), H)
g = json.loads(c.getresponse().read())["gallery"]["id"]
# An image item names a Media Manager file by id (the sandbox refuses a bare URL, as Wix does).
item = json.dumps({"item": {"title": "t", "image": {"imageInfo": {"id": "bench_0000~mv2.jpg", "url": "https://x/a.jpg", "width": 1, "height": 1}}}})
lat = []
t0 = time.perf_counter()
for _ in range(n):
    s = time.perf_counter()
    c.request("POST", f"/progallery/v2/galleries/{g}/items", item, H)
    r = c.getresponse(); r.read(); assert r.status == 200, r.status
    lat.append(time.perf_counter() - s)
total = time.perf_counter() - t0
lat.sort()
print(f"{label:>9}: {n} creates in {total:.2f} s ({n/total:.0f}/s), p50 {lat[n//2]*1e3:.2f} ms, "
      f"p99 {lat[int(n*.99)]*1e3:.2f} ms, max {lat[-1]*1e3:.1f} ms")
PY

for mode in none listener dead; do
  case $mode in
    none) args=() ;;
    listener) args=(--webhook-url "http://127.0.0.1:$listen_port/webhooks") ;;
    dead) args=(--webhook-url "http://127.0.0.1:$dead_port/webhooks") ;;
  esac
  start_sandbox --memory --no-seed "${args[@]}"
  python3 "$work/creates.py" "${url##*:}" "$N" "$mode"
  sleep 1
  [[ $mode != none ]] && echo "           counters: $(curl -s "$url/_sandbox/webhooks" | python3 -c 'import json,sys; t=json.load(sys.stdin)["targets"][0]; print({k: t[k] for k in ("delivered","pending","retries","dropped")})')"
  stop_sandbox
done
