//! What the widget tells its host page: the `smi:*` events and their payloads.
//!
//! The embedding layer dispatches each [`Event`] as a `CustomEvent` named [`Event::name`] on
//! the `<smi-assessment>` element (bubbling, composed), with [`Event::detail`] as its
//! `detail`, and, when the host opted in, pushes it to `window.dataLayer`. The payloads are
//! part of the public interface (README, "Events"): add fields, never rename them.

use super::benchmark::{Comparison, Pack};
use super::lead::Field;
use super::path::NextStep;
use super::questionnaire::{Axis, Questionnaire};
use super::scoring::{Answers, Outcome};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Event {
    /// The widget is on screen and usable.
    Ready {
        questionnaire: String,
        items: usize,
        lang: String,
    },
    /// The visitor started, or resumed saved progress.
    Start {
        questionnaire: String,
        resumed: bool,
    },
    /// The visitor chose an answer.
    Answer {
        item: String,
        /// 0-based position of the item.
        index: usize,
        /// 0-based position of the choice.
        choice: u8,
        score: u8,
        answered: usize,
        total: usize,
    },
    /// The visitor reached the result.
    Complete(Completion),
    /// The visitor shared the result; `method` is copy, native, linkedin, x, email, png or print.
    Share { method: String, url: String },
    /// The visitor sent the lead form (with consent). Always dispatched; the POST to the
    /// host's endpoint, when configured, happens besides.
    Lead {
        lead_id: String,
        /// Field name (name, email, company, role, size) → value.
        lead: BTreeMap<String, String>,
        result: Completion,
    },
    /// Something went wrong that the host may want to know about; the widget has already told
    /// the visitor what they need to know.
    Error { code: String, message: String },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completion {
    pub questionnaire: String,
    pub category: String,
    pub category_name: String,
    pub investment: u8,
    pub innovation: u8,
    pub pillars: Vec<PillarScore>,
    /// Item id → 0-based choice.
    pub answers: BTreeMap<String, u8>,
    pub share_url: Option<String>,
    /// The fewest answers to change for the next category; `null` for #SocialFirst.
    pub next: Option<NextDetail>,
    /// How the result compares with the host's benchmark pack; `null` without one.
    pub benchmark: Option<BenchmarkDetail>,
}

/// `engine::benchmark::Comparison` as the host receives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
pub struct NextDetail {
    pub category: String,
    pub changes: Vec<ChangeDetail>,
    pub investment: u8,
    pub innovation: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeDetail {
    /// The item's id.
    pub item: String,
    /// 0-based index of the choice to move to (its most mature).
    pub choice: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarScore {
    pub pillar: String,
    pub score: u8,
}

impl Event {
    pub fn name(&self) -> &'static str {
        match self {
            Event::Ready { .. } => "smi:ready",
            Event::Start { .. } => "smi:start",
            Event::Answer { .. } => "smi:answer",
            Event::Complete(_) => "smi:complete",
            Event::Share { .. } => "smi:share",
            Event::Lead { .. } => "smi:lead",
            Event::Error { .. } => "smi:error",
        }
    }

    /// The payload as JSON text.
    pub fn detail(&self) -> String {
        crate::json::to_string(self)
    }

    pub fn answer(q: &Questionnaire, answers: &Answers, index: usize, choice: u8) -> Event {
        let item = &q.items[index];
        Event::Answer {
            item: item.id.0.clone(),
            index,
            choice,
            score: item.choices.get(usize::from(choice)).map_or(0, |c| c.score),
            answered: answers.answered(),
            total: q.items.len(),
        }
    }

    /// The lead event: the visitor's non-empty fields, trimmed, under our field names.
    pub fn lead(lead_id: &str, values: &[(Field, String)], result: Completion) -> Event {
        let mut lead = BTreeMap::new();
        for (field, value) in values {
            if !value.trim().is_empty() {
                lead.insert(field.as_str().to_owned(), value.trim().to_owned());
            }
        }
        Event::Lead {
            lead_id: lead_id.to_owned(),
            lead,
            result,
        }
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
                // Inserted one by one: collecting into a map would sort first, and each
                // sort instantiated costs the wasm about 3.5 KiB.
                let mut by_id = BTreeMap::new();
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
        })
    }

    pub fn error(code: &str, message: impl Into<String>) -> Event {
        Event::Error {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}
