//! Ordering package versions, to name the one upgrade that fixes every CVE of a package.

use std::cmp::Ordering;

/// Compares versions the way package managers roughly do: runs of digits as numbers, other
/// characters as text, and Debian's `~` before anything (so `1.0~rc1` < `1.0`). Good enough to
/// pick the highest of the fixed versions a scanner reports for one package.
pub fn compare(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (Some(b'~'), Some(b'~')) => (a, b) = (&a[1..], &b[1..]),
            (Some(b'~'), _) => return Ordering::Less,
            (_, Some(b'~')) => return Ordering::Greater,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (na, ra) = split_digits(a);
                let (nb, rb) = split_digits(b);
                let order = compare_digits(na, nb);
                if order != Ordering::Equal {
                    return order;
                }
                (a, b) = (ra, rb);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

fn split_digits(s: &[u8]) -> (&[u8], &[u8]) {
    let end = s
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(s.len());
    s.split_at(end)
}

/// Numeric comparison of digit runs of any length (no overflow): strip leading zeros, then the
/// longer run is larger, then byte order.
fn compare_digits(a: &[u8], b: &[u8]) -> Ordering {
    let trim = |s: &[u8]| -> usize { s.iter().position(|&c| c != b'0').unwrap_or(s.len()) };
    let (a, b) = (&a[trim(a)..], &b[trim(b)..]);
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::compare;
    use std::cmp::Ordering::*;

    #[test]
    fn orders_numbers_numerically_and_tilde_first() {
        let cases = [
            ("3.0.13-1~deb12u1", "3.0.15-1~deb12u1", Less),
            ("1.10.0", "1.9.3", Greater),
            ("2.36-9+deb12u3", "2.36-9+deb12u10", Less),
            ("1.0~rc1", "1.0", Less),
            ("1.0", "1.0.1", Less),
            ("v1.2", "v1.2", Equal),
            ("007", "7", Equal),
            ("99999999999999999999999", "100000000000000000000000", Less),
        ];
        for (a, b, expected) in cases {
            assert_eq!(compare(a, b), expected, "{a} vs {b}");
            assert_eq!(compare(b, a), expected.reverse(), "{b} vs {a}");
        }
    }
}
