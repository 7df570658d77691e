//! JSON from ARM carries text written by workloads (command lines, pod names). A lone UTF-16
//! surrogate in a `\uXXXX` escape is valid JSON text but not a Unicode scalar, and serde_json
//! refuses the whole document for it: one hostile alert would blind the whole alert list. Lone
//! surrogates are replaced with U+FFFD before decoding, as browsers do when they decode such text.

use std::borrow::Cow;

/// `body` with every lone surrogate escape replaced by `\uFFFD`; borrowed when there is none.
pub fn repair(body: &str) -> Cow<'_, str> {
    if !body.contains("\\ud") && !body.contains("\\uD") {
        return Cow::Borrowed(body);
    }
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit_at(bytes, i) {
            Some(0xD800..=0xDBFF) => match unit_at(bytes, i + 6) {
                Some(0xDC00..=0xDFFF) => i += 12, // a valid pair
                _ => {
                    out.push_str(&body[copied..i]);
                    out.push_str("\\uFFFD");
                    i += 6;
                    copied = i;
                }
            },
            Some(0xDC00..=0xDFFF) => {
                out.push_str(&body[copied..i]);
                out.push_str("\\uFFFD");
                i += 6;
                copied = i;
            }
            // Any other escape (including `\\`) is two characters or a whole `\uXXXX`: skip it.
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    out.push_str(&body[copied..]);
    Cow::Owned(out)
}

/// The UTF-16 code unit of a `\uXXXX` escape starting at `at`, if there is one.
fn unit_at(bytes: &[u8], at: usize) -> Option<u16> {
    let escape = bytes.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    u16::from_str_radix(std::str::from_utf8(&escape[2..]).ok()?, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(json: &str) -> String {
        serde_json::from_str::<String>(&repair(json)).unwrap()
    }

    #[test]
    fn lone_surrogates_become_replacement_characters_and_pairs_stay() {
        assert!(
            serde_json::from_str::<String>(r#""a\ud800b""#).is_err(),
            "serde alone refuses it"
        );
        assert_eq!(decoded(r#""a\ud800b""#), "a\u{fffd}b");
        assert_eq!(decoded(r#""\uDC00\uDC00""#), "\u{fffd}\u{fffd}");
        assert_eq!(
            decoded(r#""x\ud83d""#),
            "x\u{fffd}",
            "a high surrogate at the end"
        );
        assert_eq!(decoded(r#""\ud83d\ude00""#), "😀", "a valid pair is kept");
        assert_eq!(
            decoded(r#""\\ud800""#),
            "\\ud800",
            "an escaped backslash is not an escape"
        );
        assert!(matches!(
            repair(r#"{"a":"plain \u00e9"}"#),
            Cow::Borrowed(_)
        ));
    }
}
