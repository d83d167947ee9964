//! The functional core: everything the widget decides, as plain Rust.
//!
//! Owns the questionnaire model and its validation, scoring, the step-by-step flow of an
//! assessment, the saved-progress format and text templating. It must not import `yew`,
//! `web_sys`, `gloo`, `wasm_bindgen` or `js_sys`, and it never does IO: callers hand it
//! strings and get values (or typed errors) back; JSON text goes through `crate::json`
//! (the browser's `JSON` in the wasm, `serde_json` natively). `tests/native/architecture.rs`
//! enforces the import rule.

pub mod benchmark;
pub mod calendar;
pub mod card;
pub mod config;
pub mod events;
pub mod lead;
pub mod matrix;
pub mod pairs;
pub mod path;
pub mod questionnaire;
pub mod saved;
pub mod scoring;
pub mod session;
pub mod share;
pub mod text;
pub mod widget;

pub use questionnaire::{Axis, CategoryId, Item, Problem, Questionnaire};
pub use scoring::{evaluate, Answers, Outcome};
pub use session::{apply, Action, Session, Step};
