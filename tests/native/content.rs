//! The shipped content: it parses, validates, and covers what the SMI's seed names.

use crate::support::smi;
use smi_engine::assessment::questionnaire::{Axis, CategoryId, Questionnaire};
use smi_engine::content;

#[test]
fn shipped_questionnaire_validates() {
    let q = Questionnaire::from_json(content::QUESTIONNAIRE_EN);
    assert!(q.is_ok(), "problems: {:?}", q.err());
}

#[test]
fn shipped_strings_parse() {
    content::strings().expect("ui.en.json matches Strings");
}

/// The build embeds the English files without their whitespace; nothing else may change.
#[test]
fn embedded_english_is_the_files_compacted() {
    for (embedded, file) in [
        (content::QUESTIONNAIRE_EN, "questionnaire.en.json"),
        (content::UI_EN, "ui.en.json"),
    ] {
        let source = std::fs::read_to_string(format!("engine/content/{file}")).unwrap();
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(parse(embedded), parse(&source), "{file}");
        assert!(
            !embedded.contains('\n') && !embedded.contains("  "),
            "{file} is not compacted"
        );
    }
}

#[test]
fn at_least_24_items_and_10_per_axis() {
    let q = smi();
    assert!(q.items.len() >= 24, "{} items", q.items.len());
    for axis in Axis::ALL {
        let n = q.items.iter().filter(|i| i.axis == axis).count();
        assert!(n >= 10, "{axis:?} has {n} items");
    }
}

#[test]
fn every_checklist_example_of_the_seed_is_an_item() {
    // Seed 000 names these on the two axes.
    let expected = [
        ("dedicated-staff", Axis::Investment),
        ("time-invested", Axis::Investment),
        ("executive-briefing", Axis::Investment),
        ("early-adoption", Axis::Innovation),
        ("resolve-in-channel", Axis::Innovation),
    ];
    for (id, axis) in expected {
        let item = smi().items.iter().find(|i| i.id.0 == id);
        assert_eq!(item.map(|i| i.axis), Some(axis), "{id}");
    }
}

#[test]
fn every_pillar_has_items_and_every_item_names_its_source() {
    let q = smi();
    for p in &q.pillars {
        assert!(
            q.items.iter().any(|i| i.pillar == p.id),
            "{} is empty",
            p.id.0
        );
    }
    for item in &q.items {
        let source = item.source.as_deref().unwrap_or("");
        assert!(
            source.contains("Seed 00"),
            "{} has no seed source",
            item.id.0
        );
    }
}

#[test]
fn categories_carry_the_seed_names() {
    let names: Vec<_> = CategoryId::ALL
        .iter()
        .map(|&id| smi().category(id).name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Observer", "Conservative", "Participant", "#SocialFirst"]
    );
}

/// Parses `json` and returns the problems as strings ("" when valid).
fn problems(json: &str) -> Vec<String> {
    match Questionnaire::from_json(json) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

/// The shipped questionnaire with one edit applied to its JSON value.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(content::QUESTIONNAIRE_EN).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn validate_reports_every_problem_at_once() {
    let json = edited(|v| {
        v["format_version"] = 9.into();
        v["threshold"] = 0.into();
        v["items"][0]["weight"] = 7.into();
        v["items"][1]["id"] = "dedicated-staff".into();
        v["items"][2]["pillar"] = "finance".into();
        v["items"][3]["choices"][0]["score"] = 1.into();
        v["items"][4]["choices"][2]["score"] = 0.into();
        v["categories"].as_array_mut().unwrap().pop();
    });
    let found = problems(&json);
    let expected = [
        "format_version: must be 1, found 9",
        "threshold: must be between 1 and 99",
        "items[0].weight: must be between 1 and 5",
        "items[1].id: duplicate item \"dedicated-staff\"",
        "items[2].pillar: unknown pillar \"finance\"",
        "items[3].choices[0].score: the least mature choice must score 0",
        "items[3].choices: scores must rise strictly, from least to most mature",
        "items[4].choices: scores must rise strictly, from least to most mature",
        "categories: missing category \"social-first\"",
    ];
    assert_eq!(found, expected);
}

#[test]
fn unknown_fields_and_bad_json_are_refused_with_a_message() {
    let json = edited(|v| v["items"][0]["colour"] = "red".into());
    let found = problems(&json);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("unknown field `colour`"), "{found:?}");

    let found = problems("{ not json");
    assert!(
        found[0].starts_with("not a valid questionnaire"),
        "{found:?}"
    );
}

#[test]
fn an_axis_without_items_is_a_problem() {
    let json = edited(|v| {
        let items = v["items"].as_array_mut().unwrap();
        items.retain(|i| i["axis"] == "investment");
    });
    assert_eq!(
        problems(&json),
        ["items: needs at least one innovation item"]
    );
}

/// The host pages say how long the assessment takes as the widget does ("about 7 minutes"):
/// every "… minutes" in them is the widget's figure, in words.
#[test]
fn the_host_pages_give_the_widgets_duration() {
    use smi_engine::result::text::minutes_for;
    let minutes = minutes_for(crate::support::smi().items.len());
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let expected = format!("about {} minutes", words[minutes as usize]);
    for (page, text) in [
        (
            "examples/consultancy.html",
            include_str!("../../examples/consultancy.html"),
        ),
        (
            "examples/landing.html",
            include_str!("../../examples/landing.html"),
        ),
        ("index.html", include_str!("../../index.html")),
    ] {
        let lower = text.to_lowercase();
        for word in &words {
            for form in [format!("{word} minutes"), format!("{word}-minute")] {
                if lower.contains(&form) && !lower.contains(&expected) {
                    panic!("{page} says \"{form}\"; the widget says {expected}");
                }
            }
        }
        for (at, _) in lower.match_indices(" minutes") {
            let before = &lower[..at];
            let word = before.rsplit(' ').next().unwrap_or_default();
            assert!(
                !words.contains(&word) || expected.ends_with(&format!("{word} minutes")),
                "{page}: \"{word} minutes\", the widget says {expected}"
            );
        }
    }
}
