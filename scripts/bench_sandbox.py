#!/usr/bin/env python3
"""Benchmark of the sandbox server at scale (issue 2's performance targets).

Starts `progallery sandbox serve` (release build) on a fresh database file, fills one gallery with
100,000 items through the documented admin endpoint `POST /_sandbox/generate`, then measures over one
keep-alive HTTP connection, on loopback:
  - a page of 100 items (`GET .../items?itemOffset=N&itemLimit=100`) at offsets from 0 to the end;
  - get-item (`GET .../items/{id}`) for random ids;
  - bulk delete of 1,000 ids (`POST .../items/delete`), each followed by one deep page (the first
    page after a change of order rebuilds the page anchors, see src/sandbox/store/items.rs).
Prints medians (and p90) in milliseconds. Targets: page and get-item well under 5 ms median, bulk
delete of 1,000 under 100 ms.

Usage:  cargo build --release && python3 scripts/bench_sandbox.py [--items 100000] [--reps 50]
"""

import argparse
import http.client
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# An API key names its site (the sandbox refuses one without, as Wix does): the generated one.
HEADERS = {"Authorization": "bench-key", "wix-site-id": "00000000-0000-0000-0000-000000000000", "Content-Type": "application/json"}


def call(conn, method, path, body=None):
    data = json.dumps(body) if body is not None else None
    start = time.perf_counter()
    conn.request(method, path, body=data, headers=HEADERS)
    resp = conn.getresponse()
    raw = resp.read()
    elapsed = (time.perf_counter() - start) * 1000.0
    if resp.status != 200:
        sys.exit(f"{method} {path} -> {resp.status}: {raw[:300]!r}")
    return json.loads(raw), elapsed


def summary(name, samples):
    samples = sorted(samples)
    p90 = samples[min(len(samples) - 1, int(len(samples) * 0.9))]
    print(f"{name:<44} median {statistics.median(samples):7.2f} ms   p90 {p90:7.2f} ms   (n={len(samples)})")
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=50)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "progallery"))
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="progallery-bench-")
    db = os.path.join(home, "bench.db")
    env = dict(os.environ, PROGALLERY_DATA_DIR=home, PROGALLERY_CONFIG_DIR=home)
    server = subprocess.Popen(
        [args.binary, "sandbox", "serve", "--addr", "127.0.0.1:0", "--db", db, "--no-seed"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        base = server.stdout.readline().strip()
        host = base.removeprefix("http://")
        conn = http.client.HTTPConnection(host, timeout=120)
        prefix = "/progallery/v2"

        start = time.perf_counter()
        generated, _ = call(conn, "POST", "/_sandbox/generate", {"count": args.items})
        gallery = generated["galleryId"]
        print(f"generated {generated['totalItems']} items in {time.perf_counter() - start:.1f} s "
              f"(gallery {gallery}, database {db})")

        # Walk the whole gallery once (also checks paging returns every item exactly once).
        ids = []
        walk = []
        for offset in range(0, args.items, 100):
            page, ms = call(conn, "GET", f"{prefix}/galleries/{gallery}/items?itemOffset={offset}&itemLimit=100")
            ids.extend(item["id"] for item in page["items"])
            walk.append(ms)
        assert len(ids) == args.items and len(set(ids)) == args.items, "paging lost or repeated items"
        summary("page of 100, full walk (every offset)", walk)

        results = {}
        for fraction in (0.0, 0.25, 0.5, 0.75, 1.0):
            offset = min(int(args.items * fraction), args.items - 100)
            samples = [call(conn, "GET", f"{prefix}/galleries/{gallery}/items?itemOffset={offset}&itemLimit=100")[1]
                       for _ in range(args.reps)]
            results[offset] = summary(f"page of 100 at offset {offset}", samples)

        rng = random.Random(7)
        samples = [call(conn, "GET", f"{prefix}/galleries/{gallery}/items/{rng.choice(ids)}")[1]
                   for _ in range(args.reps * 4)]
        get_median = summary("get item (random id)", samples)

        samples = [call(conn, "GET", f"{prefix}/galleries/{gallery}?itemOffset={args.items // 2}&itemLimit=100")[1]
                   for _ in range(args.reps)]
        summary("get gallery with 100 items at the middle", samples)

        rng.shuffle(ids)
        rounds = min(10, len(ids) // 1000)
        samples = []
        after_write = []
        for r in range(rounds):
            batch = ids[r * 1000:(r + 1) * 1000]
            body, ms = call(conn, "POST", f"{prefix}/galleries/{gallery}/items/delete", {"itemIds": batch})
            assert len(body["itemIds"]) == 1000, "bulk delete did not delete every id"
            samples.append(ms)
            # The first deep page after a change of order rebuilds the page anchors.
            after_write.append(call(conn, "GET", f"{prefix}/galleries/{gallery}/items?itemOffset={args.items // 2}&itemLimit=100")[1])
        delete_median = summary("bulk delete of 1,000 ids", samples)
        summary("page at the middle, first after a write", after_write)

        worst_page = max(results.values())
        ok = worst_page < 5 and get_median < 5 and delete_median < 100
        print(f"targets (page < 5 ms, get < 5 ms, bulk delete < 100 ms): {'met' if ok else 'MISSED'}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
