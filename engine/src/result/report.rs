//! The full report: what it says, page by page, as plain data.
//!
//! The widget sends a [`ReportRequest`] (the answers and the words around them); the report module
//! makes the report from it with [`from_request`]. [`build`] turns a result into a [`Report`]: sections that each start a new page, made of a
//! few kinds of [`Block`], every text already in the visitor's language and digits. The
//! widget hands the report to the report module (`report/`, a separate wasm loaded on the
//! first request), which lays it out as a PDF; nothing here knows about pages' geometry, so
//! what goes where is a native test.

use crate::assessment::path::NextStep;
use crate::assessment::questionnaire::{Axis, CategoryId, Questionnaire};
use crate::assessment::scoring::{chosen_score, gap, ranked, Answers, Outcome};
use crate::result::benchmark::Comparison;
use crate::result::text::{fill, isolate, Strings};
use serde::{Deserialize, Serialize};

/// A report, ready to lay out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The language's tag (`en`, `ar`, …), the document's language.
    pub lang: String,
    pub rtl: bool,
    /// The document's title.
    pub title: String,
    /// `#rrggbb` and the text colour on it.
    pub accent: String,
    pub accent_text: String,
    /// The host's company name, at the top of the cover.
    pub brand: Option<String>,
    /// The host's logo URL; the loader draws it into pixels for the PDF.
    pub logo: Option<String>,
    /// The link that reopens this result, on every page's foot (as text and a QR code).
    pub link: Option<String>,
    /// The foot's words before the link.
    pub link_label: String,
    /// "Page {n} of {total}" in the language.
    pub page_label: String,
    /// The zero of the language's digits, for page numbers.
    pub zero: char,
    pub sections: Vec<Section>,
}

/// A part of the report that starts on a new page; its title is a heading and a bookmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// What a section is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// Label and value pairs, one per line (company, role, date).
    Facts {
        rows: Vec<[String; 2]>,
    },
    /// The category, large, with its one-line meaning.
    Category {
        name: String,
        summary: String,
    },
    /// The matrix with the company's position (and where the next category's changes lead).
    Matrix {
        investment: u8,
        innovation: u8,
        threshold: u8,
        /// Quadrant names: observer, conservative, participant, #SocialFirst.
        names: [String; 4],
        /// Which of `names` is the company's.
        current: u8,
        /// Across, then up.
        axes: [String; 2],
        /// The position in words (the figure's text alternative).
        alt: String,
        next: Option<[u8; 2]>,
    },
    /// Scores out of 100 as bars.
    Bars {
        bars: Vec<Bar>,
    },
    /// A question and what the report says about it, as labelled lines.
    Entry {
        title: String,
        rows: Vec<[String; 2]>,
    },
    Link {
        label: String,
        url: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub value: u8,
    /// The value as the language writes it ("62 out of 100", "۶۲").
    pub text: String,
}

/// What the report is made from.
pub struct Input<'a> {
    pub questionnaire: &'a Questionnaire,
    pub strings: &'a Strings,
    pub answers: &'a Answers,
    pub outcome: &'a Outcome,
    pub next: Option<&'a NextStep>,
    pub comparison: Option<&'a Comparison>,
    pub lang: &'a str,
    pub rtl: bool,
    /// Written out in the visitor's language.
    pub date: &'a str,
    /// The visitor's company and role, as given in the lead form.
    pub company: Option<&'a str>,
    pub role: Option<&'a str>,
    pub brand: Option<&'a str>,
    pub logo: Option<&'a str>,
    pub accent: (&'a str, &'a str),
    /// The call to action's label and URL.
    pub cta: Option<(&'a str, &'a str)>,
    /// The host's words for the cover and its contact lines for the last page.
    pub intro: Option<&'a str>,
    pub contact: Option<&'a str>,
    pub link: Option<&'a str>,
}

/// Where the questionnaire and the interface text came from: the loader's texts, which the
/// widget keeps so that the report module can read them again (English's are built in).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// The language's translation (its questionnaire and strings), for any language but
    /// English.
    pub translation: Option<String>,
    /// The host's own questionnaire, when it has one.
    pub questionnaire: Option<String>,
}

/// What the widget hands the report module: the answers and the words around them, nothing
/// the module can work out itself. [`from_request`] makes the [`Report`] from it inside the
/// module, so that the widget carries none of the report's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    /// The language shown (`en`, `ar`, …) and whether it reads right to left.
    pub lang: String,
    pub rtl: bool,
    pub answers: Answers,
    /// Today, written out in the visitor's language.
    pub date: String,
    pub comparison: Option<Comparison>,
    /// The visitor's company and role, as given in the lead form.
    pub company: Option<String>,
    pub role: Option<String>,
    pub brand: Option<String>,
    pub logo: Option<String>,
    /// `#rrggbb` and the text colour on it.
    pub accent: [String; 2],
    /// The call to action's label and URL (filled in).
    pub cta: Option<[String; 2]>,
    pub intro: Option<String>,
    pub contact: Option<String>,
    pub link: Option<String>,
    pub translation: Option<String>,
    pub questionnaire: Option<String>,
}

/// The report a [`ReportRequest`] asks for: the questionnaire and strings read as the widget read
/// them (English's built in, another language's from its translation, the host's own
/// questionnaire in place of the shipped one), then [`build`].
pub fn from_request(r: &ReportRequest) -> Result<Report, String> {
    use crate::assessment::questionnaire::Problem;
    let problems = |what: &str, p: Vec<Problem>| format!("{what}: {}", Problem::list(&p));
    let (shipped, strings) = match (r.lang.as_str(), &r.translation) {
        ("en", _) => (None, crate::content::strings()?),
        (lang, Some(text)) => {
            let (q, s) = crate::content::translation(text)
                .map_err(|p| problems(&format!("the \"{lang}\" translation"), p))?;
            (Some(q), s)
        }
        (lang, None) => return Err(format!("no \"{lang}\" translation was given")),
    };
    let q = match (&r.questionnaire, shipped) {
        (Some(text), _) => {
            Questionnaire::from_json(text).map_err(|p| problems("questionnaire", p))?
        }
        (None, Some(q)) => q,
        (None, None) => {
            crate::content::questionnaire().map_err(|p| problems("questionnaire", p))?
        }
    };
    let outcome = crate::assessment::scoring::evaluate(&q, &r.answers)
        .ok_or("the answers are not a whole assessment of this questionnaire")?;
    let guidance = crate::assessment::path::guidance(&q, &r.answers);
    Ok(build(&Input {
        questionnaire: &q,
        strings: &strings,
        answers: &r.answers,
        outcome: &outcome,
        next: guidance.next.as_ref(),
        comparison: r.comparison.as_ref(),
        lang: &r.lang,
        rtl: r.rtl,
        date: &r.date,
        company: r.company.as_deref(),
        role: r.role.as_deref(),
        brand: r.brand.as_deref(),
        logo: r.logo.as_deref(),
        accent: (&r.accent[0], &r.accent[1]),
        cta: r.cta.as_ref().map(|[a, b]| (a.as_str(), b.as_str())),
        intro: r.intro.as_deref(),
        contact: r.contact.as_deref(),
        link: r.link.as_deref(),
    }))
}

/// The report for `input`: cover, result, the next category (when there is one), the whole
/// action plan, every answer, and the host's last page.
pub fn build(input: &Input) -> Report {
    let mut sections = vec![cover(input), result(input)];
    sections.extend(next(input));
    sections.push(plan(input));
    sections.push(answers(input));
    sections.push(last(input));
    let s = input.strings;
    Report {
        lang: input.lang.to_owned(),
        rtl: input.rtl,
        title: match input.company {
            Some(company) => format!("{}: {company}", s.report_title),
            None => s.report_title.clone(),
        },
        accent: input.accent.0.to_owned(),
        accent_text: input.accent.1.to_owned(),
        brand: input.brand.map(str::to_owned),
        logo: input.logo.map(str::to_owned),
        link: input.link.map(str::to_owned),
        link_label: s.report_link.clone(),
        page_label: s.report_page.clone(),
        zero: s.zero,
        sections,
    }
}

/// The name of the category `id`, isolated for a sentence in either direction.
fn category_name(q: &Questionnaire, id: CategoryId) -> String {
    isolate(&q.category(id).name)
}

fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

fn heading(text: impl Into<String>) -> Block {
    Block::Heading { text: text.into() }
}

fn row(label: &str, value: &str) -> [String; 2] {
    [label.to_owned(), value.to_owned()]
}

fn cover(input: &Input) -> Section {
    let (q, s, o) = (input.questionnaire, input.strings, input.outcome);
    let mut facts = Vec::new();
    for (label, value) in [(&s.lead_company, input.company), (&s.lead_role, input.role)] {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            facts.push(row(label, value));
        }
    }
    if !input.date.is_empty() {
        facts.push(row(&s.report_date, input.date));
    }
    let category = q.category(o.category);
    let mut blocks = vec![
        Block::Facts { rows: facts },
        Block::Category {
            name: category.name.clone(),
            summary: category.summary.clone(),
        },
        matrix(input),
    ];
    if let Some(intro) = input.intro {
        blocks.push(paragraph(intro));
    }
    Section {
        title: s.report_title.clone(),
        blocks,
    }
}

fn matrix(input: &Input) -> Block {
    let (q, s, o) = (input.questionnaire, input.strings, input.outcome);
    let order = [
        CategoryId::Observer,
        CategoryId::Conservative,
        CategoryId::Participant,
        CategoryId::SocialFirst,
    ];
    Block::Matrix {
        investment: o.investment,
        innovation: o.innovation,
        threshold: q.threshold,
        names: order.map(|id| q.category(id).name.clone()),
        current: order.iter().position(|&id| id == o.category).unwrap_or(0) as u8,
        axes: [s.axis_innovation.clone(), s.axis_investment.clone()],
        alt: fill(
            &s.matrix_position,
            &[
                ("investment", &s.num(o.investment)),
                ("innovation", &s.num(o.innovation)),
                ("category", &category_name(q, o.category)),
            ],
        ),
        next: input.next.map(|n| [n.investment, n.innovation]),
    }
}

fn result(input: &Input) -> Section {
    let (q, s, o) = (input.questionnaire, input.strings, input.outcome);
    let category = q.category(o.category);
    let out_of = |score: u8| fill(&s.score_out_of, &[("score", &s.num(score))]);
    let mut blocks = vec![
        Block::Bars {
            bars: Axis::ALL
                .iter()
                .map(|&axis| Bar {
                    label: s.axis_name(axis).to_owned(),
                    value: o.score(axis),
                    text: out_of(o.score(axis)),
                })
                .collect(),
        },
        paragraph(category.description.clone()),
        heading(s.pillars_heading.clone()),
        Block::Bars {
            bars: o
                .pillars
                .iter()
                .map(|p| Bar {
                    label: q.pillar_name(&p.pillar).to_owned(),
                    value: p.score,
                    text: out_of(p.score),
                })
                .collect(),
        },
        heading(s.recommendation_heading.clone()),
        paragraph(category.recommendation.clone()),
    ];
    if let Some(c) = input.comparison {
        blocks.extend(comparison(q, s, c, o.category));
    }
    Section {
        title: fill(
            &s.result_heading,
            &[("category", &category_name(q, o.category))],
        ),
        blocks,
    }
}

/// The comparison with the host's pack: the group named once, then each score's standing
/// and the category shares.
fn comparison(q: &Questionnaire, s: &Strings, c: &Comparison, mine: CategoryId) -> Vec<Block> {
    let (count, label) = (s.num(c.n), isolate(&c.label));
    let mut blocks = vec![heading(fill(
        &s.benchmark_base,
        &[("count", &count), ("label", &label)],
    ))];
    let Some(axes) = &c.axes else {
        blocks.push(paragraph(fill(
            &s.benchmark_too_few,
            &[
                ("count", &count),
                ("label", &label),
                ("minimum", &s.num(crate::result::benchmark::MIN_RESPONDENTS)),
            ],
        )));
        return blocks;
    };
    blocks.push(Block::Bars {
        bars: axes
            .iter()
            .map(|a| Bar {
                label: s.axis_name(a.axis).to_owned(),
                value: a.ahead_of,
                text: fill(&s.benchmark_card, &[("percent", &s.num(a.ahead_of))]),
            })
            .collect(),
    });
    if let Some(shares) = c.categories {
        blocks.push(heading(fill(&s.benchmark_categories, &[("label", &label)])));
        let order = [
            CategoryId::Observer,
            CategoryId::Conservative,
            CategoryId::Participant,
            CategoryId::SocialFirst,
        ];
        blocks.push(Block::Bars {
            bars: order
                .iter()
                .zip(shares)
                .map(|(&id, percent)| {
                    let mut label = q.category(id).name.clone();
                    if id == mine {
                        label = format!("{label}\u{a0}({})", s.benchmark_yours);
                    }
                    Bar {
                        label,
                        value: percent,
                        text: format!("{}%", s.num(percent)),
                    }
                })
                .collect(),
        });
    }
    blocks
}

/// The label of the choice the visitor gave for item `i`.
fn answer_label<'a>(q: &'a Questionnaire, answers: &Answers, i: usize) -> &'a str {
    let item = &q.items[i];
    answers
        .get(i)
        .and_then(|c| item.choices.get(usize::from(c)))
        .map_or("", |c| c.label.as_str())
}

fn next(input: &Input) -> Option<Section> {
    let (q, s) = (input.questionnaire, input.strings);
    let step = input.next?;
    let name = category_name(q, step.category);
    let mut blocks = vec![paragraph(fill(
        &s.next_intro,
        &[
            ("category", &name),
            ("investment", &s.num(step.investment)),
            ("innovation", &s.num(step.innovation)),
        ],
    ))];
    for change in &step.changes {
        let item = &q.items[change.item];
        let mature = item
            .choices
            .get(usize::from(change.choice))
            .map_or("", |c| c.label.as_str());
        blocks.push(Block::Entry {
            title: item.prompt.clone(),
            rows: vec![
                row(
                    &s.report_current,
                    answer_label(q, input.answers, change.item),
                ),
                row(&s.report_mature, mature),
                row(&s.report_action, &item.action),
            ],
        });
    }
    Some(Section {
        title: fill(&s.next_heading, &[("category", &name)]),
        blocks,
    })
}

/// Every item short of its most mature choice, most urgent first, grouped by pillar (the
/// pillars in the order their first item appears in the plan).
pub fn plan_order(q: &Questionnaire, answers: &Answers) -> Vec<(usize, Vec<usize>)> {
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in ranked(q, |_| true, |i| gap(q, answers, i)) {
        let pillar = q
            .pillars
            .iter()
            .position(|p| p.id == q.items[i].pillar)
            .unwrap_or(0);
        match groups.iter_mut().find(|(p, _)| *p == pillar) {
            Some((_, items)) => items.push(i),
            None => groups.push((pillar, vec![i])),
        }
    }
    groups
}

fn plan(input: &Input) -> Section {
    let (q, s) = (input.questionnaire, input.strings);
    let groups = plan_order(q, input.answers);
    let mut blocks = Vec::new();
    if groups.is_empty() {
        blocks.push(paragraph(s.actions_none.clone()));
    }
    for (pillar, items) in groups {
        blocks.push(heading(q.pillars[pillar].name.clone()));
        for i in items {
            let item = &q.items[i];
            blocks.push(Block::Entry {
                title: item.action.clone(),
                rows: vec![
                    row(&s.report_question, &item.prompt),
                    row(&s.report_current, answer_label(q, input.answers, i)),
                ],
            });
        }
    }
    Section {
        title: s.actions_heading.clone(),
        blocks,
    }
}

fn answers(input: &Input) -> Section {
    let (q, s) = (input.questionnaire, input.strings);
    let blocks = (0..q.items.len())
        .map(|i| {
            let item = &q.items[i];
            let best = chosen_score(q, input.answers, i) == item.max_score();
            let mut rows = vec![row(&s.report_current, answer_label(q, input.answers, i))];
            if best {
                rows.push(row(&s.report_mature, &s.report_at_best));
            }
            Block::Entry {
                title: format!("{}. {}", s.num(i + 1), item.prompt),
                rows,
            }
        })
        .collect();
    Section {
        title: s.report_answers.clone(),
        blocks,
    }
}

fn last(input: &Input) -> Section {
    let s = input.strings;
    let mut blocks = Vec::new();
    if let Some(contact) = input.contact {
        blocks.extend(
            contact
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| paragraph(l.trim())),
        );
    }
    if let Some((label, url)) = input.cta {
        blocks.push(Block::Link {
            label: label.to_owned(),
            url: url.to_owned(),
        });
    }
    if let Some(link) = input.link {
        blocks.push(Block::Link {
            label: s.report_link.clone(),
            url: link.to_owned(),
        });
    }
    Section {
        title: input.cta.map_or_else(
            || s.report_next_steps.clone(),
            |(label, _)| label.to_owned(),
        ),
        blocks,
    }
}
