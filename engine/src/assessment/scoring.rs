//! Scoring: axis and pillar scores, the category, and the prioritised action plan.
//!
//! All scores are 0–100 integers, rounded once at the end. The category is decided on the
//! *rounded* axis scores, so the number a visitor sees and the quadrant they are placed in
//! can never disagree. Nothing here knows about steps or rendering.

use crate::assessment::questionnaire::{Axis, CategoryId, PillarId, Questionnaire};
use serde::{Deserialize, Serialize};

/// One entry per item, in questionnaire order: the chosen choice's index, if answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub Vec<Option<u8>>);

impl Answers {
    pub fn empty(q: &Questionnaire) -> Self {
        Answers(vec![None; q.items.len()])
    }

    pub fn get(&self, item: usize) -> Option<u8> {
        self.0.get(item).copied().flatten()
    }

    pub fn answered(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }

    pub fn first_unanswered(&self) -> Option<usize> {
        self.0.iter().position(Option::is_none)
    }

    /// True when the answers fit `q`: one per item, each a valid choice index (or none).
    pub fn fits(&self, q: &Questionnaire) -> bool {
        self.0.len() == q.items.len()
            && self
                .0
                .iter()
                .zip(&q.items)
                .all(|(a, it)| a.is_none_or(|c| usize::from(c) < it.choices.len()))
    }

    pub fn is_complete(&self, q: &Questionnaire) -> bool {
        self.fits(q) && self.first_unanswered().is_none()
    }
}

/// What a complete answer set amounts to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub investment: u8,
    pub innovation: u8,
    pub category: CategoryId,
    /// One entry per pillar that has items, in the questionnaire's pillar order.
    pub pillars: Vec<PillarScore>,
    /// Item indices, most urgent first: largest weight × gap to the most mature choice.
    pub actions: Vec<usize>,
}

impl Outcome {
    /// The score on `axis`.
    pub fn score(&self, axis: Axis) -> u8 {
        match axis {
            Axis::Investment => self.investment,
            Axis::Innovation => self.innovation,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PillarScore {
    pub pillar: PillarId,
    pub score: u8,
}

/// How many actions the plan proposes at most.
pub const PLAN_LENGTH: usize = 5;

/// An exact fraction `(numerator, denominator)`: in floating point, equal values can differ
/// in the last bit and break a tie the wrong way.
pub type Ratio = (u32, u32);

/// The score of the choice answered for item `i` (the least mature when unanswered).
pub fn chosen_score(q: &Questionnaire, answers: &Answers, i: usize) -> u8 {
    q.items[i].choices[usize::from(answers.get(i).unwrap_or(0))].score
}

/// Item `i`'s weighted gap to its most mature choice, weight × (1 − chosen/best), exactly:
/// how urgent it is in the action plan, and how much raising it adds to its axis.
pub fn gap(q: &Questionnaire, answers: &Answers, i: usize) -> Ratio {
    let it = &q.items[i];
    let best = it.max_score();
    (
        u32::from(it.weight) * u32::from(best.saturating_sub(chosen_score(q, answers, i))),
        u32::from(best),
    )
}

/// The items that `keep` accepts and whose `value` is positive, largest first, equal values
/// in questionnaire order. Inserting each item after every item at least as large is a
/// stable sort of at most a few dozen items, and keeps the standard library's sort (3.7 KiB
/// of wasm) out of the build.
pub fn ranked(
    q: &Questionnaire,
    keep: impl Fn(usize) -> bool,
    value: impl Fn(usize) -> Ratio,
) -> Vec<usize> {
    let larger = |a: Ratio, b: Ratio| a.0 * b.1 > b.0 * a.1;
    let mut order: Vec<usize> = Vec::new();
    for i in (0..q.items.len()).filter(|&i| keep(i) && value(i).0 > 0) {
        let at = order
            .iter()
            .position(|&j| larger(value(i), value(j)))
            .unwrap_or(order.len());
        order.insert(at, i);
    }
    order
}

/// Scores a complete answer set; `None` if the answers are incomplete or do not fit `q`,
/// because a partial score would be a silently wrong one.
pub fn evaluate(q: &Questionnaire, answers: &Answers) -> Option<Outcome> {
    if !answers.is_complete(q) {
        return None;
    }
    // Each item's maturity as a fraction of its best choice.
    let fractions: Vec<f64> = q
        .items
        .iter()
        .zip(&answers.0)
        .map(|(it, a)| {
            let chosen = it.choices[usize::from(a.unwrap_or(0))].score;
            f64::from(chosen) / f64::from(it.max_score())
        })
        .collect();
    let weighted = |keep: &dyn Fn(usize) -> bool| -> Option<u8> {
        let (mut sum, mut total) = (0.0, 0.0);
        for (i, it) in q.items.iter().enumerate().filter(|(i, _)| keep(*i)) {
            sum += f64::from(it.weight) * fractions[i];
            total += f64::from(it.weight);
        }
        (total > 0.0).then(|| (sum / total * 100.0).round().clamp(0.0, 100.0) as u8)
    };

    let axis_score = |axis: Axis| weighted(&|i| q.items[i].axis == axis).unwrap_or(0);
    let investment = axis_score(Axis::Investment);
    let innovation = axis_score(Axis::Innovation);
    let category = CategoryId::from_levels(investment >= q.threshold, innovation >= q.threshold);

    let pillars = q
        .pillars
        .iter()
        .filter_map(|p| {
            weighted(&|i| q.items[i].pillar == p.id).map(|score| PillarScore {
                pillar: p.id.clone(),
                score,
            })
        })
        .collect();

    // The most urgent first: the largest weighted gap to the most mature choice.
    let mut actions = ranked(q, |_| true, |i| gap(q, answers, i));
    actions.truncate(PLAN_LENGTH);

    Some(Outcome {
        investment,
        innovation,
        category,
        pillars,
        actions,
    })
}
