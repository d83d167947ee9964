//! The shape of the code: the engine crate reaches for no web crate and its domains depend
//! one way; the views hold no state; no inline styles.

use std::fs;
use std::path::Path;

/// The engine crate's dependencies, resolved for `platform` (a target triple), by name.
fn engine_dependencies(platform: &str) -> Vec<String> {
    use serde_json::Value;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--filter-platform",
            platform,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    let nodes = metadata["resolve"]["nodes"].as_array().unwrap();
    let name_of = |id: &str| {
        metadata["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let engine = nodes
        .iter()
        .find(|n| name_of(n["id"].as_str().unwrap()) == "smi-engine")
        .expect("the engine is a workspace member");
    // Every package reachable from the engine through normal (not dev) dependencies.
    let mut seen = vec![engine["id"].as_str().unwrap().to_owned()];
    let mut next = 0;
    while next < seen.len() {
        let node = nodes
            .iter()
            .find(|n| n["id"] == seen[next].as_str())
            .unwrap();
        for dep in node["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            let id = dep["pkg"].as_str().unwrap().to_owned();
            if normal && !seen.contains(&id) {
                seen.push(id);
            }
        }
        next += 1;
    }
    seen.iter().map(|id| name_of(id)).collect()
}

const WEB_CRATES: [&str; 6] = [
    "yew",
    "web-sys",
    "wasm-bindgen",
    "gloo",
    "js-sys",
    "serde-wasm-bindgen",
];

/// The compiler keeps the engine pure: natively, no web crate is among its dependencies at
/// all, so engine code that reached for one would not build. In the wasm its only way to
/// the platform is `smi-json` (the browser's JSON), and none of its own dependencies is a
/// web crate.
#[test]
fn the_engine_crate_depends_on_no_web_crate() {
    let host = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let host = host
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc names its host")
        .to_owned();
    let native = engine_dependencies(&host);
    assert!(native.contains(&"serde".to_owned()), "{native:?}");
    let web: Vec<_> = native
        .iter()
        .filter(|d| WEB_CRATES.contains(&d.as_str()))
        .collect();
    assert!(web.is_empty(), "natively the engine pulls in {web:?}");

    let wasm = engine_dependencies("wasm32-unknown-unknown");
    let engine_manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("engine/Cargo.toml"))
            .unwrap();
    for krate in WEB_CRATES {
        assert!(
            !engine_manifest.contains(&format!("\n{krate} =")),
            "the engine names {krate} itself"
        );
    }
    // Through smi-json only: the wasm's JSON is the browser's.
    assert!(wasm.contains(&"smi-json".to_owned()) && wasm.contains(&"js-sys".to_owned()));
    assert!(
        !wasm.contains(&"yew".to_owned())
            && !wasm.contains(&"web-sys".to_owned())
            && !wasm.contains(&"gloo".to_owned())
    );
}

/// Sources under `dir` (from the repository's root), as (file, text).
fn sources(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate::support::files_under(dir, ".rs")
        .into_iter()
        .map(|f| {
            let text = fs::read_to_string(root.join(&f)).unwrap();
            (f, text)
        })
        .collect()
}

/// The engine's domains depend one way: `assessment` on neither of the others, `result` not
/// on `host`.
#[test]
fn the_engine_domains_depend_one_way() {
    for (dir, forbidden) in [
        (
            "engine/src/assessment",
            &["crate::result", "crate::host"][..],
        ),
        ("engine/src/result", &["crate::host"][..]),
    ] {
        let files = sources(dir);
        assert!(files.len() >= 5, "{dir}: {files:?}");
        for (file, text) in files {
            for path in forbidden {
                assert!(!text.contains(path), "{file} uses {path}");
            }
        }
    }
}

#[test]
fn no_inline_style_attributes() {
    // A strict Content-Security-Policy blocks them. The engine counts too: it writes markup
    // (the card's SVG).
    let files: Vec<_> = sources("src")
        .into_iter()
        .chain(sources("engine/src"))
        .collect();
    assert!(files.len() > 30, "sources found: {}", files.len());
    for (file, source) in files {
        assert!(!source.contains(" style="), "{file} sets an inline style");
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
        // `engine::host::widget` (the machine's types) is the engine's, not the shell.
        let source = source.replace("engine::host::widget", "engine::machine");
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
    use smi_engine::assessment::saved::storage_key;
    assert_eq!(storage_key(Some(smi), None, ""), "smi-widget:smi");
    assert_eq!(storage_key(Some(smi), None, "hero"), "smi-widget:smi:hero");
    let embed = fs::read_to_string(root.join("src/embed.rs")).unwrap();
    assert!(embed.contains("saved::storage_key("));
    let loader = fs::read_to_string(root.join("src/js/loader/first-screen.js")).unwrap();
    assert!(loader.contains("const id = element.id ? `:${element.id}` : '';"));
    assert!(loader.contains("localStorage.getItem(`${SHIPPED_PROGRESS_KEY}${id}`)"));
    for lang in smi_engine::content::LANGUAGES {
        let text =
            fs::read_to_string(root.join(format!("engine/content/questionnaire.{lang}.json")))
                .unwrap();
        assert!(
            text.contains(r#""id": "smi","#),
            "{lang}: the shipped questionnaire's id"
        );
    }
}
