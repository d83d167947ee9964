//! What moves a company up (`engine::assessment::path`): the shortest path to the next category checked
//! against brute force on random questionnaires, the Observer's tie rule, the cusp margin,
//! and what keeps a #SocialFirst company there.

use crate::support::{answers, any_answers, smi};
use proptest::prelude::*;
use smi_engine::assessment::path::{cusps, keep, next, Change, Cusp};
use smi_engine::assessment::questionnaire::{Axis, CategoryId, Choice, Item, ItemId};
use smi_engine::{evaluate, Answers, Questionnaire};

fn axis_score(q: &Questionnaire, a: &Answers, axis: Axis) -> u8 {
    let o = evaluate(q, a).unwrap();
    match axis {
        Axis::Investment => o.investment,
        Axis::Innovation => o.innovation,
    }
}

/// The brute-force answer for one axis: of all sets of improvable items on `axis` that
/// reach the threshold, the smallest; then the largest resulting score; then the first in
/// questionnaire order. `None` when no set reaches it.
fn brute_force(q: &Questionnaire, a: &Answers, axis: Axis) -> Option<Vec<usize>> {
    let improvable: Vec<usize> = (0..q.items.len())
        .filter(|&i| {
            q.items[i].axis == axis && usize::from(a.get(i).unwrap()) + 1 < q.items[i].choices.len()
        })
        .collect();
    let mut best: Option<(usize, u8, Vec<usize>)> = None;
    for mask in 1u32..(1 << improvable.len()) {
        let set: Vec<usize> = (0..improvable.len())
            .filter(|b| mask & (1 << b) != 0)
            .map(|b| improvable[b])
            .collect();
        let mut changed = a.clone();
        for &i in &set {
            changed.0[i] = Some(q.items[i].choices.len() as u8 - 1);
        }
        let s = axis_score(q, &changed, axis);
        if s < q.threshold {
            continue;
        }
        let better = match &best {
            None => true,
            Some((n, top, first)) => {
                set.len() < *n || (set.len() == *n && (s > *top || (s == *top && set < *first)))
            }
        };
        if better {
            best = Some((set.len(), s, set));
        }
    }
    best.map(|(_, _, set)| set)
}

/// A small random questionnaire (2–9 items, 2–5 choices each, any weights and threshold)
/// and a complete answer set for it.
fn small_questionnaire() -> impl Strategy<Value = (Questionnaire, Answers)> {
    let item = (
        prop::bool::ANY,
        1u8..=5,
        prop::collection::vec(1u8..=4, 1..=4),
        0u8..5,
    );
    (prop::collection::vec(item, 2..=9), 1u8..=99).prop_map(|(items, threshold)| {
        let mut q = smi().clone();
        q.threshold = threshold;
        let template: Item = q.items[0].clone();
        let mut answers = Vec::new();
        q.items = items
            .iter()
            .enumerate()
            .map(|(n, (innovation, weight, steps, pick))| {
                let mut score = 0;
                let mut choices = vec![Choice {
                    score: 0,
                    ..template.choices[0].clone()
                }];
                for step in steps {
                    score += step;
                    choices.push(Choice {
                        score,
                        ..template.choices[0].clone()
                    });
                }
                answers.push(Some(pick % choices.len() as u8));
                Item {
                    id: ItemId(format!("item-{n}")),
                    axis: if *innovation {
                        Axis::Innovation
                    } else {
                        Axis::Investment
                    },
                    weight: *weight,
                    choices,
                    ..template.clone()
                }
            })
            .collect();
        (q, Answers(answers))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The path is exactly the brute-force answer: fewest changes, then the largest score on
    /// the short axis, then questionnaire order; for an Observer, the nearer axis, innovation
    /// on a tie. Its scores are `evaluate`'s for the changed answers.
    #[test]
    fn the_path_is_minimal_against_brute_force((q, a) in small_questionnaire()) {
        let now = evaluate(&q, &a).unwrap();
        let found = next(&q, &a);
        let expected = match now.category {
            CategoryId::SocialFirst => None,
            CategoryId::Conservative => brute_force(&q, &a, Axis::Innovation),
            CategoryId::Participant => brute_force(&q, &a, Axis::Investment),
            CategoryId::Observer => match (brute_force(&q, &a, Axis::Innovation), brute_force(&q, &a, Axis::Investment)) {
                (Some(up), Some(across)) if across.len() < up.len() => Some(across),
                (Some(up), _) => Some(up),
                (None, across) => across,
            },
        };
        let items = found.as_ref().map(|n| n.changes.iter().map(|c| c.item).collect::<Vec<_>>());
        prop_assert_eq!(&items, &expected);
        if let Some(n) = found {
            let mut changed = a.clone();
            for Change { item, choice } in &n.changes {
                prop_assert_eq!(usize::from(*choice), q.items[*item].choices.len() - 1);
                changed.0[*item] = Some(*choice);
            }
            let then = evaluate(&q, &changed).unwrap();
            prop_assert_eq!((then.investment, then.innovation, then.category), (n.investment, n.innovation, n.category));
            let higher = |c: CategoryId| match c {
                CategoryId::Observer => 0,
                CategoryId::Conservative | CategoryId::Participant => 1,
                CategoryId::SocialFirst => 2,
            };
            prop_assert_eq!(higher(n.category), higher(now.category) + 1);
        }
    }

    /// `next` is null exactly for #SocialFirst, on the shipped questionnaire.
    #[test]
    fn next_is_none_exactly_for_social_first(a in any_answers()) {
        let now = evaluate(smi(), &a).unwrap();
        prop_assert_eq!(next(smi(), &a).is_none(), now.category == CategoryId::SocialFirst);
        prop_assert_eq!(keep(smi(), &a, 3).is_empty(), now.category != CategoryId::SocialFirst);
    }
}

/// The shipped questionnaire cut to two items: an investment one, then an innovation one.
fn one_item_per_axis() -> Questionnaire {
    let mut q = smi().clone();
    q.items.truncate(2);
    q.items[0].axis = Axis::Investment;
    q.items[1].axis = Axis::Innovation;
    q
}

/// An Observer as near to Conservative as to Participant goes up the innovation axis, as
/// the SMI advises Observers (dive in, adopt first); when investment is nearer, it goes
/// there.
#[test]
fn an_observer_s_tie_goes_to_innovation() {
    let q = one_item_per_axis();
    let a = Answers(vec![Some(0), Some(0)]);
    assert_eq!(evaluate(&q, &a).unwrap().category, CategoryId::Observer);
    let n = next(&q, &a).unwrap();
    assert_eq!(n.category, CategoryId::Participant);
    assert_eq!(n.changes, [Change { item: 1, choice: 3 }]);

    // Innovation two changes away, investment one: investment wins.
    let mut q = smi().clone();
    q.items.truncate(4);
    q.items[0].axis = Axis::Investment;
    for it in &mut q.items[1..] {
        it.axis = Axis::Innovation;
        it.weight = 1;
    }
    let a = Answers(vec![Some(0); 4]);
    let n = next(&q, &a).unwrap();
    assert_eq!(n.category, CategoryId::Conservative);
    assert_eq!(n.changes, [Change { item: 0, choice: 3 }]);
}

#[test]
fn the_shipped_questionnaire_s_paths_by_example() {
    // A Participant (investment 19, innovation 84): raising investment to the line.
    let a = answers("1010101010101 23232323232323");
    let n = next(smi(), &a).unwrap();
    assert_eq!(n.category, CategoryId::SocialFirst);
    assert!(n.investment >= 50 && n.innovation == 84, "{n:?}");
    assert!(n
        .changes
        .iter()
        .all(|c| smi().items[c.item].axis == Axis::Investment));
    // One change fewer is not enough: each single removal leaves investment short.
    for skip in 0..n.changes.len() {
        let mut changed = a.clone();
        for (k, c) in n.changes.iter().enumerate() {
            if k != skip {
                changed.0[c.item] = Some(c.choice);
            }
        }
        assert!(evaluate(smi(), &changed).unwrap().investment < 50);
    }
}

/// The cusp: within the margin (5 by default) either side of the threshold, both included.
#[test]
fn the_cusp_margin_at_44_45_50_55_56() {
    let mut q = one_item_per_axis();
    // One item per axis with choices scoring 0..=100, so the axis score is the choice's.
    for it in &mut q.items {
        it.choices = (0..=100)
            .map(|score| Choice {
                score,
                ..it.choices[0].clone()
            })
            .collect();
    }
    assert_eq!(q.cusp_margin, 5);
    for (investment, expected) in [
        (44, None),
        (45, Some(false)),
        (50, Some(true)),
        (55, Some(true)),
        (56, None),
    ] {
        let o = evaluate(&q, &Answers(vec![Some(investment), Some(100)])).unwrap();
        assert_eq!(o.investment, investment);
        let found: Vec<Cusp> = cusps(&q, &o);
        let on_investment = found
            .iter()
            .find(|c| c.axis == Axis::Investment)
            .map(|c| c.above);
        assert_eq!(on_investment, expected, "investment {investment}");
    }
    q.cusp_margin = 0;
    let o = evaluate(&q, &Answers(vec![Some(50), Some(49)])).unwrap();
    assert_eq!(cusps(&q, &o).len(), 1);
}

#[test]
fn what_keeps_a_social_first_company_there() {
    let a = answers("3333333333333 33333333333333");
    let kept = keep(smi(), &a, 3);
    assert_eq!(kept.len(), 2);
    for (axis, items) in kept {
        assert_eq!(items.len(), 3, "{axis:?}");
        // The weightiest first.
        let weights: Vec<u8> = items.iter().map(|&i| smi().items[i].weight).collect();
        assert!(weights.windows(2).all(|w| w[0] >= w[1]), "{weights:?}");
        assert!(items.iter().all(|&i| smi().items[i].axis == axis));
    }
    // Just over the line, one fall is enough: a single item is named.
    let q = one_item_per_axis();
    let kept = keep(&q, &Answers(vec![Some(3), Some(3)]), 3);
    assert_eq!(
        kept,
        [(Axis::Investment, vec![0]), (Axis::Innovation, vec![1])]
    );
}
