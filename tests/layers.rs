//! The house rules the compiler cannot check: `ui` never imports `arm` (it sees domain types and
//! `state`'s flows only, never wire types or request builders), and only the browser edge, the
//! fetch transport and the MSAL binding touch `web_sys` / `wasm_bindgen`.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files under `dir` (and `dir.rs`) whose code names `needle`.
fn offenders(dir: &str, needle: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join(dir), &mut files);
    files.push(root.join(format!("{dir}.rs")));
    files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .any(|l| l.contains(needle))
        })
        .map(|f| f.strip_prefix(&root).unwrap().display().to_string())
        .collect()
}

#[test]
fn ui_never_imports_arm() {
    assert_eq!(offenders("ui", "crate::arm"), Vec::<String>::new());
    // The check sees what it looks for: `state` does use `arm`.
    assert!(!offenders("state", "crate::arm").is_empty());
}

#[test]
fn domain_and_mapping_never_touch_the_browser() {
    for layer in ["domain", "mapping", "arm/models"] {
        for needle in ["web_sys", "wasm_bindgen"] {
            assert_eq!(
                offenders(layer, needle),
                Vec::<String>::new(),
                "{layer} uses {needle}"
            );
        }
    }
}
