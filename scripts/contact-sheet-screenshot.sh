#!/usr/bin/env bash
# Retakes the README's picture of the contact sheet (tests/fixtures/contact-sheet.png): the
# seeded gallery exported from the embedded sandbox (offline, a temporary data dir), its
# index.html shot by headless Chromium (Debian's `chromium`).
# Usage: scripts/contact-sheet-screenshot.sh [OUT.png] [WIDTHxHEIGHT]   (default: the fixture, 1100x440)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-tests/fixtures/contact-sheet.png}
size=${2:-1100x440}
cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PROGALLERY_CONFIG_DIR=$work/config PROGALLERY_DATA_DIR=$work/data
target/debug/progallery --sandbox galleries export e481d9b4-14b9-4a98-ae52-67f4170e3a63 "$work/sheet" -q -o id >/dev/null
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$work/profile" --window-size="${size/x/,}" \
  --screenshot="$PWD/$out" "file://$work/sheet/index.html" 2>/dev/null
echo "wrote $out"
