#!/usr/bin/env bash
# Builds the release bundle into dist/ and prints its sizes (raw, gzip -9, Brotli 11) per kind.
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
# Last, once every file is final: Brotli and gzip copies beside each file, for hosts that serve them.
step "precompress" node "$ROOT/scripts/precompress.mjs" dist

sizes() {
  local kind total_raw=0 total_gz=0 total_br=0
  printf '%-6s %10s %10s %10s  %s\n' kind raw gzip brotli file
  for f in dist/*.wasm dist/*.js dist/*.css dist/snippets/*/*.js; do
    [[ -f $f ]] || continue
    case $f in *.wasm) kind=wasm ;; *.css) kind=css ;; *) kind=js ;; esac
    local raw gz br
    raw=$(stat -c %s "$f")
    # The precompressed copies when there are (files of 1 KB and more), else the file as it is.
    gz=$(stat -c %s "$f.gz" 2>/dev/null || echo "$raw")
    br=$(stat -c %s "$f.br" 2>/dev/null || echo "$raw")
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    total_br=$((total_br + br))
    printf '%-6s %10d %10d %10d  %s\n' "$kind" "$raw" "$gz" "$br" "${f#dist/}"
  done
  printf '%-6s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
}
echo "==> release bundle sizes (bytes)"
sizes
