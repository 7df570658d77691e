//! The browser edge: the only place (with the fetch transport and the MSAL binding) that touches
//! `web_sys` and `wasm_bindgen` directly.

pub mod clock;
pub mod config_file;
pub mod crash;
pub mod download;
pub mod embedding;
pub mod focus;
pub mod location;
pub mod perf;
pub mod sanitize;
pub mod script;
pub mod storage;
pub mod theme;
pub mod timer;
