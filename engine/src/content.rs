//! The shipped content: the SMI questionnaire and the interface strings, embedded at build
//! time with `include_str!` and parsed on first use.
//!
//! `tests/native/content.rs` asserts both parse and validate, so a content mistake fails
//! `cargo test` instead of a visitor's browser.

use crate::assessment::questionnaire::{Problem, Questionnaire};
use crate::pairs::Pairs;
use crate::result::text::Strings;
use serde::Deserialize;

/// `questionnaire.en.json` and `ui.en.json`, without their indentation (`build.rs`).
pub const QUESTIONNAIRE_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/questionnaire.en.json"));
pub const UI_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/ui.en.json"));

/// The shipped English questionnaire.
pub fn questionnaire() -> Result<Questionnaire, Vec<Problem>> {
    Questionnaire::from_shipped_json(QUESTIONNAIRE_EN)
}

/// The shipped English interface strings.
pub fn strings() -> Result<Strings, String> {
    smi_json::from_str(UI_EN)
}

/// The languages this build ships, by BCP 47 primary subtag. English is built in; the
/// others are `dist/i18n/<lang>.json`, which the loader fetches for the language in use.
/// The loader reads the same list from `src/js/facts.js`, generated from this one.
pub const LANGUAGES: &[&str] = &["en", "ms", "ar", "fa", "ru"];

/// A language's questionnaire and interface strings, as `dist/i18n/<lang>.json` holds them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Translation {
    questionnaire: Questionnaire,
    ui: Pairs<String, String>,
}

/// Parses and validates a translation; every problem is listed. Like the English
/// questionnaire, a shipped file: its keys are checked by the native tests.
pub fn translation(text: &str) -> Result<(Questionnaire, Strings), Vec<Problem>> {
    let invalid = |e: String| vec![Problem::whole(format!("not a valid translation: {e}"))];
    let t: Translation = smi_json::from_str(text).map_err(invalid)?;
    let strings = Strings::from_map(t.ui).map_err(|e| invalid(format!("ui: {e}")))?;
    Ok((t.questionnaire.validated()?, strings))
}

/// The writing direction of a language: `rtl` for Arabic and Persian.
pub fn direction(lang: &str) -> &'static str {
    match lang {
        "ar" | "fa" | "he" | "ur" => "rtl",
        _ => "ltr",
    }
}
