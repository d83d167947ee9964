//! Reading a host's records back (`smi_engine::records`): the shapes form tools export, the
//! fields beyond the scores (pillars, path, month, source), the filter and the summary.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../../tests/native/support.rs"]
mod support;

use smi_engine::records::{Filter, Insights, Month, Reader, Skip};
use smi_engine::CategoryId;
use support::smi;

fn month(year: u16, month: u8) -> Month {
    Month { year, month }
}

#[test]
fn months_are_read_from_the_dates_form_tools_write() {
    for (text, expected) in [
        ("2026-12-05", Some(month(2026, 12))),
        ("2026-01-31T23:59:59Z", Some(month(2026, 1))),
        ("2026-03-05 11:20", Some(month(2026, 3))),
        // Google Sheets and HubSpot in English: month first.
        ("12/5/2026 11:20:01", Some(month(2026, 12))),
        ("3/31/2025", Some(month(2025, 3))),
        ("2026-13-01", None),
        ("13/5/2026", None),
        ("yesterday", None),
        ("", None),
        ("1969-12-31", None),
        ("2026-1x-01", None),
    ] {
        assert_eq!(Month::parse(text), expected, "{text:?}");
    }
    assert_eq!(month(2026, 3).label(), "2026-03");
}

/// A HubSpot-like CSV: a byte-order mark, renamed columns, a quoted comma, the timestamp
/// column under its own name, the campaign only in the page address.
const CSV: &str = "\u{feff}Record ID,Email,Investment,innovation,category,questionnaire,pillar_people,pillar_governance,pillar_technology,next_changes,page_url,Create Date
L1,\"a@b.c, x\",19,84,participant,smi,39,35,74,4,https://s.example/p?utm_source=news&utm_campaign=spring%20launch,2026-11-30 09:00
L2,b@b.c,70,20,conservative,smi,60,71,12,6,https://s.example/p?utm_source=ads,12/1/2026 10:00:00
L1,a@b.c,19,84,participant,smi,39,35,74,4,https://s.example/p,2026-11-30 09:00
L3,c@b.c,90,90,social-first,other,1,2,3,0,https://s.example/p,2026-12-02
L4,d@b.c,ten,90,observer,smi,1,2,3,0,https://s.example/p,2026-12-02
L5,e@b.c,5,5,observer,smi,,,,12,,
";

fn read_csv() -> Reader {
    let mut reader = Reader::new(
        smi(),
        vec![
            ("lead_id".into(), "Record ID".into()),
            ("investment".into(), "Investment".into()),
        ],
    );
    reader.read("leads.csv", CSV).unwrap();
    reader
}

#[test]
fn a_csv_export_gives_every_field_the_console_shows() {
    let reader = read_csv();
    assert_eq!(reader.read, 6);
    assert_eq!(reader.respondents.len(), 3);
    let skipped: Vec<(&str, Skip)> = reader
        .skipped
        .iter()
        .map(|s| (s.place.as_str(), s.reason))
        .collect();
    assert_eq!(
        skipped,
        [
            ("leads.csv:4", Skip::Repeated),
            ("leads.csv:5", Skip::OtherQuestionnaire),
            ("leads.csv:6", Skip::Malformed),
        ]
    );
    assert!(reader.skipped[2].why.contains("\"Investment\" is ten"));
    let [ada, bo, eve] = &reader.respondents[..] else {
        panic!()
    };
    assert_eq!((ada.investment, ada.innovation), (19, 84));
    assert_eq!(ada.category, CategoryId::Participant);
    assert_eq!(ada.lead_id.as_deref(), Some("L1"));
    assert_eq!(ada.pillars, [Some(39), Some(35), Some(74)]);
    assert_eq!(ada.next_changes, Some(4));
    assert_eq!(ada.month, Some(month(2026, 11)));
    assert_eq!(ada.source.as_deref(), Some("news"));
    assert_eq!(ada.campaign.as_deref(), Some("spring launch"));
    assert_eq!(bo.month, Some(month(2026, 12)));
    assert_eq!(bo.source.as_deref(), Some("ads"));
    assert_eq!(bo.campaign, None);
    // Empty cells are absent, not zero.
    assert_eq!(eve.pillars, [None, None, None]);
    assert_eq!((eve.month, eve.source.clone()), (None, None));
    assert_eq!(eve.next_changes, Some(12));
}

#[test]
fn events_and_payloads_in_json_give_the_same_fields() {
    let complete = include_str!("../../tests/fixtures/complete-detail.json");
    let lead = include_str!("../../tests/fixtures/lead-body.json");
    let lines = [
        complete.trim().to_owned(),
        format!("{{\"event\":\"smi:complete\",\"smi\":{}}}", complete.trim()),
        format!(
            "{{\"lead_id\":\"X1\",\"lead\":{{}},\"result\":{}}}",
            complete.trim()
        ),
        lead.trim().to_owned(),
    ]
    .join("\n");
    let mut reader = Reader::new(smi(), vec![("lead_id".into(), "id".into())]);
    reader.read("events.jsonl", &lines).unwrap();
    assert_eq!(reader.skipped, [], "{:?}", reader.skipped);
    assert_eq!(reader.respondents.len(), 4);
    for r in &reader.respondents {
        assert_eq!((r.investment, r.innovation), (19, 84));
        assert_eq!(r.pillars, [Some(39), Some(35), Some(74)], "{r:?}");
        assert_eq!(r.next_changes, Some(4), "{r:?}");
    }
    assert_eq!(reader.respondents[2].lead_id.as_deref(), Some("X1"));
    let payload = &reader.respondents[3];
    assert_eq!(payload.lead_id.as_deref(), Some("L1"));
    assert_eq!(payload.source.as_deref(), Some("news"));
    // #SocialFirst has no next category: `next` is null, the path 0 answers long.
    let top = complete.trim().replace(
        "\"category\":\"participant\"",
        "\"category\":\"social-first\"",
    );
    let top = format!(
        "{}\"next\":null{}",
        &top[..top.find("\"next\":").unwrap()],
        {
            let rest = &top[top.find("\"next\":").unwrap()..];
            &rest[rest.find(",\"benchmark\"").unwrap()..]
        }
    );
    let mut reader = Reader::new(smi(), vec![]);
    reader.read("top.jsonl", &top).unwrap();
    assert_eq!(reader.respondents[0].next_changes, Some(0));
}

#[test]
fn the_filter_and_the_summary_follow_period_and_source() {
    let reader = read_csv();
    let all = Insights::of(&reader.respondents, &Filter::default(), 3);
    assert_eq!(all.n, 3);
    assert_eq!(all.categories, [1, 1, 1, 0]);
    assert_eq!(all.months, [(month(2026, 11), 1), (month(2026, 12), 1)]);
    assert_eq!(all.undated, 1);
    assert_eq!(all.sources, [("ads".into(), 1), ("news".into(), 1)]);
    assert_eq!(all.campaigns, [("spring launch".into(), 1)]);
    // Paths: 4 and 6 answers, and 12 counted with "10 or more".
    let mut paths = [0; 11];
    paths[4] = 1;
    paths[6] = 1;
    paths[10] = 1;
    assert_eq!(all.paths, paths);
    // Investment 19, 70, 5: bands 1, 7, 0; lower median 19.
    assert_eq!(all.investment.bands, [1, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    assert_eq!(all.investment.median, Some(19));
    // Pillars only of those whose record gives them.
    assert_eq!(all.pillars[0].n, 2);
    assert_eq!(all.pillars[0].median, Some(39));
    assert_eq!(all.cells[8][1], 1, "innovation 84, investment 19");

    let december = Filter {
        from: Some(month(2026, 12)),
        ..Filter::default()
    };
    let d = Insights::of(&reader.respondents, &december, 3);
    assert_eq!(
        d.n, 1,
        "the undated respondent is left out once a period is set"
    );
    assert_eq!(d.categories, [0, 1, 0, 0]);
    let news = Filter {
        source: Some("news".into()),
        to: Some(month(2026, 11)),
        ..Filter::default()
    };
    assert_eq!(Insights::of(&reader.respondents, &news, 3).n, 1);
    let none = Filter {
        to: Some(month(2026, 10)),
        ..Filter::default()
    };
    let empty = Insights::of(&reader.respondents, &none, 3);
    assert_eq!((empty.n, empty.investment.median), (0, None));
}

#[test]
fn the_summary_csv_has_a_row_per_figure_and_no_formulas() {
    let mut reader = Reader::new(smi(), vec![]);
    reader
        .read(
            "x.jsonl",
            r#"{"questionnaire":"smi","category":"observer","investment":3,"innovation":4,"utm_campaign":"=HYPERLINK(\"x\")","utm_source":"a,b"}"#,
        )
        .unwrap();
    let csv = Insights::of(&reader.respondents, &Filter::default(), 3).csv(smi());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "section,item,respondents");
    assert!(lines.contains(&"total,respondents,1"));
    assert!(lines.contains(&"category,observer,1"));
    assert!(lines.contains(&"investment,0-9,1"));
    assert!(lines.contains(&"investment,90-100,0"));
    assert!(lines.contains(&"pillar people,0-9,0"));
    assert!(lines.contains(&"utm_source,\"a,b\",1"), "{csv}");
    assert!(
        lines.contains(&"utm_campaign,\"'=HYPERLINK(\"\"x\"\")\",1"),
        "{csv}"
    );
    // 1 + 1 + 4 + 10 × 5 + 11 + 1 + 1 rows.
    assert_eq!(lines.len(), 69);
}
