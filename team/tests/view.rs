//! The team view's content in every language, and its model read from a hostile address.

use smi_engine::assessment::share_code;
use smi_engine::content::LANGUAGES;
use smi_team::text::{content, language};
use smi_team::view::{web_address, Model, Msg};
use std::rc::Rc;
use yew::Reducible;

fn placeholders(template: &str) -> Vec<&str> {
    let mut found: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|p| p.split('}').next())
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_language_has_every_string_with_the_same_placeholders() {
    let en = serde_json::to_value(text_map("en")).unwrap();
    for lang in LANGUAGES {
        let c = content(lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(c.lang, *lang);
        let map = serde_json::to_value(text_map(lang)).unwrap();
        for (key, english) in en.as_object().unwrap() {
            let there = map[key]
                .as_str()
                .unwrap_or_else(|| panic!("{lang} lacks {key}"));
            assert!(!there.trim().is_empty(), "{lang}: {key} is empty");
            assert_eq!(
                placeholders(there),
                placeholders(english.as_str().unwrap()),
                "{lang}: {key}"
            );
        }
    }
    assert_eq!(language("AR-eg"), "ar");
    assert_eq!(language("de"), "en");
    assert_eq!(language(""), "en");
}

fn text_map(lang: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = format!("{}/content/team.{lang}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn code(digits: &str, c: &smi_team::text::Content) -> String {
    let answers = smi_engine::Answers(
        digits
            .chars()
            .map(|d| Some(d.to_digit(10).unwrap() as u8))
            .collect(),
    );
    share_code::encode(&c.questionnaire, &answers).unwrap()
}

#[test]
fn the_address_keeps_the_team_and_refuses_what_does_not_check() {
    let c = Rc::new(content("en").unwrap());
    let (ada, bo) = (
        code("101010101010123232323232323", &c),
        code("333333333333333333333333333", &c),
    );
    let mut damaged = ada.clone();
    damaged.replace_range(5..6, if &ada[5..6] == "A" { "B" } else { "A" });
    let fragment = format!(
        "#smi-team=Board%E2%80%AE&smi-members={ada}Ada,{damaged}X,{bo}B.O.,{ada}Ada&smi-page=javascript:alert(1)"
    );
    let model = Model::open(c.clone(), &fragment);
    assert_eq!(model.team, "Board");
    assert_eq!(model.page, "", "only a web address is an address");
    let names: Vec<&str> = model.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ada", "B.O."]);
    // Written back: the members that checked, once each, and the page when it is one.
    let model = Rc::new(model).reduce(Msg::Page("https://consultancy.example/smi?x=1".into()));
    let written = model.fragment();
    assert_eq!(
        written,
        format!("#smi-team=Board&smi-members={ada}Ada,{bo}B.O.&smi-page=https%3A%2F%2Fconsultancy.example%2Fsmi%3Fx%3D1")
    );
    assert_eq!(Model::open(c.clone(), &written), (*model).clone());
    // Removing and pasting go through the engine.
    let model = model.reduce(Msg::Remove(0)).reduce(Msg::Remove(7));
    assert_eq!(model.members.len(), 1);
    let model = model.reduce(Msg::Paste(format!(
        "Cy: https://consultancy.example/smi#smi={ada}\nnot a link"
    )));
    let added = model.added.clone().unwrap();
    assert_eq!((added.added, added.refused), (1, 1));
    assert_eq!(model.members[1].name, "Cy");
    assert_eq!(
        web_address(" https://x.example/a "),
        Some("https://x.example/a".into())
    );
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "https://",
        "https://x.example/a b",
        "//x.example",
    ] {
        assert_eq!(web_address(bad), None, "{bad}");
    }
}
