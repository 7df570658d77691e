//! How the demo's Resource Graph writes an answer: the selected rows, paged, as
//! `QueryResponse`. Stored resources are written from the store as they are, without a copy.

use super::Entry;
use super::graph::graph_type;
use serde::Serialize;
use serde_json::Value;

/// The rows of an answer: the stored ones, then a scaled collection's made on demand (so a
/// 50,000-finding cluster costs one page of memory at a time).
pub(super) struct Rows<'s> {
    pub(super) rows: Vec<Row<'s>>,
    pub(super) scaled: Option<(std::rc::Rc<super::Scale>, std::ops::Range<usize>)>,
}

impl<'s> Rows<'s> {
    pub(super) fn len(&self) -> usize {
        self.rows.len() + self.scaled.as_ref().map_or(0, |(_, r)| r.len())
    }

    /// The rows of one page, moved out (no copy of what was already built).
    pub(super) fn into_page(self, range: std::ops::Range<usize>) -> Vec<Row<'s>> {
        let stored = self.rows.len();
        let mut page: Vec<Row> = self
            .rows
            .into_iter()
            .skip(range.start)
            .take(range.len())
            .collect();
        if let Some((scale, _)) = &self.scaled {
            let from = range.start.max(stored);
            page.extend((from..range.end).map(|i| Row::Built(whole_row(&scale.item(i - stored)))));
        }
        page
    }
}

/// One row of an answer. A stored resource is written straight from the store: the load's
/// answers are mostly whole stored resources (671 KB for the recommendations), and copying each
/// into a new JSON value before writing it took twice as long as the client's parse. A row
/// built for its query (a join, a projection, a scaled finding) is a value of its own.
#[derive(Clone)]
pub(super) enum Row<'s> {
    /// `project id, name, type, subscriptionId, resourceGroup, properties`, and the owners
    /// query's `assessmentId`.
    Stored(&'s Entry, Option<&'s str>),
    Built(Value),
}

impl Row<'_> {
    /// Resource Graph's order here: by id, ignoring case.
    pub(super) fn sort_id(&self) -> String {
        match self {
            Row::Stored(entry, _) => entry.id.clone(),
            Row::Built(v) => v["id"].as_str().unwrap_or_default().to_ascii_lowercase(),
        }
    }
}

impl Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Row::Stored(entry, assessment) => {
                GraphRow::of(&entry.value, &entry.kind, *assessment).serialize(serializer)
            }
            Row::Built(value) => value.serialize(serializer),
        }
    }
}

/// A stored resource as the queries project it (borrowed: nothing is copied to write it).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GraphRow<'a> {
    id: &'a str,
    name: &'a Value,
    #[serde(rename = "type")]
    kind: &'a str,
    subscription_id: &'a str,
    resource_group: String,
    properties: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    assessment_id: Option<&'a str>,
}

impl<'a> GraphRow<'a> {
    fn of(value: &'a Value, kind: &'a str, assessment_id: Option<&'a str>) -> GraphRow<'a> {
        let id = value["id"].as_str().unwrap_or_default();
        let segment = |name: &str| {
            let mut parts = id.split('/');
            parts.find(|p| p.eq_ignore_ascii_case(name))?;
            parts.next()
        };
        GraphRow {
            id,
            name: &value["name"],
            kind,
            subscription_id: segment("subscriptions").unwrap_or_default(),
            resource_group: segment("resourceGroups")
                .unwrap_or_default()
                .to_ascii_lowercase(),
            properties: &value["properties"],
            assessment_id,
        }
    }
}

/// `QueryResponse`, one page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Answer<'a> {
    total_records: usize,
    count: usize,
    data: &'a [Row<'a>],
    facets: [(); 0],
    result_truncated: &'static str,
    #[serde(rename = "$skipToken", skip_serializing_if = "Option::is_none")]
    skip_token: Option<String>,
}

impl<'a> Answer<'a> {
    /// Every row in one page.
    pub(super) fn whole(data: &'a [Row<'a>]) -> Answer<'a> {
        Answer::page(data, data.len(), None)
    }

    /// One page of `total` rows, and the token of the next when there is one.
    pub(super) fn page(data: &'a [Row<'a>], total: usize, next: Option<String>) -> Answer<'a> {
        Answer {
            total_records: total,
            count: data.len(),
            data,
            facets: [],
            result_truncated: "false",
            skip_token: next,
        }
    }
}

/// `project id, name, type, subscriptionId, resourceGroup, properties` of a resource that is
/// not stored (a scaled finding).
fn whole_row(value: &Value) -> Value {
    let kind = graph_type(value);
    serde_json::to_value(GraphRow::of(value, &kind, None)).unwrap_or_default()
}
