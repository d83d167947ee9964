//! # smi-json
//!
//! JSON in and out, for the SMI engine and the widget: the engine's one seam to the platform.
//!
//! In the browser the browser's own `JSON.parse` and `JSON.stringify` do the text work and
//! `serde-wasm-bindgen` moves values between them and the Rust types, so the wasm carries no
//! JSON parser or float formatter of its own (about 50 KiB raw). Natively, where the engine's
//! tests run, and in a wasm built without the `browser` feature (the report module, which
//! has no JS glue), `serde_json` does the same job. Both report an error as one line of text, and
//! `tests/browser` checks the browser side against the same content and bad inputs the
//! native tests use.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses `text` as JSON into a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    imp::from_str(text)
}

/// Like [`from_str`], and every object key in `text` must be one `T` reads: a misspelt
/// optional field is an error, not silently dropped. (`serde-wasm-bindgen` reads a struct's
/// known fields only, so `deny_unknown_fields` alone does not catch it in the browser.)
pub fn from_str_exact<T: DeserializeOwned + Serialize>(text: &str) -> Result<T, String> {
    imp::from_str_exact(text)
}

/// `value` as compact JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    imp::to_string(value)
}

#[cfg(all(target_arch = "wasm32", feature = "browser"))]
mod imp {
    use super::{DeserializeOwned, Serialize};
    use wasm_bindgen::{JsCast, JsValue};

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(text).map_err(|e| message(&e))?;
        serde_wasm_bindgen::from_value(value).map_err(|e| message(&e.into()))
    }

    pub fn from_str_exact<T: DeserializeOwned + Serialize>(text: &str) -> Result<T, String> {
        let given = js_sys::JSON::parse(text).map_err(|e| message(&e))?;
        let value: T =
            serde_wasm_bindgen::from_value(given.clone()).map_err(|e| message(&e.into()))?;
        // What was read, written back, has every key that was understood.
        let read = to_js(&value)?;
        match unknown_key(&given, &read, "") {
            Some(problem) => Err(problem),
            None => Ok(value),
        }
    }

    /// The first key of `given` (a parsed JSON value) that `read` lacks at the same place,
    /// as "unknown field `key` at path". A `null` value counts as absent.
    fn unknown_key(given: &JsValue, read: &JsValue, path: &str) -> Option<String> {
        use js_sys::{Array, Object, Reflect};
        if Array::is_array(given) {
            let (given, read): (&Array, &Array) = (given.unchecked_ref(), read.dyn_ref()?);
            return (0..given.length().min(read.length()))
                .find_map(|i| unknown_key(&given.get(i), &read.get(i), &format!("{path}[{i}]")));
        }
        if !given.is_object() || !read.is_object() {
            return None;
        }
        let keys = Object::keys(given.unchecked_ref::<Object>());
        keys.iter().find_map(|key| {
            let name = key.as_string().unwrap_or_default();
            let value = Reflect::get(given, &key).ok()?;
            if value.is_null() {
                None
            } else if !Reflect::has(read, &key).unwrap_or(false) {
                Some(match path {
                    "" => format!("unknown field `{name}`"),
                    _ => format!("unknown field `{name}` at {path}"),
                })
            } else {
                let inner = match path {
                    "" => name,
                    _ => format!("{path}.{name}"),
                };
                unknown_key(&value, &Reflect::get(read, &key).ok()?, &inner)
            }
        })
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
        to_js(value)
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "null".into())
    }

    /// `value` as a plain JavaScript value (objects, arrays, numbers), as `JSON.parse` of
    /// its JSON would give.
    pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| message(&e.into()))
    }

    /// The text of a thrown `Error` (its `message`), else the value as a string.
    fn message(error: &JsValue) -> String {
        js_sys::Reflect::get(error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| String::from(js_sys::JSON::stringify(error).unwrap_or_default()))
    }
}

#[cfg(all(target_arch = "wasm32", feature = "browser"))]
pub use imp::to_js;

#[cfg(not(all(target_arch = "wasm32", feature = "browser")))]
mod imp {
    use super::{DeserializeOwned, Serialize};

    pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// `serde_json` sees every key, so the types' `deny_unknown_fields` does the check.
    pub fn from_str_exact<T: DeserializeOwned + Serialize>(text: &str) -> Result<T, String> {
        from_str(text)
    }

    pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_else(|_| "null".into())
    }
}
