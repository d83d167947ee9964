//! Every language the build ships: its translation parses and validates, has every
//! interface key and no extra one, keeps the placeholders, and has exactly the English
//! questionnaire's shape, so share links and saved progress work across languages.

use serde_json::Value;
use smi_engine::content::{self, LANGUAGES};
use smi_engine::result::calendar::Date;
use smi_engine::result::text::Strings;
use std::collections::BTreeSet;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/engine/content");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What `.ci/build.sh` writes to `dist/i18n/<lang>.json`.
fn translation_text(lang: &str) -> String {
    format!(
        r#"{{"questionnaire": {}, "ui": {}}}"#,
        read(&format!("questionnaire.{lang}.json")),
        read(&format!("ui.{lang}.json"))
    )
}

fn others() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().copied().filter(|l| *l != "en")
}

#[test]
fn five_languages_including_two_right_to_left() {
    assert_eq!(LANGUAGES, ["en", "ms", "ar", "fa", "ru"]);
    let rtl: Vec<_> = LANGUAGES
        .iter()
        .filter(|l| content::direction(l) == "rtl")
        .collect();
    assert_eq!(rtl, [&"ar", &"fa"]);
}

#[test]
fn every_translation_parses_and_validates() {
    for lang in others() {
        if let Err(problems) = content::translation(&translation_text(lang)) {
            panic!("{lang}: {problems:#?}");
        }
    }
}

#[test]
fn every_language_has_every_interface_key_and_no_other() {
    let keys = |lang: &str| -> BTreeSet<String> {
        let v: Value = serde_json::from_str(&read(&format!("ui.{lang}.json"))).unwrap();
        v.as_object().unwrap().keys().cloned().collect()
    };
    let english = keys("en");
    for lang in others() {
        let theirs = keys(lang);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
        // And the parser agrees: a missing key fails, an extra key fails.
        serde_json::from_str::<Strings>(&read(&format!("ui.{lang}.json"))).unwrap();
    }
    let mut broken: Value = serde_json::from_str(&read("ui.ar.json")).unwrap();
    broken.as_object_mut().unwrap().remove("next");
    assert!(
        serde_json::from_value::<Strings>(broken.clone()).is_err(),
        "a missing key must fail"
    );
    broken["next"] = "x".into();
    broken["nxt"] = "x".into();
    assert!(
        serde_json::from_value::<Strings>(broken).is_err(),
        "an extra key must fail"
    );
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.match_indices('{')
        .filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j]))
        .collect()
}

#[test]
fn translations_keep_every_placeholder() {
    let en: Value = serde_json::from_str(&read("ui.en.json")).unwrap();
    for lang in others() {
        let theirs: Value = serde_json::from_str(&read(&format!("ui.{lang}.json"))).unwrap();
        for (key, text) in en.as_object().unwrap() {
            let text = text.as_str().unwrap();
            assert_eq!(
                placeholders(text),
                placeholders(theirs[key].as_str().unwrap()),
                "{lang}.{key}"
            );
        }
    }
}

#[test]
fn translations_have_the_english_shape() {
    let en = content::questionnaire().unwrap();
    for lang in others() {
        let (q, _) = content::translation(&translation_text(lang)).unwrap();
        assert_eq!(
            q.fingerprint(),
            en.fingerprint(),
            "{lang}: share codes and progress must carry over"
        );
        assert_eq!(
            (q.id.as_str(), q.threshold),
            (en.id.as_str(), en.threshold),
            "{lang}"
        );
        let pillars = |q: &smi_engine::Questionnaire| {
            q.pillars.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(pillars(&q), pillars(&en), "{lang}");
        let categories =
            |q: &smi_engine::Questionnaire| q.categories.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(categories(&q), categories(&en), "{lang}");
        for (a, b) in q.items.iter().zip(&en.items) {
            let scores =
                |i: &smi_engine::Item| i.choices.iter().map(|c| c.score).collect::<Vec<_>>();
            assert_eq!(
                (a.axis, &a.pillar, a.weight, scores(a), a.help.is_some()),
                (b.axis, &b.pillar, b.weight, scores(b), b.help.is_some()),
                "{lang}: item {}",
                b.id.0
            );
            assert_ne!(
                a.prompt, b.prompt,
                "{lang}: item {} is not translated",
                b.id.0
            );
        }
    }
}

#[test]
fn the_loader_knows_the_same_languages() {
    // The loader's list is generated (src/js/facts.js, checked by tests/native/types.rs).
    let facts = read("../../src/js/facts.js");
    let line = facts
        .lines()
        .find(|l| l.starts_with("export const LANGUAGES = "))
        .expect("a LANGUAGES line in facts.js");
    let listed: Vec<&str> = line.split('\'').skip(1).step_by(2).collect();
    assert_eq!(listed, LANGUAGES);
}

/// The other places that list the languages for a host to choose from name the same ones, in
/// the same order: the `lang` option's TypeScript type, the configurator's select, and the
/// WordPress plugin's settings page and block.
#[test]
fn every_language_choice_offers_the_same_languages() {
    use smi_engine::host::config::OPTION_TABLE;
    // Each non-empty text that follows `marker` in `text`, up to `close`.
    let after = |text: &str, marker: &str, close: char| -> Vec<String> {
        text.split(marker)
            .skip(1)
            .map(|rest| rest[..rest.find(close).unwrap()].to_owned())
            .filter(|value| !value.is_empty())
            .collect()
    };
    let file = |path: &str| {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let section = |text: &str, start: &str, end: &str| -> String {
        let from = text.find(start).unwrap_or_else(|| panic!("{start}")) + start.len();
        text[from..from + text[from..].find(end).unwrap()].to_owned()
    };
    let lang_type = OPTION_TABLE
        .iter()
        .find(|o| o.name == "lang")
        .unwrap()
        .doc
        .ts;
    let configurator = section(
        &file("src/configurator.html"),
        "<select name=\"lang\">",
        "</select>",
    );
    let plugin = file("wordpress/smi-assessment/smi-assessment.php");
    let settings = section(&plugin, "const SMI_ASSESSMENT_LANGUAGES = array(", ");");
    let block = section(
        &file("wordpress/smi-assessment/block/editor.js"),
        "const LANGUAGES = [",
        "];",
    );
    for (place, listed) in [
        (
            "the lang option's type",
            lang_type
                .split('\'')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect(),
        ),
        ("the configurator", after(&configurator, "value=\"", '"')),
        ("the plugin's settings", after(&settings, "\t'", '\'')),
        ("the block", after(&block, "value: '", '\'')),
    ] {
        assert_eq!(listed, LANGUAGES, "{place}");
    }
}

fn strings_of(lang: &str) -> Strings {
    match lang {
        "en" => content::strings().unwrap(),
        _ => content::translation(&translation_text(lang)).unwrap().1,
    }
}

#[test]
fn numbers_use_each_language_s_digits() {
    let mut s = content::strings().unwrap();
    assert_eq!(s.num(1984), "1984");
    s.zero = '\u{0660}';
    assert_eq!(s.num(1984), "١٩٨٤");
    assert_eq!(strings_of("fa").num(305), "۳۰۵");
    assert_eq!(strings_of("ar").num(305), "305");
}

/// What Chromium 156's `Intl.DateTimeFormat(lang, { dateStyle: "long" })` writes for
/// 23 November 2026 (the browser tests compare with `Intl` over many dates).
#[test]
fn dates_are_written_the_way_each_language_writes_them() {
    let date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };
    let written: Vec<(&str, String)> = LANGUAGES
        .iter()
        .map(|l| (*l, strings_of(l).date(date)))
        .collect();
    assert_eq!(
        written,
        [
            ("en", "November 23, 2026".to_owned()),
            ("ms", "23 November 2026".to_owned()),
            ("ar", "23 نوفمبر 2026".to_owned()),
            ("fa", "۲ آذر ۱۴۰۵".to_owned()),
            ("ru", "23 ноября 2026 г.".to_owned()),
        ]
    );
}

#[test]
fn date_and_digit_keys_are_checked() {
    let english: serde_json::Map<String, Value> =
        serde_json::from_str(&read("ui.en.json")).unwrap();
    let with = |key: &str, value: &str| {
        let mut map: smi_engine::pairs::Pairs<String, String> = english
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect();
        map.insert(key.to_owned(), value.to_owned());
        Strings::from_map(map)
    };
    assert!(with("digit_zero", "0").is_ok());
    assert!(with("digit_zero", "x").unwrap_err().contains("digit_zero"));
    assert!(with("digit_zero", "00").unwrap_err().contains("digit_zero"));
    assert!(with("digit_zero", "5").unwrap_err().contains("digit_zero"));
    assert!(with("digit_zero", "۰").is_ok());
    assert!(with("date_months", "Jan|Feb")
        .unwrap_err()
        .contains("12 month names"));
    assert!(with("date_calendar", "julian")
        .unwrap_err()
        .contains("\"julian\""));
}
