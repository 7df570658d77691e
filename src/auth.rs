//! Where ARM access tokens come from: the signed-in user's, through MSAL JS (`msal`), behind the
//! [`TokenSource`] trait so the fetch transport and tests do not depend on MSAL. The demo
//! transport needs no token at all.

pub mod msal;

/// Why no token could be had.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenError {
    /// Only the user can fix it by signing in again (no account, or Entra wants interaction).
    SignInRequired(String),
    /// Anything else (the login host unreachable, MSAL failing to load): worth retrying.
    Failed(String),
}

/// Gives the fetch transport an access token for ARM (`<arm endpoint>/.default`).
#[allow(async_fn_in_trait)]
pub trait TokenSource {
    /// A valid access token, acquired silently (never by navigating away or opening a window
    /// the user did not ask for). The error's text is user-readable.
    async fn arm_token(&self) -> Result<String, TokenError>;
    /// Replaces the cached token with a new one (after ARM answered 401); `true` on success.
    async fn refresh(&self) -> bool {
        false
    }
    /// ARM refused the token even after a refresh, or none could be had: tell the user.
    fn sign_in_required(&self) {}
}
