//! Progress over time: the visitor's earlier results, kept on their device as dates and
//! share codes, and what moved between one result and the next.
//!
//! The history is stored beside saved progress (`<storage key>:history`) as a JSON list of
//! `"YYYY-MM-DD <share code>"` strings, newest last, at most [`KEPT`]. It is untrusted
//! input like everything stored: an entry whose date or code does not check against the
//! questionnaire is dropped, and [`decode`] says how many were.

use crate::assessment::questionnaire::Questionnaire;
use crate::assessment::scoring::{chosen_score, evaluate, Answers, Outcome};
use crate::assessment::share_code;
use crate::result::calendar::Date;

/// How many earlier results are kept: the oldest goes first.
pub const KEPT: usize = 12;

/// Where the history of the widget saving progress under `storage_key` is kept.
pub fn key(storage_key: &str) -> String {
    format!("{storage_key}:history")
}

/// One earlier result: the day it was reached and its share code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub date: Date,
    pub code: String,
}

/// `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

/// A date written `YYYY-MM-DD` with a month and day that exist (any year from 2000 to 9999).
pub fn parse_iso(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (year >= 2000 && (1..=days).contains(&day)).then_some(Date {
        year: year as i32,
        month,
        day,
    })
}

/// The stored history, entry by entry: those that check against `q`, and how many did not.
pub fn decode(q: &Questionnaire, text: &str) -> (Vec<Earlier>, usize) {
    let Ok(entries) = smi_json::from_str::<Vec<String>>(text) else {
        return (Vec::new(), 1);
    };
    let total = entries.len();
    let mut kept: Vec<Earlier> = entries
        .into_iter()
        .filter_map(|entry| {
            let (date, code) = entry.split_once(' ')?;
            let date = parse_iso(date)?;
            share_code::decode(q, code).ok()?;
            Some(Earlier {
                date,
                code: code.to_owned(),
            })
        })
        .collect();
    let dropped = total - kept.len();
    if kept.len() > KEPT {
        kept.drain(..kept.len() - KEPT);
    }
    (kept, dropped)
}

pub fn encode(history: &[Earlier]) -> String {
    let entries: Vec<String> = history
        .iter()
        .map(|e| format!("{} {}", iso(e.date), e.code))
        .collect();
    smi_json::to_string(&entries)
}

/// The history with a result reached on `date` added: the same result as the newest entry
/// only moves that entry's date.
pub fn record(history: &mut Vec<Earlier>, date: Date, code: &str) {
    if history.last().is_some_and(|e| e.code == code) {
        history.pop();
    }
    history.push(Earlier {
        date,
        code: code.to_owned(),
    });
    if history.len() > KEPT {
        history.remove(0);
    }
}

/// The result a new one with `code` is compared with: the newest earlier result that differs
/// from it.
pub fn previous<'a>(history: &'a [Earlier], code: &str) -> Option<&'a Earlier> {
    history.iter().rev().find(|e| e.code != code)
}

/// What moved from an earlier result to the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    /// When the earlier result was reached; `None` for one taken from a pasted link.
    pub date: Option<Date>,
    /// The earlier result's scores, pillars included.
    pub before: Outcome,
    pub investment: i16,
    pub innovation: i16,
    /// The items whose answer now scores higher, in questionnaire order.
    pub improved: Vec<usize>,
    /// The items whose answer now scores lower.
    pub declined: Vec<usize>,
}

/// The movement from `before` to `after`; `None` unless both are complete.
pub fn compare(
    q: &Questionnaire,
    before: &Answers,
    after: &Answers,
    date: Option<Date>,
) -> Option<Movement> {
    let (old, new) = (evaluate(q, before)?, evaluate(q, after)?);
    let delta = |a: u8, b: u8| i16::from(b) - i16::from(a);
    let (mut improved, mut declined) = (Vec::new(), Vec::new());
    for i in 0..q.items.len() {
        let (was, now) = (chosen_score(q, before, i), chosen_score(q, after, i));
        if now > was {
            improved.push(i);
        } else if now < was {
            declined.push(i);
        }
    }
    Some(Movement {
        date,
        investment: delta(old.investment, new.investment),
        innovation: delta(old.innovation, new.innovation),
        before: old,
        improved,
        declined,
    })
}
