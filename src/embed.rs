//! How the widget enters a host page: `mount(host)` attaches an open shadow root to the
//! host element, adopts the widget's stylesheet there, and renders the Yew app inside.
//! The `<smi-assessment>` custom element (`src/js/smi-widget.js`) calls `mount` when it
//! connects and `destroy` when it leaves the page.
//!
//! Also owns the panic policy: a panic never leaves a blank box. The message is written
//! into every mounted widget and the details go to the console.

use crate::content;
use crate::engine::questionnaire::Questionnaire;
use crate::platform;
use crate::ui::{App, AppProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

const CSS: &str = include_str!("../styles/widget.css");
/// Shown if the widget panics. Plain text: at that point nothing else can be trusted.
const CRASH_HTML: &str = "<p class=\"smi-error\" role=\"alert\">Sorry, the assessment stopped because of an error. Reload the page to try again; your answers so far are saved.</p>";

thread_local! {
    /// The containers of every live widget, for the panic hook.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// One constructed stylesheet, shared by every shadow root on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// A mounted widget. `destroy()` unmounts it and frees its memory.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    root: Element,
}

#[wasm_bindgen]
impl MountHandle {
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        let root = self.root.clone();
        ROOTS.with(|r| r.borrow_mut().retain(|el| el != &root));
        root.remove();
    }
}

/// Renders the assessment into `host`'s shadow root.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<MountHandle, JsValue> {
    install_panic_hook();
    let document = host
        .owner_document()
        .ok_or("the host element has no document")?;
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&stylesheet()?.into()));

    let root = document.create_element("div")?;
    root.set_class_name("smi");
    root.set_attribute("lang", "en")?;
    root.set_attribute("dir", "ltr")?;
    shadow.append_child(&root)?;
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));

    let content = content::questionnaire().map(Rc::new).map_err(|problems| {
        for p in &problems {
            platform::error(&format!("SMI widget: questionnaire: {p}"));
        }
        Rc::new(problems)
    });
    let storage_key = storage_key(content.as_ref().ok().map(|q| &**q));
    let strings = Rc::new(content::strings().map_err(|e| JsValue::from_str(&e.to_string()))?);
    let props = AppProps {
        content,
        strings,
        storage_key: storage_key.into(),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Ok(MountHandle {
        app: Some(app),
        root,
    })
}

fn storage_key(q: Option<&Questionnaire>) -> String {
    format!("smi-widget:{}", q.map_or("invalid", |q| q.id.as_str()))
}

fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = &*cell.borrow() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
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
            if let Ok(roots) = roots.try_borrow() {
                for root in roots.iter() {
                    root.set_inner_html(CRASH_HTML);
                }
            }
        });
    }));
}
