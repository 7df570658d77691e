//! The MSAL JS binding (`js/msal_shim.js`), bound once: initialize and finish a redirect,
//! sign in (redirect at top level, popup in a frame), pick an account, get a token, sign out.

use super::{TokenError, TokenSource};
use crate::config::AzureConfig;
use serde::Deserialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/msal_shim.js")]
extern "C" {
    #[wasm_bindgen(js_name = msalInit, catch)]
    async fn msal_init(
        client_id: &str,
        authority: &str,
        redirect_uri: &str,
        popup_redirect_uri: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = msalLogin, catch)]
    async fn msal_login(scope: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = msalSelect)]
    fn msal_select(id: &str) -> JsValue;
    #[wasm_bindgen(js_name = msalToken, catch)]
    async fn msal_token(scope: &str, force_refresh: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = msalReauth, catch)]
    async fn msal_reauth(scope: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = msalLogout, catch)]
    async fn msal_logout() -> Result<JsValue, JsValue>;
}

/// A signed-in account, as the header and the account picker show it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Account {
    /// MSAL's `homeAccountId` (`oid.tid`).
    pub id: String,
    pub username: String,
    pub name: String,
}

/// What MSAL knows after start-up.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Session {
    /// The account tokens are acquired for, if one is chosen.
    pub active: Option<Account>,
    /// Every account in MSAL's cache (more than one: the user picks).
    pub accounts: Vec<Account>,
    /// The page is in a frame: sign-in uses a popup.
    pub framed: bool,
}

/// Why a call into MSAL failed, with MSAL's own message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MsalError {
    /// MSAL could not be loaded or initialised, or a redirect return failed.
    #[error("Sign-in could not start: {0}")]
    Start(String),
    /// Sign-in, sign-in again or sign-out failed or was cancelled (closed popup, refused consent).
    #[error("{0}")]
    Refused(String),
    /// MSAL answered with something the app does not understand (a version mismatch).
    #[error("Unexpected answer from MSAL: {0}")]
    Unexpected(String),
}

fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "Sign-in failed".into())
}

fn parse<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, MsalError> {
    let json = js_sys::JSON::stringify(&value)
        .map(String::from)
        .map_err(|e| MsalError::Unexpected(message(e)))?;
    serde_json::from_str(&json).map_err(|e| MsalError::Unexpected(e.to_string()))
}

/// Loads the MSAL library (once; callers share a load in flight). Azure mode starts it as soon
/// as it knows it is Azure mode, so it downloads beside Azure mode's own wasm chunk; `start`
/// then waits for that same load, or tries again if it failed.
pub async fn load_library() -> Result<(), crate::browser::script::ScriptError> {
    crate::browser::script::ensure("msal-browser.min.js", "msal", "The sign-in library").await
}

/// Loads MSAL, creates the client for `config`, and completes a redirect sign-in if this page
/// load is its return.
pub async fn start(config: &AzureConfig) -> Result<Session, MsalError> {
    load_library()
        .await
        .map_err(|e| MsalError::Start(e.to_string()))?;
    let popup = popup_redirect_uri(&config.redirect_uri);
    let value = msal_init(
        &config.client_id,
        &config.authority,
        &config.redirect_uri,
        &popup,
    )
    .await
    .map_err(|e| MsalError::Start(message(e)))?;
    parse(value)
}

/// The popup's return page: `redirect.html` beside the redirect URI (MSAL's redirect bridge).
pub fn popup_redirect_uri(redirect_uri: &str) -> String {
    let base = redirect_uri
        .rsplit_once('/')
        .map_or(redirect_uri, |(dir, _)| dir);
    format!("{base}/redirect.html")
}

/// Signs in: at top level the page navigates to Entra and this never returns; in a frame a
/// popup opens and the account comes back.
pub async fn sign_in(config: &AzureConfig) -> Result<Account, MsalError> {
    let value = msal_login(&config.arm_scope())
        .await
        .map_err(|e| MsalError::Refused(message(e)))?;
    parse(value)
}

/// Signs the active account in again in a popup (at top level too), so nothing on the page is
/// lost; after it, requests get tokens again. Must be called from a click.
pub async fn sign_in_again(config: &AzureConfig) -> Result<Account, MsalError> {
    let value = msal_reauth(&config.arm_scope())
        .await
        .map_err(|e| MsalError::Refused(message(e)))?;
    parse(value)
}

/// Makes a cached account the active one.
pub fn select(account_id: &str) -> Option<Account> {
    parse(msal_select(account_id)).ok()
}

/// Signs out (redirect at top level, popup in a frame) and clears MSAL's cache.
pub async fn sign_out() -> Result<(), MsalError> {
    msal_logout()
        .await
        .map(|_| ())
        .map_err(|e| MsalError::Refused(message(e)))
}

/// ARM tokens for the active account.
#[derive(Clone)]
pub struct MsalTokens {
    scope: String,
    /// Tells the page that only signing in again helps.
    on_sign_in_required: Rc<dyn Fn()>,
}

impl MsalTokens {
    /// Tokens for `config`'s ARM endpoint; `on_sign_in_required` runs when ARM refuses them
    /// even after a refresh, or when Entra wants the user to sign in again.
    pub fn new(config: &AzureConfig, on_sign_in_required: impl Fn() + 'static) -> MsalTokens {
        MsalTokens {
            scope: config.arm_scope(),
            on_sign_in_required: Rc::new(on_sign_in_required),
        }
    }
}

impl TokenSource for MsalTokens {
    async fn arm_token(&self) -> Result<String, TokenError> {
        let value = msal_token(&self.scope, false).await.map_err(|e| {
            let sign_in = e
                .dyn_ref::<js_sys::Error>()
                .is_some_and(|e| e.name() == "SignInRequired");
            let why = format!("No access token: {}", message(e));
            match sign_in {
                true => TokenError::SignInRequired(why),
                false => TokenError::Failed(why),
            }
        })?;
        value
            .as_string()
            .ok_or_else(|| TokenError::Failed("No access token: MSAL returned none".into()))
    }

    // Requests refused together (a dozen in parallel when a token expires mid-load) get one
    // token request: MSAL shares an identical silent request that is already in flight
    // (`activeSilentTokenRequests`); the e2e fault spec counts the grants.
    async fn refresh(&self) -> bool {
        msal_token(&self.scope, true).await.is_ok()
    }

    fn sign_in_required(&self) {
        (self.on_sign_in_required)();
    }
}

#[cfg(test)]
mod tests {
    use super::popup_redirect_uri;

    #[test]
    fn the_popup_returns_to_redirect_html_beside_the_app() {
        assert_eq!(
            popup_redirect_uri("https://dash.contoso.com/"),
            "https://dash.contoso.com/redirect.html"
        );
        assert_eq!(
            popup_redirect_uri("https://contoso.com/aks/index.html"),
            "https://contoso.com/aks/redirect.html"
        );
    }
}
