//! Following a long-running ARM operation (the managed cluster PUT) to its end, reporting
//! progress as it goes: `Azure-AsyncOperation` first, then `Location`, else the resource's own
//! `provisioningState`.

use crate::arm::transport::{ArmRequest, ArmResponse, Transport};
use crate::arm::{ArmClient, ArmError};
use serde_json::Value;
use std::time::Duration;

/// Polls give up after this many (an hour at ARM's usual 5 s): the operation goes on in Azure,
/// and the message says where to follow it.
pub const MAX_POLLS: u32 = 720;
const DEFAULT_WAIT: Duration = Duration::from_secs(5);

/// Waits for the operation `response` started. `resource_url` is re-read when ARM gives no
/// operation URL. `progress` receives a line for the user on every poll.
pub async fn follow<T: Transport>(
    client: &ArmClient<T>,
    response: &ArmResponse,
    resource_url: &str,
    mut progress: impl FnMut(String),
) -> Result<(), ArmError> {
    let async_op = response.header("azure-asyncoperation").map(String::from);
    let location = response.header("location").map(String::from);
    if async_op.is_none() && location.is_none() && state_of(&response.body).is_terminal() {
        return state_of(&response.body).result();
    }
    let mut wait = wait_of(response);
    for poll in 1..=MAX_POLLS {
        client.transport().sleep(wait).await;
        let (url, read): (&str, fn(&ArmResponse) -> State) = match (&async_op, &location) {
            (Some(url), _) => (url, |r| State::of_status(&r.body, "/status")),
            (None, Some(url)) => (url, |r| match r.status {
                202 => State::Running("InProgress".into()),
                _ => State::Succeeded,
            }),
            (None, None) => (resource_url, |r| state_of(&r.body)),
        };
        let polled = client.send(ArmRequest::get(client.url(url))).await?;
        match read(&polled) {
            State::Running(status) => progress(format!("{status} (check {poll})")),
            done => return done.result(),
        }
        wait = wait_of(&polled);
    }
    Err(ArmError::Operation(
        "The operation is still running in Azure; follow it in the cluster's Activity log.".into(),
    ))
}

#[derive(Debug, PartialEq)]
enum State {
    Running(String),
    Succeeded,
    Failed(String),
}

impl State {
    fn of_status(body: &str, pointer: &str) -> State {
        let doc: Value = serde_json::from_str(body).unwrap_or(Value::Null);
        let status = doc
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or("InProgress");
        match status {
            "Succeeded" => State::Succeeded,
            "Failed" | "Canceled" | "Cancelled" => State::Failed(
                doc.pointer("/error/message")
                    .and_then(Value::as_str)
                    .map(|m| format!("{status}: {m}"))
                    .unwrap_or_else(|| status.to_string()),
            ),
            other => State::Running(other.to_string()),
        }
    }

    fn is_terminal(&self) -> bool {
        !matches!(self, State::Running(_))
    }

    fn result(self) -> Result<(), ArmError> {
        match self {
            State::Failed(message) => Err(ArmError::Operation(message)),
            _ => Ok(()),
        }
    }
}

/// A resource's own state; one without `provisioningState` (a pricing, an assignment) was
/// written synchronously and is done.
fn state_of(resource_body: &str) -> State {
    let doc: Value = serde_json::from_str(resource_body).unwrap_or(Value::Null);
    match doc.pointer("/properties/provisioningState") {
        Some(_) => State::of_status(resource_body, "/properties/provisioningState"),
        None => State::Succeeded,
    }
}

fn wait_of(response: &ArmResponse) -> Duration {
    crate::arm::retry::server_delay(&response.headers).unwrap_or(DEFAULT_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_operation_and_resource_states() {
        assert_eq!(
            State::of_status(r#"{"status":"InProgress"}"#, "/status"),
            State::Running("InProgress".into())
        );
        assert_eq!(
            State::of_status(
                r#"{"status":"Failed","error":{"message":"quota"}}"#,
                "/status"
            ),
            State::Failed("Failed: quota".into())
        );
        assert_eq!(
            state_of(r#"{"properties":{"provisioningState":"Updating"}}"#),
            State::Running("Updating".into())
        );
        assert_eq!(
            state_of(r#"{"properties":{"pricingTier":"Standard"}}"#),
            State::Succeeded,
            "synchronous writes are done"
        );
        assert_eq!(state_of(""), State::Succeeded, "204 No Content is done");
    }
}
