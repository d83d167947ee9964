//! Benchmark packs: how a visitor compares with the host's own earlier respondents.
//!
//! A pack is a static JSON file a host builds from the results its endpoint or analytics
//! collected (`smi-benchmark`, `src/bin/benchmark.rs`) and serves beside the widget. It holds
//! counts only: for each axis the number of respondents at every score 0–100, and the number
//! in each category. Parsing is strict, like the questionnaire's, and [`Pack::check`] refuses
//! a pack built for another questionnaire or whose counts do not add up to `n`.
//!
//! [`Comparison`] is what the result, the card and `smi:complete` show of a pack for one
//! outcome. Below [`MIN_RESPONDENTS`] it carries no percentages at all.

use crate::assessment::questionnaire::{Axis, CategoryId, Questionnaire};
use crate::assessment::scoring::Outcome;
use serde::{Deserialize, Serialize};

/// The pack format this build reads.
pub const FORMAT_VERSION: u32 = 1;
/// Fewest respondents a pack needs before the widget shows percentages from it.
pub const MIN_RESPONDENTS: u32 = 30;
/// Longest label shown.
pub const MAX_LABEL: usize = 80;
/// Scores run 0–100: one count each.
pub const SCORES: usize = 101;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema, ts_rs::TS),
    ts(rename = "SmiBenchmarkPack")
)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub format_version: u32,
    /// The `id` of the questionnaire the results were collected with.
    pub questionnaire: String,
    /// Who the respondents are, shown to the visitor: "UK retail, 2026".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1, max = 80)))]
    pub label: String,
    /// How many respondents the pack counts.
    pub n: u32,
    pub axes: Axes,
    pub categories: Categories,
    /// The privacy budget of the noise the counts carry (`result::privacy`); absent for an
    /// exact pack, and in packs built before it was stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 0.001, max = 100)))]
    pub epsilon: Option<f64>,
}

/// For each axis, the number of respondents at each score: index 0 is score 0, index 100
/// score 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema, ts_rs::TS),
    ts(rename = "SmiBenchmarkAxes")
)]
#[serde(deny_unknown_fields)]
pub struct Axes {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 101, max = 101)))]
    pub investment: Vec<u32>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 101, max = 101)))]
    pub innovation: Vec<u32>,
}

/// The number of respondents in each category.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema, ts_rs::TS),
    ts(rename = "SmiBenchmarkCategories")
)]
#[serde(deny_unknown_fields)]
pub struct Categories {
    pub observer: u32,
    pub conservative: u32,
    pub participant: u32,
    #[serde(rename = "social-first")]
    pub social_first: u32,
}

impl Categories {
    pub fn get(&self, id: CategoryId) -> u32 {
        match id {
            CategoryId::Observer => self.observer,
            CategoryId::Conservative => self.conservative,
            CategoryId::Participant => self.participant,
            CategoryId::SocialFirst => self.social_first,
        }
    }

    pub fn get_mut(&mut self, id: CategoryId) -> &mut u32 {
        match id {
            CategoryId::Observer => &mut self.observer,
            CategoryId::Conservative => &mut self.conservative,
            CategoryId::Participant => &mut self.participant,
            CategoryId::SocialFirst => &mut self.social_first,
        }
    }
}

impl Pack {
    /// An empty pack for `questionnaire`, to count respondents into.
    pub fn new(questionnaire: &str, label: &str) -> Pack {
        Pack {
            format_version: FORMAT_VERSION,
            questionnaire: questionnaire.to_owned(),
            label: label.to_owned(),
            n: 0,
            axes: Axes {
                investment: vec![0; SCORES],
                innovation: vec![0; SCORES],
            },
            categories: Categories::default(),
            epsilon: None,
        }
    }

    /// Counts one respondent. Scores above 100 are the caller's to refuse.
    pub fn add(&mut self, investment: u8, innovation: u8, category: CategoryId) {
        self.n += 1;
        self.axes.investment[usize::from(investment.min(100))] += 1;
        self.axes.innovation[usize::from(innovation.min(100))] += 1;
        *self.categories.get_mut(category) += 1;
    }

    /// Parses a pack's JSON text and checks it against `q`; the error says what is wrong.
    pub fn from_json(text: &str, q: &Questionnaire) -> Result<Pack, String> {
        let pack: Pack = smi_json::from_str_exact(text)?;
        pack.check(&q.id)?;
        Ok(pack)
    }

    /// Why this pack cannot be used with the questionnaire `id`, if it cannot.
    pub fn check(&self, id: &str) -> Result<(), String> {
        if self.format_version != FORMAT_VERSION {
            return Err(format!(
                "the pack has format version {}, this widget reads {FORMAT_VERSION}",
                self.format_version
            ));
        }
        if self.questionnaire != id {
            return Err(format!(
                "the pack was built for the questionnaire \"{}\", this widget runs \"{id}\"",
                self.questionnaire
            ));
        }
        if self
            .epsilon
            .is_some_and(|e| !(e.is_finite() && e > 0.0 && e <= 100.0))
        {
            return Err("epsilon must be a number above 0 and at most 100".into());
        }
        let label = self.label.trim();
        if label.is_empty() || label.chars().count() > MAX_LABEL {
            return Err(format!("the label must have 1 to {MAX_LABEL} characters"));
        }
        let n = u64::from(self.n);
        for axis in Axis::ALL {
            let counts = self.counts(axis);
            let name = axis.as_str();
            if counts.len() != SCORES {
                return Err(format!(
                    "axes.{name} has {} counts, not one for each score 0–100 ({SCORES})",
                    counts.len()
                ));
            }
            let sum: u64 = counts.iter().map(|&c| u64::from(c)).sum();
            if sum != n {
                return Err(format!("axes.{name} counts {sum} respondents, not n = {n}"));
            }
        }
        let sum: u64 = CategoryId::ALL
            .iter()
            .map(|&c| u64::from(self.categories.get(c)))
            .sum();
        if sum != n {
            return Err(format!("categories count {sum} respondents, not n = {n}"));
        }
        Ok(())
    }

    pub fn counts(&self, axis: Axis) -> &[u32] {
        match axis {
            Axis::Investment => &self.axes.investment,
            Axis::Innovation => &self.axes.innovation,
        }
    }

    /// Whether the pack has enough respondents to compare with.
    pub fn enough(&self) -> bool {
        self.n >= MIN_RESPONDENTS
    }
}

/// The share of `n` respondents whose score is lower than `score`, in whole percent:
/// round(100 × lower / n), halves rounded up. 0 when `n` is 0.
pub fn ahead_of(counts: &[u32], n: u32, score: u8) -> u8 {
    let lower: u64 = counts
        .iter()
        .take(usize::from(score))
        .map(|&c| u64::from(c))
        .sum();
    percent(lower, n)
}

/// The share of `part` in `n`, in whole percent, halves rounded up; 0 when `n` is 0.
pub fn percent(part: u64, n: u32) -> u8 {
    if n == 0 {
        return 0;
    }
    let n = u64::from(n);
    // round(100·part/n) = floor((200·part + n) / 2n), in integers.
    u8::try_from(((200 * part + n) / (2 * n)).min(100)).unwrap_or(100)
}

/// Bands of ten points a strip is drawn in: 0–9, 10–19, …, 90–100.
pub const BANDS: usize = 10;

/// What the visitor sees of a pack for one outcome (and, in the report's request, what the
/// report module is given of it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub label: String,
    pub n: u32,
    /// `None` below [`MIN_RESPONDENTS`]; else, per axis (`Axis::ALL` order): the percent of
    /// respondents with a lower score, and the percent in each band of ten points.
    pub axes: Option<[AxisComparison; 2]>,
    /// Percent of respondents in each category (`CategoryId::ALL` order); `None` below
    /// [`MIN_RESPONDENTS`].
    pub categories: Option<[u8; 4]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AxisComparison {
    pub axis: Axis,
    pub score: u8,
    pub ahead_of: u8,
    pub bands: [u8; BANDS],
}

impl Comparison {
    pub fn new(pack: &Pack, outcome: &Outcome) -> Comparison {
        let enough = pack.enough();
        let axis = |axis: Axis| {
            let counts = pack.counts(axis);
            let score = outcome.score(axis);
            let mut bands = [0; BANDS];
            for (i, band) in bands.iter_mut().enumerate() {
                // The last band takes 100 too.
                let end = if i + 1 == BANDS { SCORES } else { 10 * i + 10 };
                let part: u64 = counts[10 * i..end].iter().map(|&c| u64::from(c)).sum();
                *band = percent(part, pack.n);
            }
            AxisComparison {
                axis,
                score,
                ahead_of: ahead_of(counts, pack.n, score),
                bands,
            }
        };
        Comparison {
            label: pack.label.trim().to_owned(),
            n: pack.n,
            axes: enough.then(|| [axis(Axis::Investment), axis(Axis::Innovation)]),
            categories: enough.then(|| {
                CategoryId::ALL.map(|c| percent(u64::from(pack.categories.get(c)), pack.n))
            }),
        }
    }

    /// What the pack says of the visitor's score on `axis`, when there are enough respondents.
    pub fn axis(&self, axis: Axis) -> Option<&AxisComparison> {
        self.axes
            .as_ref()
            .map(|a| &a[usize::from(axis == Axis::Innovation)])
    }

    /// The percent of respondents below the visitor on `axis`, when there are enough.
    pub fn ahead(&self, axis: Axis) -> Option<u8> {
        self.axis(axis).map(|a| a.ahead_of)
    }
}
