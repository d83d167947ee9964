//! Shared fixtures: the shipped questionnaire and answer sets written as digit strings.

use proptest::prelude::*;
use smi_engine::content;
use smi_engine::{Answers, Questionnaire};
use std::sync::OnceLock;

pub fn smi() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| content::questionnaire().expect("shipped questionnaire is valid"))
}

/// One digit per item, in questionnaire order; spaces are ignored for readability.
pub fn answers(digits: &str) -> Answers {
    let digits: Vec<Option<u8>> = digits
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| Some(c.to_digit(10).expect("digit") as u8))
        .collect();
    assert_eq!(digits.len(), smi().items.len(), "fixture length");
    Answers(digits)
}

/// Any complete answer set for the shipped questionnaire.
pub fn any_answers() -> impl Strategy<Value = Answers> {
    let counts: Vec<_> = smi().items.iter().map(|i| i.choices.len() as u8).collect();
    counts
        .into_iter()
        .map(|n| (0..n).prop_map(Some))
        .collect::<Vec<_>>()
        .prop_map(Answers)
}

/// Fails unless the committed file at `path` (from the crate's root) holds exactly
/// `generated`; with the environment variable `update` set, writes it first. For the files
/// generated from the Rust types (JSON Schemas, TypeScript declarations, the manifest).
pub fn matches_committed(path: &str, generated: &str, update: &str, tests: &str) {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os(update).is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} is out of date with the Rust types: run `{update}=1 cargo test {tests}` and commit it"
    );
}

/// The files under `dir` (a folder from the repository's root) whose names end in `ext`, as
/// paths from the root, at any depth.
pub fn files_under(dir: &str, ext: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut folders = vec![root.join(dir)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap().display().to_string();
                if relative.ends_with(ext) {
                    out.push(relative);
                }
            }
        }
    }
    out.sort();
    out
}
