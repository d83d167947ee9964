//! Thin adapters over browser APIs: local storage, the console, focus.
//!
//! Every call that the browser may refuse returns a `Result` with a message fit for the
//! console; none throws into the host page. Policy (what to do when storage fails) belongs
//! to the caller.

use wasm_bindgen::JsValue;
use yew::NodeRef;

fn describe(e: JsValue) -> String {
    js_sys::Error::from(e)
        .message()
        .as_string()
        .unwrap_or_else(|| "unknown error".into())
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
