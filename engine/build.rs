//! Writes the English content the wasm embeds (`engine/src/content.rs`) without the JSON's
//! indentation and line breaks: the files stay readable, and the wasm carries 4 KB less text.

use std::{env, fs, path::Path};

/// `json` without the whitespace between its tokens; strings are copied as they are.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["questionnaire.en.json", "ui.en.json"] {
        let source = Path::new("content").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source).expect("the shipped content is readable");
        fs::write(Path::new(&out).join(name), compact(&text)).expect("OUT_DIR is writable");
    }
}
