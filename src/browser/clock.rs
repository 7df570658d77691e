//! The current time, from the browser.

/// Milliseconds since the epoch (for durations shown to the user).
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// The current UTC time as `20261122T101500Z`, for file names.
pub fn utc_compact_now() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string()); // 2026-11-22T10:15:00.000Z
    let digits: String = iso
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .collect();
    format!("{digits}Z")
}
