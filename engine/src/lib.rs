//! # smi-engine
//!
//! The functional core of the SMI widget: everything the widget decides, as plain Rust, with
//! no web crate in its dependencies (the compiler keeps it so; `tests/native/architecture.rs`
//! also reads `cargo metadata`). Callers hand it strings and get values or typed errors back;
//! it does no IO. JSON text goes through `smi_json` (the browser's own `JSON` in the wasm,
//! `serde_json` natively), the one seam to the platform.
//!
//! Three domains, each depending only on the ones before it:
//! - [`assessment`]: the questionnaire and its validation, scoring, the step-by-step flow,
//!   the shortest path to the next category, share codes and the saved-progress format;
//! - [`result`]: the matrix geometry, the result card as SVG, benchmark packs, the interface
//!   text and its templates, digits and calendars;
//! - [`host`]: what the host page meets: options, the `smi:*` events, lead forms and
//!   payloads, and the widget's state machine (state, actions, effects).
//!
//! Beside them, [`content`] (the shipped questionnaire and strings), [`pairs`] (a small
//! sorted map) and [`words`] (joining and percent-encoding); and, with the `records` feature
//! (never in the widget's wasm), `records`: the results a host collected, read back from its
//! exports and summarised, for `smi-benchmark` and the console.

pub mod assessment;
pub mod content;
pub mod host;
pub mod pairs;
#[cfg(feature = "records")]
pub mod records;
pub mod result;
pub mod words;

pub use assessment::questionnaire::{Axis, CategoryId, Item, Problem, Questionnaire};
pub use assessment::scoring::{evaluate, Answers, Outcome};
pub use assessment::session::{advance, Action, Session, Step};
