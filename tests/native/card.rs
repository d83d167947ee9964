//! The result card's SVG: well-formed whatever the text, the promised size, everything the
//! card must show, mirrored for right-to-left languages.

use crate::support::{answers, smi};
use proptest::prelude::*;
use smi_engine::content;
use smi_engine::result::benchmark::{Comparison, Pack};
use smi_engine::result::card::{self, wrap, CardInput};
use smi_engine::{evaluate, CategoryId};

fn render(digits: &str, rtl: bool, company: Option<&str>, cta: Option<(&str, &str)>) -> String {
    render_compared(digits, rtl, company, cta, None)
}

fn render_compared(
    digits: &str,
    rtl: bool,
    company: Option<&str>,
    cta: Option<(&str, &str)>,
    pack: Option<&Pack>,
) -> String {
    let strings = content::strings().unwrap();
    let outcome = evaluate(smi(), &answers(digits)).unwrap();
    card::svg(&CardInput {
        questionnaire: smi(),
        strings: &strings,
        outcome: &outcome,
        rtl,
        date: "23 November 2026",
        company,
        logo: Some("/logo.svg?a=1&b=2"),
        accent: ("#2f48c8", "#ffffff"),
        cta,
        next: smi_engine::assessment::path::next(smi(), &answers(digits))
            .map(|n| (smi().category(n.category).name.as_str(), n.changes.len())),
        comparison: pack.map(|p| Comparison::new(p, &outcome)),
    })
}

fn texts(svg: &str) -> Vec<(f64, String)> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let x = n.attribute("x").unwrap().parse().unwrap();
            let text = n
                .descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>();
            (x, text.replace(['\u{2068}', '\u{2069}'], ""))
        })
        .collect()
}

#[test]
fn the_card_is_1200_by_630_and_shows_what_it_promises() {
    let svg = render(
        "1010101010101 23232323232323",
        false,
        Some("Harbour & Lane"),
        Some(("Book a call", "https://example.com/call")),
    );
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    let logo = doc
        .descendants()
        .find(|n| n.has_tag_name("image"))
        .expect("the logo");
    assert_eq!(logo.attribute("href"), Some("/logo.svg?a=1&b=2"));
    assert_eq!(
        (root.attribute("width"), root.attribute("height")),
        (Some("1200"), Some("630"))
    );
    let all: Vec<String> = texts(&svg).into_iter().map(|(_, t)| t).collect();
    let q = smi();
    let outcome = evaluate(q, &answers("1010101010101 23232323232323")).unwrap();
    let mut expected = vec![
        "Your social maturity: Participant".to_owned(),
        q.category(outcome.category).summary.clone(),
        "19/100".into(),
        "84/100".into(),
        "Harbour & Lane · 23 November 2026".into(),
        "Book a call · example.com/call".into(),
    ];
    expected.extend(q.pillars.iter().map(|p| p.name.clone()));
    for want in &expected {
        assert!(all.contains(want), "{want:?} not on the card: {all:#?}");
    }
    // The first words of each of the top three actions.
    for &i in &outcome.actions[..3] {
        let first = wrap(&q.items[i].action, 35, 3).remove(0);
        assert!(all.contains(&first), "{first:?}");
    }
}

#[test]
fn host_text_is_escaped() {
    let svg = render(
        "3333333333333 33333333333333",
        false,
        Some("<script>alert('x')</script> & \"Co\""),
        Some(("Go <now>", "https://e.com/?a=1&b=\"2\"")),
    );
    assert!(!svg.contains("<script>"));
    let all: Vec<String> = texts(&svg).into_iter().map(|(_, t)| t).collect();
    assert!(all
        .iter()
        .any(|t| t.starts_with("<script>alert('x')</script> & \"Co\"")));
    assert!(all
        .iter()
        .any(|t| t.contains(&content::strings().unwrap().actions_none[..20])));
}

/// XML 1.0's characters: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
/// U+10000 up.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[test]
fn characters_xml_forbids_never_reach_the_card() {
    let company = "A\u{ffff}B\u{fffe}C\u{0}\u{1b}\u{8}D\u{7f}E";
    let svg = render(
        "3333333333333 33333333333333",
        false,
        Some(company),
        Some(("Go\u{ffff}", "https://e.com/\u{fffe}")),
    );
    assert!(svg.chars().all(xml_char), "only XML characters");
    let all: Vec<String> = texts(&svg).into_iter().map(|(_, t)| t).collect();
    assert!(all.iter().any(|t| t.starts_with("ABCDE")), "{all:?}");
}

proptest! {
    /// Any company name and call to action, from the whole range of characters (the
    /// generator's share of characters outside XML is checked below), gives a card that
    /// parses as XML.
    #[test]
    fn any_host_text_gives_well_formed_svg(
        company in proptest::collection::vec(proptest::char::any(), 0..40)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        label in "[\\x00-\\x20\u{fffe}\u{ffff}a<&]{0,12}",
    ) {
        let svg = render(
            "1010101010101 23232323232323",
            false,
            Some(&company),
            Some((&label, "https://e.com/")),
        );
        prop_assert!(svg.chars().all(xml_char));
        prop_assert!(roxmltree::Document::parse(&svg).is_ok());
    }
}

#[test]
fn the_label_generator_reaches_characters_xml_forbids() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy =
        proptest::string::string_regex("[\\x00-\\x20\u{fffe}\u{ffff}a<&]{0,12}").unwrap();
    let forbidden = (0..256)
        .filter(|_| {
            let text = strategy.new_tree(&mut runner).unwrap().current();
            !text.chars().all(xml_char)
        })
        .count();
    assert!(
        forbidden > 64,
        "{forbidden} of 256 labels hold a forbidden character"
    );
}

#[test]
fn right_to_left_mirrors_the_layout() {
    let ltr = texts(&render("1010101010101 23232323232323", false, None, None));
    let rtl = texts(&render("1010101010101 23232323232323", true, None, None));
    let heading = |t: &[(f64, String)]| {
        t.iter()
            .find(|(_, s)| s.starts_with("Your social"))
            .unwrap()
            .0
    };
    assert_eq!(heading(&ltr), 60.0);
    assert_eq!(heading(&rtl), 1140.0);
}

#[test]
fn wrapping_keeps_words_and_marks_what_is_cut() {
    assert_eq!(wrap("one two three", 7, 3), ["one two", "three"]);
    assert_eq!(wrap("one two three four", 7, 2), ["one two", "three…"]);
    assert_eq!(wrap("", 10, 2), Vec::<String>::new());
    assert_eq!(wrap("abcdefghijkl", 5, 2), ["abcd…"]);
    for (text, width, lines) in [("a b c d e f g h", 3, 2), ("word", 1, 1), ("x  y", 2, 5)] {
        let out = wrap(text, width, lines);
        assert!(out.len() <= lines, "{text:?} → {out:?}");
    }
}

/// A pack of `n` respondents, all at investment 10 and innovation 90.
fn pack(n: u32) -> Pack {
    let mut pack = Pack::new("smi", "UK retail, 2026");
    for _ in 0..n {
        pack.add(10, 90, CategoryId::Participant);
    }
    pack
}

#[test]
fn the_card_carries_the_percentiles_of_a_pack_with_enough_respondents() {
    // Investment 19 is ahead of all 40 at 10; innovation 84 of none at 90.
    let digits = "1010101010101 23232323232323";
    let svg = render_compared(
        digits,
        false,
        None,
        Some(("Book a call", "https://example.com/call")),
        Some(&pack(40)),
    );
    let all: Vec<String> = texts(&svg).into_iter().map(|(_, t)| t).collect();
    assert!(all.contains(&"Ahead of 100%".to_owned()), "{all:?}");
    assert!(all.contains(&"Ahead of 0%".to_owned()), "{all:?}");
    assert_eq!(
        all.iter()
            .filter(|t| t.starts_with("Compared with"))
            .count(),
        1,
        "{all:?}"
    );
    assert!(
        all.join(" ")
            .contains("Compared with 40 companies in UK retail, 2026"),
        "{all:?}"
    );
    // Below 30 respondents the card shows none of it, nor with no pack.
    for svg in [
        render_compared(digits, false, None, None, Some(&pack(29))),
        render_compared(digits, false, None, None, None),
    ] {
        let all = texts(&svg);
        assert!(
            !all.iter()
                .any(|(_, t)| t.starts_with("Ahead of") || t.starts_with("Compared")),
            "{all:?}"
        );
    }
}
