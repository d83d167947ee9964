//! What moves a company up: the fewest answers to change for a higher category, what keeps a
//! #SocialFirst company where it is, and which scores sit on the cusp of the line.
//!
//! A higher category has more axes at or above the threshold. Each change moves one item to
//! its most mature choice; raising an item on one axis never touches the other. The scores a
//! path leads to come from [`evaluate`], so rounding and the threshold rule stay one code
//! path with the result itself.
//!
//! Why taking the items with the largest gain first is minimal: an axis score is the
//! weighted mean Σ wᵢ·fᵢ / Σ wᵢ over the axis's items, so moving item i to its best choice
//! adds wᵢ·(1 − fᵢ) to the numerator and nothing to the denominator. The k largest gains give
//! the largest score any k changes can reach; if they do not reach the threshold, no k
//! changes do. Rounding can make other k-sets reach the same shown score, so the set chosen
//! is then the first in questionnaire order among those. `tests/native/path.rs` checks all
//! of this against brute force on random questionnaires.

use crate::assessment::questionnaire::{Axis, CategoryId, Questionnaire};
use crate::assessment::scoring::{chosen_score, evaluate, gap, ranked, Answers, Outcome};

/// One change: `item` (its index) to `choice` (its most mature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub item: usize,
    pub choice: u8,
}

/// The nearest higher category and how to get there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub category: CategoryId,
    /// In questionnaire order.
    pub changes: Vec<Change>,
    pub investment: u8,
    pub innovation: u8,
}

/// `answers` with `items` moved to their most mature choice.
fn raised(q: &Questionnaire, answers: &Answers, items: &[usize]) -> Answers {
    let mut changed = answers.clone();
    for &i in items {
        changed.0[i] = Some(q.items[i].choices.len() as u8 - 1);
    }
    changed
}

/// The fewest items on `axis` to move to their best choice for that axis to reach the
/// threshold, and the outcome then; `None` when no number of changes reaches it. Of the
/// sets of that size, the one with the largest resulting (rounded) score, then the first
/// in questionnaire order.
fn raise(q: &Questionnaire, answers: &Answers, axis: Axis) -> Option<(Vec<usize>, Outcome)> {
    // Raising an item adds its weighted gap to the axis's weighted sum.
    let order = ranked(q, |i| q.items[i].axis == axis, |i| gap(q, answers, i));
    let axis_score =
        |items: &[usize]| evaluate(q, &raised(q, answers, items)).map(|o| o.score(axis));
    let k =
        (1..=order.len()).find(|&k| axis_score(&order[..k]).is_some_and(|s| s >= q.threshold))?;
    let top = axis_score(&order[..k])?;
    // The first set in questionnaire order that still reaches `top`: fix the items one at a
    // time, each the earliest that, completed by the largest gains after it, reaches `top`.
    // No sort: the standard library's costs the wasm kilobytes, and questionnaire order is
    // index order.
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    while chosen.len() < k {
        let after = chosen.last().map_or(0, |&last| last + 1);
        let pick = (after..q.items.len())
            .filter(|i| order.contains(i))
            .find(|&i| {
                let mut trial = chosen.clone();
                trial.push(i);
                for &j in &order {
                    if trial.len() < k && j > i {
                        trial.push(j);
                    }
                }
                trial.len() == k && axis_score(&trial) == Some(top)
            })?;
        chosen.push(pick);
    }
    let outcome = evaluate(q, &raised(q, answers, &chosen))?;
    Some((chosen, outcome))
}

/// The shortest path to the next category for a complete answer set; `None` for
/// #SocialFirst, and for answers that do not score.
///
/// An Observer goes to the nearer of Conservative and Participant; on a tie, to Participant:
/// the SMI's advice to Observers is to dive in and adopt first (seed 000), so innovation
/// first. Conservative and Participant go to #SocialFirst.
pub fn next(q: &Questionnaire, answers: &Answers) -> Option<NextStep> {
    let now = evaluate(q, answers)?;
    let (items, then) = match now.category {
        CategoryId::SocialFirst => return None,
        CategoryId::Conservative => raise(q, answers, Axis::Innovation)?,
        CategoryId::Participant => raise(q, answers, Axis::Investment)?,
        CategoryId::Observer => {
            match (
                raise(q, answers, Axis::Innovation),
                raise(q, answers, Axis::Investment),
            ) {
                (Some(up), Some(across)) if across.0.len() < up.0.len() => across,
                (Some(up), _) => up,
                (None, across) => across?,
            }
        }
    };
    Some(NextStep {
        category: then.category,
        changes: items
            .into_iter()
            .map(|item| Change {
                item,
                choice: q.items[item].choices.len() as u8 - 1,
            })
            .collect(),
        investment: then.investment,
        innovation: then.innovation,
    })
}

/// For each axis of a #SocialFirst result, the answers that hold it above the line: the
/// fewest whose fall to the least mature choice would take that axis below it, most
/// weighty first, at most `most` of them. Empty for any other category.
pub fn keep(q: &Questionnaire, answers: &Answers, most: usize) -> Vec<(Axis, Vec<usize>)> {
    let Some(now) = evaluate(q, answers) else {
        return Vec::new();
    };
    if now.category != CategoryId::SocialFirst {
        return Vec::new();
    }
    Axis::ALL
        .iter()
        .map(|&axis| {
            let held = |i: usize| {
                let it = &q.items[i];
                (
                    u32::from(it.weight) * u32::from(chosen_score(q, answers, i)),
                    u32::from(it.max_score()),
                )
            };
            let order = ranked(q, |i| q.items[i].axis == axis, held);
            let mut fallen = answers.clone();
            let mut items = Vec::new();
            for &i in &order {
                fallen.0[i] = Some(0);
                items.push(i);
                if evaluate(q, &fallen).is_none_or(|o| o.score(axis) < q.threshold) {
                    break;
                }
            }
            items.truncate(most);
            (axis, items)
        })
        .collect()
}

/// An axis score near the line: within the questionnaire's `cusp_margin` of the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cusp {
    pub axis: Axis,
    pub score: u8,
    /// At or above the threshold (the axis counts as high).
    pub above: bool,
}

/// The axes whose scores are within `q.cusp_margin` of the threshold, either side.
pub fn cusps(q: &Questionnaire, outcome: &Outcome) -> Vec<Cusp> {
    Axis::ALL
        .iter()
        .map(|&axis| (axis, outcome.score(axis)))
        .filter(|&(_, s)| s.abs_diff(q.threshold) <= q.cusp_margin)
        .map(|(axis, s)| Cusp {
            axis,
            score: s,
            above: s >= q.threshold,
        })
        .collect()
}

/// Everything the result says about moving up or staying: the path, what keeps a
/// #SocialFirst company there (at most three answers per axis), and the cusps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guidance {
    pub next: Option<NextStep>,
    pub keep: Vec<(Axis, Vec<usize>)>,
    pub cusps: Vec<Cusp>,
}

/// The guidance for a complete answer set (empty when the answers do not score).
pub fn guidance(q: &Questionnaire, answers: &Answers) -> Guidance {
    let Some(outcome) = evaluate(q, answers) else {
        return Guidance::default();
    };
    Guidance {
        next: next(q, answers),
        keep: keep(q, answers, 3),
        cusps: cusps(q, &outcome),
    }
}
