//! Team rounds: several people's results together, with nothing stored anywhere but links.
//!
//! Three links, all carried in the fragment so that none reaches a server:
//! - the **invitation**, `#smi-team=<team>`: a member opens it and takes the assessment;
//! - a **member link**, `#smi=<code>&smi-team=<team>&smi-by=<name>`: the member's result
//!   (a share link like any other, opening as their card) with the team's name and the
//!   member's name or initials, to send to whoever runs the round;
//! - the **team view**, `#smi-team=<team>&smi-members=<member>,<member>,…`: each member as
//!   their share code followed directly by their name (codes have one length per
//!   questionnaire), names percent-encoded. At 50 members with initials it stays well under
//!   2,000 characters ([`MAX_MEMBERS`]).
//!
//! Every part is untrusted (the link's sender chose it): names are cut to [`MAX_NAME`]
//! characters with control and formatting characters removed, codes are checked against the
//! questionnaire (a code for another questionnaire fails its checksum), and a team never
//! holds more than [`MAX_MEMBERS`] members.
//!
//! [`summarise`] is what the team view shows: the mean position and its category, each axis's
//! and pillar's spread, the questions the team disagrees on most, and the path to the next
//! category from the team's median answers.

use crate::assessment::path::{self, NextStep};
use crate::assessment::questionnaire::{Axis, CategoryId, PillarId, Questionnaire};
use crate::assessment::scoring::{evaluate, Answers, Outcome};
use crate::assessment::share_code;
use crate::words::{join, percent_decode, percent_encode};
use serde::Serialize;

pub const TEAM_KEY: &str = "smi-team";
pub const MEMBERS_KEY: &str = "smi-members";
pub const BY_KEY: &str = "smi-by";
/// The most members a team holds.
pub const MAX_MEMBERS: usize = 50;
/// The longest member name kept, in characters.
pub const MAX_NAME: usize = 24;
/// The longest team name kept, in characters.
pub const MAX_TEAM: usize = 60;
/// How many questions the team view lists as the ones the team disagrees on most.
pub const DISAGREEMENTS: usize = 5;

/// One member of a team: a name (possibly empty) and a complete, checked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub code: String,
    pub answers: Answers,
    pub outcome: Outcome,
}

impl Member {
    /// The member with `code`, if it is a complete result of `q`.
    pub fn new(q: &Questionnaire, name: &str, code: &str) -> Option<Member> {
        let answers = share_code::decode(q, code).ok()?;
        let outcome = evaluate(q, &answers)?;
        Some(Member {
            name: clean(name, MAX_NAME),
            code: code.to_owned(),
            answers,
            outcome,
        })
    }
}

/// `text` with control and formatting characters (bidi overrides included) removed, spaces
/// collapsed and trimmed, at most `max` characters.
pub fn clean(text: &str, max: usize) -> String {
    let (mut out, mut count, mut gap) = (String::new(), 0, false);
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() || is_format(c) {
            gap = !out.is_empty();
            continue;
        }
        if count + usize::from(gap) >= max {
            break;
        }
        if std::mem::take(&mut gap) {
            out.push(' ');
            count += 1;
        }
        out.push(c);
        count += 1;
    }
    out
}

/// Unicode's format characters that can change how text around them reads (the bidi
/// embeddings, overrides and isolates, the directional marks, zero-width joiners, the BOM),
/// and the replacement character a broken encoding leaves.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{061c}' | '\u{fffd}')
}

/// What a URL fragment says about a team round.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamFragment {
    /// The team's name, cleaned; `None` without `smi-team` (or with an empty one).
    pub team: Option<String>,
    /// The member's name in a member link.
    pub by: Option<String>,
    /// The team view's members, as written (`smi-members`), if the fragment has them.
    pub members: Option<String>,
}

/// The value of `key` in a fragment such as `#a=1&b=2`, as written.
pub fn value<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(key)?.strip_prefix('='))
}

/// The value of `key` in `fragment`, decoded and cleaned; `None` when absent or empty.
fn text_in(fragment: &str, key: &str, max: usize) -> Option<String> {
    value(fragment, key)
        .map(|t| clean(&percent_decode(t), max))
        .filter(|t| !t.is_empty())
}

/// Only the team's name (what the widget needs from an invitation).
pub fn team_in(fragment: &str) -> Option<String> {
    text_in(fragment, TEAM_KEY, MAX_TEAM)
}

pub fn read_fragment(fragment: &str) -> TeamFragment {
    let team = team_in(fragment);
    TeamFragment {
        by: team.as_ref().and(text_in(fragment, BY_KEY, MAX_NAME)),
        members: team
            .as_ref()
            .and(value(fragment, MEMBERS_KEY))
            .map(str::to_owned),
        team,
    }
}

fn base(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// The link that invites members to the round.
pub fn invitation(page: &str, team: &str) -> String {
    format!("{}#{TEAM_KEY}={}", base(page), percent_encode(team))
}

/// A member's result for the team: their share link with the team's and their own name.
pub fn member_link(page: &str, team: &str, name: &str, code: &str) -> String {
    let mut link = format!(
        "{}#{}={code}&{TEAM_KEY}={}",
        base(page),
        share_code::FRAGMENT_KEY,
        percent_encode(team)
    );
    let name = clean(name, MAX_NAME);
    if !name.is_empty() {
        link.push_str(&format!("&{BY_KEY}={}", percent_encode(&name)));
    }
    link
}

/// The team view's own link: the team and every member.
pub fn team_link(page: &str, team: &str, members: &[Member]) -> String {
    let written: Vec<String> = members
        .iter()
        .map(|m| format!("{}{}", m.code, percent_encode(&m.name)))
        .collect();
    format!(
        "{}#{TEAM_KEY}={}&{MEMBERS_KEY}={}",
        base(page),
        percent_encode(team),
        join(&written, ",")
    )
}

/// The length of every share code of `q`.
fn code_length(q: &Questionnaire) -> Option<usize> {
    let zeros = Answers(vec![Some(0); q.items.len()]);
    share_code::encode(q, &zeros).ok().map(|c| c.len())
}

/// The members a team view's `smi-members` holds, and how many entries were refused
/// (damaged, for another questionnaire, duplicates, or past [`MAX_MEMBERS`]).
pub fn read_members(q: &Questionnaire, written: &str) -> (Vec<Member>, usize) {
    let Some(len) = code_length(q) else {
        return (Vec::new(), written.split(',').count());
    };
    let mut members: Vec<Member> = Vec::new();
    let mut refused = 0;
    for entry in written.split(',').filter(|e| !e.is_empty()) {
        let member = (entry.is_char_boundary(len) && entry.len() >= len)
            .then(|| {
                let (code, name) = entry.split_at(len);
                Member::new(q, &percent_decode(name), code)
            })
            .flatten();
        match member {
            Some(m) if members.len() < MAX_MEMBERS && !members.contains(&m) => members.push(m),
            _ => refused += 1,
        }
    }
    (members, refused)
}

/// What became of pasted member links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    pub added: usize,
    /// Links of a member already in the team (same code and name).
    pub duplicates: usize,
    /// Links of another team's round.
    pub other_team: usize,
    /// Text that held no member link of this questionnaire, or members past the limit.
    pub refused: usize,
}

/// Adds the member links in `pasted` to `members`. Links are separated by white space; a
/// line with one link may name its member around it ("Ada: https://…"), which a name in the
/// link itself (`smi-by`) overrides.
pub fn add_links(q: &Questionnaire, team: &str, members: &mut Vec<Member>, pasted: &str) -> Added {
    let mut added = Added::default();
    for line in pasted.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let is_link = |w: &&str| w.contains('#') || w.contains("://");
        let links: Vec<&str> = words.iter().copied().filter(is_link).collect();
        let around: Vec<&str> = words.iter().copied().filter(|w| !is_link(w)).collect();
        let around = join(&around, " ");
        let around = around.trim_matches(|c: char| {
            c == ':' || c == '-' || c == '\u{2013}' || c == '\u{2014}' || c.is_whitespace()
        });
        if links.is_empty() && !around.is_empty() {
            added.refused += 1;
        }
        for link in &links {
            let fragment = link.find('#').map_or("", |at| &link[at..]);
            let read = read_fragment(fragment);
            let name = match (&read.by, links.len()) {
                (Some(by), _) => by.as_str(),
                (None, 1) => around,
                (None, _) => "",
            };
            let member =
                share_code::code_in_fragment(fragment).and_then(|code| Member::new(q, name, code));
            match (member, read.team) {
                (None, _) => added.refused += 1,
                (Some(_), Some(t)) if t != team => added.other_team += 1,
                (Some(m), _) if members.contains(&m) => added.duplicates += 1,
                (Some(_), _) if members.len() >= MAX_MEMBERS => added.refused += 1,
                (Some(m), _) => {
                    members.push(m);
                    added.added += 1;
                }
            }
        }
    }
    added
}

/// The lowest, median and highest of a set of scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    pub lowest: u8,
    /// The middle score; with an even count, the mean of the two middle ones, rounded half up.
    pub median: u8,
    pub highest: u8,
}

impl Spread {
    /// `None` for no scores.
    pub fn of(scores: &[u8]) -> Option<Spread> {
        let mut sorted = scores.to_vec();
        sorted.sort_unstable();
        let n = sorted.len();
        let median = match n {
            0 => return None,
            _ if n % 2 == 1 => sorted[n / 2],
            _ => (u16::from(sorted[n / 2 - 1]) + u16::from(sorted[n / 2])).div_ceil(2) as u8,
        };
        Some(Spread {
            lowest: sorted[0],
            median,
            highest: sorted[n - 1],
        })
    }
}

/// A question the team answers differently, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub item: usize,
    /// How many members chose each choice, in the item's choice order.
    pub counts: Vec<u32>,
}

/// What the team view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub members: usize,
    /// The members' mean scores, rounded half up, and the category they fall in.
    pub investment: u8,
    pub innovation: u8,
    pub category: CategoryId,
    /// Investment, then innovation.
    pub axes: [Spread; 2],
    /// In the questionnaire's pillar order.
    pub pillars: Vec<(PillarId, Spread)>,
    /// The questions whose answers differ most (by the variance of the answers' scores
    /// relative to the item's best), at most [`DISAGREEMENTS`], most first; ties in
    /// questionnaire order. Questions everyone answers alike are never listed.
    pub disagreements: Vec<Disagreement>,
    /// Each item's median choice: the members' choices ordered by score (then by choice), the
    /// middle one, the lower of the two middle ones for an even count.
    pub answers: Answers,
    /// The result of the median answers, and the path from it to the next category.
    pub outcome: Outcome,
    pub next: Option<NextStep>,
}

/// The team's summary; `None` for no members.
pub fn summarise(q: &Questionnaire, members: &[Member]) -> Option<Summary> {
    let n = members.len();
    if n == 0 {
        return None;
    }
    let mean = |axis: Axis| {
        let sum: u32 = members
            .iter()
            .map(|m| u32::from(m.outcome.score(axis)))
            .sum();
        ((2 * sum + n as u32) / (2 * n as u32)) as u8
    };
    let (investment, innovation) = (mean(Axis::Investment), mean(Axis::Innovation));
    let axis_spread = |axis: Axis| {
        let scores: Vec<u8> = members.iter().map(|m| m.outcome.score(axis)).collect();
        Spread::of(&scores)
    };
    let pillars = q
        .pillars
        .iter()
        .filter_map(|p| {
            let scores: Vec<u8> = members
                .iter()
                .filter_map(|m| m.outcome.pillars.iter().find(|s| s.pillar == p.id))
                .map(|s| s.score)
                .collect();
            Some((p.id.clone(), Spread::of(&scores)?))
        })
        .collect();

    let mut answers = Vec::with_capacity(q.items.len());
    // (item, n·Σs² − (Σs)², the item's best score): n² times the variance of the scores.
    let mut spread: Vec<(usize, u64, u64)> = Vec::new();
    for (i, item) in q.items.iter().enumerate() {
        let mut chosen: Vec<u8> = members.iter().filter_map(|m| m.answers.get(i)).collect();
        chosen.sort_by_key(|&c| (item.choices[usize::from(c)].score, c));
        answers.push(chosen.get((chosen.len().max(1) - 1) / 2).copied());
        let scores = chosen
            .iter()
            .map(|&c| u64::from(item.choices[usize::from(c)].score));
        let (sum, squares) = scores.fold((0, 0), |(s, q), x| (s + x, q + x * x));
        let variance = n as u64 * squares - sum * sum;
        if variance > 0 {
            spread.push((i, variance, u64::from(item.max_score().max(1))));
        }
    }
    // Most first: a/b² against c/d² compared as a·d² against c·b²; a stable sort keeps ties
    // in questionnaire order.
    spread.sort_by(|x, y| (y.1 * x.2 * x.2).cmp(&(x.1 * y.2 * y.2)));
    let disagreements = spread
        .iter()
        .take(DISAGREEMENTS)
        .map(|&(item, _, _)| {
            let mut counts = vec![0; q.items[item].choices.len()];
            for m in members {
                if let Some(c) = m.answers.get(item) {
                    counts[usize::from(c)] += 1;
                }
            }
            Disagreement { item, counts }
        })
        .collect();
    let answers = Answers(answers);
    let outcome = evaluate(q, &answers)?;
    Some(Summary {
        members: n,
        investment,
        innovation,
        category: CategoryId::from_levels(investment >= q.threshold, innovation >= q.threshold),
        axes: [
            axis_spread(Axis::Investment)?,
            axis_spread(Axis::Innovation)?,
        ],
        pillars,
        disagreements,
        next: path::next(q, &answers),
        answers,
        outcome,
    })
}

/// The team's summary as `smi:team` carries it (dispatched on `team.html`'s document).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamDetail {
    pub team: String,
    pub members: usize,
    pub investment: u8,
    pub innovation: u8,
    pub category: String,
    /// `investment`, `innovation`, then each pillar's id → its spread.
    pub spreads: Vec<SpreadDetail>,
    /// Item ids, most disagreement first, with how many chose each choice.
    pub disagreements: Vec<DisagreementDetail>,
    /// The next category from the median answers and the changes to reach it; `null` when
    /// the median answers are already #SocialFirst.
    pub next: Option<TeamNext>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpreadDetail {
    pub of: String,
    pub lowest: u8,
    pub median: u8,
    pub highest: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisagreementDetail {
    pub item: String,
    pub counts: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamNext {
    pub category: String,
    pub changes: Vec<TeamChange>,
}

/// One answer to change: the item's id and the 0-based index of its most mature choice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamChange {
    pub item: String,
    pub choice: u8,
}

impl Summary {
    pub fn detail(&self, q: &Questionnaire, team: &str) -> TeamDetail {
        let spread = |of: &str, s: &Spread| SpreadDetail {
            of: of.to_owned(),
            lowest: s.lowest,
            median: s.median,
            highest: s.highest,
        };
        let mut spreads = vec![
            spread(Axis::Investment.as_str(), &self.axes[0]),
            spread(Axis::Innovation.as_str(), &self.axes[1]),
        ];
        spreads.extend(self.pillars.iter().map(|(id, s)| spread(&id.0, s)));
        TeamDetail {
            team: team.to_owned(),
            members: self.members,
            investment: self.investment,
            innovation: self.innovation,
            category: self.category.as_str().to_owned(),
            spreads,
            disagreements: self
                .disagreements
                .iter()
                .map(|d| DisagreementDetail {
                    item: q.items[d.item].id.0.clone(),
                    counts: d.counts.clone(),
                })
                .collect(),
            next: self.next.as_ref().map(|n| TeamNext {
                category: n.category.as_str().to_owned(),
                changes: n
                    .changes
                    .iter()
                    .map(|c| TeamChange {
                        item: q.items[c.item].id.0.clone(),
                        choice: c.choice,
                    })
                    .collect(),
            }),
        }
    }
}
