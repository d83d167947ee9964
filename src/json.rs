//! JSON for the widget: `smi_json`'s text functions, and values for the browser's APIs.

pub use smi_json::{from_str, from_str_exact, to_string};
use wasm_bindgen::JsValue;

/// `value` as a plain JavaScript value (objects, arrays, numbers), as `JSON.parse` of its JSON
/// would give.
#[cfg(target_arch = "wasm32")]
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    smi_json::to_js(value)
}

/// Outside a browser there are no JavaScript values to make.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_js<T: serde::Serialize + ?Sized>(_: &T) -> Result<JsValue, String> {
    Err("JavaScript values exist only in a browser".into())
}
