//! Benchmark packs: the percentile rule, the parser's refusals, the comparison shown, and
//! the `smi-benchmark` command on a generated fixture.
#![cfg(not(target_arch = "wasm32"))]

// The fixtures the widget's native tests use (the shipped questionnaire, answer sets).
#[allow(dead_code)]
#[path = "../../tests/native/support.rs"]
mod support;

use proptest::prelude::*;
use serde_json::{json, Value};
use smi_engine::result::benchmark::{ahead_of, Comparison, Pack, MIN_RESPONDENTS};
use smi_engine::{evaluate, Axis, CategoryId};
use std::process::Command;
use support::{any_answers, smi};

/// A pack of `n` respondents at the given (investment, innovation) scores.
fn pack_of(scores: &[(u8, u8)]) -> Pack {
    let mut pack = Pack::new("smi", "UK retail, 2026");
    for &(inv, inn) in scores {
        pack.add(inv, inn, CategoryId::from_levels(inv >= 50, inn >= 50));
    }
    pack
}

fn counts(at: &[(u8, u32)]) -> Vec<u32> {
    let mut c = vec![0; 101];
    for &(score, n) in at {
        c[usize::from(score)] = n;
    }
    c
}

#[test]
fn ahead_of_counts_only_lower_scores_and_rounds_halves_up() {
    // 40 respondents: 10 at 0, 10 at 50, 20 at 100.
    let c = counts(&[(0, 10), (50, 10), (100, 20)]);
    assert_eq!(
        ahead_of(&c, 40, 0),
        0,
        "the lowest score is ahead of nobody"
    );
    assert_eq!(ahead_of(&c, 40, 1), 25, "ahead of those at 0");
    assert_eq!(ahead_of(&c, 40, 50), 25, "ties are not counted as lower");
    assert_eq!(ahead_of(&c, 40, 51), 50);
    assert_eq!(
        ahead_of(&c, 40, 100),
        50,
        "the highest score ties with the 20 at 100"
    );
    // Everyone below: 100%.
    assert_eq!(ahead_of(&counts(&[(10, 30)]), 30, 100), 100);
    // 1 of 8 = 12.5% rounds up to 13; 1 of 3 = 33.3% rounds down to 33.
    assert_eq!(ahead_of(&counts(&[(0, 1), (90, 7)]), 8, 50), 13);
    assert_eq!(ahead_of(&counts(&[(0, 1), (90, 2)]), 3, 50), 33);
    assert_eq!(ahead_of(&[0; 101], 0, 50), 0, "an empty pack");
}

proptest! {
    #[test]
    fn ahead_of_never_falls_as_the_score_rises(
        c in proptest::collection::vec(0u32..50, 101),
    ) {
        let n: u32 = c.iter().sum();
        let mut last = 0;
        for score in 0..=100u8 {
            let p = ahead_of(&c, n, score);
            prop_assert!(p >= last && p <= 100, "score {score}: {p} after {last}");
            last = p;
        }
    }

    /// The comparison's percentages are the rule applied to the pack, for any outcome.
    #[test]
    fn the_comparison_applies_the_rule(a in any_answers(), seed in 0u64..1000) {
        let outcome = evaluate(smi(), &a).unwrap();
        let scores = generated_scores(60, seed);
        let pack = pack_of(&scores);
        let c = Comparison::new(&pack, &outcome);
        for axis in Axis::ALL {
            // The rule counted over the respondents themselves, not the pack's counts:
            // round(100 × those with a lower score / n), halves up, in whole numbers.
            let mine = outcome.score(axis);
            let lower = scores
                .iter()
                .filter(|&&(inv, inn)| {
                    let score = if axis == Axis::Investment { inv } else { inn };
                    score < mine
                })
                .count();
            let expected = (200 * lower + scores.len()) / (2 * scores.len());
            prop_assert_eq!(c.ahead(axis), Some(expected as u8));
        }
        let bands = c.axes.as_ref().unwrap()[0].bands;
        let total: u32 = bands.iter().map(|&b| u32::from(b)).sum();
        prop_assert!((95..=105).contains(&total), "band percentages sum to about 100: {total}");
    }
}

/// `n` score pairs from a small deterministic generator.
fn generated_scores(n: usize, seed: u64) -> Vec<(u8, u8)> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % 101) as u8
    };
    (0..n).map(|_| (next(), next())).collect()
}

#[test]
fn fewer_than_thirty_respondents_give_no_percentages() {
    let outcome = evaluate(smi(), &support::answers("1010101010101 23232323232323")).unwrap();
    let pack = pack_of(&generated_scores(MIN_RESPONDENTS as usize - 1, 7));
    let c = Comparison::new(&pack, &outcome);
    assert_eq!((c.n, c.axes.is_none(), c.categories), (29, true, None));
    assert_eq!(c.ahead(Axis::Investment), None);
    let pack = pack_of(&generated_scores(MIN_RESPONDENTS as usize, 7));
    assert!(Comparison::new(&pack, &outcome)
        .ahead(Axis::Innovation)
        .is_some());
}

fn pack_json() -> Value {
    serde_json::to_value(pack_of(&generated_scores(40, 3))).unwrap()
}

fn refusal(mutate: impl FnOnce(&mut Value)) -> String {
    let mut v = pack_json();
    mutate(&mut v);
    Pack::from_json(&v.to_string(), smi()).expect_err("refused")
}

#[test]
fn the_parser_refuses_what_would_give_wrong_percentages() {
    assert!(Pack::from_json(&pack_json().to_string(), smi()).is_ok());
    let why = refusal(|v| v["questionnaire"] = "other".into());
    assert!(
        why.contains("\"other\"") && why.contains("\"smi\""),
        "{why}"
    );
    let why = refusal(|v| v["n"] = 41.into());
    assert!(
        why.contains("axes.investment counts 40 respondents, not n = 41"),
        "{why}"
    );
    let why = refusal(|v| v["axes"]["innovation"][0] = 99.into());
    assert!(why.contains("axes.innovation"), "{why}");
    let why = refusal(|v| v["categories"]["observer"] = 0.into());
    assert!(why.starts_with("categories count"), "{why}");
    let why = refusal(|v| {
        v["axes"]["investment"].as_array_mut().unwrap().pop();
    });
    assert!(why.contains("has 100 counts"), "{why}");
    let why = refusal(|v| v["format_version"] = 2.into());
    assert!(why.contains("format version 2"), "{why}");
    let why = refusal(|v| v["label"] = " ".into());
    assert!(why.contains("label"), "{why}");
    let why = refusal(|v| v["lable"] = "x".into());
    assert!(why.contains("lable"), "{why}");
    let why = refusal(|v| v["axes"]["investment"][3] = (-1).into());
    assert!(!why.is_empty());
    assert!(Pack::from_json("{", smi()).is_err());
}

// The command, on a fixture of a few hundred generated records.

const BIN: &str = env!("CARGO_BIN_EXE_smi-benchmark");

fn run(args: &[&str], input: &str) -> (Option<i32>, String, String) {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn category(inv: u8, inn: u8) -> &'static str {
    CategoryId::from_levels(inv >= 50, inn >= 50).as_str()
}

/// 300 records in the three shapes the widget sends, with 20 repeated lead ids, 12 records
/// for another questionnaire and 5 malformed lines; and the pack they must give.
fn fixture() -> (String, Pack) {
    let mut lines = Vec::new();
    let mut expected = Pack::new("smi", "UK retail, 2026");
    for (i, (inv, inn)) in generated_scores(300, 11).into_iter().enumerate() {
        let cat = category(inv, inn);
        let record = match i % 3 {
            // smi:complete as pushed to dataLayer.
            0 => json!({"event": "smi:complete", "smi": {"questionnaire": "smi", "category": cat,
                "category_name": "x", "investment": inv, "innovation": inn}}),
            // smi:lead detail.
            1 => json!({"lead_id": format!("L{i}"), "lead": {"email": "a@b.c"},
                "result": {"questionnaire": "smi", "category": cat, "investment": inv, "innovation": inn}}),
            // The endpoint's payload, renamed by lead-map.
            _ => json!({"id": format!("L{i}"), "score_investment": inv, "innovation": inn,
                "category": cat, "questionnaire": "smi", "consent": true}),
        };
        lines.push(record.to_string());
        expected.add(inv, inn, CategoryId::from_levels(inv >= 50, inn >= 50));
        // Every 15th lead payload arrives twice.
        if i % 3 == 2 && i % 15 == 2 {
            lines.push(record.to_string());
        }
    }
    for i in 0..12 {
        lines.push(
            json!({"questionnaire": "other", "category": "observer", "investment": i, "innovation": i})
                .to_string(),
        );
    }
    lines.insert(7, "{not json".into());
    lines.insert(50, "[1, 2]".into());
    lines.insert(
        90,
        json!({"questionnaire": "smi", "category": "observer", "investment": 101, "innovation": 3})
            .to_string(),
    );
    lines.insert(
        120,
        json!({"questionnaire": "smi", "category": "guru", "investment": 1, "innovation": 3})
            .to_string(),
    );
    lines.insert(
        150,
        json!({"questionnaire": "smi", "investment": 1, "innovation": 3}).to_string(),
    );
    lines.insert(160, String::new());
    (lines.join("\n") + "\n", expected)
}

#[test]
fn the_command_builds_the_pack_the_records_give() {
    let (input, expected) = fixture();
    let args = [
        "--label",
        "UK retail, 2026",
        "--lead-map",
        "investment:score_investment,lead_id:id",
        "--exact",
    ];
    let (code, stdout, stderr) = run(&args, &input);
    assert_eq!(code, Some(0), "{stderr}");
    let pack = Pack::from_json(&stdout, smi()).expect("a pack the widget accepts");
    assert_eq!(pack, expected);
    assert_eq!(pack.n, 300);
    let row = |name: &str| {
        stderr
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("no {name} row in:\n{stderr}"))
            .split_whitespace()
            .nth_back(0)
            .unwrap()
            .to_owned()
    };
    // 300 + 20 repeats + 12 others + 5 malformed.
    assert_eq!(row("records read"), "337");
    assert_eq!(row("skipped: another questionnaire"), "12");
    assert_eq!(row("skipped: repeated lead_id"), "20");
    assert_eq!(row("skipped: malformed"), "5");
    assert_eq!(row("counted"), "300");
    // Each malformed line is named with its number.
    for (line, why) in [
        (8, "not JSON"),
        (51, "not a JSON object"),
        (91, "\"investment\" is 101, not a whole number"),
        (121, "\"guru\" is not a category id"),
        (151, "no \"category\" field"),
    ] {
        assert!(
            stderr.contains(&format!("-:{line}: ")) && stderr.contains(why),
            "line {line} ({why}) in:\n{stderr}"
        );
    }
}

#[test]
fn the_command_reads_a_csv_export() {
    let dir = std::env::temp_dir().join(format!("smi-benchmark-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("leads.csv");
    // With the byte-order mark spreadsheet programs put first.
    let mut csv =
        String::from("\u{feff}Lead ID,Email,Investment,innovation,category,questionnaire\n");
    let mut expected = Pack::new("smi", "Agencies");
    for (i, (inv, inn)) in generated_scores(40, 5).into_iter().enumerate() {
        csv.push_str(&format!(
            "L{i},\"a{i}@b.c, x\",{inv},{inn},{},smi\n",
            category(inv, inn)
        ));
        expected.add(inv, inn, CategoryId::from_levels(inv >= 50, inn >= 50));
    }
    csv.push_str("L3,a@b.c,10,10,observer,smi\n");
    csv.push_str("L99,a@b.c,ten,10,observer,smi\n");
    std::fs::write(&file, csv).unwrap();
    let out = dir.join("pack.json");
    let (code, _, stderr) = run(
        &[
            file.to_str().unwrap(),
            "--label",
            "Agencies",
            "--lead-map",
            "lead_id:Lead ID,investment:Investment",
            "--exact",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, Some(0), "{stderr}");
    let pack = Pack::from_json(&std::fs::read_to_string(&out).unwrap(), smi()).unwrap();
    assert_eq!(pack, expected);
    assert!(
        stderr.contains("leads.csv:43: \"Investment\" is ten"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_command_reads_a_json_array_export() {
    let mut expected = Pack::new("smi", "Agencies");
    let records: Vec<Value> = generated_scores(35, 9)
        .into_iter()
        .enumerate()
        .map(|(i, (inv, inn))| {
            expected.add(inv, inn, CategoryId::from_levels(inv >= 50, inn >= 50));
            json!({"lead_id": format!("L{i}"), "email": "a@b.c", "investment": inv,
                   "innovation": inn, "category": category(inv, inn), "questionnaire": "smi"})
        })
        .chain([json!("a string")])
        .collect();
    let text = serde_json::to_string_pretty(&records).unwrap();
    let (code, stdout, stderr) = run(&["--label", "Agencies", "--exact"], &text);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(Pack::from_json(&stdout, smi()).unwrap(), expected);
    assert!(
        stderr.contains("-: record 36: not a JSON object"),
        "{stderr}"
    );
}

#[test]
fn the_command_refuses_a_pack_of_fewer_than_thirty() {
    let input: String = generated_scores(29, 2)
        .into_iter()
        .map(|(inv, inn)| {
            json!({"questionnaire": "smi", "category": category(inv, inn), "investment": inv, "innovation": inn})
                .to_string()
                + "\n"
        })
        .collect();
    let (code, stdout, stderr) = run(&["--label", "Few"], &input);
    assert_eq!(code, Some(1));
    assert!(stdout.is_empty(), "no pack written");
    assert!(
        stderr.contains("29 respondents counted; a pack needs at least 30"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&[], "");
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--label is required"), "{stderr}");
}

#[test]
fn by_default_the_command_adds_noise_and_says_so() {
    let (input, exact) = fixture();
    let (code, stdout, stderr) = run(
        &[
            "--label",
            "UK retail, 2026",
            "--lead-map",
            "investment:score_investment,lead_id:id",
        ],
        &input,
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("noise added (epsilon 1)"), "{stderr}");
    let pack = Pack::from_json(&stdout, smi()).expect("a noisy pack the widget accepts");
    assert_ne!(pack.axes, exact.axes, "the counts are not the exact ones");
    assert_eq!(pack.epsilon, Some(1.0), "the pack states its noise");
    assert!(stdout.contains("\"epsilon\":1"), "{stdout}");
    // An exact pack states none, and a pack with a budget outside (0, 100] is refused.
    assert_eq!(exact.epsilon, None);
    assert!(!serde_json::to_string(&exact).unwrap().contains("epsilon"));
    for bad in ["0", "-1", "101"] {
        let text = stdout.replace("\"epsilon\":1", &format!("\"epsilon\":{bad}"));
        assert_eq!(
            Pack::from_json(&text, smi()).unwrap_err(),
            "epsilon must be a number above 0 and at most 100",
            "{bad}"
        );
    }
    for bad in ["0", "-1", "nan", "inf", "101", "x"] {
        let (code, _, stderr) = run(&["--label", "L", "--epsilon", bad], "");
        assert_eq!(code, Some(2), "{bad}");
        assert!(stderr.contains("--epsilon"), "{stderr}");
    }
}
