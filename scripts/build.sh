#!/usr/bin/env bash
# Builds the release bundle into dist/ and prints its sizes (raw and gzip -9) per kind.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
# AKS_WASM_SPLIT=1 (build.rs) makes the lazy parts (src/ui/lazy.rs) split points; split-bundle.mjs
# then splits cargo's wasm into a main module and chunks and puts them in place of Trunk's module.
export AKS_WASM_SPLIT=1
step "trunk build --release" with_wasm_env trunk build --release --offline
step "wasm split" node "$ROOT/scripts/split-bundle.mjs" dist \
  "$ROOT/target/wasm32-unknown-unknown/release/aks-security-dashboard.wasm"
# No inline script in the page, so it runs under a strict Content Security Policy.
node "$ROOT/scripts/externalize-bootstrap.mjs" dist

sizes() {
  local kind total_raw=0 total_gz=0
  printf '%-6s %10s %10s  %s\n' kind raw gzip file
  for f in dist/*.wasm dist/*.js dist/*.css dist/snippets/*/*.js; do
    [[ -f $f ]] || continue
    case $f in *.wasm) kind=wasm ;; *.css) kind=css ;; *) kind=js ;; esac
    local raw gz
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-6s %10d %10d  %s\n' "$kind" "$raw" "$gz" "${f#dist/}"
  done
  printf '%-6s %10d %10d\n' total "$total_raw" "$total_gz"
}
echo "==> release bundle sizes (bytes)"
sizes
