//! The result: category, both axis scores, the matrix, the SMI's recommendation, pillar
//! bars and the action plan. Hook-free, so it renders natively for golden HTML tests.

use super::matrix::{Matrix, MatrixProps};
use crate::engine::assessment::path::Guidance;
use crate::engine::assessment::questionnaire::{Axis, CategoryId, Questionnaire};
use crate::engine::assessment::scoring::Outcome;
use crate::engine::host::config::{Config, Cta};
use crate::engine::host::widget::{share_text, ReportStatus, ShareMethod};
use crate::engine::result::benchmark::{AxisComparison, Comparison, Pack, BANDS, MIN_RESPONDENTS};
use crate::engine::result::progress::Movement;
use crate::engine::result::text::{fill, isolate, Strings, Text};
use crate::engine::words::{join, percent_encode};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub questionnaire: Rc<Questionnaire>,
    pub strings: Text,
    pub outcome: Outcome,
    /// The host's brand.
    #[prop_or_default]
    pub config: Rc<Config>,
    /// The call to action for this result, its URL filled in.
    #[prop_or_default]
    pub cta: Option<Rc<Cta>>,
    /// Today, written out in the widget's language; empty for none.
    #[prop_or_default]
    pub date: AttrValue,
    #[prop_or_default]
    pub heading_ref: NodeRef,
    #[prop_or_default]
    pub on_restart: Callback<()>,
    /// The link that reopens this result, when it can be shared.
    #[prop_or_default]
    pub share_link: Option<AttrValue>,
    /// What became of the last copy attempt, announced politely.
    #[prop_or_default]
    pub share_status: Option<AttrValue>,
    /// Told how the visitor shares: copies the link, opens the native share sheet, follows a
    /// share link (LinkedIn, X, e-mail), downloads the PNG or prints.
    #[prop_or_default]
    pub on_share: Callback<ShareMethod>,
    /// The browser has a native share sheet.
    #[prop_or_default]
    pub native_share: bool,
    /// True when showing someone else's result from a share link: read-only.
    #[prop_or_default]
    pub linked: bool,
    #[prop_or_default]
    pub on_take: Callback<()>,
    /// Only what fills the first screen (heading, matrix, scores, recommendation), so that
    /// it paints sooner; the widget renders the rest right after that paint.
    #[prop_or_default]
    pub first_screen: bool,
    /// The path to the next category, what keeps #SocialFirst there, and scores on the cusp.
    #[prop_or_default]
    pub guidance: Rc<Guidance>,
    /// Open an item of the path again, to change its answer.
    #[prop_or_default]
    pub on_revisit: Callback<usize>,
    /// The host's benchmark pack, to compare the scores with.
    #[prop_or_default]
    pub benchmark: Option<Rc<Pack>>,
    /// The host gave a pack that could not be loaded or was refused: say so where it would be.
    #[prop_or_default]
    pub benchmark_refused: bool,
    /// "Download the report" is offered, and where the last request stands.
    #[prop_or_default]
    pub report_offered: bool,
    #[prop_or_default]
    pub report_status: Option<ReportStatus>,
    #[prop_or_default]
    pub on_report: Callback<()>,
    /// What moved since the visitor's last different result (or the one they pasted).
    #[prop_or_default]
    pub movement: Option<Rc<Movement>>,
    /// "Compare with an earlier result" is offered; told the pasted text.
    #[prop_or_default]
    pub compare_offered: bool,
    #[prop_or_default]
    pub on_compare: Callback<String>,
    /// The last pasted link held no result of this questionnaire.
    #[prop_or_default]
    pub paste_refused: bool,
}

/// `template` with `pairs` filled in and the category's `name` in a `<bdi>`, so that a name
/// such as "#SocialFirst" keeps its own direction in a right-to-left sentence.
fn with_name(template: &str, name: &str, pairs: &[(&str, &str)]) -> Html {
    let text = fill(template, pairs);
    match text.split_once("{category}") {
        Some((before, after)) => {
            html! { <>{ before.to_owned() }<bdi>{ name.to_owned() }</bdi>{ after.to_owned() }</> }
        }
        None => html! { { text } },
    }
}

/// "What would make you …" with the changes, or, for #SocialFirst, "What keeps you …".
fn guidance_block(props: &ResultProps, current: &str) -> Html {
    let (q, s, g) = (&props.questionnaire, &props.strings, &props.guidance);
    if let Some(n) = &g.next {
        let name = &q.category(n.category).name;
        let (investment, innovation) = (s.num(n.investment), s.num(n.innovation));
        let scores = [
            ("investment", investment.as_str()),
            ("innovation", innovation.as_str()),
        ];
        return html! {
            <section class="smi-block smi-next">
                <h3 class="smi-subheading">{ with_name(&s.next_heading, name, &[]) }</h3>
                <p>{ with_name(&s.next_intro, name, &scores) }</p>
                <ol class="smi-next__changes">
                    { for n.changes.iter().map(|c| {
                        let item = &q.items[c.item];
                        let choice = &item.choices[usize::from(c.choice)].label;
                        let id = format!("smi-next-{}", c.item);
                        let index = c.item;
                        let revisit = props.on_revisit.reform(move |_: MouseEvent| index);
                        html! {
                            <li key={c.item}>
                                <span id={id.clone()}>{ fill(&s.next_change, &[("item", &item.prompt), ("choice", choice)]) }</span>
                                { " " }
                                <button type="button" class="smi-link-button" aria-describedby={id} onclick={revisit}>{ &s.next_revisit }</button>
                            </li>
                        }
                    }) }
                </ol>
                // Shown only in print, where the card's one line stands for the list.
                <p class="smi-next__summary" aria-hidden="true">{ with_name(&s.card_next, name, &[("count", &s.num(n.changes.len()))]) }</p>
            </section>
        };
    }
    if g.keep.is_empty() {
        return Html::default();
    }
    html! {
        <section class="smi-block smi-keep">
            <h3 class="smi-subheading">{ with_name(&s.keep_heading, current, &[]) }</h3>
            <p>{ with_name(&s.keep_intro, current, &[]) }</p>
            <ul class="smi-keep__items">
                { for g.keep.iter().flat_map(|(axis, items)| items.iter().map(move |&i| (*axis, i))).map(|(axis, i)| html! {
                    <li key={i}><span class="smi-keep__axis">{ s.axis_name(axis) }</span>{ ": " }{ &q.items[i].prompt }</li>
                }) }
            </ul>
        </section>
    }
}

/// What moved since an earlier result: both scores, the category, each pillar, the answers
/// that score higher or lower; then the field to paste an earlier result's link into.
fn progress_block(props: &ResultProps) -> Html {
    let (q, s, o) = (&props.questionnaire, &props.strings, &props.outcome);
    let change = |name: &str, before: u8, after: u8| {
        let delta = i16::from(after) - i16::from(before);
        fill(
            &s.progress_change,
            &[
                ("name", name),
                ("before", &s.num(before)),
                ("after", &s.num(after)),
                ("change", &s.signed(delta)),
            ],
        )
    };
    let items = |heading: &str, list: &[usize]| {
        (!list.is_empty()).then(|| {
            html! {
                <>
                    <h4 class="smi-since__subheading">{ heading.to_owned() }</h4>
                    <ul class="smi-keep__items">
                        { for list.iter().map(|&i| html! { <li key={i}>{ &q.items[i].prompt }</li> }) }
                    </ul>
                </>
            }
        })
    };
    let moved = props.movement.as_deref().map(|m| {
        let heading = match m.date {
            Some(date) => fill(&s.progress_heading, &[("date", &s.date(date))]),
            None => s.progress_pasted.clone(),
        };
        let b = &m.before;
        let category = (b.category != o.category).then(|| {
            fill(
                &s.progress_category,
                &[
                    ("before", &isolate(&q.category(b.category).name)),
                    ("after", &isolate(&q.category(o.category).name)),
                ],
            )
        });
        html! {
            <>
                <h3 class="smi-subheading">{ heading }</h3>
                { for category.map(|text| html! { <p>{ text }</p> }) }
                <ul class="smi-keep__items">
                    { for Axis::ALL.iter().map(|&axis| html! {
                        <li>{ change(s.axis_name(axis), b.score(axis), o.score(axis)) }</li>
                    }) }
                    { for o.pillars.iter().zip(&b.pillars).map(|(now, was)| html! {
                        <li>{ change(q.pillar_name(&now.pillar), was.score, now.score) }</li>
                    }) }
                </ul>
                { for items(&s.progress_improved, &m.improved) }
                { for items(&s.progress_declined, &m.declined) }
            </>
        }
    });
    let paste = props.on_compare.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    html! {
        <section class="smi-block smi-since">
            { for moved }
            <form onsubmit={|e: SubmitEvent| e.prevent_default()}>
                <label class="smi-share__label" for="smi-compare">{ &s.compare_label }</label>
                <div class="smi-share__row">
                    <input class="smi-share__link" id="smi-compare" type="text" inputmode="url"
                        aria-invalid={props.paste_refused.then_some("true")}
                        aria-describedby="smi-compare-error" onchange={paste} />
                    <button type="submit" class="smi-button">{ &s.compare_button }</button>
                </div>
                <p class="smi-since__error" id="smi-compare-error" role="status">
                    { if props.paste_refused { s.compare_refused.as_str() } else { "" } }
                </p>
            </form>
        </section>
    }
}

/// "Download the report", and where it stands, announced politely. The button stays
/// focusable while the report is made (`aria-disabled`), so focus is not lost.
fn report_block(props: &ResultProps) -> Html {
    let s = &props.strings;
    let busy = props.report_status == Some(ReportStatus::Building);
    let status = match props.report_status {
        Some(ReportStatus::Building) => s.report_building.as_str(),
        Some(ReportStatus::Failed) => s.report_failed.as_str(),
        None => "",
    };
    html! {
        <section class="smi-block smi-report">
            <button type="button" class="smi-button smi-button--primary" aria-disabled={busy.then_some("true")}
                onclick={props.on_report.reform(|_: MouseEvent| ())}>{ &s.report_download }</button>
            <p class="smi-report__status" role="status">{ status }</p>
        </section>
    }
}

/// The "Share your result" block: the link, copy, and share links for LinkedIn, X, e-mail.
fn share_block(props: &ResultProps, link: &str, text: &str) -> Html {
    let s = &props.strings;
    let (url, text) = (percent_encode(link), percent_encode(text));
    let linkedin = format!("https://www.linkedin.com/sharing/share-offsite/?url={url}");
    let x = format!("https://x.com/intent/post?text={text}&url={url}");
    let subject = percent_encode(&props.questionnaire.title);
    let email = format!("mailto:?subject={subject}&body={text}%0A%0A{url}");
    let shared_by = |method: ShareMethod| props.on_share.reform(move |_: MouseEvent| method);
    html! {
        <section class="smi-block smi-share">
            <h3 class="smi-subheading">{ &s.share_heading }</h3>
            <label class="smi-share__label" for="smi-share-link">{ &s.share_link_label }</label>
            <div class="smi-share__row">
                <input class="smi-share__link" id="smi-share-link" type="text" readonly=true value={link.to_owned()} />
                <button type="button" class="smi-button smi-button--primary" onclick={shared_by(ShareMethod::Copy)}>{ &s.copy_link }</button>
            </div>
            <p class="smi-share__status" role="status">{ props.share_status.clone().unwrap_or_default() }</p>
            <ul class="smi-share__networks">
                if props.native_share {
                    <li><button type="button" class="smi-button" onclick={shared_by(ShareMethod::Native)}>{ &s.share_native }</button></li>
                }
                <li><a class="smi-button" href={linkedin} target="_blank" rel="noopener noreferrer" onclick={shared_by(ShareMethod::LinkedIn)}>{ &s.share_linkedin }</a></li>
                <li><a class="smi-button" href={x} target="_blank" rel="noopener noreferrer" onclick={shared_by(ShareMethod::X)}>{ &s.share_x }</a></li>
                <li><a class="smi-button" href={email} onclick={shared_by(ShareMethod::Email)}>{ &s.share_email }</a></li>
                <li><button type="button" class="smi-button" onclick={shared_by(ShareMethod::Png)}>{ &s.download_png }</button></li>
                <li><button type="button" class="smi-button" onclick={shared_by(ShareMethod::Print)}>{ &s.print }</button></li>
            </ul>
        </section>
    }
}

/// Under an axis score: the percent of the pack it is ahead of, and the pack's scores on the
/// axis as a strip of ten bands with the visitor's mark, described in text for screen readers.
/// The bars are two paths (the visitor's band and the others), not an element each: every
/// element costs the wasm code.
fn axis_comparison(s: &Strings, c: &Comparison, a: &AxisComparison) -> Html {
    // The host's label, isolated: a right-to-left override in it stays inside it. The group
    // is named once above the scores; each score says only how far ahead it is.
    let (count, label) = (s.num(c.n), &*isolate(&c.label));
    let ahead = fill(&s.benchmark_card, &[("percent", &s.num(a.ahead_of))]);
    // Bar heights relative to the fullest band, so the shape shows even when spread thin.
    let top = u32::from(a.bands.iter().copied().max().unwrap_or(0).max(1));
    let mine = usize::from(a.score / 10).min(BANDS - 1);
    let (mut others, mut own, mut bands) = (String::new(), String::new(), Vec::new());
    for (i, &p) in a.bands.iter().enumerate() {
        let h = (20 * u32::from(p) / top).max(1);
        let path = if i == mine { &mut own } else { &mut others };
        path.push_str(&format!("M{} 22h8v-{h}h-8z", 10 * i + 1));
        let to = if i + 1 == BANDS { 100 } else { 10 * i + 9 };
        let range = format!("{}–{}", s.num(10 * i), s.num(to));
        bands.push(fill(
            &s.benchmark_share,
            &[("name", &range), ("percent", &s.num(p))],
        ));
    }
    let description = fill(
        &s.benchmark_strip,
        &[
            ("count", &count),
            ("label", label),
            ("axis", s.axis_name(a.axis)),
            ("bands", &join(&bands, &s.list_separator)),
            ("score", &s.num(a.score)),
        ],
    );
    html! {
        <>
            <span class="smi-compare__ahead">{ ahead }</span>
            <svg class="smi-compare__strip" viewBox="0 0 100 24" preserveAspectRatio="none" role="img" aria-label={description}>
                <path class="smi-compare__band" d={others} />
                <path class="smi-compare__band smi-compare__band--mine" d={own} />
                <rect class="smi-compare__mark" x={a.score.min(99).to_string()} width="1" height="24" />
            </svg>
            // The scale's ends come from the stylesheet (`attr()`): one element, not three.
            <span class="smi-compare__scale" aria-hidden="true" data-from={s.num(0)} data-to={s.num(100)}>{ s.num(50) }</span>
        </>
    }
}

/// The pack's share of companies in each category (in `CategoryId::ALL` order), written as
/// the quadrants show them, and the sentence the matrix's text alternative adds; `None` with
/// too few respondents.
fn category_shares(
    q: &Questionnaire,
    s: &Strings,
    c: &Comparison,
    mine: CategoryId,
) -> Option<([AttrValue; 4], String)> {
    let shares = c.categories?;
    let (mut written, mut parts) = (Vec::with_capacity(4), Vec::with_capacity(4));
    for (id, share) in CategoryId::ALL.into_iter().zip(shares) {
        let part = fill(
            &s.benchmark_share,
            &[
                ("name", &isolate(&q.category(id).name)),
                ("percent", &s.num(share)),
            ],
        );
        // A no-break space: "(your category)" never starts a line alone.
        parts.push(match id == mine {
            true => format!("{part}\u{a0}({})", s.benchmark_yours),
            false => part.clone(),
        });
        written.push(AttrValue::from(part));
    }
    let written: [AttrValue; 4] = written.try_into().ok()?;
    let caption = fill(&s.benchmark_categories, &[("label", &isolate(&c.label))]);
    Some((
        written,
        format!("{caption}: {}.", join(&parts, &s.list_separator)),
    ))
}

/// With too few respondents, that there is not yet enough data.
fn too_few(s: &Strings, c: &Comparison) -> Option<Html> {
    c.categories.is_none().then(|| {
        let text = fill(
            &s.benchmark_too_few,
            &[
                ("count", &s.num(c.n)),
                ("label", &isolate(&c.label)),
                ("minimum", &s.num(MIN_RESPONDENTS)),
            ],
        );
        html! { <p class="smi-compare">{ text }</p> }
    })
}

/// The matrix with the company's place, and the text that says where it is (and where the
/// next category's scores would put it).
fn matrix_props(props: &ResultProps, shares: Option<([AttrValue; 4], String)>) -> MatrixProps {
    let (q, s, o) = (&props.questionnaire, &props.strings, &props.outcome);
    let category = q.category(o.category);
    let g = &props.guidance;
    let mut position = fill(
        &s.matrix_position,
        &[
            ("investment", &s.num(o.investment)),
            ("innovation", &s.num(o.innovation)),
            ("category", &category.name),
        ],
    );
    if let Some(n) = &g.next {
        position.push(' ');
        position.push_str(&fill(
            &s.matrix_next,
            &[
                ("investment", &s.num(n.investment)),
                ("innovation", &s.num(n.innovation)),
                ("category", &q.category(n.category).name),
            ],
        ));
    }
    let shares = shares.map(|(written, sentence)| {
        position.push(' ');
        position.push_str(&sentence);
        written
    });
    let from = props
        .movement
        .as_deref()
        .map(|m| (m.before.investment, m.before.innovation));
    if let Some((investment, innovation)) = from {
        position.push(' ');
        position.push_str(&fill(
            &s.matrix_previous,
            &[
                ("investment", &s.num(investment)),
                ("innovation", &s.num(innovation)),
            ],
        ));
    }
    MatrixProps {
        from,
        shares,
        threshold: q.threshold,
        investment: o.investment,
        innovation: o.innovation,
        category: o.category,
        names: MatrixProps::names_of(q),
        label: AttrValue::from(s.matrix_label.clone()),
        position: AttrValue::from(position),
        axis_investment: AttrValue::from(s.axis_investment.clone()),
        axis_innovation: AttrValue::from(s.axis_innovation.clone()),
        next: g.next.as_ref().map(|n| (n.investment, n.innovation)),
    }
}

/// A sentence for each score that sits just by the line between categories.
fn cusp_lines(props: &ResultProps) -> Vec<String> {
    let (q, s, g) = (&props.questionnaire, &props.strings, &props.guidance);
    let threshold = s.num(q.threshold);
    g.cusps
        .iter()
        .map(|c| {
            let template = match (c.axis, c.above) {
                (Axis::Investment, false) => &s.cusp_investment_below,
                (Axis::Investment, true) => &s.cusp_investment_above,
                (Axis::Innovation, false) => &s.cusp_innovation_below,
                (Axis::Innovation, true) => &s.cusp_innovation_above,
            };
            fill(
                template,
                &[("score", &s.num(c.score)), ("threshold", &threshold)],
            )
        })
        .collect()
}

/// The host's logo and company name, when set.
fn brand_block(config: &Config) -> Option<Html> {
    (config.logo.is_some() || config.company.is_some()).then(|| {
        html! {
            <div class="smi-brand">
                if let Some(logo) = &config.logo {
                    // Decorative: the company's name, when set, follows as text.
                    <img class="smi-brand__logo" src={logo.clone()} alt="" />
                }
                if let Some(company) = &config.company {
                    <span class="smi-brand__name">{ company }</span>
                }
            </div>
        }
    })
}

/// Each pillar's score, as a bar.
fn pillars_block(props: &ResultProps) -> Html {
    let (q, s, o) = (&props.questionnaire, &props.strings, &props.outcome);
    let out_of = |score: u8| fill(&s.score_out_of, &[("score", &s.num(score))]);
    html! {
    <section class="smi-block">
        <h3 class="smi-subheading">{ &s.pillars_heading }</h3>
        <ul class="smi-pillars">
            { for o.pillars.iter().map(|p| html! {
                <li class="smi-pillar" key={p.pillar.0.clone()}>
                    <span class="smi-pillar__name">{ q.pillar_name(&p.pillar) }</span>
                    <svg class="smi-pillar__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                        <rect class="smi-pillar__track" width="100" height="6" rx="3" />
                        <rect class="smi-pillar__fill" width={p.score.to_string()} height="6" rx="3" />
                    </svg>
                    <span class="smi-pillar__score" aria-hidden="true">{ s.num(p.score) }</span>
                    <span class="smi-sr">{ out_of(p.score) }</span>
                </li>
            }) }
        </ul>
    </section>
    }
}

/// The action plan: every item short of its most mature answer, in the plan's order.
fn plan_block(props: &ResultProps) -> Html {
    let (q, s, o) = (&props.questionnaire, &props.strings, &props.outcome);
    html! {
    <section class="smi-block">
        <h3 class="smi-subheading">{ &s.actions_heading }</h3>
        if o.actions.is_empty() {
            <p>{ &s.actions_none }</p>
        } else {
            <ol class="smi-plan">
                { for o.actions.iter().map(|&i| html! {
                    <li class="smi-plan__item" key={i}>{ &q.items[i].action }</li>
                }) }
            </ol>
        }
    </section>
    }
}

#[function_component]
pub fn ResultView(props: &ResultProps) -> Html {
    let (q, s, o) = (&props.questionnaire, &props.strings, &props.outcome);
    let category = q.category(o.category);
    let out_of = |score: u8| fill(&s.score_out_of, &[("score", &s.num(score))]);
    let cusps = cusp_lines(props);
    let comparison = props
        .benchmark
        .as_ref()
        .map(|pack| Comparison::new(pack, o));
    let shares = comparison
        .as_ref()
        .and_then(|c| category_shares(q, s, c, o.category));
    let matrix = matrix_props(props, shares);
    // The group compared with, named once above both scores.
    let base = comparison.as_ref().map(|c| {
        let text = fill(
            &s.benchmark_base,
            &[("count", &s.num(c.n)), ("label", &isolate(&c.label))],
        );
        html! { <p class="smi-compare__base">{ text }</p> }
    });
    let score = |axis: Axis| {
        let value = o.score(axis);
        let compared = comparison
            .as_ref()
            .and_then(|c| Some(axis_comparison(s, c, c.axis(axis)?)));
        html! {
            <div class="smi-score" data-axis={axis.as_str()}>
                <dt class="smi-score__label">{ s.axis_name(axis).to_owned() }</dt>
                <dd class="smi-score__value">
                    <span class="smi-score__number" aria-hidden="true">{ s.num(value) }</span>
                    <span class="smi-score__max" aria-hidden="true">{ format!("/{}", s.num(100)) }</span>
                    <span class="smi-sr">{ out_of(value) }</span>
                    { for compared }
                </dd>
            </div>
        }
    };
    let restart = props.on_restart.reform(|_: MouseEvent| ());
    let take = props.on_take.reform(|_: MouseEvent| ());
    let share_text = share_text(q, s, o);

    let config = &props.config;
    let brand = brand_block(config);

    html! {
        <section class="smi-result" data-category={o.category.as_str()}>
            { for brand }
            <header class="smi-result__head">
                <p class="smi-eyebrow">{ if props.linked { &s.shared_eyebrow } else { &q.title } }</p>
                <h2 class="smi-heading smi-result__title" tabindex="-1" ref={props.heading_ref.clone()}>{ with_name(&s.result_heading, &category.name, &[]) }</h2>
                <p class="smi-result__summary">{ &category.summary }</p>
                if !props.linked && !props.date.is_empty() {
                    <p class="smi-result__date">{ &props.date }</p>
                }
            </header>
            <div class="smi-result__overview">
                <Matrix ..matrix />
                <div class="smi-result__side">
                    { for base }
                    <dl class="smi-scores">
                        { score(Axis::Investment) }
                        { score(Axis::Innovation) }
                    </dl>
                    { for comparison.as_ref().and_then(|c| too_few(s, c)) }
                    if props.benchmark_refused {
                        <p class="smi-compare">{ &s.benchmark_refused }</p>
                    }
                    <p class="smi-result__description">{ &category.description }</p>
                    { for cusps.into_iter().map(|text| html! { <p class="smi-result__cusp">{ text }</p> }) }
                </div>
            </div>
            <section class="smi-block smi-block--recommendation">
                <h3 class="smi-subheading">{ &s.recommendation_heading }</h3>
                <p>{ &category.recommendation }</p>
            </section>
            if !props.first_screen {
                // What moved comes first; the field alone, for a first result, after sharing.
                if props.compare_offered && props.movement.is_some() {
                    { progress_block(props) }
                }
                if !props.linked {
                    { guidance_block(props, &category.name) }
                }
                { pillars_block(props) }
                { plan_block(props) }
                if props.report_offered {
                    { report_block(props) }
                }
                if let (Some(link), false) = (&props.share_link, props.linked) {
                    { share_block(props, link, &share_text) }
                }
                if props.compare_offered && props.movement.is_none() {
                    { progress_block(props) }
                }
                <div class="smi-actions">
                    if let Some(cta) = &props.cta {
                        <a class="smi-button smi-button--primary smi-cta" href={cta.url.clone()} target="_blank" rel="noopener">{ &cta.label }</a>
                    }
                    if props.linked {
                        <button type="button" class="smi-button smi-button--primary" onclick={take}>{ &s.take_yourself }</button>
                    } else {
                        <button type="button" class="smi-button" onclick={restart}>{ &s.restart }</button>
                    }
                </div>
            }
        </section>
    }
}
