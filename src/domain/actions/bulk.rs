//! The outcome of one action over many findings: each item succeeds or fails on its own.

use crate::domain::format::plural;

/// One item's result: what it was, and the error if it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    /// The finding's id (ARM id of the alert or assessment).
    pub id: String,
    /// What the user recognises it by (alert title, recommendation name).
    pub label: String,
    pub error: Option<String>,
}

/// All items' results, in the order they were asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    pub items: Vec<ItemResult>,
}

impl BulkOutcome {
    pub fn succeeded(&self) -> impl Iterator<Item = &ItemResult> {
        self.items.iter().filter(|i| i.error.is_none())
    }

    pub fn failed(&self) -> impl Iterator<Item = &ItemResult> {
        self.items.iter().filter(|i| i.error.is_some())
    }

    /// "3 of 4 updated; 1 failed", for the status line and the activity list.
    pub fn summary(&self, verb: &str) -> String {
        let (ok, failed) = (self.succeeded().count(), self.failed().count());
        match failed {
            0 => format!("{ok} of {} {verb}", self.items.len()),
            _ => format!("{ok} of {} {verb}; {failed} failed", self.items.len()),
        }
    }

    /// The summary as the activity list records it: an error when any item failed.
    pub fn outcome(&self, verb: &str) -> Result<String, String> {
        match self.failed().next() {
            None => Ok(self.summary(verb)),
            Some(_) => Err(self.summary(verb)),
        }
    }

    /// What the activity list names as the target: the item itself when there was one
    /// ("1 alert: Reverse shell detected"), otherwise how many ("12 alerts").
    pub fn target(&self, noun: &str) -> String {
        match self.items.as_slice() {
            [one] => format!("{}: {}", plural(1, noun), one.label),
            items => plural(items.len(), noun),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarises_partial_failure() {
        let item = |id: &str, error: Option<&str>| ItemResult {
            id: id.into(),
            label: id.into(),
            error: error.map(Into::into),
        };
        let outcome = BulkOutcome {
            items: vec![
                item("a", None),
                item("b", Some("HTTP 403")),
                item("c", None),
            ],
        };
        assert_eq!(outcome.summary("updated"), "2 of 3 updated; 1 failed");
        assert_eq!(outcome.target("alert"), "3 alerts");
        assert_eq!(
            outcome.outcome("updated"),
            Err("2 of 3 updated; 1 failed".into())
        );
        let one = BulkOutcome {
            items: vec![item("Reverse shell", None)],
        };
        assert_eq!(one.target("alert"), "1 alert: Reverse shell");
        assert_eq!(
            outcome.failed().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["b"]
        );
    }
}
