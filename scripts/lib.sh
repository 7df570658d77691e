# Shared helpers for the project's scripts: sourced, never run.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=versions.env
source "$ROOT/scripts/versions.env"
TOOLCHAIN_FILE="$ROOT/target/wasm-toolchain"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

# Runs one named step; on failure says which step failed and stops the script. The step runs as
# an `if` condition, where `set -e` is off: a step of several commands must return on each failure
# itself (`|| return 1`), or only its last command's status counts.
step() {
  local name=$1
  shift
  local start=$SECONDS
  printf '==> %s\n' "$name"
  if ! "$@"; then
    printf '\nFAILED at step: %s\n' "$name" >&2
    exit 1
  fi
  printf '    %s: %ss\n' "$name" $((SECONDS - start))
}

# The wasm32 toolchain chosen by setup.sh: "rustup" or "debian".
wasm_toolchain() {
  if [[ ! -f $TOOLCHAIN_FILE ]]; then
    echo "no wasm toolchain chosen yet: run scripts/setup.sh" >&2
    return 1
  fi
  cat "$TOOLCHAIN_FILE"
}

# Runs a command in the environment of the chosen wasm32 toolchain. The Debian fallback puts
# Debian's cargo/rustc first and builds std from source (RUSTC_BOOTSTRAP allows -Zbuild-std on a
# stable compiler); that environment is never used for host builds, where it would rebuild std.
with_wasm_env() {
  if [[ $(wasm_toolchain) == debian ]]; then
    PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
  else
    "$@"
  fi
}

# The wasm-bindgen version Cargo.lock resolved; the CLI must equal it.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Chromium flags for running headless as root on a machine without outbound network.
CHROMIUM_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
