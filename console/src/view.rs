//! The console's insights and benchmark pack: the files a host picks or drops (its lead
//! export, its recorded events), what was read and skipped, the filters, the charts, the
//! summary as CSV, and a benchmark pack built from the same respondents with noise.

use crate::charts::{self, band_labels, MOST_DOTS};
use smi_engine::assessment::questionnaire::{CategoryId, Questionnaire};
use smi_engine::host::lead::parse_pairs;
use smi_engine::records::{self, Filter, Insights, Month, Reader, Skip, LONGEST_PATH};
use smi_engine::result::benchmark::{ahead_of, Pack, MIN_RESPONDENTS};
use smi_engine::result::privacy::{with_noise, DEFAULT_EPSILON};
use smi_engine::words::percent_encode;
use std::rc::Rc;
use yew::prelude::*;

/// Skipped records listed by place, per reason.
const PLACES_SHOWN: usize = 5;

/// What the files gave: the reader's respondents and skips, and the files it could not read.
#[derive(Clone)]
pub struct Read {
    pub files: usize,
    pub reader: Reader,
    pub errors: Vec<String>,
    /// Every month, source and campaign the respondents have, for the filters.
    pub all: Insights,
}

/// A pack built: the pack as published and its JSON.
#[derive(Clone)]
pub struct Built {
    pub pack: Pack,
    pub json: String,
    /// `None` for an exact pack.
    pub epsilon: Option<f64>,
    /// Respondents before the noise.
    pub counted: u32,
}

#[derive(Clone)]
pub struct Model {
    pub questionnaire: Rc<Questionnaire>,
    files: Vec<(String, String)>,
    mapping: String,
    mapping_error: Option<String>,
    pub read: Option<Rc<Read>>,
    pub filter: Filter,
    pub insights: Option<Rc<Insights>>,
    /// The kept respondents' scores, when few enough to draw one dot each.
    dots: Rc<Vec<(u8, u8)>>,
    label: String,
    epsilon: String,
    exact: bool,
    pub built: Option<Result<Rc<Built>, String>>,
    sample: u8,
    /// When the files were picked (`performance.now()`), until the charts are drawn.
    started: Option<f64>,
    png_failed: Option<String>,
}

pub enum Msg {
    /// Files picked or dropped (name, text), and when.
    Files(Vec<(String, String)>, f64),
    Unreadable(String),
    Mapping(String),
    From(String),
    To(String),
    Source(String),
    Campaign(String),
    Label(String),
    Epsilon(String),
    Exact(bool),
    Build,
    Sample(String),
    Drawn,
    Png(Option<String>),
}

impl Model {
    pub fn new(questionnaire: Questionnaire) -> Model {
        Model {
            questionnaire: Rc::new(questionnaire),
            files: Vec::new(),
            mapping: String::new(),
            mapping_error: None,
            read: None,
            filter: Filter::default(),
            insights: None,
            dots: Rc::default(),
            label: String::new(),
            epsilon: DEFAULT_EPSILON.to_string(),
            exact: false,
            built: None,
            sample: 50,
            started: None,
            png_failed: None,
        }
    }

    /// Reads the files again (a new mapping, new files), then summarises.
    fn reread(&mut self) {
        let mapping = match parse_pairs(&self.mapping) {
            Ok(m) => {
                self.mapping_error = None;
                m
            }
            Err(bad) => {
                self.mapping_error = Some(format!(
                    "\"{bad}\" is not an ours:theirs pair; the files are read without a mapping."
                ));
                Vec::new()
            }
        };
        let mut reader = Reader::new(&self.questionnaire, mapping);
        let errors = self
            .files
            .iter()
            .filter_map(|(name, text)| reader.read(name, text).err())
            .collect();
        let all = Insights::of(
            &reader.respondents,
            &Filter::default(),
            self.questionnaire.pillars.len(),
        );
        self.read = Some(Rc::new(Read {
            files: self.files.len(),
            reader,
            errors,
            all,
        }));
        self.filter = Filter::default();
        self.summarise();
    }

    /// The insights of the respondents the filter keeps; the pack built before goes.
    fn summarise(&mut self) {
        self.built = None;
        let Some(read) = &self.read else { return };
        let respondents = &read.reader.respondents;
        let insights = Insights::of(respondents, &self.filter, self.questionnaire.pillars.len());
        self.dots = Rc::new(if insights.n as usize <= MOST_DOTS {
            respondents
                .iter()
                .filter(|r| self.filter.keeps(r))
                .map(|r| (r.investment, r.innovation))
                .collect()
        } else {
            Vec::new()
        });
        self.insights = Some(Rc::new(insights));
    }

    fn build(&self) -> Result<Built, String> {
        let read = self.read.as_ref().ok_or("Pick your records first.")?;
        let label = self.label.trim();
        if label.is_empty() {
            return Err("Give the pack a label: who the respondents are, as visitors will read it (\"UK retail, 2026\").".into());
        }
        let exact = records::pack(
            &read.reader.respondents,
            &self.filter,
            &self.questionnaire.id,
            label,
        );
        if exact.n < MIN_RESPONDENTS {
            return Err(format!(
                "{} respondents are counted with these filters; a pack needs at least {MIN_RESPONDENTS}, so that no single respondent can be picked out of it.",
                exact.n
            ));
        }
        let epsilon = if self.exact {
            None
        } else {
            match self.epsilon.trim().parse::<f64>() {
                Ok(e) if e.is_finite() && e > 0.0 && e <= 100.0 => Some(e),
                _ => {
                    return Err(format!(
                        "The privacy budget \"{}\" is not a number above 0 and at most 100.",
                        self.epsilon.trim()
                    ))
                }
            }
        };
        let pack = match epsilon {
            Some(e) => with_noise(&exact, e, &mut random),
            None => exact.clone(),
        };
        pack.check(&self.questionnaire.id)?;
        let json = serde_json::to_string(&pack).map_err(|e| e.to_string())? + "\n";
        Ok(Built {
            pack,
            json,
            epsilon,
            counted: exact.n,
        })
    }
}

/// 64 random bits from the browser's cryptographic generator (natively, where the view's
/// logic may be tested, the standard library's randomly keyed hasher).
#[cfg(target_arch = "wasm32")]
fn random() -> u64 {
    let mut bytes = [0u8; 8];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    u64::from_le_bytes(bytes)
}

#[cfg(not(target_arch = "wasm32"))]
fn random() -> u64 {
    use std::hash::BuildHasher;
    std::hash::RandomState::new().hash_one(0u8)
}

fn month_of(text: &str) -> Option<Month> {
    Month::parse(&format!("{text}-01"))
}

fn chosen(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut m = Rc::unwrap_or_clone(self);
        match msg {
            Msg::Files(files, at) => {
                m.files = files;
                m.started = Some(at);
                m.reread();
            }
            Msg::Unreadable(why) => {
                m.files.clear();
                m.read = Some(Rc::new(Read {
                    files: 0,
                    reader: Reader::new(&m.questionnaire, Vec::new()),
                    errors: vec![why],
                    all: Insights::of(&[], &Filter::default(), 0),
                }));
                m.summarise();
            }
            // A field's change event also comes on blur: the same mapping is no change.
            Msg::Mapping(text) if text != m.mapping => {
                m.mapping = text;
                m.reread();
            }
            Msg::Mapping(_) => {}
            Msg::From(text) => {
                m.filter.from = month_of(&text);
                m.summarise();
            }
            Msg::To(text) => {
                m.filter.to = month_of(&text);
                m.summarise();
            }
            Msg::Source(text) => {
                m.filter.source = chosen(text);
                m.summarise();
            }
            Msg::Campaign(text) => {
                m.filter.campaign = chosen(text);
                m.summarise();
            }
            Msg::Label(text) => m.label = text,
            Msg::Epsilon(text) => m.epsilon = text,
            Msg::Exact(exact) => m.exact = exact,
            Msg::Build => m.built = Some(m.build().map(Rc::new)),
            Msg::Sample(text) => {
                m.sample = text.trim().parse::<u8>().unwrap_or(0).min(100);
            }
            Msg::Drawn => m.started = None,
            Msg::Png(failed) => m.png_failed = failed,
        }
        Rc::new(m)
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Reads every file of `list` as text, then hands them over at once.
fn read_files(list: Option<web_sys::FileList>, dispatch: UseReducerDispatcher<Model>) {
    let Some(list) = list else { return };
    let started = now();
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut texts = Vec::new();
        for file in files {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => texts.push((file.name(), text.as_string().unwrap_or_default())),
                Err(_) => {
                    return dispatch.dispatch(Msg::Unreadable(format!(
                        "{} could not be read (the browser refused it; is it still on disk?).",
                        file.name()
                    )))
                }
            }
        }
        dispatch.dispatch(Msg::Files(texts, started));
    });
}

/// A `data:` address for `text` (the drawing the PNG export decodes).
fn data_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", percent_encode(text))
}

/// Offers `text` as the download `name`: a blob's address on a link clicked at once, let go
/// a minute later.
fn download(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = web_sys::window().and_then(|w| w.document());
    if let (Some(body), Some(link)) = (
        document.as_ref().and_then(|d| d.body()),
        document
            .as_ref()
            .and_then(|d| d.create_element("a").ok())
            .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()),
    ) {
        link.set_href(&url);
        link.set_download(name);
        let _ = body.append_child(&link);
        link.click();
        link.remove();
    }
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
}

/// The figure `id`'s drawing as a PNG download, at twice its size on screen.
async fn download_png(id: String) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |what: &str| format!("The picture could not be made ({what}).");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let svg = document
        .query_selector(&format!("#{id} svg"))
        .ok()
        .flatten()
        .ok_or_else(|| fail("no drawing"))?;
    let box_ = svg.get_bounding_client_rect();
    let (width, height) = (box_.width() * 2.0, box_.height() * 2.0);
    let image = web_sys::HtmlImageElement::new().map_err(|_| fail("no image"))?;
    image.set_src(&data_url("image/svg+xml", &svg.outer_html()));
    wasm_bindgen_futures::JsFuture::from(image.decode())
        .await
        .map_err(|_| fail("the drawing did not decode"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| fail("no canvas"))?
        .unchecked_into();
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(|| fail("no 2D context"))?
        .unchecked_into();
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, width, height);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)
        .map_err(|_| fail("drawing refused"))?;
    let url = canvas.to_data_url().map_err(|_| fail("export refused"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(&format!("smi-{id}.png"));
    link.click();
    Ok(())
}

/// What was read: files, records, counted and skipped (by reason, the first places).
fn read_summary(read: &Read) -> Html {
    let r = &read.reader;
    let files = if read.files == 1 { "file" } else { "files" };
    let mut line = format!(
        "Read {} records from {} {files}: {} counted",
        r.read,
        read.files,
        r.respondents.len()
    );
    let skipped = r.skipped.len();
    if skipped > 0 {
        line.push_str(&format!(", {skipped} skipped"));
    }
    line.push('.');
    let reasons = Skip::ALL
        .into_iter()
        .filter(|reason| r.count(*reason) > 0)
        .map(|reason| {
            let places: Vec<String> = r
                .skipped
                .iter()
                .filter(|s| s.reason == reason)
                .take(PLACES_SHOWN)
                .map(|s| format!("{} ({})", s.place, s.why))
                .collect();
            html! {
                <li>
                    <strong>{ format!("{}: {}", reason.describe(), r.count(reason)) }</strong>
                    { format!(" — first at {}", places.join("; ")) }
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <>
            <p id="console-read" role="status">{ line }</p>
            if !read.errors.is_empty() {
                <ul class="problems" role="alert">
                    { for read.errors.iter().map(|e| html! { <li>{ e }</li> }) }
                </ul>
            }
            if skipped > 0 {
                <ul id="console-skipped" class="skipped">{ reasons }</ul>
            }
            if r.unlabelled > 0 {
                <p class="hint">{ format!("{} of the records counted carry no questionnaire id (leads from the earliest widgets); they are counted as this questionnaire's.", r.unlabelled) }</p>
            }
        </>
    }
}

/// A `<select>` of `options` (value, label), the first meaning "any".
fn select(
    id: &str,
    label: &str,
    any: &str,
    options: Vec<String>,
    current: Option<String>,
    on: Callback<Event>,
) -> Html {
    html! {
        <label for={id.to_owned()}>{ label }
            <select id={id.to_owned()} onchange={on}>
                <option value="" selected={current.is_none()}>{ any }</option>
                { for options.into_iter().map(|o| {
                    let selected = current.as_deref() == Some(o.as_str());
                    html! { <option value={o.clone()} selected={selected}>{ o }</option> }
                }) }
            </select>
        </label>
    }
}

fn charts(q: &Questionnaire, insights: &Insights, dots: &[(u8, u8)]) -> Html {
    let n = insights.n;
    let bands = |values: &[u32]| -> Vec<(String, u32)> {
        band_labels()
            .into_iter()
            .zip(values.iter().copied())
            .collect()
    };
    let categories: Vec<(String, u32)> = CategoryId::ALL
        .iter()
        .zip(insights.categories)
        .map(|(c, count)| (q.category(*c).name.clone(), count))
        .collect();
    let median = |m: Option<u8>| m.map_or("none".to_owned(), |m| m.to_string());
    let paths: Vec<(String, u32)> = insights
        .paths
        .iter()
        .enumerate()
        .map(|(length, count)| {
            let label = match length {
                0 => "At the top".to_owned(),
                1 => "1 answer".to_owned(),
                LONGEST_PATH => format!("{LONGEST_PATH} or more"),
                l => format!("{l} answers"),
            };
            (label, *count)
        })
        .collect();
    let top =
        |list: &[(String, u32)]| -> Vec<(String, u32)> { list.iter().take(12).cloned().collect() };
    html! {
        <div class="charts">
            { charts::matrix(q, insights, dots) }
            { charts::bars("chart-categories", "Categories", &categories, n) }
            { charts::bars("chart-investment", &format!("Investment (median {})", median(insights.investment.median)), &bands(&insights.investment.bands), n) }
            { charts::bars("chart-innovation", &format!("Innovation (median {})", median(insights.innovation.median)), &bands(&insights.innovation.bands), n) }
            { for q.pillars.iter().zip(&insights.pillars).enumerate().map(|(i, (p, d))| {
                charts::bars(&format!("chart-pillar-{i}"), &format!("Pillar: {} (median {}, {} with a score)", p.name, median(d.median), d.n), &bands(&d.bands), d.n)
            }) }
            { charts::bars("chart-paths", "Answers from the next category", &paths, n - insights.paths_unknown) }
            if !insights.months.is_empty() {
                { charts::bars("chart-months", "By month", &insights.months.iter().map(|(m, c)| (m.label(), *c)).collect::<Vec<_>>(), n) }
            }
            if !insights.sources.is_empty() {
                { charts::bars("chart-sources", "By utm_source (the 12 largest)", &top(&insights.sources), n) }
            }
            if !insights.campaigns.is_empty() {
                { charts::bars("chart-campaigns", "By utm_campaign (the 12 largest)", &top(&insights.campaigns), n) }
            }
        </div>
    }
}

fn pack_result(built: &Built, sample: u8) -> Html {
    let pack = &built.pack;
    let noise = match built.epsilon {
        Some(e) => format!(
            "with noise of privacy budget ε = {e}: {} respondents counted, published as {}",
            built.counted, pack.n
        ),
        None => format!("exact (no noise): {} respondents", pack.n),
    };
    let ahead = |counts: &[u32]| ahead_of(counts, pack.n, sample);
    html! {
        <div class="pack-built">
            <p id="console-pack-status" role="status">{ format!("The pack \"{}\" is ready, {noise}.", pack.label) }</p>
            <p><button type="button" data-download="pack">{ "Download the pack" }</button></p>
            <p id="console-sample" aria-live="polite">
                { format!(
                    "A visitor scoring {sample} will read: “Ahead of {}%” on investment and “Ahead of {}%” on innovation.",
                    ahead(&pack.axes.investment),
                    ahead(&pack.axes.innovation)
                ) }
            </p>
        </div>
    }
}

#[function_component]
pub fn Console() -> Html {
    let model = use_reducer(|| {
        Model::new(smi_engine::content::questionnaire().expect("the shipped questionnaire parses"))
    });
    let root = use_node_ref();
    // The time from picking the files to the charts drawn, on the section for the benchmark
    // script and in the console for the host's developer.
    {
        let root = root.clone();
        let dispatch = model.dispatcher();
        use_effect_with(model.started, move |started| {
            if let (Some(at), Some(el)) = (started, root.cast::<web_sys::Element>()) {
                let took = now() - at;
                let _ = el.set_attribute("data-took-ms", &format!("{took:.0}"));
                web_sys::console::info_1(
                    &format!("SMI console: read and charted in {took:.0} ms").into(),
                );
                dispatch.dispatch(Msg::Drawn);
            }
        });
    }
    let dispatch = model.dispatcher();
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            read_files(input.files(), dispatch.clone());
        })
    };
    let on_drop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            read_files(e.data_transfer().and_then(|d| d.files()), dispatch.clone());
        })
    };
    let on_drag = Callback::from(|e: DragEvent| e.prevent_default());
    let value = |make: fn(String) -> Msg| {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.dispatch(make(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ))
        })
    };
    let chosen = |make: fn(String) -> Msg| {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.dispatch(make(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ))
        })
    };
    let on_exact = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.dispatch(Msg::Exact(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            ))
        })
    };
    let on_build = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Msg::Build);
        })
    };
    // Every download button, by its data attribute, through one listener on the console's
    // root, which is never replaced: the charts' PNGs, the summary, the pack.
    let on_action = {
        let dispatch = dispatch.clone();
        let q = model.questionnaire.clone();
        let insights = model.insights.clone();
        let pack = match &model.built {
            Some(Ok(built)) => Some(built.json.clone()),
            _ => None,
        };
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e.target_dyn_into::<web_sys::Element>().and_then(|t| {
                t.closest("button[data-png], button[data-download]")
                    .ok()
                    .flatten()
            }) else {
                return;
            };
            match button.get_attribute("data-download").as_deref() {
                Some("csv") => {
                    if let Some(insights) = &insights {
                        download("smi-insights.csv", "text/csv", &insights.csv(&q));
                    }
                }
                Some("pack") => {
                    if let Some(json) = &pack {
                        download("smi-benchmark.json", "application/json", json);
                    }
                }
                _ => {
                    let Some(id) = button.get_attribute("data-png") else {
                        return;
                    };
                    let dispatch = dispatch.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        dispatch.dispatch(Msg::Png(download_png(id).await.err()));
                    });
                }
            }
        })
    };
    let q = model.questionnaire.clone();
    let read = model.read.clone();
    let month_options =
        |read: &Read| -> Vec<String> { read.all.months.iter().map(|(m, _)| m.label()).collect() };
    let names = |list: &[(String, u32)]| -> Vec<String> {
        let mut names: Vec<String> = list.iter().map(|(s, _)| s.clone()).collect();
        names.sort();
        names
    };
    html! {
        <div class="console" ref={root} onclick={on_action}>
            <section aria-labelledby="console-records">
                <h2 id="console-records">{ "Your records" }</h2>
                <p>{ "Pick or drop what your lead endpoint or analytics collected: a CSV export with a header row (HubSpot, Google Sheets, Formspree…), JSON lines of smi:complete or smi:lead details or dataLayer entries, or a JSON array. The files are read in this page; nothing is uploaded." }</p>
                <div class="drop" ondragover={on_drag.clone()} ondragenter={on_drag} ondrop={on_drop}>
                    <label for="console-files">{ "Lead export or event log" }</label>
                    <input id="console-files" type="file" multiple=true accept=".csv,.json,.jsonl,.ndjson,.txt,text/csv,application/json" onchange={on_files} />
                    <p class="hint">{ "…or drop the files here." }</p>
                </div>
                <label for="console-map">{ "Field mapping " }<span class="hint">{ "the widget's lead-map, ours:theirs (e.g. lead_id:Record ID,date:Create Date)" }</span></label>
                <input id="console-map" type="text" spellcheck="false" value={model.mapping.clone()} onchange={value(Msg::Mapping)}
                    aria-invalid={model.mapping_error.as_ref().map(|_| "true")} aria-describedby="console-map-error" />
                <p id="console-map-error" class="problems-line">{ model.mapping_error.clone().unwrap_or_default() }</p>
                if let Some(read) = &read {
                    { read_summary(read) }
                }
            </section>
            if let (Some(read), Some(insights)) = (&read, &model.insights) {
                if !read.reader.respondents.is_empty() {
                    <section aria-labelledby="console-insights">
                        <h2 id="console-insights">{ "Insights" }</h2>
                        <fieldset class="filters">
                            <legend>{ "Filters (every chart and the pack follow them)" }</legend>
                            { select("console-from", "From", "the first month", month_options(read), model.filter.from.map(|m| m.label()), chosen(Msg::From)) }
                            { select("console-to", "To", "the last month", month_options(read), model.filter.to.map(|m| m.label()), chosen(Msg::To)) }
                            { select("console-source", "Source", "every source", names(&read.all.sources), model.filter.source.clone(), chosen(Msg::Source)) }
                            { select("console-campaign", "Campaign", "every campaign", names(&read.all.campaigns), model.filter.campaign.clone(), chosen(Msg::Campaign)) }
                        </fieldset>
                        <p id="console-kept" role="status">{ format!("{} respondents with these filters.", insights.n) }</p>
                        if let Some(why) = &model.png_failed {
                            <p class="problems-line" role="alert">{ why }</p>
                        }
                        { charts(&q, insights, &model.dots) }
                        <p><button type="button" id="console-csv" data-download="csv">{ "Download the summary (CSV)" }</button></p>
                    </section>
                    <section aria-labelledby="console-pack">
                        <h2 id="console-pack">{ "Benchmark pack" }</h2>
                        <p>{ "A pack of the respondents above (with the filters), for the widget's benchmark option: visitors then read how they compare (\"Ahead of 64%\"). Every count carries random noise, so that two packs built a few records apart do not give away the records in between; the privacy budget ε says how much (smaller is more private and noisier; 1 is a sound default)." }</p>
                        <form class="pack-form" onsubmit={on_build}>
                            <label for="console-label">{ "Label " }<span class="hint">{ "who the respondents are, shown to visitors" }</span></label>
                            <input id="console-label" type="text" maxlength="80" placeholder="UK retail, 2026" value={model.label.clone()} onchange={value(Msg::Label)} />
                            <label for="console-epsilon">{ "Privacy budget ε" }</label>
                            <input id="console-epsilon" type="text" inputmode="decimal" value={model.epsilon.clone()} onchange={value(Msg::Epsilon)} disabled={model.exact} />
                            <label class="check"><input id="console-exact" type="checkbox" checked={model.exact} onchange={on_exact} />{ " Exact counts, no noise (only for a pack you will never rebuild)" }</label>
                            <label for="console-sample-score">{ "Sample score to preview" }</label>
                            <input id="console-sample-score" type="number" min="0" max="100" value={model.sample.to_string()} onchange={value(Msg::Sample)} />
                            <p><button type="submit">{ "Build the pack" }</button></p>
                        </form>
                        { match &model.built {
                            Some(Ok(built)) => pack_result(built, model.sample),
                            Some(Err(why)) => html! { <p id="console-pack-status" class="problems-line" role="alert">{ why }</p> },
                            None => html! {},
                        } }
                    </section>
                }
            }
        </div>
    }
}
