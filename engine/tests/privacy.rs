//! The noise on benchmark packs: whole, non-negative, consistent counts for every input; an
//! error the size the mechanism promises; and the differencing attack the docs describe no
//! longer certain.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use smi_engine::content;
use smi_engine::result::benchmark::{Pack, SCORES};
use smi_engine::result::privacy::{geometric_noise, with_noise, DEFAULT_EPSILON};
use smi_engine::CategoryId;

/// A seeded source of uniform 64-bit values (SplitMix64), for repeatable draws.
fn seeded(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn pack_of(scores: &[(u8, u8)]) -> Pack {
    let mut pack = Pack::new("smi", "Test");
    for &(inv, inn) in scores {
        pack.add(inv, inn, CategoryId::from_levels(inv >= 50, inn >= 50));
    }
    pack
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the counts, the ε and the draws, the noisy pack is one the widget accepts:
    /// every axis and the categories add up to its `n`.
    #[test]
    fn a_noisy_pack_is_whole_and_consistent(
        scores in proptest::collection::vec((0u8..=100, 0u8..=100), 0..200),
        epsilon in prop_oneof![Just(0.01), Just(0.1), Just(1.0), Just(10.0), 0.05f64..20.0],
        seed in any::<u64>(),
    ) {
        let pack = pack_of(&scores);
        let noisy = with_noise(&pack, epsilon, &mut seeded(seed));
        let c = &noisy.categories;
        prop_assert_eq!(c.observer + c.conservative + c.participant + c.social_first, noisy.n);
        prop_assert_eq!(noisy.axes.investment.len(), SCORES);
        prop_assert_eq!(noisy.axes.investment.iter().sum::<u32>(), noisy.n);
        prop_assert_eq!(noisy.axes.innovation.iter().sum::<u32>(), noisy.n);
        prop_assert_eq!((&noisy.label, &noisy.questionnaire), (&pack.label, &pack.questionnaire));
        if noisy.n > 0 {
            let q = content::questionnaire().unwrap();
            prop_assert!(noisy.check(&q.id).is_ok());
        }
    }
}

#[test]
fn the_noise_is_as_large_as_the_mechanism_promises() {
    // E|Z| for two-sided geometric noise with parameter α is 2α / (1 − α²).
    let mut random = seeded(7);
    for epsilon in [0.5, 1.0, 3.0] {
        let alpha: f64 = (-epsilon / 3.0f64).exp();
        let expected = 2.0 * alpha / (1.0 - alpha * alpha);
        let draws = 40_000;
        let (mut sum_abs, mut sum) = (0i64, 0i64);
        for _ in 0..draws {
            let z = geometric_noise(alpha, &mut random);
            sum_abs += z.abs();
            sum += z;
        }
        let mean_abs = sum_abs as f64 / draws as f64;
        assert!(
            (mean_abs / expected - 1.0).abs() < 0.05,
            "epsilon {epsilon}: E|Z| {mean_abs} against {expected}"
        );
        assert!(
            (sum as f64 / draws as f64).abs() < 0.1 * expected,
            "epsilon {epsilon}: centred"
        );
    }
}

#[test]
fn the_differencing_attack_no_longer_recovers_the_record() {
    // The docs' attack: two packs built one record apart; the bin that grew gives away the
    // record's investment score. Exact packs always do; noisy ones (ε = 1) mostly do not.
    let base: Vec<(u8, u8)> = (0..200u32)
        .map(|i| ((i * 37 % 101) as u8, (i * 53 % 101) as u8))
        .collect();
    let secret = (73u8, 12u8);
    let mut with_secret = base.clone();
    with_secret.push(secret);
    let (before, after) = (pack_of(&base), pack_of(&with_secret));
    let guess = |a: &Pack, b: &Pack| {
        (0..SCORES)
            .max_by_key(|&s| i64::from(b.axes.investment[s]) - i64::from(a.axes.investment[s]))
            .unwrap()
    };
    assert_eq!(
        guess(&before, &after),
        73,
        "without noise the attack is certain"
    );
    let mut random = seeded(11);
    let trials = 400;
    let hits = (0..trials)
        .filter(|_| {
            let (a, b) = (
                with_noise(&before, DEFAULT_EPSILON, &mut random),
                with_noise(&after, DEFAULT_EPSILON, &mut random),
            );
            guess(&a, &b) == 73
        })
        .count();
    // A guess among 101 scores; with noise it lands on the secret in a few per cent of trials.
    assert!(
        hits * 10 < trials,
        "{hits} of {trials} trials recovered the score"
    );
    println!("differencing attack at epsilon 1: {hits} of {trials} trials hit the secret score");
}
