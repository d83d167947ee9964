//! Thin adapters over browser APIs: local storage, the page URL, the clipboard, the
//! console, focus.
//!
//! Every call that the browser may refuse returns a `Result` with a message fit for the
//! console; none throws into the host page. Policy (what to do when storage fails) belongs
//! to the caller.

use crate::engine::host::widget::DeliveryOutcome;
use crate::engine::result::calendar::Date;
use wasm_bindgen::{JsCast, JsValue};
use yew::NodeRef;

/// A readable message for anything JavaScript threw or rejected with: an `Error` (its
/// message), a string, `undefined`, `null` or any other value (its JSON, else its type).
/// Never throws, whatever the value.
pub fn describe(e: JsValue) -> String {
    if let Some(error) = e.dyn_ref::<js_sys::Error>() {
        if let Some(message) = error.message().as_string().filter(|m| !m.is_empty()) {
            return message;
        }
    }
    if let Some(text) = e.as_string() {
        return text;
    }
    if e.is_undefined() || e.is_null() {
        return "no reason given".into();
    }
    js_sys::JSON::stringify(&e)
        .ok()
        .and_then(|s| s.as_string())
        .filter(|s| s != "{}")
        .unwrap_or_else(|| {
            e.js_typeof()
                .as_string()
                .map_or("an unknown value".into(), |t| {
                    format!("a value of type {t}")
                })
        })
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("local storage is not available".into()),
        Err(e) => Err(format!("local storage is blocked ({})", describe(e))),
    }
}

pub fn load(key: &str) -> Result<Option<String>, String> {
    local_storage()?
        .get_item(key)
        .map_err(|e| format!("local storage cannot be read ({})", describe(e)))
}

pub fn save(key: &str, value: &str) -> Result<(), String> {
    local_storage()?
        .set_item(key, value)
        .map_err(|e| format!("local storage cannot be written ({})", describe(e)))
}

pub fn remove(key: &str) {
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn warn(message: &str) {
    gloo::console::warn!(message);
}

pub fn error(message: &str) {
    gloo::console::error!(message);
}

pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Runs `f` once the browser has painted: a frame callback runs just before the next paint,
/// and the zero-delay timer it starts runs after it.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = Closure::once_into_js(f);
    let frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(later.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// The page's URL fragment (with its `#`), or "" outside a browser.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's URL without its fragment: where a share link leads back to.
pub fn page_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Drops the fragment from the address bar without reloading or adding a history entry.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_url()));
        }
    }
}

/// Writes `text` to the clipboard; fails where the Clipboard API is missing or refused.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err("the Clipboard API is not available".into());
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(describe)
}

/// Today's date in the visitor's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// `window.dataLayer.push({ event, smi: detail })`, creating `dataLayer` if the page has none.
pub fn push_data_layer(event: &str, detail: &JsValue) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str("dataLayer");
    let mut layer = js_sys::Reflect::get(&window, &key).unwrap_or(JsValue::UNDEFINED);
    if layer.is_undefined() {
        layer = js_sys::Array::new().into();
        let _ = js_sys::Reflect::set(&window, &key, &layer);
    }
    let entry = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&entry, &"event".into(), &event.into());
    let _ = js_sys::Reflect::set(&entry, &"smi".into(), detail);
    if let Ok(push) = js_sys::Reflect::get(&layer, &"push".into()) {
        if let Some(push) = push.dyn_ref::<js_sys::Function>() {
            let _ = push.call1(&layer, &entry);
        }
    }
}

thread_local! {
    /// The loader's helpers: the card's share actions (`src/js/card.js`, imported on first use) and lead delivery.
    static HELPERS: std::cell::RefCell<JsValue> = const { std::cell::RefCell::new(JsValue::UNDEFINED) };
}

/// Keeps the loader's helpers (share actions, lead delivery).
pub fn set_helpers(helpers: JsValue) {
    if helpers.is_object() {
        HELPERS.with(|h| *h.borrow_mut() = helpers);
    }
}

/// Calls the loader's helper `name` with `args`; awaits it when it returns a promise.
async fn call_helper(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let function = HELPERS
        .with(|h| js_sys::Reflect::get(&h.borrow(), &JsValue::from_str(name)))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the loader provides no {name}()"))?;
    let args: js_sys::Array = args.iter().collect();
    let value = function.apply(&JsValue::NULL, &args).map_err(describe)?;
    match value.dyn_into::<js_sys::Promise>() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(describe),
        Err(value) => Ok(value),
    }
}

/// The result card's SVG as a PNG at twice its size (a `Blob`).
pub async fn card_png(svg: &str) -> Result<JsValue, String> {
    use crate::engine::result::card::{HEIGHT, WIDTH};
    call_helper(
        "svgToPng",
        &[svg.into(), WIDTH.into(), HEIGHT.into(), 2.0.into()],
    )
    .await
}

/// Offers `blob` to the visitor as a download named `filename`.
pub async fn download(blob: &JsValue, filename: &str) -> Result<(), String> {
    call_helper("saveFile", &[blob.clone(), filename.into()])
        .await
        .map(|_| ())
}

/// Has the loader make the full report as PDF (its report module, loaded on first use, makes
/// the report from the request) and offers it as a download named `filename`; the file's
/// pages and bytes, or why not.
pub async fn report_pdf(
    report: &crate::engine::result::report::ReportRequest,
    filename: &str,
) -> Result<crate::engine::host::widget::ReportFile, String> {
    let content = crate::json::to_js(report)?;
    let made = call_helper("buildReport", &[content]).await?;
    let number = |name: &str| {
        js_sys::Reflect::get(&made, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32
    };
    let blob = js_sys::Reflect::get(&made, &"blob".into()).map_err(describe)?;
    download(&blob, filename).await?;
    Ok(crate::engine::host::widget::ReportFile {
        pages: number("pages"),
        bytes: number("bytes"),
    })
}

/// Whether the browser has a native share sheet (the Web Share API).
pub fn can_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|share| share.is_function())
}

/// Opens the share sheet with the link, and the image where files can be shared.
/// `Ok(false)` when the visitor closed it without sharing.
pub async fn share_native(
    image: Option<&JsValue>,
    filename: &str,
    title: &str,
    text: &str,
    url: &str,
) -> Result<bool, String> {
    let image = image.cloned().unwrap_or(JsValue::NULL);
    let outcome = call_helper(
        "shareNative",
        &[
            image,
            filename.into(),
            title.into(),
            text.into(),
            url.into(),
        ],
    )
    .await?;
    Ok(outcome.as_string().as_deref() == Some("shared"))
}

/// Prints the widget that holds `node`, with the rest of the host page hidden.
pub async fn print_card(node: &NodeRef) -> Result<(), String> {
    let node = node.get().ok_or("the widget is not on the page")?;
    call_helper("printCard", &[node.into()]).await.map(|_| ())
}

/// A new random id (a UUID where the browser has `crypto.randomUUID`), for leads.
pub fn new_id() -> String {
    let crypto = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"crypto".into()).ok());
    let uuid = crypto.as_ref().and_then(|c| {
        let f = js_sys::Reflect::get(c, &"randomUUID".into()).ok()?;
        f.dyn_ref::<js_sys::Function>()?.call0(c).ok()?.as_string()
    });
    uuid.unwrap_or_else(|| {
        let now = js_sys::Date::now() as u64;
        let random = (js_sys::Math::random() * 1e15) as u64;
        format!("{now:x}-{random:x}")
    })
}

/// Focuses the element with `id` inside the element `within` refers to.
pub fn focus_within(within: &NodeRef, id: &str) {
    if let Some(root) = within.cast::<web_sys::Element>() {
        if let Ok(Some(el)) = root.query_selector(&format!("#{id}")) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }
}

/// Hands a lead to the loader, which POSTs it and keeps it in its outbox until the endpoint
/// takes it. The loader answers "sent", "queued", "queued-memory" (no storage: retried while
/// the page is open) or "rejected" (a 4xx answer); this is the one place that reads those.
pub async fn deliver_lead(request: &crate::engine::host::lead::Request) -> DeliveryOutcome {
    let answer = match crate::json::to_js(request) {
        Ok(request) => call_helper("deliverLead", &[request]).await,
        Err(why) => Err(why),
    };
    match answer.map(|a| a.as_string()) {
        Ok(Some(outcome)) => match outcome.as_str() {
            "sent" => DeliveryOutcome::Sent,
            "queued" => DeliveryOutcome::Queued,
            "queued-memory" => DeliveryOutcome::QueuedInMemory,
            "rejected" => DeliveryOutcome::Rejected,
            other => DeliveryOutcome::Failed(format!("the loader answered \"{other}\"")),
        },
        Ok(None) => DeliveryOutcome::Failed("the loader gave no delivery outcome".into()),
        Err(why) => DeliveryOutcome::Failed(why),
    }
}

/// Removes everything any widget stored on this site ("Delete my data"): every widget's
/// progress and lead marker, the leads still waiting in the loader's outbox, and the damaged
/// copies of an outbox kept aside.
pub fn forget_stored() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = call_helper("forgetStored", &[]).await;
    });
}
