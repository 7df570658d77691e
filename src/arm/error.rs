//! ARM failures, with the text a user should read.

use serde::Deserialize;
use std::time::Duration;

/// Why an ARM call failed, after the retry policy gave up.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ArmError {
    #[error("Azure could not be reached: {0}")]
    Network(String),
    #[error("Azure is throttling requests{}; try again shortly", retry_after_text(*retry_after))]
    Throttled { retry_after: Option<Duration> },
    #[error("{message} (HTTP {status}{})", code_text(code))]
    Http {
        status: u16,
        code: String,
        message: String,
    },
    #[error("unexpected response from {url}: {message}")]
    Decode { url: String, message: String },
    #[error("stopped after {pages} pages of {url}: the list is incomplete")]
    TooManyPages { url: String, pages: usize },
    #[error("the operation did not succeed: {0}")]
    Operation(String),
    /// No valid sign-in: Azure refused the token after a refresh, or no token could be had.
    #[error("Azure needs you to sign in again ({0})")]
    SignIn(String),
    /// A URL Azure handed back (`nextLink`, `Location`, `Azure-AsyncOperation`) points outside
    /// the configured ARM and Resource Graph origins: it is not followed, so no token goes there.
    #[error("refused to follow {url}: it is not on the configured Azure Resource Manager endpoint")]
    ForeignOrigin { url: String },
    /// Resource Graph cut the result (`resultTruncated`) without a way to page on.
    #[error(
        "Azure Resource Graph returned an incomplete result for this query ({rows} rows, more \
         exist)"
    )]
    Truncated { rows: usize },
}

/// " (retry after 30s)", or nothing when Azure did not say.
fn retry_after_text(after: Option<Duration>) -> String {
    after
        .map(|d| format!(" (retry after {}s)", d.as_secs()))
        .unwrap_or_default()
}

/// ", AuthorizationFailed", or nothing when the response had no error code.
fn code_text(code: &str) -> String {
    match code {
        "" => String::new(),
        code => format!(", {code}"),
    }
}

/// What to do about an error for which [`ArmError::needs_sign_in`] is true, wherever it shows.
pub const SIGN_IN_AGAIN: &str = "Sign in again with the button at the top of the page, then Retry; \
                                 nothing on the page is lost.";

impl ArmError {
    /// Builds the error for a non-success status, reading ARM's `CloudError` body when present.
    pub fn from_status(status: u16, body: &str) -> ArmError {
        #[derive(Deserialize)]
        struct CloudError {
            error: CloudErrorBody,
        }
        #[derive(Deserialize)]
        struct CloudErrorBody {
            #[serde(default)]
            code: String,
            #[serde(default)]
            message: String,
        }
        let (code, message) = match serde_json::from_str::<CloudError>(body) {
            Ok(e) => (e.error.code, e.error.message),
            Err(_) => (String::new(), String::new()),
        };
        let message = if message.is_empty() {
            default_message(status).to_string()
        } else {
            message
        };
        ArmError::Http {
            status,
            code,
            message,
        }
    }

    /// Only signing in again can fix this (see [`super::Transport::sign_in_required`]).
    pub fn needs_sign_in(&self) -> bool {
        matches!(
            self,
            ArmError::SignIn(_) | ArmError::Http { status: 401, .. }
        )
    }

    /// The error as a failed read explains it: what to do when the sign-in is refused, the role
    /// to ask for when one is missing.
    pub fn for_reader(&self) -> String {
        if self.needs_sign_in() {
            return format!("{self}. {SIGN_IN_AGAIN}");
        }
        match self.is_forbidden() {
            true => format!(
                "{self}. Reading it needs the Security Reader (or Reader) role on the cluster's \
                 subscription; ask its owner for it."
            ),
            false => self.to_string(),
        }
    }

    /// The caller lacks a role for this call (HTTP 403).
    pub fn is_forbidden(&self) -> bool {
        matches!(self, ArmError::Http { status: 403, .. })
    }

    /// The HTTP status, when the failure was an HTTP response.
    pub fn status(&self) -> Option<u16> {
        match self {
            ArmError::Http { status, .. } => Some(*status),
            ArmError::Throttled { .. } => Some(429),
            _ => None,
        }
    }
}

fn default_message(status: u16) -> &'static str {
    match status {
        401 => "Your sign-in has expired",
        403 => "You do not have permission for this (a role is missing)",
        404 => "Not found",
        409 => "The resource was changed or is busy",
        412 => "The resource was changed by someone else",
        500..=599 => "Azure had an internal error",
        _ => "The request failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cloud_error_code_and_message() {
        let body = r#"{"error":{"code":"AuthorizationFailed",
            "message":"The client does not have authorization"}}"#;
        let e = ArmError::from_status(403, body);
        assert!(e.is_forbidden());
        assert_eq!(
            e.to_string(),
            "The client does not have authorization (HTTP 403, AuthorizationFailed)"
        );
    }

    #[test]
    fn falls_back_to_a_readable_message_for_non_json_bodies() {
        let e = ArmError::from_status(502, "<html>Bad gateway</html>");
        assert_eq!(e.to_string(), "Azure had an internal error (HTTP 502)");
    }
}
