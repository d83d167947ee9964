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
    // 1990-01-01 is day 7,305: 20 years of 365 days and the 5 leap days of 1972–1988.
    let start = 20 * 365 + 5;
    assert_eq!(days_since_1970(date(1990, 1, 1)), start);
    let mut g = date(1990, 1, 1);
    for offset in 1..=(70 * 366) {
        g = next_day(g);
        assert_eq!(days_since_1970(g), start + offset, "{g:?}");
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

/// The Gregorian day after `d`, from the calendar's rules written out here (not the
/// engine's): month lengths, and leap years every 4 years but not centuries, except every 400.
fn next_day(d: Date) -> Date {
    let leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
    let length = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][d.month as usize - 1];
    match (d.day < length, d.month < 12) {
        (true, _) => date(d.year, d.month, d.day + 1),
        (false, true) => date(d.year, d.month + 1, 1),
        (false, false) => date(d.year + 1, 1, 1),
    }
}
