//! Dates for the result: the Gregorian date the browser reports, and its Solar Hijri
//! (Persian) equivalent, computed here so that writing a date needs no `Intl` (whose first
//! use costs tens of milliseconds in Chromium).

/// A calendar date: year, month (1–12) and day of the month (1–31).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// The calendars the shipped languages write dates in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    /// The Solar Hijri calendar with the arithmetic 33-year leap rule, as ICU (and so
    /// Chromium's `Intl`) computes it.
    Persian,
}

impl Calendar {
    pub fn from_name(name: &str) -> Option<Calendar> {
        match name {
            "gregorian" => Some(Calendar::Gregorian),
            "persian" => Some(Calendar::Persian),
            _ => None,
        }
    }

    /// The Gregorian date `date` in this calendar.
    pub fn from_gregorian(self, date: Date) -> Date {
        match self {
            Calendar::Gregorian => date,
            Calendar::Persian => persian(days_since_1970(date)),
        }
    }
}

/// Days from 1970-01-01 to the proleptic Gregorian `date` (negative before it).
pub fn days_since_1970(date: Date) -> i64 {
    // Count from 1 March of year 0, so that the leap day is the last day of a year.
    let (month, day) = (i64::from(date.month), i64::from(date.day));
    let year = i64::from(date.year) - i64::from(month <= 2);
    let shifted_month = (month + 9) % 12; // March = 0 … February = 11
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let days = 365 * year + year.div_euclid(4) - year.div_euclid(100) + year.div_euclid(400);
    // 719,468 days lie between 0000-03-01 and 1970-01-01.
    days + day_of_year - 719_468
}

/// 1 Farvardin of year 1 in days from 1970-01-01: 21 March 622 (proleptic Gregorian), the
/// day ICU's arithmetic calendar counts from.
const PERSIAN_EPOCH: i64 = -492_268;

/// Days from 1 Farvardin of year 1 to 1 Farvardin of `year`: 365 a year plus the leap days,
/// a year being leap when (25 × year + 11) mod 33 < 8.
fn persian_year_start(year: i64) -> i64 {
    365 * (year - 1) + (8 * year + 21).div_euclid(33)
}

fn persian(days: i64) -> Date {
    let n = days - PERSIAN_EPOCH;
    // The mean year is 12,053 / 33 days; the estimate is then corrected to the exact year.
    let mut year = 1 + (33 * n + 3).div_euclid(12_053);
    while persian_year_start(year) > n {
        year -= 1;
    }
    while persian_year_start(year + 1) <= n {
        year += 1;
    }
    let day_of_year = n - persian_year_start(year);
    // Six months of 31 days (186 days), five of 30, then Esfand of 29 or 30.
    let (month, day) = if day_of_year < 186 {
        (day_of_year / 31, day_of_year % 31)
    } else {
        (6 + (day_of_year - 186) / 30, (day_of_year - 186) % 30)
    };
    Date {
        year: year as i32,
        month: month as u32 + 1,
        day: day as u32 + 1,
    }
}
