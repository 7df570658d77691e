#!/usr/bin/env bash
# Bare machine → tests, measured: a fresh clone of HEAD, run as a new user would, in a home of its
# own (empty cargo registry and tool folder, empty npm cache, no build cache), so every tool the
# project installs is downloaded and built again. What it cannot remove is the machine's own:
# Debian packages (Chromium) and the Rust toolchain under rustup. Prints both figures with their
# budgets and keeps them in target/cold-figures.txt, which `bench.sh budgets` prints.
#   scripts/bench.sh cold     (about 15 min on 2 cores; uses port 4173 like the e2e layer)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
dir=$(mktemp -d /tmp/aks-cold.XXXXXX)
trap 'rm -rf "$dir"' EXIT
home="$dir/home"
mkdir -p "$home/.cargo/bin"
# rustup's proxies, pointing at the machine's toolchains; nothing the project installs.
if rustup=$(command -v rustup); then
  for proxy in rustup cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
    ln -s "$rustup" "$home/.cargo/bin/$proxy"
  done
fi
git clone -q "$ROOT" "$dir/repo"
clean_env=(env -i HOME="$home" USER="${USER:-root}" TERM=dumb LANG=C.UTF-8
  RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="$home/.cargo"
  PATH="$home/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
log="$ROOT/target/cold-run.log"
start=$SECONDS
"${clean_env[@]}" "$dir/repo/scripts/setup.sh" >"$log" 2>&1 || { tail -20 "$log"; exit 1; }
setup=$((SECONDS - start))
"${clean_env[@]}" "$dir/repo/scripts/test.sh" >>"$log" 2>&1 || { tail -20 "$log"; exit 1; }
total=$((SECONDS - start))
minutes() { awk -v s="$1" 'BEGIN { printf "%.1f", s / 60 }'; }
verdict() { (($1 <= $2 * 60)) && echo within || echo MISSED; }
{
  echo "measured $(date -u +%Y-%m-%d) on $(nproc) cores, wasm32 toolchain $(cat "$dir/repo/target/wasm-toolchain"), commit $(git rev-parse --short HEAD)"
  printf '%-60s %8s %-4s %-12s %s\n' "bare machine: set-up until test.sh starts testing" "$(minutes $setup)" min "<= 10 min" "$(verdict $setup 10)"
  printf '%-60s %8s %-4s %-12s %s\n' "bare machine: every test layer green" "$(minutes $total)" min "<= 25 min" "$(verdict $total 25)"
  grep -E '^    [^:]+: [0-9]+s$' "$log" | sed 's/^    /    step /'
} | tee "$ROOT/target/cold-figures.txt"
