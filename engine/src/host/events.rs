//! What the widget tells its host page: the `smi:*` events and their payloads.
//!
//! The embedding layer dispatches each [`Event`] as a `CustomEvent` named [`Event::name`] on
//! the `<smi-assessment>` element (bubbling, composed), with [`Event::detail`] as its
//! `detail`, and, when the host opted in, pushes it to `window.dataLayer`. The payloads are
//! part of the public interface (docs/events.md): add fields, never rename them.

use crate::assessment::path::NextStep;
use crate::assessment::questionnaire::{Axis, Questionnaire};
use crate::assessment::scoring::{Answers, Outcome};
use crate::pairs::Pairs;
use crate::result::benchmark::{Comparison, Pack};
use crate::result::progress::{self, Movement};
use serde::Serialize;

/// This build's version (Cargo.toml's), in `smi:ready`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every event, its detail a struct of its own: the TypeScript declarations name each one
/// (`tests/native/types.rs`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Event {
    Ready(ReadyDetail),
    Start(StartDetail),
    Answer(AnswerDetail),
    Complete(Completion),
    Share(ShareDetail),
    Lead(LeadDetail),
    Report(ReportDetail),
    Error(ErrorDetail),
}

/// `smi:report`: the full report was made and offered as a download.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiReportDetail")
)]
pub struct ReportDetail {
    /// The report's language.
    pub lang: String,
    pub pages: u32,
    /// The PDF's size in bytes.
    pub bytes: u32,
}

/// `smi:ready`: the widget is on screen and usable.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiReadyDetail")
)]
pub struct ReadyDetail {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// How many items it has.
    pub items: usize,
    /// The language shown.
    pub lang: String,
    /// The widget's version.
    pub version: String,
}

/// `smi:start`: the visitor started, or resumed saved progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiStartDetail")
)]
pub struct StartDetail {
    pub questionnaire: String,
    pub resumed: bool,
}

/// `smi:answer`: the visitor chose an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiAnswerDetail")
)]
pub struct AnswerDetail {
    /// The item's id.
    pub item: String,
    /// 0-based position of the item.
    pub index: usize,
    /// 0-based position of the choice.
    pub choice: u8,
    pub score: u8,
    pub answered: usize,
    pub total: usize,
}

/// `smi:share`: the visitor shared the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiShareDetail")
)]
pub struct ShareDetail {
    /// copy, native, linkedin, x, email, png or print.
    pub method: String,
    pub url: String,
}

/// `smi:lead`: the visitor sent the lead form (with consent). Always dispatched; the POST to
/// the host's endpoint, when configured, happens besides.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiLeadDetail")
)]
pub struct LeadDetail {
    pub lead_id: String,
    /// Field name (name, email, company, role, size) → value.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        ts(as = "std::collections::BTreeMap<String, String>")
    )]
    pub lead: Pairs<String, String>,
    pub result: Completion,
}

/// An event as `window.dataLayer` gets it (`analytics="datalayer"`): analytics tools forbid
/// personal data, and a tag that forwards the whole event would send it on. `smi:lead` there
/// has the lead's id and the result, never the visitor's fields; every other event is as the
/// host page gets it.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Analytics<'a> {
    Event(&'a Event),
    Lead {
        lead_id: &'a str,
        result: &'a Completion,
    },
}

/// `smi:error`: something went wrong that the host may want to know about; the widget has
/// already told the visitor what they need to know.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiErrorDetail")
)]
pub struct ErrorDetail {
    /// invalid-option, invalid-questionnaire, invalid-benchmark, translation-unavailable, …
    /// (docs/events.md).
    pub code: String,
    pub message: String,
}

/// `smi:complete`: the visitor reached the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiCompleteDetail")
)]
pub struct Completion {
    pub questionnaire: String,
    pub category: String,
    pub category_name: String,
    pub investment: u8,
    pub innovation: u8,
    pub pillars: Vec<PillarScore>,
    /// Item id → 0-based choice.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        ts(as = "std::collections::BTreeMap<String, u8>")
    )]
    pub answers: Pairs<String, u8>,
    pub share_url: Option<String>,
    /// The fewest answers to change for the next category; `null` for #SocialFirst.
    pub next: Option<NextDetail>,
    /// How the result compares with the host's benchmark pack; `null` without one.
    pub benchmark: Option<BenchmarkDetail>,
    /// The visitor's last different result on this device (or the one they pasted to
    /// compare with); `null` for a first result.
    pub previous: Option<Box<PreviousDetail>>,
    /// The team round the visitor came from (`#smi-team=…` in the page's link), else `null`.
    pub team: Option<String>,
}

/// An earlier result as `smi:complete` carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiPreviousDetail")
)]
pub struct PreviousDetail {
    pub category: String,
    pub investment: u8,
    pub innovation: u8,
    /// `YYYY-MM-DD`; `null` for a result from a pasted link.
    pub date: Option<String>,
}

/// `engine::benchmark::Comparison` as the host receives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiBenchmarkDetail")
)]
pub struct BenchmarkDetail {
    pub label: String,
    pub n: u32,
    /// Percent of the pack's respondents with a lower investment score; `null` when the pack
    /// has fewer than 30 respondents.
    pub investment: Option<u8>,
    /// The same for innovation.
    pub innovation: Option<u8>,
}

/// `engine::path::NextStep` as the host receives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiNextDetail")
)]
pub struct NextDetail {
    pub category: String,
    pub changes: Vec<ChangeDetail>,
    pub investment: u8,
    pub innovation: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiChangeDetail")
)]
pub struct ChangeDetail {
    /// The item's id.
    pub item: String,
    /// 0-based index of the choice to move to (its most mature).
    pub choice: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(ts_rs::TS),
    ts(rename = "SmiPillarScore")
)]
pub struct PillarScore {
    pub pillar: String,
    pub score: u8,
}

impl Event {
    pub fn name(&self) -> &'static str {
        match self {
            Event::Ready(_) => "smi:ready",
            Event::Start(_) => "smi:start",
            Event::Answer(_) => "smi:answer",
            Event::Complete(_) => "smi:complete",
            Event::Share(_) => "smi:share",
            Event::Lead(_) => "smi:lead",
            Event::Report(_) => "smi:report",
            Event::Error(_) => "smi:error",
        }
    }

    /// The payload as JSON text.
    pub fn detail(&self) -> String {
        smi_json::to_string(self)
    }

    pub fn answer(q: &Questionnaire, answers: &Answers, index: usize, choice: u8) -> Event {
        let item = &q.items[index];
        Event::Answer(AnswerDetail {
            item: item.id.0.clone(),
            index,
            choice,
            score: item.choices.get(usize::from(choice)).map_or(0, |c| c.score),
            answered: answers.answered(),
            total: q.items.len(),
        })
    }

    pub fn ready(q: &Questionnaire, lang: &str) -> Event {
        Event::Ready(ReadyDetail {
            questionnaire: q.id.clone(),
            items: q.items.len(),
            lang: lang.to_owned(),
            version: VERSION.to_owned(),
        })
    }

    pub fn start(q: &Questionnaire, resumed: bool) -> Event {
        Event::Start(StartDetail {
            questionnaire: q.id.clone(),
            resumed,
        })
    }

    pub fn share(method: &str, url: &str) -> Event {
        Event::Share(ShareDetail {
            method: method.to_owned(),
            url: url.to_owned(),
        })
    }

    /// The lead event: `lead` is the visitor's fields as `lead::filled` gives them.
    pub fn lead(lead_id: &str, lead: Pairs<String, String>, result: Completion) -> Event {
        Event::Lead(LeadDetail {
            lead_id: lead_id.to_owned(),
            lead,
            result,
        })
    }

    /// The completion event; `next` is the path to the next category (`path::next`), which
    /// the caller has usually computed already for the result, and `benchmark` the host's
    /// pack, if any.
    pub fn complete(
        q: &Questionnaire,
        answers: &Answers,
        outcome: &Outcome,
        share_url: Option<String>,
        next: Option<&NextStep>,
        benchmark: Option<&Pack>,
        previous: Option<&Movement>,
    ) -> Event {
        Event::Complete(Completion {
            questionnaire: q.id.clone(),
            category: outcome.category.as_str().to_owned(),
            category_name: q.category(outcome.category).name.clone(),
            investment: outcome.investment,
            innovation: outcome.innovation,
            pillars: outcome
                .pillars
                .iter()
                .map(|p| PillarScore {
                    pillar: p.pillar.0.clone(),
                    score: p.score,
                })
                .collect(),
            answers: {
                // Inserted one by one: collecting would go through a sort, and each sort
                // instantiated costs the wasm about 3.5 KiB.
                let mut by_id = Pairs::new();
                for (i, item) in q.items.iter().enumerate() {
                    if let Some(choice) = answers.get(i) {
                        by_id.insert(item.id.0.clone(), choice);
                    }
                }
                by_id
            },
            share_url,
            next: next.map(|n| NextDetail {
                category: n.category.as_str().to_owned(),
                changes: n
                    .changes
                    .iter()
                    .map(|c| ChangeDetail {
                        item: q.items[c.item].id.0.clone(),
                        choice: c.choice,
                    })
                    .collect(),
                investment: n.investment,
                innovation: n.innovation,
            }),
            benchmark: benchmark.map(|pack| {
                let c = Comparison::new(pack, outcome);
                BenchmarkDetail {
                    investment: c.ahead(Axis::Investment),
                    innovation: c.ahead(Axis::Innovation),
                    label: c.label,
                    n: c.n,
                }
            }),
            previous: previous.map(|m| {
                Box::new(PreviousDetail {
                    category: m.before.category.as_str().to_owned(),
                    investment: m.before.investment,
                    innovation: m.before.innovation,
                    date: m.date.map(progress::iso),
                })
            }),
            team: None,
        })
    }

    /// This event as analytics tools get it ([`Analytics`]).
    pub fn analytics(&self) -> Analytics<'_> {
        match self {
            Event::Lead(lead) => Analytics::Lead {
                lead_id: &lead.lead_id,
                result: &lead.result,
            },
            event => Analytics::Event(event),
        }
    }

    pub fn report(lang: &str, pages: u32, bytes: u32) -> Event {
        Event::Report(ReportDetail {
            lang: lang.to_owned(),
            pages,
            bytes,
        })
    }

    pub fn error(code: &str, message: impl Into<String>) -> Event {
        Event::Error(ErrorDetail {
            code: code.to_owned(),
            message: message.into(),
        })
    }
}
