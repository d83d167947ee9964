//! The `smi:*` payloads are public interface: their JSON shape is pinned here.

use crate::support::{answers, smi};
use serde_json::{json, Value};
use smi_engine::assessment::path::next;
use smi_engine::evaluate;
use smi_engine::host::events::Event;

fn detail(event: &Event) -> Value {
    serde_json::from_str(&event.detail()).unwrap()
}

#[test]
fn complete_carries_scores_category_answers_and_link() {
    let a = answers("1010101010101 23232323232323");
    let outcome = evaluate(smi(), &a).unwrap();
    let event = Event::complete(
        smi(),
        &a,
        &outcome,
        Some("https://x.example/#smi=1".into()),
        next(smi(), &a).as_ref(),
        None,
        None,
    );
    assert_eq!(event.name(), "smi:complete");
    let d = detail(&event);
    assert_eq!(d["category"], "participant");
    assert_eq!(d["category_name"], "Participant");
    assert_eq!(
        (d["investment"].as_u64(), d["innovation"].as_u64()),
        (Some(19), Some(84))
    );
    assert_eq!(d["share_url"], "https://x.example/#smi=1");
    assert_eq!(d["answers"].as_object().unwrap().len(), smi().items.len());
    assert_eq!(d["answers"][&smi().items[0].id.0], 1);
    assert_eq!(d["pillars"].as_array().unwrap().len(), smi().pillars.len());
}

#[test]
fn answer_ready_share_error_shapes() {
    let a = answers("3000000000000 00000000000000");
    let d = detail(&Event::answer(smi(), &a, 0, 3));
    assert_eq!(
        d,
        json!({"item": smi().items[0].id.0, "index": 0, "choice": 3, "score": 3,
               "answered": 27, "total": 27})
    );
    let ready = Event::ready(smi(), "en");
    assert_eq!(ready.name(), "smi:ready");
    assert_eq!(
        detail(&ready),
        json!({"questionnaire": "smi", "items": 27, "lang": "en", "version": env!("CARGO_PKG_VERSION")})
    );
    let share = Event::share("png", "u");
    assert_eq!(
        (share.name(), detail(&share)),
        ("smi:share", json!({"method": "png", "url": "u"}))
    );
    let error = Event::error("storage-unavailable", "blocked");
    assert_eq!(
        (error.name(), detail(&error)),
        (
            "smi:error",
            json!({"code": "storage-unavailable", "message": "blocked"})
        )
    );
}

#[test]
fn complete_detail_text_is_pinned() {
    // tests/browser/json.rs expects the same text from the browser's JSON.
    let a = answers("1010101010101 23232323232323");
    let outcome = evaluate(smi(), &a).unwrap();
    let event = Event::complete(
        smi(),
        &a,
        &outcome,
        Some("https://x.example/p#smi=1O7u7uREREamd".into()),
        next(smi(), &a).as_ref(),
        None,
        None,
    );
    assert_eq!(
        event.detail(),
        include_str!("../fixtures/complete-detail.json")
    );
}

#[test]
fn lead_carries_the_trimmed_non_empty_fields_and_the_result() {
    use smi_engine::host::lead::Field;
    let a = answers("1010101010101 23232323232323");
    let outcome = evaluate(smi(), &a).unwrap();
    let Event::Complete(result) = Event::complete(
        smi(),
        &a,
        &outcome,
        None,
        next(smi(), &a).as_ref(),
        None,
        None,
    ) else {
        unreachable!()
    };
    let values = [
        (Field::Name, " Ada ".to_owned()),
        (Field::Email, "ada@example.com".to_owned()),
        (Field::Company, "  ".to_owned()),
    ];
    let event = Event::lead("L1", smi_engine::host::lead::filled(&values), result);
    assert_eq!(event.name(), "smi:lead");
    let d = detail(&event);
    assert_eq!(d["lead_id"], "L1");
    assert_eq!(
        d["lead"],
        json!({"name": "Ada", "email": "ada@example.com"})
    );
    assert_eq!(d["result"]["category"], "participant");

    // window.dataLayer gets the lead's id and the result, none of the visitor's fields.
    let analytics = serde_json::to_value(event.analytics()).unwrap();
    assert_eq!(analytics["lead_id"], "L1");
    assert_eq!(analytics["result"], d["result"]);
    assert_eq!(
        analytics.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["lead_id", "result"]
    );
    let text = analytics.to_string();
    assert!(
        !text.contains("Ada") && !text.contains("ada@example.com"),
        "{text}"
    );
    // Every other event goes to analytics as the host page gets it.
    let error = Event::error("invalid-option", "x");
    assert_eq!(
        serde_json::to_value(error.analytics()).unwrap(),
        detail(&error)
    );
}
