//! AKS Security Dashboard: Microsoft Defender for Cloud's per-cluster security dashboard as a
//! client-side Leptos app. Layers, from the bottom: `domain` (pure findings logic), `arm` (typed
//! ARM client over a `Transport`: browser fetch or the in-browser demo cluster), `auth` (token
//! source), `mapping` (wire → domain), `state`, `ui`. Only `browser`, the fetch transport and the
//! MSAL binding touch `web_sys`/`wasm_bindgen`.

pub mod app;
pub mod arm;
pub mod auth;
pub mod browser;
pub mod config;
pub mod domain;
pub mod error;
pub mod mapping;
pub mod state;
pub mod ui;

pub use app::App;
