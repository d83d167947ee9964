//! Saved progress: round trips, and refusal (never a panic) of anything else.

use crate::support::{answers, smi};
use proptest::prelude::*;
use smi_engine::assessment::saved::{decode, encode, SavedError};
use smi_engine::{Session, Step};

fn mid_session() -> Session {
    let mut s = Session {
        step: Step::Question(3),
        answers: answers("3210000000000 00000000000000"),
    };
    for a in &mut s.answers.0[3..] {
        *a = None;
    }
    s
}

#[test]
fn progress_of_a_custom_questionnaire_never_shares_a_key_with_another() {
    use smi_engine::assessment::saved::storage_key;
    // The shipped SMI keeps the key earlier versions wrote, whatever the language.
    assert_eq!(storage_key(Some(smi()), None, ""), "smi-widget:smi");
    assert_eq!(
        storage_key(Some(smi()), None, "hero"),
        "smi-widget:smi:hero"
    );
    assert_eq!(storage_key(None, None, ""), "smi-widget:invalid");
    // A custom questionnaire that claims the id `smi`, even with the SMI's very items.
    let text = include_str!("../../engine/content/questionnaire.en.json");
    let copy = storage_key(Some(smi()), Some(text), "");
    assert!(copy.starts_with("smi-widget:custom:smi:"), "{copy}");
    assert_ne!(copy, storage_key(Some(smi()), None, ""));
    // Another text, however small the change, has its own key; the same text, the same.
    let edited = text.replacen("Social", "Sociall", 1);
    assert_ne!(copy, storage_key(Some(smi()), Some(&edited), ""));
    assert_eq!(copy, storage_key(Some(smi()), Some(text), ""));
    assert_eq!(
        storage_key(Some(smi()), Some(text), "hero"),
        format!("{copy}:hero")
    );
}

#[test]
fn a_session_round_trips() {
    let s = mid_session();
    assert_eq!(decode(smi(), &encode(smi(), &s)), Ok(s));
}

#[test]
fn refusals_say_why() {
    let good = encode(smi(), &mid_session());
    type Expect<'a> = &'a dyn Fn(&SavedError) -> bool;
    let cases: [(&str, Expect); 5] = [
        ("", &|e| matches!(e, SavedError::Corrupt(_))),
        ("{\"v\":2}", &|e| *e == SavedError::UnknownVersion(2)),
        ("[1,2]", &|e| matches!(e, SavedError::Corrupt(_))),
        (&good.replace("\"q\":\"", "\"q\":\"0"), &|e| {
            *e == SavedError::OtherQuestionnaire
        }),
        (&good.replace("\"Question\":3", "\"Question\":99"), &|e| {
            matches!(e, SavedError::Corrupt(_))
        }),
    ];
    for (text, expected) in cases {
        let got = decode(smi(), text);
        assert!(got.as_ref().is_err_and(expected), "{text:?} → {got:?}");
    }
}

#[test]
fn a_result_step_with_gaps_is_corrupt() {
    let mut s = mid_session();
    s.step = Step::Result;
    assert!(matches!(
        decode(smi(), &encode(smi(), &s)),
        Err(SavedError::Corrupt(_))
    ));
}

#[test]
fn rewording_keeps_saved_progress_but_new_items_do_not() {
    let mut reworded = smi().clone();
    reworded.items[0].prompt = "Another wording".into();
    assert_eq!(reworded.fingerprint(), smi().fingerprint());
    let mut grown = smi().clone();
    grown.items.push(grown.items[0].clone());
    grown.items.last_mut().unwrap().id.0 = "new-item".into();
    assert_ne!(grown.fingerprint(), smi().fingerprint());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_text_is_refused_without_a_panic(text in ".{0,300}") {
        prop_assert!(decode(smi(), &text).is_err(), "{text:?} was taken as saved progress");
    }

    #[test]
    fn every_single_character_change_is_refused_or_still_fits(at in 0usize..400, c in any::<char>()) {
        let good = encode(smi(), &mid_session());
        let mut chars: Vec<char> = good.chars().collect();
        let at = at % chars.len();
        chars[at] = c;
        let text: String = chars.into_iter().collect();
        if let Ok(s) = decode(smi(), &text) {
            prop_assert!(s.fits(smi()));
        }
    }
}
