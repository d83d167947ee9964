//! Shared fixtures: the shipped questionnaire and answer sets written as digit strings.

use proptest::prelude::*;
use smi_widget::content;
use smi_widget::engine::{Answers, Questionnaire};
use std::sync::OnceLock;

pub fn smi() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| content::questionnaire().expect("shipped questionnaire is valid"))
}

/// One digit per item, in questionnaire order; spaces are ignored for readability.
pub fn answers(digits: &str) -> Answers {
    let digits: Vec<Option<u8>> = digits
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| Some(c.to_digit(10).expect("digit") as u8))
        .collect();
    assert_eq!(digits.len(), smi().items.len(), "fixture length");
    Answers(digits)
}

/// Any complete answer set for the shipped questionnaire.
pub fn any_answers() -> impl Strategy<Value = Answers> {
    let counts: Vec<_> = smi().items.iter().map(|i| i.choices.len() as u8).collect();
    counts
        .into_iter()
        .map(|n| (0..n).prop_map(Some))
        .collect::<Vec<_>>()
        .prop_map(Answers)
}
