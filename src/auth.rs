//! Where ARM access tokens come from. The MSAL JS shim that implements [`TokenSource`] for a
//! signed-in user lives behind this trait; the demo transport needs no token at all.

/// Gives the fetch transport an access token for `https://management.azure.com/.default`.
#[allow(async_fn_in_trait)]
pub trait TokenSource {
    /// A valid access token, acquired silently when possible. The error is a user-readable reason.
    async fn arm_token(&self) -> Result<String, String>;
}
