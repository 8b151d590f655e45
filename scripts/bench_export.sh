#!/usr/bin/env bash
# Benchmark of `galleries export` (issue 13), release build, against a local `sandbox serve`:
# a gallery of COUNT items (default 1,000) of which BIG are files of SIZE_MIB MiB (default 5 of
# 200) and the rest small pictures, exported with its media; under /usr/bin/time -v, the client's
# peak RSS (target < 60 MB: every download is streamed to disk in chunks, never held whole), wall
# time and throughput. It checks the export too: COUNT manifest lines, every big file's SHA-256
# equal to the original's. Then a rerun, which must keep every file (no download URL asked for).
# Usage: scripts/bench_export.sh [COUNT] [BIG] [SIZE_MIB]   (default: 1000 5 200). Linux; needs
# about 2 × BIG × SIZE_MIB of free disk in $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000}
BIG=${2:-5}
SIZE_MIB=${3:-200}

source scripts/bench_common.sh

export WIX_API_KEY=bench WIX_SITE_ID=11111111-2222-3333-4444-555555555555
start_sandbox --memory --no-seed
export PROGALLERY_BASE_URL=$url

# BIG videos of SIZE_MIB MiB (an MP4 header, then random bytes) and 10 small pictures.
python3 - "$work" "$BIG" "$SIZE_MIB" <<'PY'
import os, struct, sys
work, big, mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f'{work}/big')
os.makedirs(f'{work}/small')
for i in range(big):
    with open(f'{work}/big/clip{i}.mp4', 'wb') as f:
        f.write(b'\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2')
        chunk = os.urandom(1024 * 1024)
        for _ in range(mib):
            f.write(chunk)
for i in range(10):
    with open(f'{work}/small/p{i}.png', 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR' + struct.pack('>II', 800 + i, 600)
                + bytes([8, 6, 0, 0, 0, 0, 0, 0, 0]) + os.urandom(150 * 1024))
PY

scratch=$("$bin" galleries create --name uploads -o id)
echo "uploading $BIG files of $SIZE_MIB MiB and 10 small pictures"
"$bin" items add "$scratch" "$work/big" "$work/small" -q -o id >/dev/null
# The gallery to export: the big files, then the small pictures shown again and again (items
# may share media) up to COUNT, created in one request.
"$bin" items list "$scratch" --all -o json >"$work/items.json"
python3 - "$work" "$COUNT" <<'PY' >"$work/gallery.json"
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
uploaded = json.load(open(f'{work}/items.json'))
big = [{'title': i['title'], 'video': i['video']} for i in uploaded if 'video' in i]
small = [i['image'] for i in uploaded if 'image' in i]
pictures = [{'title': f'Picture {n}', 'image': small[n % len(small)]} for n in range(count - len(big))]
print(json.dumps({'gallery': {'name': 'Export benchmark', 'items': big + pictures}}))
PY
gallery=$("$bin" galleries create --from-file "$work/gallery.json" -o id)
total=$("$bin" galleries get "$gallery" -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])')
[[ $total -eq $COUNT ]] || { echo "expected $COUNT items, the gallery holds $total" >&2; exit 1; }

echo "exporting $COUNT items ($BIG x $SIZE_MIB MiB and $((COUNT - BIG)) small)"
/usr/bin/time -v "$bin" galleries export "$gallery" "$work/export" -q -o id >/dev/null 2>"$work/time.txt"
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
lines=$(wc -l <"$work/export/manifest.jsonl")
[[ $lines -eq $COUNT ]] || { echo "the manifest has $lines lines, not $COUNT" >&2; exit 1; }
python3 - "$work" <<'PY'
import hashlib, json, os, sys
work = sys.argv[1]
def sha(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()
originals = {sha(f'{work}/big/{n}') for n in os.listdir(f'{work}/big')}
exported = set()
for line in open(f'{work}/export/manifest.jsonl'):
    media = json.loads(line).get('media')
    if media and media['size'] > 1 << 20:
        assert sha(f"{work}/export/{media['file']}") == media['sha256'], media
        exported.add(media['sha256'])
assert exported == originals, (exported, originals)
PY
bytes=$(du -sb "$work/export/media" | cut -f1)
seconds=$(python3 -c "import sys; h, m, s = (['0'] + sys.argv[1].split(':'))[-3:]; print(int(h) * 3600 + int(m) * 60 + float(s))" "$wall")
printf 'export: wall %s, %.0f MiB written (%.0f MiB/s), client peak RSS %d KiB (%.1f MiB; target < 60 MB)\n' \
  "$wall" "$(echo "$bytes / 1048576" | bc -l)" "$(echo "$bytes / 1048576 / $seconds" | bc -l)" "$rss_kb" "$(echo "$rss_kb / 1024" | bc -l)"

/usr/bin/time -v "$bin" galleries export "$gallery" "$work/export" -q -o id >/dev/null 2>"$work/time2.txt"
rss2=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time2.txt")
wall2=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time2.txt")
printf 'rerun (every file kept, checked by SHA-256): wall %s, client peak RSS %d KiB (%.1f MiB)\n' "$wall2" "$rss2" "$(echo "$rss2 / 1024" | bc -l)"
