#!/usr/bin/env bash
# Installs every tool the project needs, skipping what is already present at the pinned version.
# Cold: 5.6 min measured on 2 cores with rustup's target (scripts/bench.sh cold); warm: seconds.
#   WASM_TOOLCHAIN=debian  force the Debian Rust 1.96 + build-std fallback
#   WASM_TOOLCHAIN=rustup  require rustup's wasm32 target (fail if it cannot be installed)
#   scripts/setup.sh twiggy  also installs twiggy (only `bench.sh bytes` needs it)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mkdir -p target

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && { echo "    present: $*"; return 0; }
  if ((apt_updated == 0)); then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

debian_rust() {
  apt_install $DEBIAN_RUST_PACKAGES
  /usr/bin/rustc --version | grep -q "rustc $DEBIAN_RUST_VERSION" ||
    { echo "Debian rustc is not $DEBIAN_RUST_VERSION: $(/usr/bin/rustc --version)" >&2; return 1; }
}

rustup_has_wasm() { rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }

choose_wasm_toolchain() {
  local want=${WASM_TOOLCHAIN:-auto}
  case $want in
    debian) debian_rust && echo debian >"$TOOLCHAIN_FILE" ;;
    rustup)
      # `|| return 1`: steps run as `if` conditions, where `set -e` does not stop at a failure.
      rustup_has_wasm || timeout "$RUSTUP_TARGET_TIMEOUT" rustup target add wasm32-unknown-unknown ||
        return 1
      echo rustup >"$TOOLCHAIN_FILE" ;;
    auto)
      if rustup_has_wasm || timeout "$RUSTUP_TARGET_TIMEOUT" rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
        echo rustup >"$TOOLCHAIN_FILE"
      else
        echo "    rustup's wasm32 target is not available here: using Debian's Rust $DEBIAN_RUST_VERSION with build-std"
        debian_rust && echo debian >"$TOOLCHAIN_FILE"
      fi ;;
    *) echo "WASM_TOOLCHAIN must be auto, rustup or debian (got '$want')" >&2; return 1 ;;
  esac
  echo "    wasm32 toolchain: $(cat "$TOOLCHAIN_FILE")"
}

# cargo install runs from /tmp so the app's wasm settings never apply to building tools. Tools are
# built with a profile fit for a tool, not for shipping: Trunk's own release profile asks for fat
# LTO and one codegen unit, which made `cargo install trunk` take 11.4 min on 2 cores. Without
# LTO and with parallel codegen units it builds in a fraction of that (README, Toolchain), and
# the tools run as fast as we need (they build and serve; they are not measured).
TOOL_PROFILE=(CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=2)
cargo_tool() {
  local crate=$1 bin=$2 version=$3
  shift 3
  # Present when the tool says its version, or when cargo installed that version (some tools,
  # like wasm-split-cli, have no --version).
  if "$bin" --version 2>/dev/null | grep -q " $version\$\| $version " ||
    { command -v "$bin" >/dev/null && cargo install --list | grep -q "^$crate v$version:"; }; then
    echo "    present: $bin $version"
    return 0
  fi
  (cd /tmp && env -u RUSTC_BOOTSTRAP "${TOOL_PROFILE[@]}" cargo install -q "$crate" --version "$version" "$@")
}

browser() {
  apt_install $BROWSER_PACKAGES
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]
}

npm_packages() {
  # node_modules/.package-lock.json is npm's record of what it installed: equal to the lock, warm.
  if [[ -f node_modules/.package-lock.json ]] &&
    node -e 'const a=require("./package-lock.json").packages,b=require("./node_modules/.package-lock.json").packages;
      for (const k of Object.keys(a)) if (k && (!b[k] || b[k].version !== a[k].version)) process.exit(1)'; then
    echo "    present: node_modules matches package-lock.json"
    return 0
  fi
  npm ci --no-audit --no-fund --loglevel=error
}

rust_components() {
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
}

step "rust components (rustfmt, clippy)" rust_components
step "wasm32 toolchain" choose_wasm_toolchain
step "chromium + chromedriver (Debian)" browser
step "npm packages (MSAL, Playwright, binaryen)" npm_packages
step "trunk $TRUNK_VERSION" cargo_tool trunk trunk "$TRUNK_VERSION" --locked
step "wasm-bindgen-cli $(locked_wasm_bindgen_version)" cargo_tool wasm-bindgen-cli wasm-bindgen "$(locked_wasm_bindgen_version)"
step "wasm-split-cli $WASM_SPLIT_VERSION" cargo_tool wasm_split_cli_support wasm-split-cli "$WASM_SPLIT_VERSION" --locked --features build-binary
step "leptosfmt $LEPTOSFMT_VERSION" cargo_tool leptosfmt leptosfmt "$LEPTOSFMT_VERSION" --locked
step "cargo fetch" cargo fetch -q
# The Debian fallback compiles std, whose own dependencies (dlmalloc, libc, …) the app's lock does
# not name: without them the offline wasm build stops at "no matching package named `dlmalloc`".
if [[ $(wasm_toolchain) == debian ]]; then
  step "cargo fetch (std's dependencies, for build-std)" \
    with_wasm_env cargo fetch -q --target wasm32-unknown-unknown
fi
if [[ ${1:-} == twiggy ]]; then
  step "twiggy $TWIGGY_VERSION" cargo_tool twiggy twiggy "$TWIGGY_VERSION" --locked
fi
echo "setup complete"
