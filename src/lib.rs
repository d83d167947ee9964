//! # SMI widget
//!
//! An embeddable WebAssembly widget that runs the Social Maturity Index (SMI) assessment,
//! scores it and shows the result, entirely in the visitor's browser.
//!
//! ## Bird's-eye view
//! A host page loads `smi-widget.js`, which defines `<smi-assessment>`, chooses the
//! language and fetches its translation if it is not English, and calls [`embed::mount`].
//! `mount` opens a shadow root, adopts the widget's stylesheet and renders the Yew
//! [`ui::App`]. Everything the widget does is decided by one pure state machine,
//! [`engine::host::widget::apply`]: it takes an action (what the visitor did, or what the platform
//! reported back) and returns the next state and the effects to carry out (save, emit an
//! event, deliver a lead, focus, copy, …). The Yew root holds that state in its one reducer
//! and runs the effects through [`platform`]; scores come from [`engine::evaluate`].
//!
//! ## Codemap
//! The workspace has three crates: this one (the widget), `engine/` (`smi-engine`, the
//! functional core, re-exported here as [`engine`] with its [`content`]) and `json/`
//! (`smi-json`, the engine's JSON: the browser's own in the wasm, `serde_json` natively).
//! - `engine/src/assessment/` — the questionnaire model and `validate()`, scoring, the flow
//!   (`session`), the path to the next category (`path`), share codes, saved progress.
//! - `engine/src/result/` — the matrix geometry, the card as SVG, benchmark packs, text
//!   templates, digits and calendars.
//! - `engine/src/host/` — host options (`config`), the `smi:*` events, lead forms and
//!   payloads (`lead`), the widget's state machine (`widget`: state, actions, effects).
//! - `engine/src/content.rs`, `engine/content/` — the questionnaire and interface strings of
//!   five languages as JSON (English embedded, the others fetched by the loader) and the JSON
//!   Schemas of the questionnaire and the benchmark pack.
//! - `engine/src/bin/benchmark.rs` — `smi-benchmark`, which builds a benchmark pack from
//!   collected results (native).
//! - `ui/` — Yew components: `widget` (the shell: one reducer over the state machine, one
//!   effect runner), `intro`, `question`, `result`, `matrix`, `lead` (the form).
//! - `embed.rs` — `mount`, options, the shadow root, the stylesheet, events, the panic
//!   policy; `optionWarnings` and `questionnaireProblems` for the configurator.
//! - `json.rs` — `smi_json`'s functions, and values for the browser's APIs (`to_js`).
//! - `platform.rs` — local storage, console, focus, clipboard, today's date, dataLayer,
//!   and the loader's helpers (card export, lead delivery): thin adapters.
//! - `js/` — the loader and custom element a host page includes (languages, the lead
//!   outbox, the first screen, crashes), the card helpers, the iframe page's and the
//!   configurator's scripts.
//! - `bin/prerender.rs` — renders the first screen (the intro) natively at build time, with
//!   the widget's own component (so it depends on the widget, not the engine alone).

//! ## Invariants
//! - The engine crate depends on no web crate natively and on none directly in the wasm (its
//!   JSON goes through `smi-json`); a native test reads `cargo metadata` to check. It does no
//!   IO. Its domains depend one way: `assessment` ← `result` ← `host`.
//! - Views under `ui/` other than `widget` hold no hooks, run no effects, touch no browser
//!   API beyond reading an input's value, and import neither `widget` nor `platform` (a
//!   native test checks).
//! - The widget's behaviour lives in `engine::host::widget`; `ui::widget` only turns callbacks into
//!   actions and effects into `platform` calls. What comes back is a typed action.
//! - Untrusted text (saved progress, a questionnaire) goes through a parser that returns a
//!   typed error; nothing on those paths panics.
//! - No inline `style` attributes anywhere: the widget runs under a strict CSP.

/// The engine (`engine/`, the crate `smi-engine`), under the name the widget's code uses.
pub use smi_engine as engine;
pub use smi_engine::content;

pub mod embed;
pub mod json;
pub mod platform;
pub mod ui;

pub use embed::{mount, MountHandle};

/// Talc instead of the standard library's dlmalloc: the same job in about 2 KiB (brotli)
/// less wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
