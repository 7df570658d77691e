//! Display forms of wire values: timestamps, enum-like words, and hidden characters revealed.

use std::borrow::Cow;

/// Whether `iso` is an ISO 8601 UTC timestamp of at least minute precision (`…T12:34…Z`).
fn is_utc_timestamp(iso: &str) -> bool {
    let b = iso.as_bytes();
    b.len() >= 17
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b' ')
        && b[13] == b':'
        && iso.ends_with(['Z', 'z'])
        && iso.is_ascii()
}

/// "1 alert", "3 alerts": a count with its noun (regular plurals only).
pub fn plural(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// `2026-11-21T00:00:00.9288328Z` → `2026-11-21 00:00 UTC`. Text that is not an ISO 8601 UTC
/// timestamp is returned unchanged, so nothing is ever hidden.
pub fn utc_minutes(iso: &str) -> String {
    if is_utc_timestamp(iso) {
        format!("{} {} UTC", &iso[..10], &iso[11..16])
    } else {
        iso.to_string()
    }
}

/// `2026-11-21T00:00:00Z` → `2026-11-21`; other text unchanged.
pub fn utc_date(iso: &str) -> String {
    if is_utc_timestamp(iso) {
        iso[..10].to_string()
    } else {
        iso.to_string()
    }
}

/// ARM's `2026-11-21T00:07:59.9288328Z` → `2026-11-21T00:07:59Z` (ISO 8601 UTC, whole seconds),
/// the form spreadsheets parse; other text unchanged.
pub fn iso_utc(iso: &str) -> String {
    if is_utc_timestamp(iso) && iso.len() >= 20 && iso.as_bytes()[16] == b':' {
        format!("{}T{}Z", &iso[..10], &iso[11..19])
    } else if is_utc_timestamp(iso) {
        format!("{}T{}:00Z", &iso[..10], &iso[11..16])
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

/// `dataExfiltration` → `Data exfiltration`: Defender's threat names as a sentence.
pub fn sentence(camel: &str) -> String {
    let spaced = words(camel).to_lowercase();
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `c` changes how text around it reads while showing nothing itself: bidirectional
/// controls (the "Trojan Source" overrides that make `kube\u{202E}gpj.exe` display as
/// `kubeexe.jpg`), zero-width and blank-looking characters that hide in names (soft hyphen,
/// invisible operators, Hangul fillers), Unicode tag characters (text invisible to people but
/// read by programs: "ASCII smuggling"), and C0/C1 controls other than tab and line breaks.
/// Zero-width joiners and variation selectors are left alone: emoji sequences need them.
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{180e}'
        | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{3164}' | '\u{feff}'
        | '\u{ffa0}' | '\u{e0000}'..='\u{e007f}')
}

/// `text` as the page shows data from Azure: every hidden character (see [`is_hidden`]) written
/// out as `⟨U+202E⟩`, so a security engineer sees what is really there. Borrowed when there is
/// none, which is almost always.
pub fn reveal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match is_hidden(c) {
            true => out.push_str(&format!("⟨U+{:04X}⟩", u32::from(c))),
            false => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_written_out_and_everything_else_is_kept() {
        assert_eq!(reveal("kube\u{202E}gpj.exe"), "kube⟨U+202E⟩gpj.exe");
        assert_eq!(
            reveal("a\u{0}b\u{1b}[31mc\u{200b}d\u{2066}e\u{feff}"),
            "a⟨U+0000⟩b⟨U+001B⟩[31mc⟨U+200B⟩d⟨U+2066⟩e⟨U+FEFF⟩"
        );
        assert_eq!(
            reveal("pay\u{ad}ments \u{3164} run\u{e0069}\u{e0067}"),
            "pay⟨U+00AD⟩ments ⟨U+3164⟩ run⟨U+E0069⟩⟨U+E0067⟩"
        );
        assert!(matches!(reveal("plain text"), Cow::Borrowed(_)));
        // Line breaks, tabs, right-to-left scripts and emoji sequences are real text.
        let real = "line1\r\nline2\tשלום مرحبا 👩\u{200d}💻";
        assert_eq!(reveal(real), real);
    }

    #[test]
    fn threat_names_read_as_sentences() {
        assert_eq!(sentence("dataExfiltration"), "Data exfiltration");
        assert_eq!(sentence("maliciousInsider"), "Malicious insider");
        assert_eq!(sentence("denialOfService"), "Denial of service");
        assert_eq!(sentence(""), "");
    }

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
        assert_eq!(utc_date("2026-12-05T00:00:00.0000000Z"), "2026-12-05");
        assert_eq!(utc_date("soon"), "soon");
        assert_eq!(
            iso_utc("2026-11-21T00:07:59.9288328Z"),
            "2026-11-21T00:07:59Z"
        );
        assert_eq!(iso_utc("2026-11-21T00:07Z"), "2026-11-21T00:07:00Z");
        assert_eq!(iso_utc("2026-11-21"), "2026-11-21");
        assert_eq!(iso_utc("2026-11-21T00:07:59Zé"), "2026-11-21T00:07:59Zé");
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
