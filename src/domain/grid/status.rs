//! A finding's Status cell: still unhealthy, exempted, or changed by an action in this session
//! and waiting for Defender to re-evaluate it.

use crate::domain::finding::Vulnerability;
use std::collections::BTreeSet;

/// Written by an action in this session; Defender's state follows within 24 hours.
pub const APPLIED: &str = "Applied; Defender re-evaluates within 24 h";
/// Not applicable with cause Exempt.
pub const EXEMPTED: &str = "Exempted";
/// What Defender says of a finding that is listed and neither of the above.
pub const UNHEALTHY: &str = "Unhealthy";

/// One finding's status. An applied action outranks what Azure last said.
pub fn label(exempted: bool, applied: bool) -> &'static str {
    match (exempted, applied) {
        (_, true) => APPLIED,
        (true, false) => EXEMPTED,
        (false, false) => UNHEALTHY,
    }
}

/// A vulnerability finding's status; `applied` holds the recommendations (ARM ids) an action
/// changed in this session.
pub fn of_vulnerability(v: &Vulnerability, applied: &BTreeSet<String>) -> &'static str {
    label(v.exempted, applied.contains(&v.recommendation_id))
}

/// A group of findings (a component, CVE or package): Unhealthy while any member is, so a
/// group is never called exempted while part of it still needs work.
pub fn of_group<'a>(
    members: impl IntoIterator<Item = &'a Vulnerability>,
    applied: &BTreeSet<String>,
) -> &'static str {
    let mut any_applied = false;
    for v in members {
        match of_vulnerability(v, applied) {
            UNHEALTHY => return UNHEALTHY,
            APPLIED => any_applied = true,
            _ => {}
        }
    }
    match any_applied {
        true => APPLIED,
        false => EXEMPTED,
    }
}
