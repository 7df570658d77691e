#!/usr/bin/env bash
# Runs every test layer, or the ones named: fmt clippy native kql wasm e2e bench.
# bench is the benchmark's smoke run (small sizes, figures printed, budgets not enforced), so the
# benchmark cannot rot; the full run is scripts/bench.sh budgets.
#   scripts/test.sh            all layers (what CI runs)
#   scripts/test.sh native e2e only those
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
layers=("$@")
((${#layers[@]})) || layers=(fmt clippy native kql wasm e2e bench)

"$ROOT/scripts/setup.sh"

# A layer of several commands returns on each failure itself: `step` runs it as an `if`
# condition, where `set -e` does not apply, so only its last command's status would count (the
# fmt layer once passed unformatted code that way).

# rustfmt, then leptosfmt for the markup inside `view!` (leptosfmt.toml; rustfmt.toml).
# leptosfmt silently leaves a `view!` it cannot parse (an attribute value starting with `!`, some
# `{if …}` blocks) as written, so the 100-column limit is checked on its own too.
fmt() {
  cargo fmt --all -- --check || return 1
  leptosfmt --quiet --check --config-file leptosfmt.toml src tests || return 1
  if LC_ALL=C.UTF-8 grep -rn --include='*.rs' '.\{101,\}' src; then
    echo "the lines above are over 100 columns (rustfmt.toml, leptosfmt.toml)" >&2
    return 1
  fi
}
# wasm32 twice: as tests and `serve` build it, and as the release bundle does (AKS_WASM_SPLIT=1,
# the lazy parts as split points; build.rs).
clippy() {
  cargo clippy --all-targets --locked -- -D warnings || return 1
  with_wasm_env cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings ||
    return 1
  AKS_WASM_SPLIT=1 with_wasm_env cargo clippy --target wasm32-unknown-unknown --all-targets --locked \
    -- -D warnings
}
native() { cargo test --locked; }
# Every KQL text the app can send, parsed and analysed by Microsoft's Kusto parser.
kql() { cargo run --locked --quiet --example kql_queries | node tests/kql/check.cjs; }
wasm() {
  with_wasm_env env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web --test web_grid
}
e2e() {
  "$ROOT/scripts/build.sh" || return 1
  npx playwright test --config tests/e2e/playwright.config.ts
}

for layer in "${layers[@]}"; do
  case $layer in
    fmt) step "cargo fmt --check" fmt ;;
    clippy) step "clippy -D warnings (host, wasm32, wasm32 split)" clippy ;;
    native) step "native tests (cargo test)" native ;;
    kql) step "KQL queries through Microsoft's Kusto parser" kql ;;
    wasm) step "wasm tests in headless Chromium" wasm ;;
    e2e) step "release build + Playwright end-to-end tests" e2e ;;
    bench) step "benchmark smoke run (scripts/bench.sh budgets --smoke)" "$ROOT/scripts/bench.sh" budgets --smoke ;;
    *) echo "unknown layer '$layer' (fmt clippy native kql wasm e2e bench)" >&2; exit 2 ;;
  esac
done
echo "all requested test layers passed: ${layers[*]}"
