//! Where ARM access tokens come from: the signed-in user's, through MSAL JS (`msal`), behind the
//! [`TokenSource`] trait so the fetch transport and tests do not depend on MSAL. The demo
//! transport needs no token at all.

pub mod msal;

/// Gives the fetch transport an access token for ARM (`<arm endpoint>/.default`).
#[allow(async_fn_in_trait)]
pub trait TokenSource {
    /// A valid access token, acquired silently when possible. The error is a user-readable reason.
    async fn arm_token(&self) -> Result<String, String>;
    /// Replaces the cached token with a new one (after ARM answered 401); `true` on success.
    async fn refresh(&self) -> bool {
        false
    }
}
