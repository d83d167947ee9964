//! The questionnaire as data: its serde model, strict parsing and `validate()`.
//!
//! A questionnaire arrives as JSON (the shipped one through `include_str!`, a host's custom
//! one at run time). Parsing rejects unknown fields; `validate` then lists *every* problem at
//! once, so an author can fix a file in one pass. Nothing here scores or renders.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The questionnaire file format this build reads. Bump it when the schema changes shape.
pub const FORMAT_VERSION: u32 = 1;
/// Most choices an item may have; keeps choices on one screen and share codes short.
pub const MAX_CHOICES: usize = 8;
/// Most items a questionnaire may have.
pub const MAX_ITEMS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct ItemId(pub String);

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct PillarId(pub String);

/// The two axes of the SMI matrix (seed 000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Axis {
    /// The financial commitment to social customer service.
    Investment,
    /// Social adoption, in technology and in business culture.
    Innovation,
}

impl Axis {
    pub const ALL: [Axis; 2] = [Axis::Investment, Axis::Innovation];

    /// The axis's name in the formats (`"investment"`, `"innovation"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Axis::Investment => "investment",
            Axis::Innovation => "innovation",
        }
    }
}

/// The four quadrants of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CategoryId {
    Observer,
    Conservative,
    Participant,
    SocialFirst,
}

impl CategoryId {
    pub const ALL: [CategoryId; 4] = [
        CategoryId::Observer,
        CategoryId::Conservative,
        CategoryId::Participant,
        CategoryId::SocialFirst,
    ];

    /// The quadrant for high/low investment and innovation.
    pub fn from_levels(high_investment: bool, high_innovation: bool) -> Self {
        match (high_investment, high_innovation) {
            (false, false) => CategoryId::Observer,
            (true, false) => CategoryId::Conservative,
            (false, true) => CategoryId::Participant,
            (true, true) => CategoryId::SocialFirst,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CategoryId::Observer => "observer",
            CategoryId::Conservative => "conservative",
            CategoryId::Participant => "participant",
            CategoryId::SocialFirst => "social-first",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub format_version: u32,
    pub id: String,
    pub title: String,
    /// An axis score at or above this (0–100) counts as "high".
    #[serde(default = "default_threshold")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 99)))]
    pub threshold: u8,
    /// An axis score within this many points of the threshold, either side, is "on the cusp"
    /// and the result says so.
    #[serde(default = "default_cusp_margin")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 0, max = 25)))]
    pub cusp_margin: u8,
    pub pillars: Vec<Pillar>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1, max = 60)))]
    pub items: Vec<Item>,
    pub categories: Vec<Category>,
}

fn default_threshold() -> u8 {
    50
}

fn default_cusp_margin() -> u8 {
    5
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    pub id: PillarId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    pub axis: Axis,
    pub pillar: PillarId,
    /// Relative importance, 1–5, in both the axis score and the action plan.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub weight: u8,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Ordered from least to most mature; scores strictly rising, the first 0.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 2, max = 8)))]
    pub choices: Vec<Choice>,
    /// The one concrete step the action plan proposes when this item scores low.
    pub action: String,
    /// Where the item comes from, for authors; never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Item {
    /// The score of the most mature choice (validated to be > 0).
    pub fn max_score(&self) -> u8 {
        self.choices.last().map_or(0, |c| c.score)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: String,
    pub score: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    /// One line: what the category means.
    pub summary: String,
    pub description: String,
    pub recommendation: String,
}

/// One thing wrong with a questionnaire, located by a JSON-path-like `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    /// A problem with the whole text rather than one place in it.
    pub fn whole(message: String) -> Problem {
        Problem {
            path: String::new(),
            message,
        }
    }

    /// `problems` as one line, each as it displays, separated by "; ".
    pub fn list(problems: &[Problem]) -> String {
        let each: Vec<String> = problems.iter().map(ToString::to_string).collect();
        crate::words::join(&each, "; ")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl Questionnaire {
    /// Parses and validates; on failure returns every problem found.
    pub fn from_json(text: &str) -> Result<Questionnaire, Vec<Problem>> {
        Self::checked(smi_json::from_str_exact(text))
    }

    /// [`Questionnaire::from_json`] for a file this build ships, without the browser's
    /// unknown-key pass (5–30 ms at start-up): the native tests parse every shipped file with
    /// `serde_json`, which refuses unknown keys.
    pub fn from_shipped_json(text: &str) -> Result<Questionnaire, Vec<Problem>> {
        Self::checked(smi_json::from_str(text))
    }

    fn checked(parsed: Result<Questionnaire, String>) -> Result<Questionnaire, Vec<Problem>> {
        parsed
            .map_err(|e| vec![Problem::whole(format!("not a valid questionnaire: {e}"))])?
            .validated()
    }

    /// `self` if it passes `validate()`, else every problem.
    pub fn validated(self) -> Result<Questionnaire, Vec<Problem>> {
        let problems = self.validate();
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }

    /// Every rule the engine relies on, checked at once.
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut problem = |path: String, message: &str| {
            out.push(Problem {
                path,
                message: message.to_owned(),
            })
        };
        self.validate_header(&mut problem);
        self.validate_pillars(&mut problem);
        self.validate_items(&mut problem);
        self.validate_categories(&mut problem);
        out
    }

    /// The format, id, title, threshold and cusp margin.
    fn validate_header(&self, problem: &mut impl FnMut(String, &str)) {
        if self.format_version != FORMAT_VERSION {
            problem(
                "format_version".into(),
                &format!("must be {FORMAT_VERSION}, found {}", self.format_version),
            );
        }
        if !is_slug(&self.id) {
            problem("id".into(), "must be lowercase letters, digits and dashes");
        }
        if self.title.trim().is_empty() {
            problem("title".into(), "must not be empty");
        }
        if !(1..=99).contains(&self.threshold) {
            problem("threshold".into(), "must be between 1 and 99");
        }
        if self.cusp_margin > 25 {
            problem("cusp_margin".into(), "must be between 0 and 25");
        }
    }

    /// Repeats are found by comparing each id with those before it: at most MAX_ITEMS ids, and
    /// no hash table code in the wasm.
    fn validate_pillars(&self, problem: &mut impl FnMut(String, &str)) {
        for (i, p) in self.pillars.iter().enumerate() {
            if !is_slug(&p.id.0) {
                problem(
                    format!("pillars[{i}].id"),
                    "must be lowercase letters, digits and dashes",
                );
            }
            if self.pillars[..i].iter().any(|other| other.id == p.id) {
                problem(
                    format!("pillars[{i}].id"),
                    &format!("duplicate pillar \"{}\"", p.id.0),
                );
            }
            if p.name.trim().is_empty() {
                problem(format!("pillars[{i}].name"), "must not be empty");
            }
        }
    }

    /// How many items, both axes present, each item, and a share code for every result.
    fn validate_items(&self, problem: &mut impl FnMut(String, &str)) {
        if self.items.len() > MAX_ITEMS {
            problem("items".into(), &format!("at most {MAX_ITEMS} items"));
        }
        for axis in Axis::ALL {
            if !self.items.iter().any(|it| it.axis == axis) {
                let name = axis.as_str();
                problem("items".into(), &format!("needs at least one {name} item"));
            }
        }
        for i in 0..self.items.len() {
            self.validate_item(i, problem);
        }
        // Every result must have its share link: a questionnaire whose answers cannot all be
        // written as a share code is refused here, not left without a share block.
        if !self.items.is_empty() && self.largest_answer_value().is_none() {
            problem("items".into(), TOO_LARGE);
        }
    }

    /// Item `i`: its id, pillar, weight, texts and choices.
    fn validate_item(&self, i: usize, problem: &mut impl FnMut(String, &str)) {
        let it = &self.items[i];
        let at = |field: &str| format!("items[{i}].{field}");
        if !is_slug(&it.id.0) {
            problem(at("id"), "must be lowercase letters, digits and dashes");
        }
        if self.items[..i].iter().any(|other| other.id == it.id) {
            problem(at("id"), &format!("duplicate item \"{}\"", it.id.0));
        }
        if !self.pillars.iter().any(|p| p.id == it.pillar) {
            problem(at("pillar"), &format!("unknown pillar \"{}\"", it.pillar.0));
        }
        if !(1..=5).contains(&it.weight) {
            problem(at("weight"), "must be between 1 and 5");
        }
        if it.prompt.trim().is_empty() {
            problem(at("prompt"), "must not be empty");
        }
        if it.action.trim().is_empty() {
            problem(at("action"), "must not be empty");
        }
        if !(2..=MAX_CHOICES).contains(&it.choices.len()) {
            problem(at("choices"), &format!("needs 2 to {MAX_CHOICES} choices"));
        }
        if it.choices.first().is_some_and(|c| c.score != 0) {
            problem(
                at("choices[0].score"),
                "the least mature choice must score 0",
            );
        }
        if it.choices.windows(2).any(|w| w[1].score <= w[0].score) {
            problem(
                at("choices"),
                "scores must rise strictly, from least to most mature",
            );
        }
        for (c, choice) in it.choices.iter().enumerate() {
            if choice.label.trim().is_empty() {
                problem(at(&format!("choices[{c}].label")), "must not be empty");
            }
        }
    }

    /// Each category exactly once, with all its texts.
    fn validate_categories(&self, problem: &mut impl FnMut(String, &str)) {
        for id in CategoryId::ALL {
            match self.categories.iter().filter(|c| c.id == id).count() {
                1 => {}
                0 => problem(
                    "categories".into(),
                    &format!("missing category \"{}\"", id.as_str()),
                ),
                _ => problem(
                    "categories".into(),
                    &format!("duplicate category \"{}\"", id.as_str()),
                ),
            }
        }
        for (i, c) in self.categories.iter().enumerate() {
            for (field, value) in [
                ("name", &c.name),
                ("summary", &c.summary),
                ("description", &c.description),
                ("recommendation", &c.recommendation),
            ] {
                if value.trim().is_empty() {
                    problem(format!("categories[{i}].{field}"), "must not be empty");
                }
            }
        }
    }

    pub fn category(&self, id: CategoryId) -> &Category {
        // `validate` guarantees each category exactly once.
        self.categories
            .iter()
            .find(|c| c.id == id)
            .expect("validated questionnaire has every category")
    }

    pub fn pillar_name<'a>(&'a self, id: &'a PillarId) -> &'a str {
        self.pillars
            .iter()
            .find(|p| &p.id == id)
            .map_or(id.0.as_str(), |p| p.name.as_str())
    }

    /// The number of answer combinations minus one (the largest mixed-radix value of an answer
    /// set, which a share code carries), if it fits in 128 bits; `None` when it does not, and
    /// the questionnaire cannot have share codes.
    pub fn largest_answer_value(&self) -> Option<u128> {
        self.items
            .iter()
            .try_fold(1u128, |acc, it| acc.checked_mul(it.choices.len() as u128))
            .map(|n| n - 1)
    }

    /// Identifies the questionnaire's *shape* (its id, item ids and choice counts), so saved
    /// answers survive rewording but not a change that would make them mean something else.
    pub fn fingerprint(&self) -> String {
        let mut h = crate::words::Fnv::default();
        h.feed(self.id.as_bytes());
        for it in &self.items {
            h.feed(b"\x1f");
            h.feed(it.id.0.as_bytes());
            h.feed(&[it.choices.len() as u8]);
        }
        h.hex()
    }
}

/// Why a questionnaire is refused when its answer sets cannot all have share codes.
pub const TOO_LARGE: &str = "has more answer combinations than a share code holds (fewer than \
2^128: 55 items of 5 choices fit, 56 do not); use fewer items or fewer choices";

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
