//! The current time, from the browser.

/// Milliseconds since the epoch (for durations shown to the user).
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// The current UTC time as ISO 8601 (`2026-11-22T10:15:00.000Z`): what "overdue" is measured
/// against in the demo.
pub fn utc_iso_now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
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

/// Today's date in the user's time zone (due dates and expiries are days the user picks).
pub fn today() -> crate::domain::actions::Date {
    let now = js_sys::Date::new_0();
    crate::domain::actions::Date {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// The local time as `HH:MM:SS`, for the activity list.
pub fn local_time() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// A random GUID (`crypto.randomUUID`), for new governance assignments.
pub fn new_guid() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default()
}
