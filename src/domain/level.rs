//! Severity and risk levels, and which of the two a rating is based on.

use serde::{Deserialize, Serialize};

/// One scale for alert severity, recommendation severity, CVE severity and Defender CSPM risk.
/// Declared highest first, so the derived `Ord` sorts the most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Critical,
    High,
    Medium,
    Low,
    Informational,
}

impl Level {
    /// Every level, highest first.
    pub const ALL: [Level; 5] = [
        Level::Critical,
        Level::High,
        Level::Medium,
        Level::Low,
        Level::Informational,
    ];

    /// Parses the wire spelling of any Defender severity or risk level (case-insensitive).
    /// Risk level "None" has no finding to count and maps to `None`.
    pub fn parse(text: &str) -> Option<Level> {
        match text.to_ascii_lowercase().as_str() {
            "critical" => Some(Level::Critical),
            "high" => Some(Level::High),
            "medium" | "moderate" => Some(Level::Medium),
            "low" => Some(Level::Low),
            "informational" | "info" => Some(Level::Informational),
            _ => None,
        }
    }

    /// The label users see, as the portal spells it.
    pub fn label(self) -> &'static str {
        match self {
            Level::Critical => "Critical",
            Level::High => "High",
            Level::Medium => "Medium",
            Level::Low => "Low",
            Level::Informational => "Informational",
        }
    }

    /// The CSS modifier (`level--high`) that picks the level's colour token.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Critical => "critical",
            Level::High => "high",
            Level::Medium => "medium",
            Level::Low => "low",
            Level::Informational => "informational",
        }
    }
}

/// Whether a rating comes from Defender CSPM's contextual risk or from the static severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RatingBasis {
    Risk,
    Severity,
}

/// The level a finding is ranked by, and what that level is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rating {
    pub level: Level,
    pub basis: RatingBasis,
}

impl Rating {
    /// Risk level when Defender CSPM computed one, otherwise the severity.
    pub fn from_risk_or_severity(risk: Option<Level>, severity: Level) -> Rating {
        match risk {
            Some(level) => Rating {
                level,
                basis: RatingBasis::Risk,
            },
            None => Rating {
                level: severity,
                basis: RatingBasis::Severity,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_wire_spelling_and_rejects_none() {
        assert_eq!(Level::parse("High"), Some(Level::High));
        assert_eq!(Level::parse("critical"), Some(Level::Critical));
        assert_eq!(Level::parse("Informational"), Some(Level::Informational));
        assert_eq!(Level::parse("None"), None);
        assert_eq!(Level::parse(""), None);
    }

    #[test]
    fn orders_most_urgent_first() {
        let mut levels = vec![
            Level::Low,
            Level::Critical,
            Level::Informational,
            Level::High,
        ];
        levels.sort();
        assert_eq!(
            levels,
            [
                Level::Critical,
                Level::High,
                Level::Low,
                Level::Informational
            ]
        );
    }

    #[test]
    fn risk_wins_over_severity_when_present() {
        let r = Rating::from_risk_or_severity(Some(Level::Critical), Level::Medium);
        assert_eq!((r.level, r.basis), (Level::Critical, RatingBasis::Risk));
        let s = Rating::from_risk_or_severity(None, Level::Medium);
        assert_eq!((s.level, s.basis), (Level::Medium, RatingBasis::Severity));
    }
}
