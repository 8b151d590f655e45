#!/usr/bin/env bash
# Benchmark of the resumable upload (issue 11, item 5), release build, against a local `sandbox
# serve` that drops the upload's connection twice (--drop-upload-after, --drop-upload-times 2):
# `items add` of one SIZE_MIB MiB video (default 300; past 10 MB it goes through tus) must
# complete, resuming each time from the server's offset, so that the client sends less than 1.5x
# the file's bytes in all, and stay under 50 MiB of peak memory whatever the file's size.
# Measured from outside the client, by sampling its /proc/<pid>/io (wchar: every byte it wrote,
# sockets included, so an over-count if anything) and /proc/<pid>/status (VmHWM: peak RSS) until
# it exits. Also reports the server's count of PATCHes and HEADs, and checks the Media Manager
# holds exactly the file (its MD5). Exits 1 if a target is missed. Linux only (reads /proc).
# Usage: scripts/bench_resumable.sh [SIZE_MIB]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-300}

source scripts/bench_common.sh

# An MP4 (ftyp, SIZE_MIB MiB of media data, then the moov box with a 1920x1080 track of 60 s)
# and its size and MD5.
read -r file_bytes file_md5 < <(python3 - "$work/big.mp4" "$SIZE_MIB" <<'PY'
import hashlib, os, struct, sys
path, mib = sys.argv[1], int(sys.argv[2])
def box(kind, content):
    return struct.pack('>I', len(content) + 8) + kind + content
mvhd = bytearray(100); mvhd[12:16] = struct.pack('>I', 1000); mvhd[16:20] = struct.pack('>I', 60000)
tkhd = bytearray(84); tkhd[76:80] = struct.pack('>I', 1920 << 16); tkhd[80:84] = struct.pack('>I', 1080 << 16)
moov = box(b'moov', box(b'mvhd', bytes(mvhd)) + box(b'trak', box(b'tkhd', bytes(tkhd))))
md5 = hashlib.md5()
with open(path, 'wb') as f:
    def out(b):
        f.write(b); md5.update(b)
    out(box(b'ftyp', b'isom\0\0\x02\0isomiso2'))
    out(struct.pack('>I', mib * 1024 * 1024 + 8) + b'mdat')
    chunk = os.urandom(1024 * 1024)
    for _ in range(mib):
        out(chunk)
    out(moov)
print(os.path.getsize(path), md5.hexdigest())
PY
)
# Cut at 35% of the file, twice: the third PATCH carries the last 30%.
drop_after=$((file_bytes * 35 / 100))

export WIX_API_KEY=bench WIX_SITE_ID=11111111-2222-3333-4444-555555555555
start_sandbox --memory --no-seed --drop-upload-after "$drop_after" --drop-upload-times 2
export PROGALLERY_BASE_URL=$url
gallery=$("$bin" galleries create --name resumable -o id)

# Runs the client, sampling its counters every 10 ms until it exits; prints
# "<exit code> <bytes written> <peak RSS KiB> <seconds>".
read -r code written peak_kb seconds < <(python3 - "$bin" "$gallery" "$work/big.mp4" "$work/item.json" <<'PY'
import subprocess, sys, time
bin_, gallery, path, out = sys.argv[1:5]
start = time.monotonic()
with open(out, 'wb') as stdout:
    child = subprocess.Popen([bin_, 'items', 'add', gallery, path, '-q', '-o', 'json'], stdout=stdout)
    written = peak = 0
    while child.poll() is None:
        try:
            with open(f'/proc/{child.pid}/io') as f:
                for line in f:
                    if line.startswith('wchar:'):
                        written = max(written, int(line.split()[1]))
            with open(f'/proc/{child.pid}/status') as f:
                for line in f:
                    if line.startswith('VmHWM:'):
                        peak = max(peak, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError):
            pass
        time.sleep(0.01)
print(child.returncode, written, peak, round(time.monotonic() - start, 2))
PY
)
[[ $code -eq 0 ]] || { echo "items add failed (exit $code); see $work" >&2; cat "$work/serve.log" >&2; exit 1; }

read -r patches heads media_id < <(curl -sf "$url/_sandbox/requests" | python3 -c '
import json, sys
log = json.load(sys.stdin)
count = lambda m: sum(1 for r in log if r["method"] == m and "/_sandbox/resumable/uploads/" in r["path"])
print(count("PATCH"), count("HEAD"), "-")')
media_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["video"]["videoInfo"]["id"])' "$work/item.json")
stored_md5=$(curl -sf -H 'Authorization: bench' -H "wix-site-id: $WIX_SITE_ID" "$url/site-media/v1/files/get-file-by-id?fileId=$media_id" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["file"]["hash"])')

ratio=$(echo "$written / $file_bytes" | bc -l)
peak_mib=$(echo "$peak_kb / 1024" | bc -l)
printf 'file: %d bytes (%d MiB); connection dropped after %d bytes, twice\n' "$file_bytes" "$SIZE_MIB" "$drop_after"
printf 'server saw %d PATCHes and %d HEADs; wall %.2f s\n' "$patches" "$heads" "$seconds"
printf 'client wrote %d bytes in all: %.3fx the file (target < 1.5x)\n' "$written" "$ratio"
printf 'client peak RSS: %d KiB = %.1f MiB (target < 50 MiB)\n' "$peak_kb" "$peak_mib"
[[ $stored_md5 == "$file_md5" ]] && echo "the Media Manager holds the file (MD5 $stored_md5)" ||
  { echo "MD5 differs: stored $stored_md5, file $file_md5" >&2; exit 1; }
ok=1
[[ $patches -eq 3 ]] || { echo "expected 3 PATCHes (two dropped), saw $patches" >&2; ok=0; }
(( $(echo "$ratio < 1.5" | bc -l) )) || { echo "FAIL: sent ${ratio}x the file" >&2; ok=0; }
(( peak_kb < 50 * 1024 )) || { echo "FAIL: peak RSS ${peak_mib} MiB" >&2; ok=0; }
[[ $ok -eq 1 ]] && echo PASS || exit 1
