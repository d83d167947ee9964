//! The results a host collected, read back: from the lead endpoint's export or the events it
//! recorded, into respondents, and what they say together.
//!
//! [`Reader`] takes what the widget sends, in the shapes form tools and tag managers store
//! it: JSON lines of `smi:complete` or `smi:lead` details (as dispatched, or as pushed to
//! `dataLayer`), lead payloads in JSON lines or as one JSON array, or CSV with a header row
//! (with or without a byte-order mark, quoted commas and all). The host's `lead-map` finds
//! renamed fields. A record for another questionnaire, a repeated `lead_id` or a malformed
//! line is skipped and said why, with its place. `smi-benchmark` and the console read with
//! it, natively and in the console's wasm.
//!
//! [`Insights`] is the summary the console draws, for the respondents a [`Filter`] keeps;
//! [`pack`] the benchmark pack they give.

use crate::assessment::questionnaire::{CategoryId, Questionnaire};
use crate::result::benchmark::Pack;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// One respondent as a record gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    pub investment: u8,
    pub innovation: u8,
    pub category: CategoryId,
    pub questionnaire: Option<String>,
    pub lead_id: Option<String>,
    /// Each pillar's score, in the questionnaire's pillar order; `None` where the record has
    /// none (an `smi:complete` pushed by an older widget, a CSV without the column).
    pub pillars: Vec<Option<u8>>,
    /// How many answers would have to change to reach the next category (0 for
    /// #SocialFirst), where the record says.
    pub next_changes: Option<u8>,
    /// The year and month the record was made, from its date or timestamp column.
    pub month: Option<Month>,
    pub source: Option<String>,
    pub campaign: Option<String>,
}

/// A calendar month, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: u16,
    pub month: u8,
}

impl Month {
    /// `2026-12`.
    pub fn label(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The month a date or timestamp as form tools export it falls in: ISO 8601
    /// (`2026-12-05`, `2026-12-05T11:20:00Z`, `2026-12-05 11:20`) or, with slashes, month
    /// first as Google Sheets and HubSpot write it in English (`12/5/2026 11:20:01`).
    pub fn parse(text: &str) -> Option<Month> {
        let text = text.trim();
        let number = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (year, month) = if text.len() >= 7 && text.as_bytes()[4] == b'-' {
            (number(&text[..4])?, number(text.get(5..7)?)?)
        } else {
            let date = text.split([' ', 'T']).next()?;
            let mut parts = date.split('/');
            let month = number(parts.next()?)?;
            let _day = number(parts.next()?)?;
            let year = number(parts.next()?)?;
            (year, month)
        };
        ((1970..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month {
            year: year as u16,
            month: month as u8,
        })
    }
}

/// Why a record was not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// It was collected with another questionnaire.
    OtherQuestionnaire,
    /// Its `lead_id` came before (a lead retried, an export overlapping another).
    Repeated,
    /// It is not a record this reader understands.
    Malformed,
}

impl Skip {
    pub const ALL: [Skip; 3] = [Skip::OtherQuestionnaire, Skip::Repeated, Skip::Malformed];

    pub fn describe(self) -> &'static str {
        match self {
            Skip::OtherQuestionnaire => "another questionnaire",
            Skip::Repeated => "repeated lead_id",
            Skip::Malformed => "malformed",
        }
    }
}

/// A record skipped: where (`file:line`, or `file: record N` in a JSON array), and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub place: String,
    pub reason: Skip,
    pub why: String,
}

/// The fields a respondent is read from, under our names (the `lead-map`'s left side). The
/// pillars' `pillar_<id>` come after them.
pub const FIELDS: [&str; 9] = [
    "questionnaire",
    "category",
    "investment",
    "innovation",
    "lead_id",
    "next_changes",
    "utm_source",
    "utm_campaign",
    "date",
];

/// Column names form tools give the time a record was made, tried (ignoring case) when the
/// `lead-map` names no `date` column: ours, Google Forms and Sheets', HubSpot's, Formspree's
/// and common database exports'.
pub const DATE_COLUMNS: [&str; 7] = [
    "date",
    "timestamp",
    "create date",
    "created_at",
    "submitted_at",
    "_date",
    "submitted at",
];

/// Reads records into respondents, one file or text at a time.
#[derive(Clone)]
pub struct Reader {
    questionnaire: String,
    pillars: Vec<String>,
    mapping: Vec<(String, String)>,
    seen: HashSet<String>,
    /// Records read, counted or not.
    pub read: usize,
    pub respondents: Vec<Respondent>,
    pub skipped: Vec<Skipped>,
    /// Counted, but carried no questionnaire id (lead payloads of the earliest widgets).
    pub unlabelled: usize,
}

impl Reader {
    /// A reader for results of `questionnaire`, finding renamed fields by `mapping` (the
    /// widget's `lead-map`, parsed: ours → theirs).
    pub fn new(questionnaire: &Questionnaire, mapping: Vec<(String, String)>) -> Reader {
        Reader {
            questionnaire: questionnaire.id.clone(),
            pillars: questionnaire
                .pillars
                .iter()
                .map(|p| p.id.0.clone())
                .collect(),
            mapping,
            seen: HashSet::new(),
            read: 0,
            respondents: Vec::new(),
            skipped: Vec::new(),
            unlabelled: 0,
        }
    }

    /// How many records were skipped for `reason`.
    pub fn count(&self, reason: Skip) -> usize {
        self.skipped.iter().filter(|s| s.reason == reason).count()
    }

    /// Reads `text`, the contents of the file `name`: CSV when the name ends in `.csv`, a
    /// JSON array when it starts with `[`, JSON lines otherwise. A byte-order mark is
    /// dropped. Only a file that cannot be read at all is an error; a bad record is skipped.
    pub fn read(&mut self, name: &str, text: &str) -> Result<(), String> {
        // Spreadsheet programs start their CSV and text exports with a byte-order mark,
        // which would otherwise be part of the first column's name.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if name.to_ascii_lowercase().ends_with(".csv") {
            self.csv(name, text)
        } else if text.trim_start().starts_with('[') {
            self.json_array(name, text)
        } else {
            self.json_lines(name, text);
            Ok(())
        }
    }

    /// The host's name for our field `name`.
    fn name<'a>(&'a self, name: &'a str) -> &'a str {
        self.mapping
            .iter()
            .find(|(ours, _)| ours == name)
            .map_or(name, |(_, theirs)| theirs.as_str())
    }

    fn skip(&mut self, place: &str, reason: Skip, why: String) {
        self.skipped.push(Skipped {
            place: place.to_owned(),
            reason,
            why,
        });
    }

    /// Counts `record` (read at `place`), or says why not.
    fn take(&mut self, place: &str, record: Result<Respondent, String>) {
        self.read += 1;
        let r = match record {
            Ok(r) => r,
            Err(why) => return self.skip(place, Skip::Malformed, why),
        };
        if let Some(q) = r
            .questionnaire
            .as_ref()
            .filter(|q| **q != self.questionnaire)
        {
            let why = format!("questionnaire \"{q}\"");
            return self.skip(place, Skip::OtherQuestionnaire, why);
        }
        if let Some(id) = &r.lead_id {
            if !self.seen.insert(id.clone()) {
                let why = format!("lead_id \"{id}\" again");
                return self.skip(place, Skip::Repeated, why);
            }
        }
        if r.questionnaire.is_none() {
            self.unlabelled += 1;
        }
        self.respondents.push(r);
    }

    /// A record as a JSON object: a lead payload (flat, under the host's names), an
    /// `smi:complete` detail, an `smi:lead` detail (its `result`), or either as pushed to
    /// `dataLayer` (`{ event, smi: detail }`).
    fn json(&self, object: &Map<String, Value>) -> Result<Respondent, String> {
        if let Some(Value::Object(inner)) = object.get("smi") {
            return self.json(inner);
        }
        if let Some(Value::Object(result)) = object.get("result") {
            let mut r = self.detail(result)?;
            r.lead_id = object.get("lead_id").map(text).filter(|id| !id.is_empty());
            return Ok(r);
        }
        if object.get("pillars").is_some_and(Value::is_array) {
            return self.detail(object);
        }
        // A flat record is a lead payload under the host's names, or under ours.
        let page = object
            .get(self.name("page_url"))
            .map(text)
            .unwrap_or_default();
        self.respondent(
            |name| {
                object
                    .get(self.name(name))
                    .or(object.get(name))
                    .map(text)
                    .or_else(|| utm_of(&page, name))
                    .or_else(|| (name == "date").then(|| date_in(object.iter())).flatten())
            },
            |name| {
                // The key the record has, else the one the host's mapping expects.
                let theirs = self.name(name);
                let found = object.contains_key(theirs) || !object.contains_key(name);
                (if found { theirs } else { name }).to_owned()
            },
        )
    }

    /// An `smi:complete` detail (or an `smi:lead` detail's `result`): the pillars as a list,
    /// the path to the next category as `next.changes`.
    fn detail(&self, object: &Map<String, Value>) -> Result<Respondent, String> {
        let pillar = |id: &str| -> Option<String> {
            object.get("pillars")?.as_array()?.iter().find_map(|p| {
                (p.get("pillar")?.as_str()? == id).then(|| p.get("score").map(text))?
            })
        };
        let next_changes = || -> Option<String> {
            match object.get("next")? {
                Value::Null => Some("0".into()),
                next => Some(next.get("changes")?.as_array()?.len().to_string()),
            }
        };
        self.respondent(
            |name| match name.strip_prefix("pillar_") {
                Some(id) => pillar(id),
                None if name == "next_changes" => next_changes(),
                None => object.get(name).map(text),
            },
            |name| name.to_owned(),
        )
    }

    fn json_array(&mut self, file: &str, text: &str) -> Result<(), String> {
        let records: Vec<Value> = serde_json::from_str(text)
            .map_err(|e| format!("{file}: not a JSON array of records ({e})"))?;
        for (i, record) in records.iter().enumerate() {
            let respondent = match record {
                Value::Object(object) => self.json(object),
                _ => Err("not a JSON object".into()),
            };
            self.take(&format!("{file}: record {}", i + 1), respondent);
        }
        Ok(())
    }

    fn json_lines(&mut self, file: &str, text: &str) {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let record = match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(object)) => self.json(&object),
                Ok(_) => Err("not a JSON object".into()),
                Err(e) => Err(format!("not JSON ({e})")),
            };
            self.take(&format!("{file}:{}", i + 1), record);
        }
    }

    fn csv(&mut self, file: &str, text: &str) -> Result<(), String> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| format!("{file}: no header row ({e})"))?
            .clone();
        let find = |name: &str| headers.iter().position(|h| h.trim() == name);
        let date_column = if self.mapping.iter().any(|(ours, _)| ours == "date") {
            find(self.name("date"))
        } else {
            headers
                .iter()
                .position(|h| DATE_COLUMNS.contains(&h.trim().to_ascii_lowercase().as_str()))
        };
        // Where each of our fields is, by the host's column name.
        let names: Vec<String> = self.field_names();
        let columns: Vec<Option<usize>> = names
            .iter()
            .map(|name| match name.as_str() {
                "date" => date_column,
                name => find(self.name(name)),
            })
            .collect();
        let page_column = find(self.name("page_url"));
        for row in reader.records() {
            let (line, record) = match row {
                Ok(row) => {
                    let get = |name: &str| {
                        let at = names.iter().position(|f| f == name)?;
                        columns[at]
                            .and_then(|c| row.get(c))
                            .map(|v| v.trim().to_owned())
                            .filter(|v| !v.is_empty())
                            .or_else(|| utm_of(row.get(page_column?)?, name))
                    };
                    let line = row.position().map_or(0, |p| p.line());
                    (
                        line,
                        self.respondent(get, |name| self.name(name).to_owned()),
                    )
                }
                Err(e) => (
                    e.position().map_or(0, |p| p.line()),
                    Err(format!("not a CSV row ({e})")),
                ),
            };
            self.take(&format!("{file}:{line}"), record);
        }
        Ok(())
    }

    /// Our names of every field read: [`FIELDS`], then each pillar's.
    fn field_names(&self) -> Vec<String> {
        FIELDS
            .iter()
            .map(|f| (*f).to_owned())
            .chain(self.pillars.iter().map(|id| format!("pillar_{id}")))
            .collect()
    }

    /// The respondent whose field `name` (ours) `get` gives; `shown` names a field as the
    /// input calls it, for the error message. The scores and the category are required;
    /// everything else is read when it is there and well formed.
    fn respondent(
        &self,
        get: impl Fn(&str) -> Option<String>,
        shown: impl Fn(&str) -> String,
    ) -> Result<Respondent, String> {
        let present = |name: &str| get(name).filter(|v| !v.is_empty());
        let field =
            |name: &str| present(name).ok_or_else(|| format!("no \"{}\" field", shown(name)));
        let score = |name: &str| -> Result<u8, String> {
            let value = field(name)?;
            whole(&value).ok_or(format!(
                "\"{}\" is {value}, not a whole number 0–100",
                shown(name)
            ))
        };
        let (investment, innovation) = (score("investment")?, score("innovation")?);
        let category = field("category")?;
        let category = CategoryId::ALL
            .into_iter()
            .find(|c| c.as_str() == category)
            .ok_or(format!("\"{category}\" is not a category id"))?;
        Ok(Respondent {
            investment,
            innovation,
            category,
            questionnaire: present("questionnaire"),
            lead_id: present("lead_id"),
            pillars: self
                .pillars
                .iter()
                .map(|id| present(&format!("pillar_{id}")).and_then(|v| whole(&v)))
                .collect(),
            next_changes: present("next_changes").and_then(|v| v.parse().ok()),
            month: present("date").and_then(|v| Month::parse(&v)),
            source: present("utm_source"),
            campaign: present("utm_campaign"),
        })
    }
}

/// A score: a whole number 0–100.
fn whole(text: &str) -> Option<u8> {
    text.parse::<u8>().ok().filter(|s| *s <= 100)
}

/// The `utm_*` parameter `name` of the page address `page`, when `name` is one.
fn utm_of(page: &str, name: &str) -> Option<String> {
    if !name.starts_with("utm_") {
        return None;
    }
    crate::host::lead::utm(page)
        .into_iter()
        .find_map(|(k, v)| (k == name).then_some(v))
}

/// The first value under one of [`DATE_COLUMNS`] in a JSON record.
fn date_in<'a>(mut fields: impl Iterator<Item = (&'a String, &'a Value)>) -> Option<String> {
    fields.find_map(|(k, v)| {
        DATE_COLUMNS
            .contains(&k.to_ascii_lowercase().as_str())
            .then(|| text(v))
    })
}

/// JSON text for a value: strings as they are, anything else as JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        other => other.to_string(),
    }
}

/// Which respondents the console's charts and pack follow: a period (months, inclusive) and
/// a source and campaign (`utm_source`, `utm_campaign`). A respondent without a month is
/// left out once a period is set; likewise for the source and campaign.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub from: Option<Month>,
    pub to: Option<Month>,
    pub source: Option<String>,
    pub campaign: Option<String>,
}

impl Filter {
    pub fn keeps(&self, r: &Respondent) -> bool {
        let month = |bound: Option<Month>, ok: fn(Month, Month) -> bool| {
            bound.is_none_or(|b| r.month.is_some_and(|m| ok(m, b)))
        };
        month(self.from, |m, b| m >= b)
            && month(self.to, |m, b| m <= b)
            && self
                .source
                .as_ref()
                .is_none_or(|s| r.source.as_ref() == Some(s))
            && self
                .campaign
                .as_ref()
                .is_none_or(|c| r.campaign.as_ref() == Some(c))
    }
}

/// Scores fall in ten bands: 0–9, 10–19, …, 90–100.
pub const BANDS: usize = 10;

/// The band a score falls in.
pub fn band(score: u8) -> usize {
    usize::from(score / 10).min(BANDS - 1)
}

/// Paths are counted by length up to this many changes; longer ones are counted together.
pub const LONGEST_PATH: usize = 10;

/// One score's distribution: respondents per band and the (lower) median.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Distribution {
    pub bands: [u32; BANDS],
    /// Respondents with a score (for a pillar, those whose record gives it).
    pub n: u32,
    pub median: Option<u8>,
}

impl Distribution {
    fn of(scores: impl Iterator<Item = u8>) -> Distribution {
        let mut scores: Vec<u8> = scores.collect();
        scores.sort_unstable();
        let mut d = Distribution {
            n: scores.len() as u32,
            median: (!scores.is_empty()).then(|| scores[(scores.len() - 1) / 2]),
            ..Distribution::default()
        };
        for s in scores {
            d.bands[band(s)] += 1;
        }
        d
    }
}

/// What the respondents a filter keeps say together.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub n: u32,
    /// Respondents per category, in [`CategoryId::ALL`] order.
    pub categories: [u32; 4],
    /// Respondents per cell of the matrix in bands: `cells[innovation band][investment band]`.
    pub cells: [[u32; BANDS]; BANDS],
    pub investment: Distribution,
    pub innovation: Distribution,
    /// Each pillar's distribution, in the questionnaire's pillar order.
    pub pillars: Vec<Distribution>,
    /// Respondents by the number of answers between them and the next category: index 0 is
    /// #SocialFirst (no next category), the last index [`LONGEST_PATH`] or more.
    pub paths: [u32; LONGEST_PATH + 1],
    /// Respondents whose record gives no path length.
    pub paths_unknown: u32,
    /// Respondents per month, oldest first; those without a date are in `undated`.
    pub months: Vec<(Month, u32)>,
    pub undated: u32,
    /// Respondents per `utm_source` and per `utm_campaign`, most first (ties by name);
    /// those without are not listed.
    pub sources: Vec<(String, u32)>,
    pub campaigns: Vec<(String, u32)>,
}

impl Insights {
    /// The summary of the respondents `filter` keeps, of `pillars` pillars.
    pub fn of(respondents: &[Respondent], filter: &Filter, pillars: usize) -> Insights {
        let kept: Vec<&Respondent> = respondents.iter().filter(|r| filter.keeps(r)).collect();
        let mut categories = [0; 4];
        let mut cells = [[0; BANDS]; BANDS];
        let mut paths = [0; LONGEST_PATH + 1];
        let mut paths_unknown = 0;
        let mut months = BTreeMap::new();
        let mut undated = 0;
        let mut sources = BTreeMap::new();
        let mut campaigns = BTreeMap::new();
        for r in &kept {
            let at = CategoryId::ALL.iter().position(|c| *c == r.category);
            categories[at.unwrap_or(0)] += 1;
            cells[band(r.innovation)][band(r.investment)] += 1;
            match r.next_changes {
                Some(c) => paths[usize::from(c).min(LONGEST_PATH)] += 1,
                None => paths_unknown += 1,
            }
            match r.month {
                Some(m) => *months.entry(m).or_insert(0) += 1,
                None => undated += 1,
            }
            if let Some(s) = &r.source {
                *sources.entry(s.clone()).or_insert(0) += 1;
            }
            if let Some(c) = &r.campaign {
                *campaigns.entry(c.clone()).or_insert(0) += 1;
            }
        }
        let most_first = |counts: BTreeMap<String, u32>| {
            let mut list: Vec<(String, u32)> = counts.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            list
        };
        Insights {
            n: kept.len() as u32,
            categories,
            cells,
            investment: Distribution::of(kept.iter().map(|r| r.investment)),
            innovation: Distribution::of(kept.iter().map(|r| r.innovation)),
            pillars: (0..pillars)
                .map(|p| Distribution::of(kept.iter().filter_map(|r| *r.pillars.get(p)?)))
                .collect(),
            paths,
            paths_unknown,
            months: months.into_iter().collect(),
            undated,
            sources: most_first(sources),
            campaigns: most_first(campaigns),
        }
    }

    /// The summary as CSV: one `section,item,respondents` row per figure.
    pub fn csv(&self, q: &Questionnaire) -> String {
        let mut out = String::from("section,item,respondents\n");
        let mut row = |section: &str, item: &str, n: u32| {
            out.push_str(&format!("{section},{},{n}\n", csv_field(item)));
        };
        row("total", "respondents", self.n);
        for (c, n) in CategoryId::ALL.iter().zip(self.categories) {
            row("category", c.as_str(), n);
        }
        let bands = |row: &mut dyn FnMut(&str, &str, u32), name: &str, d: &Distribution| {
            for (b, n) in d.bands.iter().enumerate() {
                let top = if b == BANDS - 1 { 100 } else { b * 10 + 9 };
                row(name, &format!("{}-{top}", b * 10), *n);
            }
        };
        bands(&mut row, "investment", &self.investment);
        bands(&mut row, "innovation", &self.innovation);
        for (p, d) in q.pillars.iter().zip(&self.pillars) {
            bands(&mut row, &format!("pillar {}", p.id.0), d);
        }
        for (length, n) in self.paths.iter().enumerate() {
            let item = match length {
                0 => "at the top".to_owned(),
                LONGEST_PATH => format!("{LONGEST_PATH} or more"),
                l => l.to_string(),
            };
            row("answers to the next category", &item, *n);
        }
        for (m, n) in &self.months {
            row("month", &m.label(), *n);
        }
        for (s, n) in &self.sources {
            row("utm_source", s, *n);
        }
        for (c, n) in &self.campaigns {
            row("utm_campaign", c, *n);
        }
        out
    }
}

/// A CSV field, quoted when it must be; a leading `=`, `+`, `-` or `@` is prefixed with `'`
/// so that a spreadsheet does not run a campaign name as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The benchmark pack of the respondents `filter` keeps, exact (no noise yet).
pub fn pack(respondents: &[Respondent], filter: &Filter, questionnaire: &str, label: &str) -> Pack {
    let mut pack = Pack::new(questionnaire, label.trim());
    for r in respondents.iter().filter(|r| filter.keeps(r)) {
        pack.add(r.investment, r.innovation, r.category);
    }
    pack
}
