#!/usr/bin/env bash
# Serves the dashboard (embedded demo cluster) at http://127.0.0.1:8080 with live reload.
# Extra arguments go to `trunk serve` (e.g. --release). It builds into target/serve, never into
# dist/: dist/ holds only what scripts/build.sh made, so it is always the deployable release
# build (a debug build with the live-reload socket must never ship by accident).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
# Trunk preloads every snippet its wasm-bindgen folder holds, including those of earlier builds
# (a renamed js/ file stays there and the page asks for it: a 404). The release build relinks its
# own (scripts/split-bundle.mjs); here the folder is emptied, and Trunk writes it again.
rm -rf "$ROOT"/target/wasm-bindgen/*/snippets
echo "==> serving http://127.0.0.1:8080"
with_wasm_env trunk serve --offline --dist target/serve "$@"
