//! Calendar dates without a time zone library: due dates are whole days, sent as midnight UTC.

use std::fmt;

/// A proleptic Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD` (what `<input type=date>` gives), or the date part of an ISO time.
    pub fn parse(text: &str) -> Option<Date> {
        let head = text.get(..10)?;
        let mut parts = head.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        (head.len() == 10 && date.days().is_some_and(|d| Date::from_days(d) == date))
            .then_some(date)
    }

    /// Days since 1970-01-01 (`None` for an impossible month).
    fn days(self) -> Option<i64> {
        if !(1..=12).contains(&self.month) || self.day == 0 || self.day > 31 {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe - 719_468)
    }

    /// The date `days` days after 1970-01-01 (a Unix time's date).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `n` days later.
    pub fn plus_days(self, n: i64) -> Date {
        Date::from_days(self.days().unwrap_or_default() + n)
    }

    /// Midnight UTC of this date, as ARM's date-time fields take it.
    pub fn midnight_utc(self) -> String {
        format!("{self}T00:00:00.000Z")
    }
}

/// 1970-01-01: a placeholder until a load says what today is.
impl Default for Date {
    fn default() -> Date {
        Date::from_days(0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_days_across_months_years_and_leap_days() {
        let d = Date::parse("2026-11-22").unwrap();
        assert_eq!(d.plus_days(7).to_string(), "2026-11-29");
        assert_eq!(d.plus_days(14).to_string(), "2026-12-06");
        assert_eq!(d.plus_days(90).to_string(), "2027-02-20");
        assert_eq!(
            Date::parse("2028-02-28").unwrap().plus_days(1).to_string(),
            "2028-02-29"
        );
        assert_eq!(
            Date::parse("2026-11-22").unwrap().midnight_utc(),
            "2026-11-22T00:00:00.000Z"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "2026-1-1",
            "",
            "tomorrow",
            "2027-02-29",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2026-12-05T00:00:00.0000000Z").is_some());
    }
}
