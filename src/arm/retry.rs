//! When to retry an ARM call and how long to wait: a pure function, table-tested.

use std::time::Duration;

/// What the last attempt produced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Attempt<'a> {
    /// An HTTP response with this status and these headers.
    Status(u16, &'a [(String, String)]),
    /// No response (connection failure or client timeout).
    NoResponse,
}

/// Retry rules in azure_core's vocabulary: throttling honours `x-ms-retry-after-ms` then
/// `Retry-After`; 408, 5xx and network failures back off exponentially; nothing else is retried.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    pub max_retries: u32,
    pub initial_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            initial_delay: Duration::from_millis(800),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The wait before retry number `retries_done + 1`, or `None` when the call must not be
    /// retried.
    pub fn next_delay(&self, retries_done: u32, attempt: Attempt) -> Option<Duration> {
        self.next_delay_jittered(retries_done, attempt, 1.0)
    }

    /// [`RetryPolicy::next_delay`] with jitter: our own backoff is scaled to between half and all
    /// of itself by `unit` (0.0–1.0, random in the browser), so clients that failed together do not
    /// retry together. A wait the server asked for is honoured exactly.
    pub fn next_delay_jittered(
        &self,
        retries_done: u32,
        attempt: Attempt,
        unit: f64,
    ) -> Option<Duration> {
        let scale = 0.5 + 0.5 * unit.clamp(0.0, 1.0);
        if retries_done >= self.max_retries {
            return None;
        }
        let backoff = || {
            let factor = 2u32.saturating_pow(retries_done);
            self.initial_delay
                .saturating_mul(factor)
                .min(self.max_delay)
                .mul_f64(scale)
        };
        match attempt {
            Attempt::NoResponse => Some(backoff()),
            Attempt::Status(429, headers) => {
                Some(server_delay(headers).map_or_else(backoff, |d| d.min(self.max_delay)))
            }
            Attempt::Status(408 | 500 | 502 | 503 | 504, headers) => {
                Some(server_delay(headers).map_or_else(backoff, |d| d.min(self.max_delay)))
            }
            Attempt::Status(..) => None,
        }
    }
}

/// The server's requested wait: `x-ms-retry-after-ms` (milliseconds) wins over `Retry-After`
/// (seconds). An HTTP-date `Retry-After` is ignored in favour of backoff.
pub fn server_delay(headers: &[(String, String)]) -> Option<Duration> {
    let find = |name: &str| header(headers, name);
    if let Some(ms) = find("x-ms-retry-after-ms").and_then(|v| v.parse::<u64>().ok()) {
        return Some(Duration::from_millis(ms));
    }
    find("retry-after")
        .and_then(|v| v.parse::<u64>().ok())
        .map(Duration::from_secs)
        // A throttled Resource Graph answer may say only when its quota window resets.
        .or_else(|| find("x-ms-user-quota-resets-after").and_then(hms))
}

/// Resource Graph's quota headers: when `x-ms-user-quota-remaining` is 0, the time in
/// `x-ms-user-quota-resets-after` (`hh:mm:ss`) before another query is accepted ("Guidance for
/// throttled requests", API.md §8.1). `None` while queries remain.
pub fn quota_wait(headers: &[(String, String)]) -> Option<Duration> {
    let find = |name: &str| header(headers, name);
    let remaining: i64 = find("x-ms-user-quota-remaining")?.parse().ok()?;
    if remaining > 0 {
        return None;
    }
    find("x-ms-user-quota-resets-after")
        .and_then(hms)
        // Spent, but no reset time given: the documented window is 5 seconds.
        .or(Some(Duration::from_secs(5)))
}

/// A header's value, trimmed (names compared case-insensitively).
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// `hh:mm:ss` (fractional seconds allowed) as a duration.
fn hms(text: &str) -> Option<Duration> {
    let mut parts = text.split(':');
    let (h, m, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let seconds =
        h.parse::<f64>().ok()? * 3600.0 + m.parse::<f64>().ok()? * 60.0 + s.parse::<f64>().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(3600.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn resource_graph_quota_headers_say_when_to_wait() {
        let spent = headers(&[
            ("x-ms-user-quota-remaining", "0"),
            ("x-ms-user-quota-resets-after", "00:00:03"),
        ]);
        assert_eq!(quota_wait(&spent), Some(Duration::from_secs(3)));
        let left = headers(&[
            ("x-ms-user-quota-remaining", "4"),
            ("x-ms-user-quota-resets-after", "00:00:03"),
        ]);
        assert_eq!(quota_wait(&left), None);
        assert_eq!(
            quota_wait(&headers(&[("x-ms-user-quota-remaining", "0")])),
            Some(Duration::from_secs(5))
        );
        assert_eq!(quota_wait(&headers(&[])), None);
        // A 429 that names only the reset is waited out for exactly that long.
        let throttled = headers(&[("x-ms-user-quota-resets-after", "00:01:02.5")]);
        assert_eq!(
            server_delay(&throttled),
            Some(Duration::from_millis(62_500))
        );
        assert_eq!(hms("garbage"), None);
    }

    #[test]
    fn jitter_spreads_our_backoff_but_never_the_servers_wait() {
        let p = RetryPolicy::default();
        let ms = |unit: f64, attempt| p.next_delay_jittered(2, attempt, unit).unwrap().as_millis();
        assert_eq!(
            ms(0.0, Attempt::NoResponse),
            1600,
            "half of the 3,200 ms backoff"
        );
        assert_eq!(ms(0.5, Attempt::NoResponse), 2400);
        assert_eq!(ms(1.0, Attempt::NoResponse), 3200);
        let retry_after = vec![("Retry-After".to_string(), "7".to_string())];
        assert_eq!(ms(0.0, Attempt::Status(429, &retry_after)), 7000);
    }

    fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn table() {
        let p = RetryPolicy::default();
        let none = h(&[]);
        let ra7 = h(&[("Retry-After", "7")]);
        let ms = h(&[("retry-after", "7"), ("x-ms-retry-after-ms", "1500")]);
        let huge = h(&[("Retry-After", "3600")]);
        let date = h(&[("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")]);
        let cases: &[(u32, Attempt, Option<u64>)] = &[
            (0, Attempt::Status(429, &ra7), Some(7000)),
            (0, Attempt::Status(429, &ms), Some(1500)),
            (0, Attempt::Status(429, &huge), Some(30_000)),
            (1, Attempt::Status(429, &date), Some(1600)),
            (0, Attempt::Status(503, &none), Some(800)),
            (2, Attempt::Status(500, &none), Some(3200)),
            (3, Attempt::NoResponse, Some(6400)),
            (4, Attempt::NoResponse, None),
            (0, Attempt::Status(400, &none), None),
            (0, Attempt::Status(401, &none), None),
            (0, Attempt::Status(403, &none), None),
            (0, Attempt::Status(404, &none), None),
            (0, Attempt::Status(412, &none), None),
        ];
        for (i, (done, attempt, want)) in cases.iter().enumerate() {
            let got = p.next_delay(*done, *attempt).map(|d| d.as_millis() as u64);
            assert_eq!(got, *want, "case {i}: {attempt:?} after {done} retries");
        }
    }

    #[test]
    fn backoff_is_capped() {
        let p = RetryPolicy {
            max_retries: 20,
            ..RetryPolicy::default()
        };
        assert_eq!(
            p.next_delay(15, Attempt::NoResponse),
            Some(Duration::from_secs(30))
        );
    }
}
