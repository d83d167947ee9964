//! The team view: the team's name and the assessment page's address (for the invitation),
//! the field members' links are pasted into, the members, and once there is one, the team
//! on the matrix, its spreads, the questions it disagrees on most and its path up.

use crate::text::{content, Content};
use smi_engine::assessment::questionnaire::{Axis, CategoryId};
use smi_engine::result::matrix;
use smi_engine::result::team::{self, Added, Member, Summary};
use smi_engine::result::text::{fill, isolate};
use smi_engine::words::percent_encode;
use std::rc::Rc;
use yew::prelude::*;

/// Where the page's address keeps the assessment page's address.
pub const PAGE_KEY: &str = "smi-page";

#[derive(Properties, PartialEq)]
pub struct TeamProps {
    pub lang: AttrValue,
    /// The page's address fragment when it opened, with its `#`.
    pub fragment: AttrValue,
}

/// An http(s) address without spaces or controls; anything else is no address.
pub fn web_address(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let web = ["https://", "http://"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    (web && !text.chars().any(|c| c.is_whitespace() || c.is_control())).then(|| text.to_owned())
}

/// Everything the page shows that changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub content: Rc<Content>,
    pub team: String,
    pub page: String,
    pub members: Vec<Member>,
    /// What the last paste came to.
    pub added: Option<Added>,
    /// Whether the last copy worked.
    pub copied: Option<bool>,
    /// Why the last team card could not be made.
    pub card_failed: Option<String>,
}

pub enum Msg {
    Team(String),
    Page(String),
    Paste(String),
    Remove(usize),
    Copied(bool),
    /// The team card was offered (`None`), or why not.
    Card(Option<String>),
}

impl Model {
    /// The model a fragment describes (every part checked, as the engine reads it).
    pub fn open(content: Rc<Content>, fragment: &str) -> Model {
        let read = team::read_fragment(fragment);
        let members = read
            .members
            .as_deref()
            .map(|m| team::read_members(&content.questionnaire, m).0)
            .unwrap_or_default();
        let page = team::value(fragment, PAGE_KEY)
            .and_then(|p| web_address(&smi_engine::words::percent_decode(p)))
            .unwrap_or_default();
        Model {
            team: read.team.unwrap_or_default(),
            page,
            members,
            added: None,
            copied: None,
            card_failed: None,
            content,
        }
    }

    /// The fragment that reopens this team.
    pub fn fragment(&self) -> String {
        let link = team::team_link("", &self.team, &self.members);
        let mut fragment = link.trim_start_matches('#').to_owned();
        if !self.page.is_empty() {
            fragment.push_str(&format!("&{PAGE_KEY}={}", percent_encode(&self.page)));
        }
        format!("#{fragment}")
    }
}

impl Reducible for Model {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Team(name) => next.team = team::clean(&name, team::MAX_TEAM),
            Msg::Page(address) => next.page = web_address(&address).unwrap_or_default(),
            Msg::Paste(text) => {
                let q = &next.content.questionnaire;
                next.added = Some(team::add_links(q, &self.team, &mut next.members, &text));
            }
            Msg::Remove(at) if at < next.members.len() => {
                next.members.remove(at);
                next.added = None;
            }
            Msg::Copied(ok) => {
                next.copied = Some(ok);
                next.card_failed = None;
            }
            Msg::Card(failed) => {
                if let Some(why) = &failed {
                    web_sys::console::warn_1(&format!("SMI team view: {why}.").into());
                }
                next.card_failed = failed;
                next.copied = None;
            }
            Msg::Remove(_) => {}
        }
        Rc::new(next)
    }
}

fn member_name(model: &Model, at: usize) -> String {
    match model.members[at].name.as_str() {
        "" => fill(
            &model.content.text.unnamed,
            &[("n", &model.content.strings.num(at + 1))],
        ),
        name => name.to_owned(),
    }
}

/// The team on the matrix: each member's dot with their name, and the team's mean as a
/// diamond; the text alternative lists every position.
fn team_matrix(model: &Model, summary: &Summary) -> Html {
    let c = &model.content;
    let (q, s, t) = (&c.questionnaire, &c.strings, &c.text);
    let name_of = |id: CategoryId| q.category(id).name.clone();
    let mut description: Vec<String> = Vec::new();
    let dots = model
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (x, y) = matrix::dot(m.outcome.investment, m.outcome.innovation, 100);
            let name = member_name(model, i);
            description.push(fill(
                &t.member_position,
                &[
                    ("name", &isolate(&name)),
                    ("investment", &s.num(m.outcome.investment)),
                    ("innovation", &s.num(m.outcome.innovation)),
                    ("category", &isolate(&name_of(m.outcome.category))),
                ],
            ));
            html! {
                <g class="team-matrix__member">
                    <circle cx={x.to_string()} cy={y.to_string()} r="1.8" />
                    // Near the right edge the name goes to the dot's left, inside the drawing.
                if x > 75 {
                    <text x={(x - 2).to_string()} y={(y - 2).to_string()} text-anchor="end">{ name }</text>
                } else {
                    <text x={(x + 2).to_string()} y={(y - 2).to_string()}>{ name }</text>
                }
                </g>
            }
        })
        .collect::<Html>();
    description.push(fill(
        &t.mean_position,
        &[
            ("investment", &s.num(summary.investment)),
            ("innovation", &s.num(summary.innovation)),
            ("category", &isolate(&name_of(summary.category))),
        ],
    ));
    let (mx, my) = matrix::dot(summary.investment, summary.innovation, 100);
    let quadrants = matrix::quadrants(q.threshold, 100);
    html! {
        <figure class="team-matrix">
            <svg viewBox="-14 -4 118 118" role="img" aria-labelledby="team-matrix-title team-matrix-desc">
                <title id="team-matrix-title">{ &t.matrix_label }</title>
                <desc id="team-matrix-desc">{ description.join(" ") }</desc>
                { for quadrants.iter().map(|quadrant| html! {
                    <g class="team-matrix__quadrant" data-current={(quadrant.category == summary.category).then_some("")}>
                        <rect x={quadrant.x.to_string()} y={quadrant.y.to_string()} width={quadrant.width.to_string()} height={quadrant.height.to_string()} />
                        <text x={(quadrant.x + quadrant.width / 2).to_string()} y={(quadrant.y + 6).to_string()} text-anchor="middle">{ name_of(quadrant.category) }</text>
                    </g>
                }) }
                <path class="team-matrix__axes" d="M0 102.5H98M100 102.5l-3-1.6v3.2zM-2.5 100V2M-2.5 0l-1.6 3h3.2z" />
                <text class="team-matrix__axis" x="50" y="110" text-anchor="middle">{ s.axis_name(Axis::Innovation) }</text>
                <text class="team-matrix__axis" x="-7" y="50" text-anchor="middle" transform="rotate(-90 -7 50)">{ s.axis_name(Axis::Investment) }</text>
                { dots }
                <path class="team-matrix__mean" d={format!("M{mx} {}l4 4l-4 4l-4-4z", my - 4)} />
            </svg>
        </figure>
    }
}

/// Each axis's and pillar's lowest, median and highest score.
fn spreads(model: &Model, summary: &Summary) -> Html {
    let c = &model.content;
    let (q, s, t) = (&c.questionnaire, &c.strings, &c.text);
    let row = |name: String, spread: &team::Spread| {
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td>{ s.num(spread.lowest) }</td>
                <td>{ s.num(spread.median) }</td>
                <td>{ s.num(spread.highest) }</td>
            </tr>
        }
    };
    html! {
        <section class="team-block">
            <h2>{ &t.spread_heading }</h2>
            <table class="team-spread">
                <thead><tr>
                    <th scope="col">{ &t.score }</th>
                    <th scope="col">{ &t.lowest }</th>
                    <th scope="col">{ &t.median }</th>
                    <th scope="col">{ &t.highest }</th>
                </tr></thead>
                <tbody>
                    { row(s.axis_name(Axis::Investment).to_owned(), &summary.axes[0]) }
                    { row(s.axis_name(Axis::Innovation).to_owned(), &summary.axes[1]) }
                    { for summary.pillars.iter().map(|(id, spread)| row(q.pillar_name(id).to_owned(), spread)) }
                </tbody>
            </table>
        </section>
    }
}

/// The questions answered most differently, with how many chose what.
fn disagreements(model: &Model, summary: &Summary) -> Html {
    let c = &model.content;
    let (q, s, t) = (&c.questionnaire, &c.strings, &c.text);
    html! {
        <section class="team-block">
            <h2>{ &t.disagree_heading }</h2>
            if summary.disagreements.is_empty() {
                <p>{ &t.disagree_none }</p>
            } else {
                <ol class="team-disagreements">
                    { for summary.disagreements.iter().map(|d| {
                        let item = &q.items[d.item];
                        html! {
                            <li key={d.item}>
                                <p class="team-disagreements__prompt">{ &item.prompt }</p>
                                <ul>
                                    { for d.counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(c, n)| html! {
                                        <li>{ fill(&t.choice_count, &[("count", &s.num(*n)), ("choice", &item.choices[c].label)]) }</li>
                                    }) }
                                </ul>
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

/// The path to the next category from the team's median answers.
fn path(model: &Model, summary: &Summary) -> Html {
    let c = &model.content;
    let (q, s, t) = (&c.questionnaire, &c.strings, &c.text);
    let Some(next) = &summary.next else {
        return html! { <section class="team-block"><p>{ &t.path_top }</p></section> };
    };
    let name = isolate(&q.category(next.category).name);
    html! {
        <section class="team-block">
            <h2>{ fill(&t.path_heading, &[("category", &name)]) }</h2>
            <p>{ fill(&t.path_intro, &[("category", &name)]) }</p>
            <ol class="team-path">
                { for next.changes.iter().map(|change| {
                    let item = &q.items[change.item];
                    html! { <li key={change.item}>{ fill(&s.next_change, &[("item", &item.prompt), ("choice", &item.choices[usize::from(change.choice)].label)]) }</li> }
                }) }
            </ol>
        </section>
    }
}

/// The team card's colours and type, inlined: an SVG drawn as an image sees no stylesheet.
const CARD_STYLE: &str = "text{font-family:system-ui,'Noto Sans','Noto Naskh Arabic',sans-serif}\
.team-matrix__quadrant rect{fill:#f4f5f9;stroke:#fff;stroke-width:.8}\
.team-matrix__quadrant[data-current] rect{fill:#e3e7f8}\
.team-matrix__quadrant text,.team-matrix__axis{font-size:4px;fill:#5b6275;font-weight:600}\
.team-matrix__axes{stroke:#5b6275;stroke-width:.6;fill:#5b6275}\
.team-matrix__member circle{fill:#2f48c8}.team-matrix__member text{font-size:3.4px;fill:#1b1f2b}\
.team-matrix__mean{fill:#fff;stroke:#c2410c;stroke-width:1.2}";

/// The team card: the matrix as drawn on the page, with the team's name and mean above it, as
/// a 1200 × 1400 PNG offered as a download.
async fn download_card(title: String, subtitle: String, filename: String) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |what: &str| format!("the team card could not be made ({what})");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let drawing = document
        .query_selector(".team-matrix svg")
        .ok()
        .flatten()
        .ok_or_else(|| fail("no matrix"))?
        .inner_html();
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"1400\" viewBox=\"-14 -26 118 138\">\
         <style>{CARD_STYLE}</style><rect x=\"-14\" y=\"-26\" width=\"118\" height=\"138\" fill=\"#fff\"/>\
         <text x=\"45\" y=\"-17\" text-anchor=\"middle\" font-size=\"5.5\" font-weight=\"700\" fill=\"#1b1f2b\">{}</text>\
         <text x=\"45\" y=\"-10\" text-anchor=\"middle\" font-size=\"3.6\" fill=\"#5b6275\">{}</text>{drawing}</svg>",
        escape(&title),
        escape(&subtitle)
    );
    let image = web_sys::HtmlImageElement::new().map_err(|_| fail("no image"))?;
    image.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        percent_encode(&svg)
    ));
    wasm_bindgen_futures::JsFuture::from(image.decode())
        .await
        .map_err(|_| fail("the drawing did not decode"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| fail("no canvas"))?
        .unchecked_into();
    canvas.set_width(1200);
    canvas.set_height(1400);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(|| fail("no 2D context"))?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, 1200.0, 1400.0)
        .map_err(|_| fail("drawing refused"))?;
    let url = canvas.to_data_url().map_err(|_| fail("export refused"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(&filename);
    link.click();
    Ok(())
}

/// Dispatches `smi:team` with `detail` (JSON) on the document.
fn announce(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(value) = js_sys::JSON::parse(detail) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&value);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("smi:team", &init) {
        let _ = document.dispatch_event(&event);
    }
}

fn added_text(model: &Model) -> String {
    let (t, s) = (&model.content.text, &model.content.strings);
    model.added.as_ref().map_or_else(String::new, |a| {
        fill(
            &t.added,
            &[
                ("added", &s.num(a.added)),
                ("duplicates", &s.num(a.duplicates)),
                ("other", &s.num(a.other_team)),
                ("refused", &s.num(a.refused)),
            ],
        )
    })
}

#[function_component]
pub fn TeamPage(props: &TeamProps) -> Html {
    let lang = props.lang.to_string();
    let fragment = props.fragment.to_string();
    let model = use_reducer(move || {
        let content = content(&lang)
            .or_else(|_| content("en"))
            .expect("the shipped team view parses");
        Model::open(Rc::new(content), &fragment)
    });
    let paste = use_node_ref();
    // The address keeps the team: rewritten (without a new history entry) on every change.
    use_effect_with(model.fragment(), |fragment| {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment));
        }
    });
    let c = model.content.clone();
    let (t, s) = (&c.text, &c.strings);
    let summary = team::summarise(&c.questionnaire, &model.members);
    // `smi:team` on the page's document whenever the team changes, for a page that hosts the
    // view and wants the aggregate (analytics, its own export).
    let detail = summary
        .as_ref()
        .map(|sum| smi_json::to_string(&sum.detail(&c.questionnaire, &model.team)));
    use_effect_with(detail, |detail| {
        if let Some(text) = detail {
            announce(text);
        }
    });
    let dispatch = model.dispatcher();
    let on_text = |make: fn(String) -> Msg| {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.dispatch(make(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ))
        })
    };
    let add = {
        let (dispatch, paste) = (dispatch.clone(), paste.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = paste.cast::<web_sys::HtmlTextAreaElement>() {
                dispatch.dispatch(Msg::Paste(area.value()));
                area.set_value("");
            }
        })
    };
    let own_link = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            format!(
                "{}{}",
                href.split('#').next().unwrap_or(""),
                model.fragment()
            )
        })
        .unwrap_or_default();
    let copy = {
        let (dispatch, link) = (dispatch.clone(), own_link.clone());
        Callback::from(move |_: MouseEvent| {
            let (dispatch, link) = (dispatch.clone(), link.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
                let ok = match clipboard {
                    Some(c) if !c.is_undefined() => {
                        wasm_bindgen_futures::JsFuture::from(c.write_text(&link))
                            .await
                            .is_ok()
                    }
                    _ => false,
                };
                dispatch.dispatch(Msg::Copied(ok));
            });
        })
    };
    let card = {
        let dispatch = dispatch.clone();
        let (title, subtitle) = match &summary {
            Some(sum) => (
                fill(
                    &t.mean_heading,
                    &[("category", &c.questionnaire.category(sum.category).name)],
                ),
                fill(
                    &t.mean_text,
                    &[
                        ("investment", &s.num(sum.investment)),
                        ("innovation", &s.num(sum.innovation)),
                        ("count", &s.num(sum.members)),
                    ],
                ),
            ),
            None => (String::new(), String::new()),
        };
        let title = match (&summary, model.team.is_empty()) {
            (Some(sum), false) => format!(
                "{}: {}",
                model.team,
                c.questionnaire.category(sum.category).name
            ),
            _ => title,
        };
        let filename = format!(
            "smi-team-{}.png",
            model
                .team
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        );
        Callback::from(move |_: MouseEvent| {
            let (dispatch, title, subtitle, filename) = (
                dispatch.clone(),
                title.clone(),
                subtitle.clone(),
                filename.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let made = download_card(title, subtitle, filename).await;
                dispatch.dispatch(Msg::Card(made.err()));
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let invitation = (!model.team.is_empty() && !model.page.is_empty()).then(|| {
        let link = team::invitation(&model.page, &model.team);
        let text = fill(
            &t.invitation_text,
            &[("team", &model.team), ("link", &link)],
        );
        let mail = format!(
            "mailto:?subject={}&body={}",
            percent_encode(&model.team),
            percent_encode(&text)
        );
        html! {
            <section class="team-block">
                <h2>{ &t.invitation_heading }</h2>
                <p class="team-invitation">{ text }</p>
                <a class="team-button" href={mail}>{ &t.email_invitation }</a>
            </section>
        }
    });
    let remove = |at: usize| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Remove(at)))
    };
    html! {
        <main class="team" lang={c.lang} dir={smi_engine::content::direction(c.lang)}>
            <h1>{ if model.team.is_empty() { t.title.clone() } else { format!("{}: {}", t.title, model.team) } }</h1>
            <p>{ &t.intro }</p>
            <section class="team-block team-setup">
                <label for="team-name">{ &t.team_name }</label>
                <input id="team-name" type="text" maxlength="60" value={model.team.clone()} onchange={on_text(Msg::Team)} />
                <label for="team-page">{ &t.page_label }</label>
                <input id="team-page" type="url" inputmode="url" value={model.page.clone()} onchange={on_text(Msg::Page)} />
            </section>
            { for invitation }
            <section class="team-block">
                <label for="team-paste">{ &t.paste_label }</label>
                <textarea id="team-paste" rows="4" ref={paste} />
                <button type="button" class="team-button team-button--primary" onclick={add}>{ &t.add }</button>
                <p class="team-status" role="status">{ added_text(&model) }</p>
            </section>
            <section class="team-block">
                <h2>{ fill(&t.members_heading, &[("count", &s.num(model.members.len()))]) }</h2>
                if model.members.is_empty() {
                    <p>{ &t.empty }</p>
                } else {
                    <ol class="team-members">
                        { for model.members.iter().enumerate().map(|(i, m)| {
                            let name = member_name(&model, i);
                            let id = format!("team-member-{i}");
                            html! {
                                <li key={format!("{}{}", m.code, m.name)}>
                                    <span id={id.clone()}>{ format!("{name}: {} · {} {} · {} {}", c.questionnaire.category(m.outcome.category).name,
                                        s.axis_name(Axis::Investment), s.num(m.outcome.investment), s.axis_name(Axis::Innovation), s.num(m.outcome.innovation)) }</span>
                                    <button type="button" class="team-link-button" aria-describedby={id} onclick={remove(i)}>{ &t.remove }</button>
                                </li>
                            }
                        }) }
                    </ol>
                }
            </section>
            if let Some(summary) = &summary {
                <section class="team-block">
                    <h2>{ fill(&t.mean_heading, &[("category", &isolate(&c.questionnaire.category(summary.category).name))]) }</h2>
                    <p>{ fill(&t.mean_text, &[("investment", &s.num(summary.investment)), ("innovation", &s.num(summary.innovation)), ("count", &s.num(summary.members))]) }</p>
                    { team_matrix(&model, summary) }
                </section>
                { spreads(&model, summary) }
                { disagreements(&model, summary) }
                { path(&model, summary) }
            }
            <section class="team-block team-share">
                <label for="team-link">{ &t.link_label }</label>
                <input id="team-link" type="text" readonly=true value={own_link} />
                <div class="team-actions">
                    <button type="button" class="team-button team-button--primary" onclick={copy}>{ &t.copy_link }</button>
                    if summary.is_some() {
                        <button type="button" class="team-button" onclick={card}>{ &t.download_png }</button>
                    }
                    <button type="button" class="team-button" onclick={print}>{ &t.print }</button>
                </div>
                <p class="team-status" role="status">{ match (&model.card_failed, model.copied) {
                    (Some(_), _) => t.png_failed.as_str(),
                    (None, Some(true)) => t.copied.as_str(),
                    (None, Some(false)) => t.copy_failed.as_str(),
                    (None, None) => "",
                } }</p>
            </section>
        </main>
    }
}
