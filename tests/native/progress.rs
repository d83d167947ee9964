//! Progress over time: the stored history of earlier results, and what moved between two.

use crate::support::{answers, any_answers, smi};
use proptest::prelude::*;
use smi_engine::assessment::share_code;
use smi_engine::evaluate;
use smi_engine::result::calendar::Date;
use smi_engine::result::progress::{self, Earlier, KEPT};

fn date(year: i32, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

fn code(digits: &str) -> String {
    share_code::encode(smi(), &answers(digits)).unwrap()
}

const LOW: &str = "0000000000000 00000000000000";
const MID: &str = "1010101010101 23232323232323";
const HIGH: &str = "2222222222222 33333333333333";

#[test]
fn dates_are_read_only_when_they_exist() {
    assert_eq!(progress::parse_iso("2026-12-05"), Some(date(2026, 12, 5)));
    assert_eq!(progress::parse_iso("2028-02-29"), Some(date(2028, 2, 29)));
    assert_eq!(progress::iso(date(2026, 1, 9)), "2026-01-09");
    for bad in [
        "2026-02-29",
        "2100-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-12-5",
        "2026-12-05-01",
        "+026-12-05",
        "1999-12-31",
        "2026-1a-05",
        "",
        "2026/12/05",
        "٢٠٢٦-١٢-٠٥",
    ] {
        assert_eq!(progress::parse_iso(bad), None, "{bad}");
    }
}

#[test]
fn a_stored_history_is_read_entry_by_entry() {
    let (low, mid) = (code(LOW), code(MID));
    let mut tampered = mid.clone();
    tampered.replace_range(3..4, if &mid[3..4] == "A" { "B" } else { "A" });
    // An entry of the wrong type makes the whole list unreadable.
    let text = format!(r#"["2026-10-01 {low}",7]"#);
    assert_eq!(progress::decode(smi(), &text), (Vec::new(), 1));
    // Otherwise entries are dropped one by one: a damaged code, a date that does not exist,
    // no separator, a code for nothing.
    let text = format!(
        r#"["2026-10-01 {low}","2026-10-02 {tampered}","2026-02-30 {mid}","2026-10-03{mid}","2026-10-04 ","2026-11-01 {mid}"]"#
    );
    let (kept, dropped) = progress::decode(smi(), &text);
    assert_eq!(dropped, 4);
    assert_eq!(
        kept,
        [
            Earlier {
                date: date(2026, 10, 1),
                code: low.clone()
            },
            Earlier {
                date: date(2026, 11, 1),
                code: mid.clone()
            },
        ]
    );
    assert_eq!(
        progress::encode(&kept),
        format!(r#"["2026-10-01 {low}","2026-11-01 {mid}"]"#)
    );
    assert_eq!(progress::decode(smi(), &progress::encode(&kept)), (kept, 0));
    for junk in ["", "null", "{}", "[1]", "\"x\""] {
        assert_eq!(progress::decode(smi(), junk).0, Vec::new(), "{junk}");
    }
    // More than are kept (a hand-edited value): the newest stay.
    let many: Vec<String> = (1..=20)
        .map(|d| format!("\"2026-10-{d:02} {low}\""))
        .collect();
    let (kept, dropped) = progress::decode(smi(), &format!("[{}]", many.join(",")));
    assert_eq!((kept.len(), dropped), (KEPT, 0));
    assert_eq!(kept[0].date, date(2026, 10, 9));
}

#[test]
fn the_same_result_again_only_moves_its_date() {
    let mut history = Vec::new();
    progress::record(&mut history, date(2026, 1, 1), &code(LOW));
    progress::record(&mut history, date(2026, 2, 1), &code(MID));
    progress::record(&mut history, date(2026, 3, 1), &code(MID));
    assert_eq!(
        history,
        [
            Earlier {
                date: date(2026, 1, 1),
                code: code(LOW)
            },
            Earlier {
                date: date(2026, 3, 1),
                code: code(MID)
            },
        ]
    );
    // The result a new one compares with is the newest that differs from it.
    assert_eq!(
        progress::previous(&history, &code(MID)).map(|e| e.date),
        Some(date(2026, 1, 1))
    );
    assert_eq!(
        progress::previous(&history, &code(HIGH)).map(|e| e.date),
        Some(date(2026, 3, 1))
    );
    assert_eq!(progress::previous(&history[..1], &code(LOW)), None);
}

proptest! {
    /// Whatever is recorded, the history keeps the newest `KEPT` results, no two neighbours
    /// equal, the last recorded at its end.
    #[test]
    fn the_history_stays_short_and_newest_last(picks in proptest::collection::vec(0usize..4, 1..40)) {
        let codes = [code(LOW), code(MID), code(HIGH), code("1111111111111 11111111111111")];
        let mut history = Vec::new();
        for (day, &pick) in picks.iter().enumerate() {
            progress::record(&mut history, date(2026, 1 + (day as u32 / 28), 1 + day as u32 % 28), &codes[pick]);
        }
        prop_assert!(history.len() <= KEPT);
        prop_assert_eq!(&history.last().unwrap().code, &codes[*picks.last().unwrap()]);
        prop_assert!(history.windows(2).all(|w| w[0].code != w[1].code && w[0].date < w[1].date));
        // The oracle: the picks with runs of one result collapsed, the last `KEPT` of them.
        let mut runs: Vec<usize> = Vec::new();
        for &p in &picks {
            if runs.last() != Some(&p) {
                runs.push(p);
            }
        }
        let expected: Vec<&String> = runs[runs.len().saturating_sub(KEPT)..].iter().map(|&p| &codes[p]).collect();
        prop_assert_eq!(history.iter().map(|e| &e.code).collect::<Vec<_>>(), expected);
    }

    /// The movement is the difference of the two evaluations, and every item that scores
    /// differently is named as improved or declined, the others not at all.
    #[test]
    fn the_movement_is_what_the_scores_say(before in any_answers(), after in any_answers()) {
        let q = smi();
        let m = progress::compare(q, &before, &after, None).unwrap();
        let (old, new) = (evaluate(q, &before).unwrap(), evaluate(q, &after).unwrap());
        prop_assert_eq!(m.investment, i16::from(new.investment) - i16::from(old.investment));
        prop_assert_eq!(m.innovation, i16::from(new.innovation) - i16::from(old.innovation));
        // The pillars are shown from `before` beside today's, in the same order.
        prop_assert_eq!(
            m.before.pillars.iter().map(|p| &p.pillar).collect::<Vec<_>>(),
            new.pillars.iter().map(|p| &p.pillar).collect::<Vec<_>>()
        );
        for (i, item) in q.items.iter().enumerate() {
            let score = |a: &smi_engine::Answers| item.choices[usize::from(a.get(i).unwrap())].score;
            let (was, now) = (score(&before), score(&after));
            prop_assert_eq!(m.improved.contains(&i), now > was, "item {}", i);
            prop_assert_eq!(m.declined.contains(&i), now < was, "item {}", i);
        }
        prop_assert_eq!(&m.before, &old);
    }
}

#[test]
fn the_movement_generator_reaches_every_branch() {
    // Random answer pairs almost always both improve and decline somewhere; the fixed pairs
    // reach the rest: only improvement, only decline, and no change at all.
    let q = smi();
    let up = progress::compare(q, &answers(LOW), &answers(HIGH), None).unwrap();
    assert!(up.declined.is_empty() && up.improved.len() == q.items.len());
    assert!(up.investment > 0 && up.innovation > 0);
    let down = progress::compare(q, &answers(HIGH), &answers(LOW), None).unwrap();
    assert!(down.improved.is_empty() && down.declined.len() == q.items.len());
    let same = progress::compare(q, &answers(MID), &answers(MID), Some(date(2026, 1, 1))).unwrap();
    assert!(same.improved.is_empty() && same.declined.is_empty());
    assert_eq!(
        (same.investment, same.innovation, same.date),
        (0, 0, Some(date(2026, 1, 1)))
    );
    // Incomplete answers compare with nothing.
    assert_eq!(
        progress::compare(q, &smi_engine::Answers::empty(q), &answers(MID), None),
        None
    );
}
