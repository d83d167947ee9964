//! The shipped content: the SMI questionnaire and the interface strings, embedded at build
//! time with `include_str!` and parsed on first use.
//!
//! `tests/native/content.rs` asserts both parse and validate, so a content mistake fails
//! `cargo test` instead of a visitor's browser.

use crate::engine::questionnaire::{Problem, Questionnaire};
use crate::engine::text::Strings;

pub const QUESTIONNAIRE_EN: &str = include_str!("questionnaire.en.json");
pub const UI_EN: &str = include_str!("ui.en.json");

/// The shipped English questionnaire.
pub fn questionnaire() -> Result<Questionnaire, Vec<Problem>> {
    Questionnaire::from_json(QUESTIONNAIRE_EN)
}

/// The shipped English interface strings.
pub fn strings() -> Result<Strings, serde_json::Error> {
    serde_json::from_str(UI_EN)
}
