//! The report's content: what goes on which page, for results in every category, with and
//! without the path to the next category, a benchmark pack, a logo and the lead's fields.

use crate::support::{answers, any_answers, smi};
use proptest::prelude::*;
use smi_engine::assessment::path;
use smi_engine::content;
use smi_engine::result::benchmark::{Comparison, Pack};
use smi_engine::result::report::{self, plan_order, Block, Input, Report};
use smi_engine::result::text::Strings;
use smi_engine::{evaluate, Answers, CategoryId};

struct Extras<'a> {
    company: Option<&'a str>,
    role: Option<&'a str>,
    logo: Option<&'a str>,
    pack: Option<&'a Pack>,
    contact: Option<&'a str>,
}

const NONE: Extras = Extras {
    company: None,
    role: None,
    logo: None,
    pack: None,
    contact: None,
};

fn build(a: &Answers, s: &Strings, x: &Extras) -> Report {
    let outcome = evaluate(smi(), a).unwrap();
    let next = path::next(smi(), a);
    let comparison = x.pack.map(|p| Comparison::new(p, &outcome));
    report::build(&Input {
        questionnaire: smi(),
        strings: s,
        answers: a,
        outcome: &outcome,
        next: next.as_ref(),
        comparison: comparison.as_ref(),
        lang: "en",
        rtl: false,
        date: "December 5, 2026",
        company: x.company,
        role: x.role,
        brand: Some("Northwind"),
        logo: x.logo,
        accent: ("#2f48c8", "#ffffff"),
        cta: Some(("Book a call", "https://example.com/book")),
        intro: None,
        contact: x.contact,
        link: Some("https://example.com/#smi=CODE"),
    })
}

fn titles(r: &Report) -> Vec<&str> {
    r.sections.iter().map(|s| s.title.as_str()).collect()
}

fn entries(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Entry { title, .. } => Some(title.as_str()),
            _ => None,
        })
        .collect()
}

fn texts(blocks: &[Block]) -> String {
    serde_json::to_string(blocks).unwrap()
}

#[test]
fn pages_in_order_for_a_result_below_social_first() {
    let s = content::strings().unwrap();
    let a = answers(&"0".repeat(smi().items.len()));
    let r = build(&a, &s, &NONE);
    let t = titles(&r);
    assert_eq!(t.len(), 6, "{t:?}");
    assert_eq!(t[0], s.report_title);
    assert!(t[1].contains("Observer"), "{t:?}");
    assert!(t[2].starts_with("What would make you"), "{t:?}");
    assert_eq!(t[3], s.actions_heading);
    assert_eq!(t[4], s.report_answers);
    assert_eq!(t[5], "Book a call");
    // Every item is short of its best: the whole plan, not the five on screen.
    assert_eq!(entries(&r.sections[3].blocks).len(), smi().items.len());
    assert_eq!(entries(&r.sections[4].blocks).len(), smi().items.len());
}

#[test]
fn a_social_first_result_at_its_best_has_no_next_page_and_says_the_plan_is_done() {
    let s = content::strings().unwrap();
    let best: String = smi()
        .items
        .iter()
        .map(|i| char::from(b'0' + i.choices.len() as u8 - 1))
        .collect();
    let r = build(&answers(&best), &s, &NONE);
    assert!(titles(&r)[1].contains("#SocialFirst"));
    assert_eq!(titles(&r)[2], s.actions_heading);
    assert!(texts(&r.sections[2].blocks)
        .contains(&serde_json::to_string(&s.actions_none).unwrap()[1..20]));
}

#[test]
fn the_cover_carries_the_lead_s_company_and_role_and_the_date_only_when_given() {
    let s = content::strings().unwrap();
    let a = answers(&"1".repeat(smi().items.len()));
    let with = build(
        &a,
        &s,
        &Extras {
            company: Some("Acme"),
            role: Some("COO"),
            logo: Some("/logo.png"),
            ..NONE
        },
    );
    let Block::Facts { rows } = &with.sections[0].blocks[0] else {
        panic!("the cover starts with the facts")
    };
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], ["Company".to_owned(), "Acme".to_owned()]);
    assert_eq!(with.logo.as_deref(), Some("/logo.png"));
    assert!(with.title.ends_with("Acme"));
    let without = build(&a, &s, &NONE);
    let Block::Facts { rows } = &without.sections[0].blocks[0] else {
        panic!("the cover starts with the facts")
    };
    assert_eq!(rows.len(), 1, "the date alone");
    assert_eq!(without.logo, None);
}

#[test]
fn a_pack_adds_the_comparison_to_the_result_page_and_contact_lines_to_the_last() {
    let s = content::strings().unwrap();
    let a = answers(&"1".repeat(smi().items.len()));
    let mut pack = Pack::new("smi", "UK retail, 2026");
    for i in 0..40 {
        pack.add(i * 2, 100 - i * 2, CategoryId::Participant);
    }
    let r = build(
        &a,
        &s,
        &Extras {
            pack: Some(&pack),
            contact: Some("Northwind\n\nhello@example.com"),
            ..NONE
        },
    );
    let result = texts(&r.sections[1].blocks);
    assert!(result.contains("Compared with 40 companies in"), "{result}");
    assert!(result.contains("Ahead of"), "{result}");
    let last = texts(&r.sections.last().unwrap().blocks);
    assert!(last.contains("hello@example.com") && last.contains("https://example.com/book"));
    assert!(last.contains("#smi=CODE"));
    assert!(!texts(&build(&a, &s, &NONE).sections[1].blocks).contains("Compared with"));
}

proptest! {
    /// The plan lists every item short of its best exactly once, grouped by pillar, and its
    /// page lists them all; the appendix lists every item.
    #[test]
    fn the_plan_holds_every_item_short_of_its_best(a in any_answers()) {
        let q = smi();
        let short: Vec<usize> = (0..q.items.len())
            .filter(|&i| a.get(i).unwrap() + 1 < q.items[i].choices.len() as u8)
            .collect();
        let groups = plan_order(q, &a);
        let mut listed: Vec<usize> = groups.iter().flat_map(|(_, items)| items.clone()).collect();
        listed.sort();
        prop_assert_eq!(listed, short.clone());
        for (pillar, items) in &groups {
            prop_assert!(items.iter().all(|&i| q.items[i].pillar == q.pillars[*pillar].id));
        }
        let s = content::strings().unwrap();
        let r = build(&a, &s, &NONE);
        let n = r.sections.len();
        prop_assert_eq!(&r.sections[n - 3].title, &s.actions_heading);
        prop_assert_eq!(entries(&r.sections[n - 3].blocks).len(), short.len());
        prop_assert_eq!(entries(&r.sections[n - 2].blocks).len(), q.items.len());
    }
}
