//! Display forms of wire values: timestamps and enum-like words.

/// `2026-11-21T00:00:00.9288328Z` → `2026-11-21 00:00 UTC`. Text that is not an ISO 8601 UTC
/// timestamp is returned unchanged, so nothing is ever hidden.
pub fn utc_minutes(iso: &str) -> String {
    let b = iso.as_bytes();
    let shaped = b.len() >= 17
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b' ')
        && b[13] == b':'
        && iso.ends_with(['Z', 'z']);
    if shaped {
        format!("{} {} UTC", &iso[..10], &iso[11..16])
    } else {
        iso.to_string()
    }
}

/// `InitialAccess` → `Initial Access`, `PreAttack` → `Pre Attack`; other text unchanged.
pub fn words(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for (i, c) in camel.char_indices() {
        let prev_lower = camel[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_lowercase());
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_arm_timestamps_to_the_minute() {
        assert_eq!(
            utc_minutes("2026-11-21T00:07:59.9288328Z"),
            "2026-11-21 00:07 UTC"
        );
        assert_eq!(utc_minutes("2020-02-22T00:00:00Z"), "2020-02-22 00:00 UTC");
        assert_eq!(utc_minutes("yesterday"), "yesterday");
        assert_eq!(
            utc_minutes("2026-11-21T00:07:59+02:00"),
            "2026-11-21T00:07:59+02:00"
        );
        assert_eq!(utc_minutes(""), "");
    }

    #[test]
    fn splits_camel_case_words() {
        assert_eq!(words("InitialAccess"), "Initial Access");
        assert_eq!(words("PrivilegeEscalation"), "Privilege Escalation");
        assert_eq!(words("Execution"), "Execution");
        assert_eq!(words("K8S"), "K8S");
        assert_eq!(words(""), "");
    }
}
