//! Scoring: data-driven checks on the shipped questionnaire, then properties.

use crate::support::{answers, any_answers, smi};
use proptest::prelude::*;
use smi_engine::assessment::questionnaire::{CategoryId, Choice};
use smi_engine::{evaluate, Answers};

// The shipped order is 13 investment items, then 14 innovation items.
// Investment weights: 3 3 3 2 2 2 2 2 3 2 2 1 1 (28 in all).

/// `digits` → (investment, innovation, category).
fn check(digits: &str, investment: u8, innovation: u8, category: CategoryId) {
    let o = evaluate(smi(), &answers(digits)).expect("complete");
    assert_eq!(
        (o.investment, o.innovation, o.category),
        (investment, innovation, category),
        "{digits}"
    );
}

#[test]
fn known_profiles() {
    use CategoryId::*;
    check("0000000000000 00000000000000", 0, 0, Observer);
    check("3333333333333 33333333333333", 100, 100, SocialFirst);
    check("3333333333333 00000000000000", 100, 0, Conservative);
    check("0000000000000 33333333333333", 0, 100, Participant);
    check("1111111111111 11111111111111", 33, 33, Observer);
    check("2222222222222 22222222222222", 67, 67, SocialFirst);
    check("2222222222222 11111111111111", 67, 33, Conservative);
    check("1111111111111 22222222222222", 33, 67, Participant);
}

#[test]
fn the_threshold_is_inclusive_on_the_rounded_score() {
    // Weight 14 of 28 at the top: exactly 50, which is "high".
    check(
        "3333300000030 00000000000000",
        50,
        0,
        CategoryId::Conservative,
    );
    // One weight-3 item a step lower: 13 of 28 = 46.4 → 46, "low".
    check("3323300000030 00000000000000", 46, 0, CategoryId::Observer);
}

#[test]
fn pillars_and_action_plan() {
    let o = evaluate(smi(), &answers("0000000000000 00000000000000")).unwrap();
    let pillars: Vec<_> = o
        .pillars
        .iter()
        .map(|p| (p.pillar.0.as_str(), p.score))
        .collect();
    assert_eq!(
        pillars,
        [("people", 0), ("governance", 0), ("technology", 0)]
    );
    // Everything at zero: the heaviest items first, in questionnaire order.
    let ids: Vec<_> = o
        .actions
        .iter()
        .map(|&i| smi().items[i].id.0.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "dedicated-staff",
            "time-invested",
            "executive-briefing",
            "management-software",
            "early-adoption"
        ]
    );

    // Only items short of their best choice are proposed: a weight-3 item one step short
    // (urgency 3 × 1/3) and a weight-1 item at zero (urgency 1). Their tie keeps item order;
    // `ties_in_the_plan_are_exact` has a tie that floating point gets wrong.
    let o = evaluate(smi(), &answers("2333333333333 33333333333330")).unwrap();
    let ids: Vec<_> = o
        .actions
        .iter()
        .map(|&i| smi().items[i].id.0.as_str())
        .collect();
    assert_eq!(ids, ["dedicated-staff", "community"]);

    let o = evaluate(smi(), &answers("3333333333333 33333333333333")).unwrap();
    assert!(o.actions.is_empty());
}

/// Equal urgencies are decided exactly. Weight 5 at 4 of 5 and weight 1 at 0 of 3 are both
/// exactly 1, but 5 × (1 − 4/5) is 0.9999999999999998 in floating point, which would put
/// the later item first.
#[test]
fn ties_in_the_plan_are_exact() {
    let mut q = smi().clone();
    let five = q.items[0].choices[3].clone();
    q.items[0].weight = 5;
    q.items[0].choices = (0..=5)
        .map(|score| Choice {
            score,
            ..five.clone()
        })
        .collect();
    q.items[1].weight = 1;
    let mut a = Answers(
        q.items
            .iter()
            .map(|it| Some(it.choices.len() as u8 - 1))
            .collect(),
    );
    a.0[0] = Some(4);
    a.0[1] = Some(0);
    assert_eq!(evaluate(&q, &a).unwrap().actions, [0, 1]);
}

#[test]
fn incomplete_or_foreign_answers_have_no_score() {
    let mut a = answers("3333333333333 33333333333333");
    a.0[5] = None;
    assert_eq!(evaluate(smi(), &a), None);
    let mut a = answers("3333333333333 33333333333333");
    a.0[5] = Some(4);
    assert_eq!(evaluate(smi(), &a), None);
    assert_eq!(evaluate(smi(), &Answers(vec![Some(0); 3])), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn scores_stay_in_range_and_the_category_matches_them(a in any_answers()) {
        let o = evaluate(smi(), &a).unwrap();
        prop_assert!(o.investment <= 100 && o.innovation <= 100);
        prop_assert!(o.pillars.iter().all(|p| p.score <= 100));
        let t = smi().threshold;
        // The matrix of the seed: investment up, innovation across.
        let expected = match (o.investment >= t, o.innovation >= t) {
            (false, false) => CategoryId::Observer,
            (true, false) => CategoryId::Conservative,
            (false, true) => CategoryId::Participant,
            (true, true) => CategoryId::SocialFirst,
        };
        prop_assert_eq!(o.category, expected);
        prop_assert!(o.actions.len() <= 5);
    }

    #[test]
    fn improving_an_answer_never_lowers_a_score(a in any_answers(), item in 0usize..27) {
        let max = smi().items[item].choices.len() as u8 - 1;
        let before = evaluate(smi(), &a).unwrap();
        let mut better = a.clone();
        better.0[item] = Some((a.0[item].unwrap() + 1).min(max));
        let after = evaluate(smi(), &better).unwrap();
        prop_assert!(after.investment >= before.investment);
        prop_assert!(after.innovation >= before.innovation);
        for (b, a) in before.pillars.iter().zip(&after.pillars) {
            prop_assert!(a.score >= b.score);
        }
    }

    #[test]
    fn at_least_three_actions_while_three_items_fall_short(a in any_answers()) {
        let short = a.0.iter().zip(&smi().items)
            .filter(|(c, it)| usize::from(c.unwrap()) + 1 < it.choices.len())
            .count();
        let o = evaluate(smi(), &a).unwrap();
        prop_assert_eq!(o.actions.len(), short.min(5));
    }

    #[test]
    fn actions_are_the_most_urgent_in_a_stable_order(a in any_answers()) {
        // Urgency = weight × the share of the item's best score not reached, as an exact
        // fraction (numerator, denominator).
        let urgency = |i: usize| {
            let it = &smi().items[i];
            let best = u64::from(it.choices.last().unwrap().score);
            let chosen = u64::from(it.choices[usize::from(a.0[i].unwrap())].score);
            (u64::from(it.weight) * (best - chosen), best)
        };
        let mut expected: Vec<usize> = (0..smi().items.len()).filter(|&i| urgency(i).0 > 0).collect();
        expected.sort_by(|&x, &y| {
            let ((nx, dx), (ny, dy)) = (urgency(x), urgency(y));
            (ny * dx).cmp(&(nx * dy))
        });
        expected.truncate(5);
        prop_assert_eq!(evaluate(smi(), &a).unwrap().actions, expected);
    }
}
