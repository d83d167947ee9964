//! How the widget enters a host page: `mount(host, options)` reads the host's options,
//! attaches an open shadow root to the host element, adopts the widget's stylesheet there,
//! and renders the Yew app inside. The `<smi-assessment>` custom element
//! (`src/js/smi-widget.js`) calls `mount` with its attributes when it connects and `destroy`
//! when it leaves the page; the loader's `mount(element, options)` is the JS API.
//!
//! Also owns the two ways the widget talks to the page: `smi:*` events dispatched on the host
//! element (and optionally `window.dataLayer`), and the panic policy: a panic never leaves a
//! blank box. The message is written into every mounted widget and the details go to the
//! console.

use crate::content;
use crate::engine::assessment::questionnaire::{Problem, Questionnaire};
use crate::engine::assessment::saved;
use crate::engine::host::config::{Config, Theme, Warning};
use crate::engine::host::events::Event;
use crate::engine::result::benchmark::Pack;
use crate::engine::result::report::Sources;
use crate::engine::result::text::{Strings, Text};
use crate::platform;
use crate::ui::{App, AppProps};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback};

/// The stylesheet. Release builds leave it to the loader, which carries it (minified) to
/// style the first screen before the wasm arrives and hands the same sheet over in
/// `helpers.stylesheet`; debug builds (the browser tests mount without the loader) carry it.
#[cfg(debug_assertions)]
const CSS: Option<&str> = Some(include_str!("../styles/widget.css"));
#[cfg(not(debug_assertions))]
const CSS: Option<&str> = None;

thread_local! {
    /// The container of every live widget and its crash message, for the panic hook.
    static ROOTS: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
    /// One constructed stylesheet, shared by every shadow root on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// A mounted widget. `destroy()` unmounts it and frees its memory; the handle is spent.
#[wasm_bindgen]
pub struct MountHandle {
    app: AppHandle<App>,
    root: Element,
    /// What the widget was rendered with, to render it again with the pack.
    props: AppProps,
}

#[wasm_bindgen]
impl MountHandle {
    /// The host's benchmark pack, which the loader hands over when it has arrived (JSON
    /// text, or why it could not fetch it): the widget mounts without waiting for it. Checked
    /// against the questionnaire; one that is refused is reported as at mount.
    #[wasm_bindgen(js_name = setBenchmark)]
    pub fn set_benchmark(&mut self, text: Option<String>, error: Option<String>) {
        let Ok(q) = &self.props.content else {
            return;
        };
        match benchmark(q, text, error) {
            Ok(pack) => self.props.benchmark = pack.map(Rc::new),
            Err(why) => {
                tell(
                    &self.props.on_event,
                    Report::new("invalid-benchmark", why, "", false),
                );
                self.props.benchmark_refused = true;
            }
        }
        self.app.update(self.props.clone());
    }

    pub fn destroy(self) {
        self.app.destroy();
        ROOTS.with(|r| r.borrow_mut().retain(|(el, _)| el != &self.root));
        self.root.remove();
    }
}

/// Renders the assessment into `host`'s shadow root. `options` is an object of string
/// values keyed by attribute name (see `engine::host::config`); `questionnaire`, when present,
/// holds a custom questionnaire's JSON text, and `questionnaire-error` why the loader could
/// not fetch one. `helpers` are the loader's functions for the share actions
/// (`svgToPng`, `saveFile`, `shareNative`, `printCard`, loaded on first use) and lead
/// delivery (`deliverLead`), and forgetting what is stored (`forgetStored`).
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    options: JsValue,
    helpers: JsValue,
) -> Result<MountHandle, JsValue> {
    install_panic_hook();
    platform::set_helpers(helpers.clone());
    let document = host
        .owner_document()
        .ok_or("the host element has no document")?;
    let plan = plan(option_pairs(&options), &host.id())?;
    let data_layer = plan.config.data_layer;
    let on_event = {
        let host = host.clone();
        Callback::from(move |event: Event| emit(&host, data_layer, &event))
    };
    for report in plan.reports {
        tell(&on_event, report);
    }
    let root = widget_root(
        &host,
        &document,
        &plan.config,
        &plan.lang,
        &plan.strings.error_crash,
        &helpers,
    )?;
    if let Ok(q) = &plan.content {
        // Where the matrix's names sit (`ui::matrix`); CSSOM again, for the same reason.
        root.style()
            .set_property("--_split", &format!("{}%", q.threshold))?;
    }
    let props = AppProps {
        content: plan.content,
        sources: plan.sources,
        strings: plan.strings,
        storage_key: plan.storage_key.into(),
        config: Rc::new(plan.config),
        lang: plan.lang.into(),
        on_event,
        benchmark_refused: plan.benchmark.is_err(),
        benchmark: plan.benchmark.ok().flatten().map(Rc::new),
    };
    let app =
        yew::Renderer::<App>::with_root_and_props(root.clone().into(), props.clone()).render();
    Ok(MountHandle {
        app,
        props,
        root: root.into(),
    })
}

/// What a mount shows and tells, worked out from its options (and the host element's id)
/// alone: nothing here touches the page.
struct Plan {
    sources: Rc<Sources>,
    config: Config,
    lang: String,
    strings: Text,
    content: Result<Rc<Questionnaire>, Rc<Vec<Problem>>>,
    /// The host's pack, if any; `Err` when it gave one that was refused.
    benchmark: Result<Option<Pack>, ()>,
    storage_key: String,
    /// What the host's developer is told, in order.
    reports: Vec<Report>,
}

/// One `smi:error` event and its console line: the detail after `prefix`, an error or a
/// warning.
struct Report {
    code: &'static str,
    detail: String,
    prefix: &'static str,
    error: bool,
}

impl Report {
    fn new(code: &'static str, detail: String, prefix: &'static str, error: bool) -> Self {
        Report {
            code,
            detail,
            prefix,
            error,
        }
    }
}

/// Tells the host's developer (the console) and the page (`smi:error`).
fn tell(on_event: &Callback<Event>, report: Report) {
    let line = format!("SMI widget: {}{}", report.prefix, report.detail);
    if report.error {
        platform::error(&line);
    } else {
        platform::warn(&line);
    }
    on_event.emit(Event::error(report.code, report.detail));
}

fn plan(mut pairs: Vec<(String, String)>, host_id: &str) -> Result<Plan, JsValue> {
    let load_error = take(&mut pairs, "questionnaire-error");
    let translation = take(&mut pairs, "translation");
    let translation_error = take(&mut pairs, "translation-error");
    let chosen_lang = take(&mut pairs, "translation-lang");
    let benchmark_text = take(&mut pairs, "benchmark");
    let benchmark_error = take(&mut pairs, "benchmark-error");
    let custom = pairs
        .iter()
        .find(|(name, _)| name == "questionnaire")
        .map(|(_, text)| text.clone());
    let (config, warnings) = parse_options(&pairs);
    let mut reports: Vec<Report> = warnings
        .iter()
        .map(|w| Report::new("invalid-option", w.to_string(), "", false))
        .collect();
    // The loader chose the language (its `language()`, the one place that does) and fetched
    // its translation; without a loader, the `lang` option or English.
    let wanted = chosen_lang
        .or_else(|| config.lang.clone())
        .unwrap_or_else(|| "en".into());
    // English is built in; other languages come from the loader. One that did not load or
    // does not parse leaves the widget in English, and says why.
    // The texts are kept for the report module, which reads them again.
    let mut sources = Sources {
        translation: translation.clone(),
        questionnaire: custom.clone(),
    };
    let (lang, shipped, strings) = match language(&wanted, translation, translation_error) {
        Ok((q, strings)) => (wanted, q, strings),
        Err(why) => {
            reports.push(Report::new(
                "translation-unavailable",
                why,
                "showing English: ",
                true,
            ));
            let strings = content::strings().map_err(|e| JsValue::from_str(&e.to_string()))?;
            sources.translation = None;
            ("en".to_owned(), None, strings)
        }
    };
    let content = questionnaire(shipped, custom.as_deref(), load_error).map_err(|problems| {
        reports.push(Report::new(
            "invalid-questionnaire",
            Problem::list(&problems),
            "questionnaire: ",
            true,
        ));
        Rc::new(problems)
    });
    let benchmark = match &content {
        Ok(q) => benchmark(q, benchmark_text, benchmark_error)
            .map_err(|why| reports.push(Report::new("invalid-benchmark", why, "", false))),
        Err(_) => Ok(None),
    };
    let storage_key = saved::storage_key(
        content.as_ref().ok().map(|q| &**q),
        custom.as_deref(),
        host_id,
    );
    Ok(Plan {
        sources: Rc::new(sources),
        config,
        lang,
        strings: Text::new(strings),
        content,
        benchmark,
        storage_key,
        reports,
    })
}

/// The widget's root element in `host`'s shadow root (opened if need be, with the stylesheet
/// adopted): its language, direction, theme, accent and crash message set; beside the
/// loader's first screen when it is there, in place of everything else otherwise.
fn widget_root(
    host: &HtmlElement,
    document: &web_sys::Document,
    config: &Config,
    lang: &str,
    crash: &str,
    helpers: &JsValue,
) -> Result<HtmlElement, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&stylesheet(helpers)?.into()));
    let root: HtmlElement = document.create_element("div")?.unchecked_into();
    // Beside the loader's first screen, the widget renders hidden, under another class so
    // that the page never holds two `.smi` roots; the loader swaps the two once the widget
    // has rendered, with no frame between.
    let first_screen = shadow
        .query_selector(".smi[data-first-screen]")
        .ok()
        .flatten();
    root.set_class_name(if first_screen.is_some() {
        "smi-pending"
    } else {
        "smi"
    });
    root.set_attribute("lang", lang)?;
    root.set_attribute("dir", content::direction(lang))?;
    root.set_attribute("data-theme", config.theme.as_str())?;
    // What the loader shows if the wasm traps (a release build's panics are traps).
    root.set_attribute("data-crash", crash)?;
    if let Some(accent) = &config.accent {
        // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
        root.style().set_property("--smi-accent", &accent.colour)?;
        root.style()
            .set_property("--smi-accent-text", &accent.text)?;
    }
    if config.theme == Theme::Dark {
        root.style().set_property("color-scheme", "dark")?;
    }
    if first_screen.is_some() {
        shadow.append_child(&root)?;
    } else {
        shadow.replace_children_with_node_1(&root);
    }
    ROOTS.with(|r| r.borrow_mut().push((root.clone().into(), crash.to_owned())));
    Ok(root)
}

/// The options object as (name, value) pairs; non-string values are turned to text.
fn option_pairs(options: &JsValue) -> Vec<(String, String)> {
    if !options.is_object() {
        return Vec::new();
    }
    js_sys::Object::entries(options.unchecked_ref())
        .iter()
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.unchecked_into();
            let name = entry.get(0).as_string()?;
            let value = entry.get(1);
            let value = value.as_string().or_else(|| {
                js_sys::JSON::stringify(&value)
                    .ok()
                    .and_then(|s| s.as_string())
            })?;
            Some((name, value))
        })
        .collect()
}

fn parse_options(pairs: &[(String, String)]) -> (Config, Vec<Warning>) {
    Config::parse(
        pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        content::LANGUAGES,
    )
}

fn take(pairs: &mut Vec<(String, String)>, name: &str) -> Option<String> {
    let at = pairs.iter().position(|(n, _)| n == name)?;
    Some(pairs.remove(at).1)
}

/// The host's benchmark pack (JSON text, or why the loader could not fetch it), checked
/// against the questionnaire; `None` when the host gave none.
fn benchmark(
    q: &Questionnaire,
    text: Option<String>,
    load_error: Option<String>,
) -> Result<Option<Pack>, String> {
    let pack = match load_error {
        Some(why) => Err(why),
        None => text.map(|text| Pack::from_json(&text, q)).transpose(),
    };
    pack.map_err(|why| format!("benchmark: {why}; the result shows without it"))
}

/// The host's questionnaire (JSON text), else the language's (`shipped`; English's built-in
/// one when it is `None`), or why it cannot be used.
fn questionnaire(
    shipped: Option<Questionnaire>,
    custom: Option<&str>,
    load_error: Option<String>,
) -> Result<Rc<Questionnaire>, Vec<Problem>> {
    let problem = |message: String| vec![Problem::whole(message)];
    match (custom, load_error) {
        (_, Some(why)) => Err(problem(why)),
        // Whether the host gave JSON or a URL is the loader's to decide (`jsonOption` in
        // `src/js/loader/options.js`), in one place: what arrives here is JSON text to parse.
        (Some(text), None) => Questionnaire::from_json(text).map(Rc::new),
        (None, None) => shipped.map_or_else(english, |q| Ok(Rc::new(q))),
    }
}

thread_local! {
    /// The English questionnaire, parsed once per page: by `prepareContent()`, in a task
    /// before the first mount, or by that mount; shared by every widget that shows it.
    static ENGLISH: OnceCell<Rc<Questionnaire>> = const { OnceCell::new() };
}

fn english() -> Result<Rc<Questionnaire>, Vec<Problem>> {
    if let Some(q) = ENGLISH.with(|cell| cell.get().cloned()) {
        return Ok(q);
    }
    let q = Rc::new(content::questionnaire()?);
    ENGLISH.with(|cell| cell.set(q.clone())).ok();
    Ok(q)
}

/// Parses the English questionnaire now, so that the first mount does not: the loader calls
/// it between instantiating the wasm and mounting, in a task of its own, so that neither is
/// one long task (parsing takes about 20–40 ms at 4× CPU throttling).
#[wasm_bindgen(js_name = prepareContent)]
pub fn prepare_content() {
    // A shipped questionnaire that does not parse is reported by the mount that needs it.
    let _ = english();
}

/// The strings in `lang`, and its questionnaire unless it is English's built-in one (parsed
/// only if no custom questionnaire replaces it): from the loader's `translation`, or why
/// there is none.
fn language(
    lang: &str,
    translation: Option<String>,
    error: Option<String>,
) -> Result<(Option<Questionnaire>, Strings), String> {
    if lang == "en" {
        let strings = content::strings().map_err(|e| e.to_string())?;
        return Ok((None, strings));
    }
    if let Some(why) = error {
        return Err(why);
    }
    let text = translation.ok_or_else(|| format!("the \"{lang}\" translation was not loaded"))?;
    let (q, strings) = content::translation(&text).map_err(|problems| {
        format!(
            "the \"{lang}\" translation has problems: {}",
            Problem::list(&problems)
        )
    })?;
    Ok((Some(q), strings))
}

/// Dispatches `event` on the host element, bubbling and composed, and pushes it to
/// `window.dataLayer` when the host asked for it.
fn emit(host: &HtmlElement, data_layer: bool, event: &Event) {
    let detail = crate::json::to_js(event).unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&custom);
    }
    if data_layer {
        // Never what the visitor typed: analytics tools forbid personal data.
        let analytics = crate::json::to_js(&event.analytics()).unwrap_or(JsValue::NULL);
        platform::push_data_layer(event.name(), &analytics);
    }
}

fn stylesheet(helpers: &JsValue) -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = &*cell.borrow() {
            return Ok(sheet.clone());
        }
        let given = js_sys::Reflect::get(helpers, &"stylesheet".into())
            .ok()
            .and_then(|s| s.dyn_into::<CssStyleSheet>().ok());
        let sheet = match (given, CSS) {
            (Some(sheet), _) => sheet,
            (None, Some(css)) => {
                let sheet = CssStyleSheet::new()?;
                sheet.replace_sync(css)?;
                sheet
            }
            (None, None) => return Err("the loader gave no stylesheet".into()),
        };
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

fn install_panic_hook() {
    thread_local!(static INSTALLED: RefCell<bool> = const { RefCell::new(false) });
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        platform::error(&format!("SMI widget crashed: {info}"));
        ROOTS.with(|roots| {
            let Ok(roots) = roots.try_borrow() else {
                return;
            };
            for (root, message) in roots.iter() {
                root.set_text_content(None);
                let Some(document) = root.owner_document() else {
                    continue;
                };
                if let Ok(p) = document.create_element("p") {
                    p.set_class_name("smi-error");
                    let _ = p.set_attribute("role", "alert");
                    p.set_text_content(Some(message));
                    let _ = root.append_child(&p);
                }
            }
        });
    }));
}

/// What is wrong with `options` (as `mount` takes them), one sentence each, as the widget
/// would warn in the console: for tools such as the configurator.
#[wasm_bindgen(js_name = optionWarnings)]
pub fn option_warnings(options: JsValue) -> js_sys::Array {
    let (_, warnings) = parse_options(&option_pairs(&options));
    warnings
        .iter()
        .map(|w| JsValue::from_str(&w.to_string()))
        .collect()
}

/// Every problem of a questionnaire's JSON text (empty when it can be used).
#[wasm_bindgen(js_name = questionnaireProblems)]
pub fn questionnaire_problems(text: &str) -> js_sys::Array {
    match Questionnaire::from_json(text) {
        Ok(_) => js_sys::Array::new(),
        Err(problems) => problems
            .iter()
            .map(|p| JsValue::from_str(&p.to_string()))
            .collect(),
    }
}
