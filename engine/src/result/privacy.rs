//! Noise for benchmark packs: differential privacy, so that two packs built a few records
//! apart no longer give away the records in between.
//!
//! Each count gets two-sided geometric noise (the discrete Laplace mechanism): with α =
//! e^(−ε/3), the noise is `k` with probability (1 − α)/(1 + α) · α^|k|. One respondent adds
//! one to a bin of each of the pack's three histograms (investment, innovation, category),
//! so each histogram is given a third of ε, and the pack as a whole is ε-differentially
//! private. What follows is post-processing, which keeps that guarantee: counts below zero
//! become zero, the published `n` is the sum of the noisy category counts, and each axis is
//! scaled to that `n` by largest remainders, so that the pack stays whole, non-negative and
//! consistent, and passes [`Pack::check`](crate::result::benchmark::Pack::check).
//!
//! The noise is drawn from `random`, a source of uniform 64-bit values the caller provides
//! (the operating system's, through `smi-benchmark`; a seeded one in the tests). Floating
//! point draws are not hardened against timing or rounding side channels, which matter when
//! an attacker can ask for many packs on demand; a host publishes a few.

use crate::result::benchmark::{Axes, Categories, Pack, SCORES};

/// The default privacy budget: the ε `smi-benchmark` and the console use unless told.
pub const DEFAULT_EPSILON: f64 = 1.0;

/// A uniform value in (0, 1] from 53 random bits.
fn uniform(random: &mut impl FnMut() -> u64) -> f64 {
    ((random() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
}

/// One draw of two-sided geometric noise with parameter `alpha` (0 < alpha < 1): the
/// difference of two geometric draws on {0, 1, …}, each by inversion.
pub fn geometric_noise(alpha: f64, random: &mut impl FnMut() -> u64) -> i64 {
    let mut draw = || (uniform(random).ln() / alpha.ln()).floor() as i64;
    draw() - draw()
}

fn noisy(count: u32, alpha: f64, random: &mut impl FnMut() -> u64) -> u64 {
    (i64::from(count) + geometric_noise(alpha, random)).max(0) as u64
}

/// `counts` with noise, scaled to add up to `total` by largest remainders (ties to the lower
/// score); all of `total` in the middle bin if the noise left nothing at all.
fn scaled(counts: &[u32], total: u32, alpha: f64, random: &mut impl FnMut() -> u64) -> Vec<u32> {
    let noisy: Vec<u64> = counts.iter().map(|&c| noisy(c, alpha, random)).collect();
    let sum: u64 = noisy.iter().sum();
    let mut out = vec![0u32; counts.len()];
    if sum == 0 {
        out[counts.len() / 2] = total;
        return out;
    }
    let total64 = u64::from(total);
    let mut remainders: Vec<(u64, usize)> = Vec::with_capacity(counts.len());
    let mut given = 0u64;
    for (i, &c) in noisy.iter().enumerate() {
        let share = c * total64;
        out[i] = (share / sum) as u32;
        given += share / sum;
        remainders.push((share % sum, i));
    }
    // Largest remainder first; the stable sort keeps ties in score order.
    remainders.sort_by_key(|r| std::cmp::Reverse(r.0));
    for &(_, i) in remainders.iter().take((total64 - given) as usize) {
        out[i] += 1;
    }
    out
}

/// `pack` with ε-differentially private counts (see the module's documentation).
pub fn with_noise(pack: &Pack, epsilon: f64, random: &mut impl FnMut() -> u64) -> Pack {
    let alpha = (-epsilon / 3.0).exp();
    let c = &pack.categories;
    let categories = Categories {
        observer: noisy(c.observer, alpha, random) as u32,
        conservative: noisy(c.conservative, alpha, random) as u32,
        participant: noisy(c.participant, alpha, random) as u32,
        social_first: noisy(c.social_first, alpha, random) as u32,
    };
    let n = categories.observer
        + categories.conservative
        + categories.participant
        + categories.social_first;
    debug_assert_eq!(pack.axes.investment.len(), SCORES);
    Pack {
        n,
        axes: Axes {
            investment: scaled(&pack.axes.investment, n, alpha, random),
            innovation: scaled(&pack.axes.innovation, n, alpha, random),
        },
        categories,
        epsilon: Some(epsilon),
        ..pack.clone()
    }
}
