//! Gregorian day counts and the Solar Hijri (Persian) calendar, against dates whose
//! equivalents are known (Nowruz, the leap day of a leap year, year ends).

use smi_engine::result::calendar::{days_since_1970, Calendar, Date};

const fn date(year: i32, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

#[test]
fn day_counts_from_1970() {
    assert_eq!(days_since_1970(date(1970, 1, 1)), 0);
    assert_eq!(days_since_1970(date(1969, 12, 31)), -1);
    assert_eq!(days_since_1970(date(2000, 3, 1)), 11_017);
    assert_eq!(days_since_1970(date(2026, 11, 23)), 20_780);
    // 1900 is not a leap year, 2000 is.
    let length = |y| days_since_1970(date(y + 1, 1, 1)) - days_since_1970(date(y, 1, 1));
    assert_eq!(
        [length(1900), length(2000), length(2023), length(2024)],
        [365, 366, 365, 366]
    );
}

#[test]
fn persian_dates() {
    let persian = |y, m, d| Calendar::Persian.from_gregorian(date(y, m, d));
    // Nowruz 1405 and the day before it, the last day of 1404 (not a leap year).
    assert_eq!(persian(2026, 3, 21), date(1405, 1, 1));
    assert_eq!(persian(2026, 3, 20), date(1404, 12, 29));
    // 1403 is a leap year: Esfand has 30 days.
    assert_eq!(persian(2025, 3, 20), date(1403, 12, 30));
    assert_eq!(persian(2025, 3, 21), date(1404, 1, 1));
    // The end of the six 31-day months, and the start of the 30-day ones.
    assert_eq!(persian(2026, 9, 22), date(1405, 6, 31));
    assert_eq!(persian(2026, 9, 23), date(1405, 7, 1));
    assert_eq!(persian(2026, 11, 23), date(1405, 9, 2));
    assert_eq!(persian(2026, 1, 5), date(1404, 10, 15));
}

#[test]
fn every_persian_day_follows_the_one_before() {
    // Consecutive Gregorian days map to consecutive Persian days across 1990–2060.
    let mut previous = Calendar::Persian.from_gregorian(date(1990, 1, 1));
    let start = days_since_1970(date(1990, 1, 1));
    for offset in 1..=(70 * 366) {
        let days = start + offset;
        let g = gregorian(days);
        assert_eq!(days_since_1970(g), days);
        let p = Calendar::Persian.from_gregorian(g);
        let next_day = date(previous.year, previous.month, previous.day + 1);
        let next_month = date(previous.year, previous.month + 1, 1);
        let next_year = date(previous.year + 1, 1, 1);
        assert!(
            p == next_day
                || (p == next_month && previous.day >= 29)
                || (p == next_year && previous.month == 12),
            "{g:?} → {p:?} after {previous:?}"
        );
        assert!(p.day <= if p.month <= 6 { 31 } else { 30 });
        previous = p;
    }
}

/// The Gregorian date `days` after 1970-01-01, by search (only for the test).
fn gregorian(days: i64) -> Date {
    let mut year = 1970 + (days / 366) as i32;
    while days_since_1970(date(year + 1, 1, 1)) <= days {
        year += 1;
    }
    let mut month = 1;
    while month < 12 && days_since_1970(date(year, month + 1, 1)) <= days {
        month += 1;
    }
    let day = (days - days_since_1970(date(year, month, 1))) as u32 + 1;
    date(year, month, day)
}
