//! Relative date values resolved against a document's date.
//!
//! Date values follow GUIDELINES.md: `Y0`, `Y-1`, `Y0-03`, `Y0-01-01/Y0`,
//! `M-1`, `W-1`, `D-1`, `XXXX-06`, `Y0-WI` ... Given the document's date (`--date`, or a
//! `date` field in JSON Lines input) each becomes absolute: `Y-1` → `2023`,
//! `M-1` → `2024-02`, `W-1` → `2024-W10` (an ISO week), `D-1` → `2024-03-14`. A value without a year (`XXXX-12-04`)
//! takes the year that puts it nearest the document's date, looking back up to
//! eight months and ahead up to four (news mostly reports what has happened:
//! "в декабре" in a March article is last December).

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// Parse `YYYY-MM-DD` (anything after the tenth character, such as a time, is ignored).
    pub fn parse(s: &str) -> Option<Day> {
        let s = s.get(..10)?;
        let b = s.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: i32 = s[..4].parse().ok()?;
        let month: u32 = s[5..7].parse().ok()?;
        let day: u32 = s[8..10].parse().ok()?;
        ((1..=12).contains(&month) && day >= 1 && day <= days_in(year, month)).then_some(Day {
            year,
            month,
            day,
        })
    }

    /// Whether `w` is exactly a calendar day written `YYYY-MM-DD`, as a
    /// scraper's date stamp is (date 2024-11-22 Более 150 студентов).
    pub fn is_stamp(w: &str) -> bool {
        w.len() == 10
            && w.bytes()
                .enumerate()
                .all(|(i, c)| if i == 4 || i == 7 { c == b'-' } else { c.is_ascii_digit() })
            && Day::parse(w).is_some()
    }

    /// Days since 1970-01-01 (negative before).
    fn days_from_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The ISO 8601 week-numbering year and week of this day (weeks start on
    /// Monday; week 1 holds the year's first Thursday).
    pub fn iso_week(self) -> (i32, u32) {
        let weekday = (self.days_from_epoch() + 3).rem_euclid(7); // 0 = Monday
        let thursday = self.plus_days(3 - weekday);
        let jan1 = Day { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.days_from_epoch() - jan1.days_from_epoch()) / 7 + 1;
        (thursday.year, week as u32)
    }

    /// The day `n` days later (earlier when negative).
    fn plus_days(self, n: i64) -> Day {
        let mut d = self;
        let mut n = n;
        while n > 0 {
            if d.day < days_in(d.year, d.month) {
                d.day += 1;
            } else {
                d.day = 1;
                (d.year, d.month) = plus_months(d.year, d.month, 1);
            }
            n -= 1;
        }
        while n < 0 {
            if d.day > 1 {
                d.day -= 1;
            } else {
                (d.year, d.month) = plus_months(d.year, d.month, -1);
                d.day = days_in(d.year, d.month);
            }
            n += 1;
        }
        d
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn plus_months(year: i32, month: u32, n: i32) -> (i32, u32) {
    let m = year * 12 + month as i32 - 1 + n;
    (m.div_euclid(12), (m.rem_euclid(12) + 1) as u32)
}

/// The signed number after a one-letter prefix: `Y-1` → -1, `Y0` → 0, `M+1` → 1.
fn offset(s: &str) -> Option<i64> {
    let n = s.strip_prefix('+').unwrap_or(s);
    if n.is_empty() || !n.trim_start_matches('-').chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// One point of a value (no `/`), resolved; `None` when it is already absolute
/// or not understood.
fn point(p: &str, doc: Day) -> Option<String> {
    let (head, rest) = match p.find(['-', '+']).filter(|&i| i > 0) {
        // `Y-1-03`: the head's own sign belongs to it; split after its number.
        Some(_) => {
            let bytes = p.as_bytes();
            let mut i = 1;
            if i < p.len() && (bytes[i] == b'-' || bytes[i] == b'+') {
                i += 1;
            }
            while i < p.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            (&p[..i], &p[i..])
        }
        None => (p, ""),
    };
    if let Some(n) = head.strip_prefix('Y').and_then(offset) {
        return Some(format!("{}{rest}", doc.year as i64 + n));
    }
    if let Some(n) = head.strip_prefix('M').and_then(offset) {
        let (y, m) = plus_months(doc.year, doc.month, n as i32);
        return Some(format!("{y:04}-{m:02}{rest}"));
    }
    if let Some(n) = head.strip_prefix('W').and_then(offset) {
        let (y, w) = doc.plus_days(7 * n).iso_week();
        return Some(format!("{y:04}-W{w:02}{rest}"));
    }
    if let Some(n) = head.strip_prefix('D').and_then(offset) {
        let d = doc.plus_days(n);
        return Some(format!("{:04}-{:02}-{:02}{rest}", d.year, d.month, d.day));
    }
    if let Some(after) = p.strip_prefix("XXXX-") {
        let month: i32 = after.get(..2)?.parse().ok().filter(|m| (1..=12).contains(m))?;
        let diff = month - doc.month as i32;
        let year = if diff > 4 {
            doc.year - 1
        } else if diff < -8 {
            doc.year + 1
        } else {
            doc.year
        };
        return Some(format!("{year}-{after}"));
    }
    None
}

/// The value resolved against the document's date, or `None` when it has nothing
/// to resolve.
pub fn resolve(value: &str, doc: Day) -> Option<String> {
    let mut changed = false;
    let parts: Vec<String> = value
        .split('/')
        .map(|p| match point(p, doc) {
            Some(r) => {
                changed = true;
                r
            }
            None => p.to_string(),
        })
        .collect();
    changed.then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_stamps_are_whole_valid_days() {
        assert!(Day::is_stamp("2024-11-22"));
        assert!(!Day::is_stamp("2024-13-01"));
        assert!(!Day::is_stamp("2024-11-22T10"));
        assert!(!Day::is_stamp("2024-+1-01"));
        assert!(!Day::is_stamp("+024-11-22"));
        assert!(!Day::is_stamp("2024/11/22"));
    }

    fn r(v: &str, doc: &str) -> Option<String> {
        resolve(v, Day::parse(doc).unwrap())
    }

    #[test]
    fn relative_years_months_and_days() {
        assert_eq!(r("Y0", "2024-03-15").as_deref(), Some("2024"));
        assert_eq!(r("Y-1", "2024-03-15").as_deref(), Some("2023"));
        assert_eq!(r("Y-4", "2024-03-15").as_deref(), Some("2020"));
        assert_eq!(r("Y+1", "2024-03-15").as_deref(), Some("2025"));
        assert_eq!(r("Y0-03", "2024-03-15").as_deref(), Some("2024-03"));
        assert_eq!(r("Y-1-12-31", "2024-03-15").as_deref(), Some("2023-12-31"));
        assert_eq!(r("Y0-WI", "2024-03-15").as_deref(), Some("2024-WI"));
        assert_eq!(r("M-1", "2024-01-10").as_deref(), Some("2023-12"));
        assert_eq!(r("M0", "2024-01-10").as_deref(), Some("2024-01"));
        assert_eq!(r("D-1", "2024-03-01").as_deref(), Some("2024-02-29"), "leap year");
        assert_eq!(r("D-1", "2023-03-01").as_deref(), Some("2023-02-28"));
        assert_eq!(r("D+1", "2023-12-31").as_deref(), Some("2024-01-01"));
        assert_eq!(r("D+2", "2023-12-31").as_deref(), Some("2024-01-02"));
        assert_eq!(r("D+1/D+2", "2024-03-15").as_deref(), Some("2024-03-16/2024-03-17"));
    }

    #[test]
    fn relative_weeks_are_iso_weeks() {
        assert_eq!(r("W0", "2024-03-15").as_deref(), Some("2024-W11"));
        assert_eq!(r("W-1", "2024-03-15").as_deref(), Some("2024-W10"));
        assert_eq!(r("W+1", "2024-12-27").as_deref(), Some("2025-W01"), "2024-12-30 is in 2025's week 1");
        assert_eq!(r("W0", "2021-01-01").as_deref(), Some("2020-W53"));
        assert_eq!(r("W-2", "2024-01-03").as_deref(), Some("2023-W51"), "2023-12-20, a Wednesday");
    }

    #[test]
    fn intervals_and_year_less_values() {
        assert_eq!(r("Y0-01-01/Y0", "2024-03-15").as_deref(), Some("2024-01-01/2024"));
        assert_eq!(r("2007/Y0", "2024-03-15").as_deref(), Some("2007/2024"));
        assert_eq!(r("XXXX-12-04/XXXX-12-09", "2024-12-20").as_deref(), Some("2024-12-04/2024-12-09"));
        assert_eq!(r("XXXX-12", "2024-03-15").as_deref(), Some("2023-12"), "last December");
        assert_eq!(r("XXXX-05", "2024-03-15").as_deref(), Some("2024-05"), "soon after");
        assert_eq!(r("XXXX-01", "2024-11-15").as_deref(), Some("2025-01"), "next January");
    }

    #[test]
    fn absolute_values_stay() {
        for v in ["2023", "2023-12-04", "2024/2027", "2025-06-04T16:11", "2025-WI"] {
            assert_eq!(r(v, "2024-03-15"), None, "{v}");
        }
        assert!(Day::parse("2024-02-30").is_none() && Day::parse("2024-3-1").is_none());
        assert_eq!(Day::parse("2024-02-29T10:00"), Some(Day { year: 2024, month: 2, day: 29 }));
    }
}
