# Sourced by scripts/bench_*.sh (not run on its own): builds the binary, makes a temporary work
# dir holding the config and data dirs, starts `sandbox serve` on an ephemeral loopback port, and
# on exit stops every server it started and removes the work dir.
#   PROFILE=release|debug (default release)    BIN=path/to/progallery skips the build
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PROFILE=${PROFILE:-release}
if [[ -z ${BIN:-} ]]; then
  if [[ $PROFILE == release ]]; then cargo build --release --quiet; else cargo build --quiet; fi
  BIN=$PWD/target/$PROFILE/progallery
fi
bin=$BIN
work=$(mktemp -d)
bench_pids=()
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap bench_cleanup EXIT
export PROGALLERY_CONFIG_DIR=$work/config PROGALLERY_DATA_DIR=$work/data

# start_sandbox ARGS...: `sandbox serve --addr 127.0.0.1:0 ARGS...`; sets $url (its base URL,
# the first line it prints) and $server_pid. Its stderr goes to $work/serve.log.
start_sandbox() {
  rm -f "$work/url"
  mkfifo "$work/url"
  "$bin" sandbox serve --addr 127.0.0.1:0 "$@" >"$work/url" 2>>"$work/serve.log" &
  server_pid=$!
  bench_pids+=("$server_pid")
  read -r url <"$work/url"
}

# stop_sandbox: stops the server start_sandbox started last.
stop_sandbox() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
