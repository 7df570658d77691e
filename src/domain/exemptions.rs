//! Exemptions touching a cluster (they replaced disable rules on 2026-07-31, API.md §E): what
//! each exempts, by which mechanism, and its state: active, expiring in ≤ 14 days, expired,
//! exempted but now healthy, or a duplicate of another.

use super::actions::Date;
use super::finding::Recommendation;

/// How Azure holds the exemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mechanism {
    /// `Microsoft.Security/standardAssignments` with effect `Exempt` (Defender-native and
    /// individual recommendations).
    Defender,
    /// `Microsoft.Authorization/policyExemptions` (policy-based recommendations).
    Policy,
}

impl Mechanism {
    pub fn label(self) -> &'static str {
        match self {
            Mechanism::Defender => "Defender for Cloud",
            Mechanism::Policy => "Azure Policy",
        }
    }
}

/// Why it is exempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// Handled another way: the resource counts as healthy.
    Mitigated,
    /// Risk accepted: left out of the score.
    Waiver,
}

impl Category {
    pub const ALL: [Category; 2] = [Category::Mitigated, Category::Waiver];

    /// Either spelling Azure uses (`waiver` in the Defender spec, `Waiver` in Azure Policy's).
    pub fn parse(text: &str) -> Option<Category> {
        match text.to_ascii_lowercase().as_str() {
            "mitigated" => Some(Category::Mitigated),
            "waiver" => Some(Category::Waiver),
            _ => None,
        }
    }

    /// As the portal says it.
    pub fn label(self) -> &'static str {
        match self {
            Category::Mitigated => "Mitigated",
            Category::Waiver => "Risk accepted (waiver)",
        }
    }
}

/// One exemption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    /// Its ARM id (removed and renewed through it).
    pub id: String,
    pub mechanism: Mechanism,
    pub display_name: String,
    pub category: Option<Category>,
    /// The resource (or resource group, subscription) it is set on.
    pub scope: String,
    /// The recommendation it exempts (Defender: `exemptionData.assignedAssessment`); `None` for
    /// a policy exemption, which names policy references instead.
    pub assessment_key: Option<String>,
    /// Azure Policy: the assignment and the definitions in it that are exempt.
    pub policy: Option<(String, Vec<String>)>,
    /// Defender: the standard it is assigned under (`assignedStandard.id`), kept for a renewal.
    pub standard: String,
    /// Why: the description (Defender), or Azure Policy's `metadata.reason` when it has one.
    pub justification: String,
    /// The description as set (Azure Policy keeps it apart from the reason).
    pub description: String,
    /// Azure Policy's `metadata.reason`, when set.
    pub reason: String,
    pub created_by: String,
    /// ISO 8601 UTC, when known.
    pub created_on: String,
    /// ISO 8601 UTC, or empty for no expiry.
    pub expires_on: String,
}

/// Where an exemption stands. Several can hold at once; the first that holds is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExemptionState {
    /// Past its expiry: it no longer exempts anything.
    Expired,
    /// Another active exemption already exempts the same recommendation at the same scope.
    Duplicate,
    /// What it exempts is healthy now: it can go.
    NowHealthy,
    /// Ends within 14 days.
    ExpiringSoon,
    Active,
}

impl ExemptionState {
    pub fn label(self) -> &'static str {
        match self {
            ExemptionState::Expired => "Expired",
            ExemptionState::Duplicate => "Duplicate",
            ExemptionState::NowHealthy => "Exempted but now healthy",
            ExemptionState::ExpiringSoon => "Expiring in ≤ 14 days",
            ExemptionState::Active => "Active",
        }
    }
}

/// Days before expiry that count as "expiring soon".
pub const EXPIRING_DAYS: i64 = 14;

impl Exemption {
    /// Whether the exemption applies to `r`: the same recommendation, set on `r`'s resource or
    /// one of its parents (a cluster's exemption covers its containers' findings).
    pub fn covers(&self, r: &Recommendation) -> bool {
        let same_key = self
            .assessment_key
            .as_ref()
            .is_some_and(|k| k.eq_ignore_ascii_case(&r.key));
        let scope = self.scope.to_ascii_lowercase();
        let under = |id: &str| {
            let id = id.to_ascii_lowercase();
            id == scope || id.starts_with(&format!("{scope}/"))
        };
        same_key && (under(&r.resource_id) || under(&r.id))
    }

    /// Where it applies, in words, relative to `cluster` (its ARM id).
    pub fn scope_label(&self, cluster: &str) -> String {
        let (scope, c) = (
            self.scope.to_ascii_lowercase(),
            cluster.to_ascii_lowercase(),
        );
        if scope == c {
            return "This cluster".into();
        }
        if let Some(rest) = scope.strip_prefix(&format!("{c}/")) {
            return format!(
                "In the cluster: {}",
                &self.scope[self.scope.len() - rest.len()..]
            );
        }
        let parts: Vec<&str> = self.scope.split('/').collect();
        match parts.len() {
            3 => format!("Subscription {}", parts[2]),
            5 => format!("Resource group {}", parts[4]),
            _ => self.scope.clone(),
        }
    }

    fn expired(&self, today: Date) -> bool {
        Date::parse(&self.expires_on).is_some_and(|d| d < today)
    }

    /// Its state among `all` (for duplicates), against the cluster's recommendations.
    pub fn state(
        &self,
        all: &[Exemption],
        recommendations: &[Recommendation],
        today: Date,
    ) -> ExemptionState {
        if self.expired(today) {
            return ExemptionState::Expired;
        }
        let same = |o: &Exemption| {
            o.mechanism == self.mechanism
                && o.assessment_key.is_some()
                && o.assessment_key == self.assessment_key
                && o.policy == self.policy
                && o.scope.eq_ignore_ascii_case(&self.scope)
                && !o.expired(today)
        };
        // The earlier of two (by creation, then id) is the original; the later the duplicate.
        let earlier = |o: &Exemption| {
            (o.created_on.as_str(), o.id.as_str()) < (self.created_on.as_str(), self.id.as_str())
        };
        if all.iter().any(|o| o.id != self.id && same(o) && earlier(o)) {
            return ExemptionState::Duplicate;
        }
        let covered: Vec<&Recommendation> =
            recommendations.iter().filter(|r| self.covers(r)).collect();
        if !covered.is_empty() && covered.iter().all(|r| r.healthy) {
            return ExemptionState::NowHealthy;
        }
        match Date::parse(&self.expires_on) {
            Some(end) if end <= today.plus_days(EXPIRING_DAYS) => ExemptionState::ExpiringSoon,
            _ => ExemptionState::Active,
        }
    }
}

/// One (policy definition, assignment, reference) the cluster is evaluated with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct PolicyReference {
    /// The policy definition's ARM id, lower case.
    pub definition: String,
    /// The assignment of the benchmark initiative that evaluates it.
    pub assignment: String,
    /// The definition's reference id inside the initiative.
    pub reference: String,
}
