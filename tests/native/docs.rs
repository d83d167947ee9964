//! The docs list what the code has: every `smi:error` code a code path can send, every
//! event, and every module of the codemap.

use crate::support::files_under;
use std::fs;
use std::path::Path;

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first quoted text (either quote) after each `call` in `source`, ignoring whitespace,
/// skipping `skip` arguments first.
fn literals_after(source: &str, call: &str, skip: usize) -> Vec<String> {
    let squashed: String = source.chars().filter(|c| !c.is_whitespace()).collect();
    let call: String = call.chars().filter(|c| !c.is_whitespace()).collect();
    let mut found = Vec::new();
    for (at, _) in squashed.match_indices(&call) {
        let rest = &squashed[at + call.len()..];
        let args: Vec<&str> = rest.splitn(skip + 2, ',').collect();
        let Some(arg) = args.get(skip) else { continue };
        let arg = arg.trim_start_matches('&');
        if let Some(quote) = arg.chars().next().filter(|c| *c == '"' || *c == '\'') {
            if let Some(end) = arg[1..].find(quote) {
                found.push(arg[1..1 + end].to_owned());
            }
        }
    }
    found
}

/// Every `smi:error` code a code path can send: the engine's `report(effects, "code", …)`
/// and `Event::error("code", …)`, and the loader's and the frame's.
fn error_codes() -> Vec<String> {
    let mut sources = files_under("engine/src", ".rs");
    sources.extend(files_under("src", ".rs"));
    sources.extend(files_under("src/js", ".js"));
    let mut codes = Vec::new();
    for file in &sources {
        let text = read(file);
        codes.extend(literals_after(&text, "report(", 1));
        codes.extend(literals_after(&text, "Event::error(", 0));
        codes.extend(literals_after(&text, "dispatchError(", 1));
        codes.extend(literals_after(&text, "code: ", 0));
    }
    codes.retain(|c| c.contains('-') && c.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn the_scan_finds_codes_however_the_call_is_written() {
    let rust = "report(\n    &mut effects,\n    \"storage-unavailable\",\n    &why)";
    assert_eq!(literals_after(rust, "report(", 1), ["storage-unavailable"]);
    assert_eq!(
        literals_after(
            "dispatchError(element, 'outbox-damaged', m)",
            "dispatchError(",
            1
        ),
        ["outbox-damaged"]
    );
    assert_eq!(
        literals_after("Event::error(code, message)", "Event::error(", 0),
        Vec::<String>::new()
    );
}

#[test]
fn every_error_code_is_in_the_docs() {
    let codes = error_codes();
    // Those sent today, so that the scan itself is known to work.
    for code in [
        "invalid-option",
        "storage-unavailable",
        "lead-failed",
        "integrity-failed",
        "outbox-damaged",
    ] {
        assert!(
            codes.contains(&code.to_owned()),
            "the scan finds {code}: {codes:?}"
        );
    }
    let events = read("docs/events.md");
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| !events.contains(&format!("`{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/events.md does not list {missing:?}"
    );
}

#[test]
fn every_event_is_in_the_docs() {
    let events = read("docs/events.md");
    for name in [
        "smi:ready",
        "smi:start",
        "smi:answer",
        "smi:complete",
        "smi:share",
        "smi:lead",
        "smi:error",
    ] {
        assert!(events.contains(&format!("| `{name}` |")), "{name}");
    }
}

/// Every source file of the three crates and the loader is on the codemap.
#[test]
fn the_codemap_names_every_module() {
    let map = read("docs/dev/architecture.md");
    let mut sources = files_under("engine/src", ".rs");
    sources.extend(files_under("json/src", ".rs"));
    sources.extend(files_under("src", ".rs"));
    sources.extend(files_under("src/js", ".js"));
    assert!(sources.len() > 30, "{sources:?}");
    let missing: Vec<&String> = sources
        .iter()
        .filter(|f| !map.contains(f.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/dev/architecture.md does not name {missing:?}"
    );
}
