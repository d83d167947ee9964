//! JSON in the browser goes through `JSON.parse`, `JSON.stringify` and serde-wasm-bindgen,
//! not the `serde_json` the native tests use: here the same content and the same bad input
//! must give the same values and the same refusals.

use smi_engine::assessment::saved::{decode, encode, SavedError};
use smi_engine::content;
use smi_engine::host::events::{Completion, Event};
use smi_engine::host::lead::{lead_fields, parse_pairs, request, Field, LeadConfig};
use smi_engine::{evaluate, Answers, Questionnaire, Session, Step};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn smi() -> Questionnaire {
    content::questionnaire().expect("the shipped questionnaire parses in the browser")
}

/// Problems with `text` as a questionnaire, as one line each.
fn problems(text: &str) -> Vec<String> {
    match Questionnaire::from_json(text) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(ToString::to_string).collect(),
    }
}

#[wasm_bindgen_test]
fn every_shipped_language_parses_and_round_trips() {
    let en = smi();
    let text = smi_widget::json::to_string(&en);
    assert_eq!(Questionnaire::from_json(&text), Ok(en.clone()));
    assert!(content::strings().is_ok());
    for text in [
        translation!("ms"),
        translation!("ar"),
        translation!("fa"),
        translation!("ru"),
    ] {
        let (q, _) = content::translation(text).expect("a shipped translation parses");
        assert_eq!(q.items.len(), en.items.len());
        assert_eq!(q.fingerprint(), en.fingerprint(), "{}", q.title);
    }
}

#[wasm_bindgen_test]
fn bad_questionnaires_are_refused_with_the_reason() {
    // The file as written: the cases below edit its formatted text (the wasm embeds it
    // without whitespace, where these patterns would not be found).
    let shipped = include_str!("../../engine/content/questionnaire.en.json");
    let cases = [
        ("{ not json".to_owned(), "not a valid questionnaire: "),
        (r#"{"format_version": 1}"#.to_owned(), "missing field `id`"),
        (
            shipped.replacen(r#""threshold": 50"#, r#""threshold": "high""#, 1),
            "invalid type: string \"high\"",
        ),
        (
            shipped.replacen(r#""weight": 3"#, r#""weight": 300"#, 1),
            "invalid value: integer `300`",
        ),
        (
            shipped.replacen(r#""weight": 3"#, r#""weight": 2.5"#, 1),
            "invalid type: floating point `2.5`",
        ),
        (
            shipped.replacen(r#""weight": 3"#, r#""weight": 3, "colour": "red""#, 1),
            "unknown field `colour` at items[0]",
        ),
        (
            shipped.replacen(r#""score": 0 }"#, r#""score": 0, "hint": "" }"#, 1),
            "unknown field `hint` at items[0].choices[0]",
        ),
        (
            shipped.replacen(r#""threshold": 50"#, r#""threshold": 50, "theme": {}"#, 1),
            "unknown field `theme`",
        ),
    ];
    for (text, expected) in cases {
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{expected}: {found:?}");
        assert!(
            found[0].starts_with("not a valid questionnaire: ") && found[0].contains(expected),
            "{found:?} should say {expected:?}"
        );
    }
    // Parsed, then validated: the rules' messages, with their paths, as natively.
    let found = problems(&shipped.replacen(r#""weight": 3"#, r#""weight": 7"#, 1));
    assert_eq!(found, ["items[0].weight: must be between 1 and 5"]);
}

#[wasm_bindgen_test]
fn saved_progress_round_trips_and_refusals_say_why() {
    let q = smi();
    let session = Session {
        step: Step::Question(3),
        answers: Answers((0..q.items.len()).map(|i| (i < 3).then_some(1)).collect()),
    };
    let good = encode(&q, &session);
    assert_eq!(decode(&q, &good), Ok(session));
    assert!(matches!(decode(&q, ""), Err(SavedError::Corrupt(_))));
    assert_eq!(decode(&q, r#"{"v":2}"#), Err(SavedError::UnknownVersion(2)));
    assert!(matches!(decode(&q, "[1,2]"), Err(SavedError::Corrupt(_))));
    assert_eq!(
        decode(&q, &good.replace("\"q\":\"", "\"q\":\"0")),
        Err(SavedError::OtherQuestionnaire)
    );
    assert!(matches!(
        decode(&q, &good.replace("\"Question\":3", "\"Question\":99")),
        Err(SavedError::Corrupt(_))
    ));
}

fn completion(q: &Questionnaire) -> Completion {
    let digits = "1010101010101 23232323232323";
    let answers = Answers(
        digits
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_digit(10).map(|d| d as u8))
            .collect(),
    );
    let outcome = evaluate(q, &answers).expect("a complete answer set");
    match Event::complete(
        q,
        &answers,
        &outcome,
        Some("https://x.example/p#smi=1O7u7uREREamd".into()),
        smi_engine::assessment::path::next(q, &answers).as_ref(),
        None,
        None,
    ) {
        Event::Complete(c) => c,
        _ => unreachable!(),
    }
}

#[wasm_bindgen_test]
fn a_lead_s_json_body_is_the_text_the_native_tests_expect() {
    let q = smi();
    let config = LeadConfig {
        mapping: parse_pairs("email:EMAIL,lead_id:id").unwrap(),
        extra: parse_pairs("source:smi").unwrap(),
        endpoint: Some("https://hooks.example/x".into()),
        ..LeadConfig::default()
    };
    let values = [
        (Field::Name, " Ada ".to_owned()),
        (Field::Email, "ada@example.com".to_owned()),
    ];
    let fields = lead_fields(
        &config,
        "L1",
        &values,
        &completion(&q),
        "https://site.example/p?utm_source=news&utm_medium=e%20mail&x=1#frag",
    );
    let body = request(&config, "L1", &fields).unwrap().body;
    assert_eq!(body, include_str!("../fixtures/lead-body.json"));
}

#[wasm_bindgen_test]
fn an_event_s_detail_is_a_plain_object() {
    let q = smi();
    let event = Event::Complete(completion(&q));
    let detail = smi_widget::json::to_js(&event).unwrap();
    let get = |key: &str| js_sys::Reflect::get(&detail, &JsValue::from_str(key)).unwrap();
    assert_eq!(get("category").as_string().as_deref(), Some("participant"));
    assert_eq!(get("innovation").as_f64(), Some(84.0));
    let answers = get("answers");
    assert!(answers.is_object() && !js_sys::Array::is_array(&answers));
    assert_eq!(
        js_sys::Object::keys(&answers.into()).length() as usize,
        q.items.len()
    );
    // Field for field what the native tests pin, in the same order.
    assert_eq!(
        String::from(js_sys::JSON::stringify(&detail).unwrap()),
        include_str!("../fixtures/complete-detail.json")
    );
}
