//! `AKS_WASM_SPLIT=1` (set by scripts/build.sh for the release bundle) turns the lazy parts
//! (`ui::lazy`) into wasm-split points, and keeps the linker's relocations that wasm-split reads.
//! Every other build links those parts in, so it needs no split step.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(wasm_split)");
    println!("cargo::rerun-if-env-changed=AKS_WASM_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var("AKS_WASM_SPLIT").as_deref() == Ok("1") {
        println!("cargo::rustc-cfg=wasm_split");
        println!("cargo::rustc-link-arg=--emit-relocs");
    }
}
