#!/usr/bin/env bash
# Regenerates completions/ and man/ from the clap definitions (the binary writes them itself).
# Run after changing any flag or help text; tests/it/cli_generated.rs fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/progallery
# A clean environment: clap prints the values of `env = …` variables that are set.
run() { env -i PATH="$PATH" HOME="$HOME" "$bin" "$@"; }
mkdir -p completions
run completions bash > completions/progallery.bash
run completions zsh > completions/_progallery
run completions fish > completions/progallery.fish
run completions powershell > completions/_progallery.ps1
run completions elvish > completions/progallery.elv
rm -rf man
run man --out man
