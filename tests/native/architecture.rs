//! The engine is the functional core: it must not reach for the browser or the UI.

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 5] = ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every path segment used in `source` that names a forbidden crate.
fn forbidden_uses(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for krate in FORBIDDEN {
            let named = code
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == krate);
            if named {
                found.push(format!("line {}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_check_itself_catches_an_import() {
    assert_eq!(forbidden_uses("use yew::prelude::*;").len(), 1);
    assert_eq!(forbidden_uses("let x = web_sys::window();").len(), 1);
    assert!(forbidden_uses("// mentions yew in a comment").is_empty());
    assert!(forbidden_uses("let yewtree = 1;").is_empty());
}

#[test]
fn engine_imports_no_web_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine"),
        &mut files,
    );
    assert!(files.len() >= 5, "engine sources found: {files:?}");
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        let hits = forbidden_uses(&source);
        assert!(
            hits.is_empty(),
            "{} uses a web crate: {hits:?}",
            file.display()
        );
    }
}

#[test]
fn no_inline_style_attributes() {
    // A strict Content-Security-Policy blocks them.
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        assert!(
            !source.contains(" style="),
            "{} sets an inline style",
            file.display()
        );
    }
}

/// Words in `source`'s code (comments left out) from `words`, with their line numbers.
fn uses_of(source: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for word in code.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if words.contains(&word) {
                found.push(format!("line {}: {word}", n + 1));
            }
        }
    }
    found
}

/// The views only render props and forward callbacks: no hook holds state, nothing runs
/// effects or reaches the platform, and none imports the shell. Reading an input's value
/// from its event (`HtmlInputElement`, `HtmlSelectElement`) is the one browser API allowed.
#[test]
fn views_hold_no_state_and_run_no_effects() {
    const SHELL_ONLY: [&str; 12] = [
        "use_state",
        "use_reducer",
        "use_effect",
        "use_effect_with",
        "use_mut_ref",
        "use_memo",
        "platform",
        "widget",
        "spawn_local",
        "gloo",
        "js_sys",
        "wasm_bindgen_futures",
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "widget.rs" || name == "mod.rs" {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        // `engine::widget` (the machine's types) is the engine's, not the shell.
        let source = source.replace("engine::widget", "engine::machine");
        let hits = uses_of(&source, &SHELL_ONLY);
        assert!(hits.is_empty(), "{name}: {hits:?}");
        checked += 1;
    }
    assert!(checked >= 5, "views checked: {checked}");
    assert_eq!(uses_of("let s = use_state(|| 0);", &SHELL_ONLY).len(), 1);
}

/// The loader decides whether to show the first screen by looking for saved progress under
/// the key the widget saves it under: `smi-widget:<questionnaire id>[:<element id>]`, with
/// the shipped questionnaire's id in every language.
#[test]
fn the_loader_looks_for_saved_progress_where_the_widget_saves_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let smi = crate::support::smi();
    use smi_widget::engine::saved::storage_key;
    assert_eq!(storage_key(Some(smi), None, ""), "smi-widget:smi");
    assert_eq!(storage_key(Some(smi), None, "hero"), "smi-widget:smi:hero");
    let embed = fs::read_to_string(root.join("src/embed.rs")).unwrap();
    assert!(embed.contains("saved::storage_key("));
    let loader = fs::read_to_string(root.join("src/js/smi-widget.js")).unwrap();
    assert!(loader.contains("const id = element.id ? `:${element.id}` : '';"));
    assert!(loader.contains("localStorage.getItem(`smi-widget:smi${id}`)"));
    for lang in smi_widget::content::LANGUAGES {
        let text = fs::read_to_string(root.join(format!("src/content/questionnaire.{lang}.json")))
            .unwrap();
        assert!(
            text.contains(r#""id": "smi","#),
            "{lang}: the shipped questionnaire's id"
        );
    }
}
