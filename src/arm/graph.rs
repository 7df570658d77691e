//! Azure Resource Graph (`POST /providers/Microsoft.ResourceGraph/resources`, api-version
//! 2024-04-01, `shared/azure/API.md` §8): one KQL query, paged by repeating it with the
//! response's `$skipToken`, within the caller's quota.

use super::client::{ArmClient, MAX_PAGES, decode};
use super::error::ArmError;
use super::transport::{ArmRequest, Method, Transport};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The Resource Graph api-version the app speaks.
pub const API_VERSION: &str = "2024-04-01";
/// Rows per page (the service allows 1–1000; sent explicitly because older versions default to
/// 100).
pub const PAGE_SIZE: u32 = 1000;

/// A query as it is sent: its KQL and its scope. With neither subscriptions nor management
/// groups it runs over every subscription the caller can read, tenant-wide.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GraphQuery {
    pub text: String,
    pub subscriptions: Vec<String>,
    /// Management group names (`managementGroups`): the query runs over their subscriptions.
    pub management_groups: Vec<String>,
    /// `options.allowPartialScopes`: for a tenant or management-group query over more
    /// subscriptions than Resource Graph allows in one query, answer for those it could take
    /// instead of failing (the spec's description).
    pub allow_partial_scopes: bool,
}

impl GraphQuery {
    /// A tenant-wide query.
    pub fn tenant(text: impl Into<String>) -> GraphQuery {
        GraphQuery {
            text: text.into(),
            ..GraphQuery::default()
        }
    }
}

/// `QueryRequest`.
#[derive(Debug, Serialize)]
pub struct QueryRequest<'a> {
    pub query: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub subscriptions: &'a [String],
    #[serde(
        rename = "managementGroups",
        skip_serializing_if = "<[String]>::is_empty"
    )]
    pub management_groups: &'a [String],
    pub options: QueryOptions<'a>,
}

/// `QueryRequestOptions`: object rows, a page size, and the token of the page to read.
#[derive(Debug, Serialize)]
pub struct QueryOptions<'a> {
    #[serde(rename = "$skipToken", skip_serializing_if = "Option::is_none")]
    pub skip_token: Option<&'a str>,
    #[serde(rename = "$top")]
    pub top: u32,
    #[serde(rename = "resultFormat")]
    pub result_format: &'static str,
    /// Sent only when asked for (the service's default is `false`).
    #[serde(
        rename = "allowPartialScopes",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub allow_partial_scopes: bool,
}

/// `QueryResponse` with `objectArray` rows.
#[derive(Debug, Deserialize)]
pub struct QueryResponse<R> {
    #[serde(rename = "totalRecords", default)]
    pub total_records: i64,
    pub data: Vec<R>,
    #[serde(rename = "$skipToken", default)]
    pub skip_token: Option<String>,
    /// `"true"` when rows were left out (the spec's enum is a string).
    #[serde(rename = "resultTruncated", default)]
    pub result_truncated: Option<String>,
}

/// The query URL on `graph_endpoint` (ARM's host in every cloud).
pub fn query_url(graph_endpoint: &str) -> String {
    format!(
        "{}/providers/Microsoft.ResourceGraph/resources?api-version={API_VERSION}",
        graph_endpoint.trim_end_matches('/')
    )
}

/// Runs `query` and returns all rows, following `$skipToken`. Any failed page fails the whole
/// result, and so does a page Resource Graph says it truncated with no token to go on: a
/// partial list is never shown as whole. Before each page it waits out a spent quota.
pub async fn query<T: Transport, R: DeserializeOwned>(
    client: &ArmClient<T>,
    query: &GraphQuery,
) -> Result<Vec<R>, ArmError> {
    let url = query_url(client.graph_endpoint());
    let mut rows = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..MAX_PAGES {
        if let Some(wait) = client.take_graph_quota_wait() {
            client.transport().sleep(wait).await;
        }
        let body = QueryRequest {
            query: &query.text,
            subscriptions: &query.subscriptions,
            management_groups: &query.management_groups,
            options: QueryOptions {
                skip_token: token.as_deref(),
                top: PAGE_SIZE,
                result_format: "objectArray",
                allow_partial_scopes: query.allow_partial_scopes,
            },
        };
        let request = ArmRequest {
            method: Method::Post,
            url: url.clone(),
            body: Some(serde_json::to_string(&body).expect("a query request serializes")),
            headers: Vec::new(),
        };
        let response = client.send(request).await?;
        client.note_graph_quota(&response);
        let page: QueryResponse<R> = decode(&url, &response.body)?;
        rows.extend(page.data);
        match page.skip_token.filter(|t| !t.is_empty()) {
            Some(next) => token = Some(next),
            None if page.result_truncated.as_deref() == Some("true") => {
                return Err(ArmError::Truncated { rows: rows.len() });
            }
            None => return Ok(rows),
        }
    }
    Err(ArmError::TooManyPages {
        url,
        pages: MAX_PAGES,
    })
}
