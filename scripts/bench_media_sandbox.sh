#!/usr/bin/env bash
# Benchmark of the sandbox's Media Manager slice (issue 5, part 7): one PUT of a SIZE_MIB file
# (default 500) to an upload URL and the GET of its bytes back, on loopback, reporting wall times
# and the server's peak RSS (VmHWM), which must stay flat whatever the file size because bodies
# are streamed to and from disk. Also checks the bytes come back identical and the header-only
# reader found the dimensions. Linux only (reads /proc).
# Usage: scripts/bench_media_sandbox.sh [SIZE_MIB] [debug|release]   (default: 500 debug)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-500}
PROFILE=${2:-debug}

source scripts/bench_common.sh

# A PNG header (8000x6000) followed by SIZE_MIB MiB of filler: the sandbox never decodes pixels.
python3 - "$work/big.png" "$SIZE_MIB" <<'PY'
import struct, sys
path, mib = sys.argv[1], int(sys.argv[2])
with open(path, 'wb') as f:
    f.write(b'\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR' + struct.pack('>II', 8000, 6000) + bytes([8, 6, 0, 0, 0, 0, 0, 0, 0]))
    chunk = bytes(range(256)) * 4096
    for _ in range(mib):
        f.write(chunk)
PY

start_sandbox --memory --no-seed
base=$url
rss() { awk -v k="$1:" '$1 == k {print $2 " kB"}' "/proc/$server_pid/status"; }
echo "idle RSS: $(rss VmRSS)"

upload_url=$(curl -sf -X POST -H 'Authorization: bench' -H 'wix-site-id: 00000000-0000-0000-0000-000000000000' -H 'Content-Type: application/json' \
  -d '{"mimeType":"image/png"}' "$base/site-media/v1/files/generate-upload-url" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["uploadUrl"])')
start=$(date +%s.%N)
curl -sf -T "$work/big.png" -H 'Content-Type: image/png' "$upload_url?filename=big.png" -o "$work/put.json"
put_s=$(echo "$(date +%s.%N) - $start" | bc)
# The PUT answers PENDING: the sizes come once the file is processed (READY).
file_id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["file"]["id"])' "$work/put.json")
# An API key names its site; the poll gives up after 60 s rather than spin on a refusal.
polls=0
until curl -sf -H 'Authorization: bench' -H 'wix-site-id: 00000000-0000-0000-0000-000000000000' \
    "$base/site-media/v1/files/get-file-by-id?fileId=$file_id" -o "$work/file.json" &&
  python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["file"]["operationStatus"] == "PENDING")' "$work/file.json"; do
  polls=$((polls + 1))
  (( polls < 600 )) || { echo "file $file_id is not READY after 60 s" >&2; exit 1; }
  sleep 0.1
done
read -r size width height file_url < <(python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["file"]
i = f["media"]["image"]["image"]
print(f["sizeInBytes"], i["width"], i["height"], f["url"])' "$work/file.json")
start=$(date +%s.%N)
curl -sf "$file_url" -o "$work/got.png"
get_s=$(echo "$(date +%s.%N) - $start" | bc)
cmp -s "$work/big.png" "$work/got.png" && same=identical || same=DIFFERENT

echo "PUT  $SIZE_MIB MiB: ${put_s} s   (sizeInBytes $size, ${width}x${height})"
echo "GET  $SIZE_MIB MiB: ${get_s} s   (bytes $same)"
echo "peak RSS of the sandbox: $(rss VmHWM)"
