#!/usr/bin/env bash
# Benchmarks that print figures (never timed tests).
#   scripts/bench.sh csv [rows...]   CSV export, native and in headless Chromium (default 10000 100000)
#   scripts/bench.sh grid [rows...]  grid render, pivot, filter and sort in headless Chromium (default 5000 50000)
#   scripts/bench.sh budgets         every figure of the performance budgets, with the budget beside it
#   scripts/bench.sh budgets --smoke the same at small sizes (CI runs it so the benchmark cannot rot)
#   scripts/bench.sh bytes           where the wasm's bytes go: twiggy top, dominators and monos
#   scripts/bench.sh cold            bare machine → tests: set-up and the test command from nothing
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
what=${1:-csv}
shift || true
sizes=("$@")

serve_dist() {
  "$ROOT/scripts/build.sh" >/dev/null
  port=4175 gzip_port=4176
  GZIP=1 node tests/e2e/serve.mjs dist $port &
  server=$!
  # The same files from a host that offers gzip only (no Brotli), for the first load's second figure.
  ENCODINGS=gzip GZIP=1 node tests/e2e/serve.mjs dist $gzip_port &
  gzip_server=$!
  trap 'kill $server $gzip_server 2>/dev/null' EXIT
  sleep 0.5
}

case $what in
  csv)
    ((${#sizes[@]})) || sizes=(10000 100000)
    "$ROOT/scripts/setup.sh" >/dev/null
    step "native CSV export (csv crate, release)" cargo run -q --release --example csv_bench -- "${sizes[@]}"
    serve_dist
    step "browser CSV export (release build, headless Chromium)" node scripts/bench-csv-browser.mjs "http://127.0.0.1:$port" "${sizes[@]}"
    ;;
  grid)
    ((${#sizes[@]})) || sizes=(5000 50000)
    "$ROOT/scripts/setup.sh" >/dev/null
    serve_dist
    step "grid in headless Chromium (release build)" node scripts/bench-grid.mjs "http://127.0.0.1:$port" "${sizes[@]}"
    ;;
  budgets)
    mode=full csv_rows=100000
    [[ ${sizes[0]:-} == --smoke ]] && mode=smoke csv_rows=5000
    "$ROOT/scripts/setup.sh" >/dev/null
    native_csv=$(cargo run -q --release --example csv_bench -- "$csv_rows" | awk '/^native csv /{ sub(/.*median= */, ""); print $1 }')
    azure=$(cargo run -q --release --example load_latency -- 100 1000)
    fleet_size=5000
    [[ $mode == smoke ]] && fleet_size=500
    fleet_bodies="$ROOT/target/fleet-bodies.json"
    fleet=$(cargo run -q --release --example fleet_transfer -- "$fleet_size" "$fleet_bodies")
    serve_dist
    step "performance budgets ($mode)" node scripts/bench-budgets.mjs "http://127.0.0.1:$port" dist "$mode" "$native_csv" "$azure" "$fleet" "$fleet_bodies" "http://127.0.0.1:$gzip_port"
    ;;
  bytes)
    "$ROOT/scripts/setup.sh" twiggy >/dev/null
    # The release profile as shipped, but with the symbol names kept (the shipped build strips
    # them), before wasm-bindgen and wasm-opt: names are what twiggy reports by. Split as the
    # bundle is (scripts/split-bundle.mjs), so the main module is what the first paint loads.
    wasm="$ROOT/target/bytes/aks-security-dashboard.wasm"
    step "release wasm with names" with_wasm_env env AKS_WASM_SPLIT=1 CARGO_PROFILE_RELEASE_STRIP=none \
      cargo build -q --release --target wasm32-unknown-unknown
    rm -rf "$ROOT/target/bytes"
    step "wasm-split-cli (main module and chunks, with names)" wasm-split-cli \
      "$ROOT/target/wasm32-unknown-unknown/release/aks-security-dashboard.wasm" "$ROOT/target/bytes" \
      --target web --out-name aks-security-dashboard
    ls -l "$ROOT/target/bytes"/*.wasm
    step "twiggy top 15 (main module)" twiggy top -n 15 "$wasm"
    step "twiggy dominators (3 levels)" twiggy dominators -d 3 -r 25 "$wasm"
    step "twiggy monos (generic functions with the most copies)" twiggy monos -m 8 -n 15 "$wasm"
    ;;
  cold) exec "$ROOT/scripts/bench-cold.sh" ;;
  *) echo "unknown benchmark '$what' (csv grid budgets bytes cold)" >&2; exit 2 ;;
esac
