//! `smi-benchmark`: builds a benchmark pack (`engine::result::benchmark::Pack`) from the results a
//! host collected, for the widget's `benchmark` option.
//!
//! ```text
//! cargo run --release --bin smi-benchmark -- results.jsonl --label "UK retail, 2026" > pack.json
//! ```
//!
//! It reads what the widget already sends: JSON lines of `smi:complete` or `smi:lead`
//! details (as dispatched, or as pushed to `dataLayer`), or lead payloads as the endpoint
//! received them, in JSON lines, as a JSON array or as CSV exported from a form tool (a
//! `.csv` file, with a header row). `--lead-map` takes the widget's `lead-map` value, so that renamed fields are
//! found. Records for another questionnaire and repeated `lead_id`s are skipped, a malformed
//! line is reported with its number and skipped, and the summary goes to stderr. A pack of
//! fewer than 30 respondents is refused. The counts carry differential-privacy noise
//! (`--epsilon`, 1 by default; `engine::result::privacy`), drawn from the operating system's
//! randomness; `--exact` writes the counts as they are.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// Native only: the wasm build of the crate's targets has no file system or `serde_json`.
#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use smi_engine::host::lead::parse_pairs;
    use smi_engine::records::{self, Filter, Reader, Skip};
    use smi_engine::result::benchmark::{percent, Pack, MIN_RESPONDENTS};
    use smi_engine::result::privacy::{with_noise, DEFAULT_EPSILON};
    use smi_engine::CategoryId;
    use std::io::{Read, Write};
    use std::process::ExitCode;

    const USAGE: &str =
    "usage: smi-benchmark --label LABEL [--questionnaire ID] [--lead-map MAP] [--epsilon E | --exact]
                    [--out FILE] [FILE…]
  FILE       JSON lines (smi:complete or smi:lead details, or lead payloads) or, ending in .csv,
             a CSV export with a header row; none or - reads standard input
  --label    who the respondents are, shown to visitors: \"UK retail, 2026\"
  --questionnaire
             the questionnaire id the pack is for (default: the shipped one's)
  --lead-map the widget's lead-map value (ours:theirs,…), when the endpoint renamed fields
  --epsilon  the privacy budget of the noise added to every count (default 1; smaller is
             more private and noisier)
  --exact    no noise: the counts as they are (two such packs built a few records apart
             give away the records in between)
  --out      write the pack to FILE instead of standard output";

    struct Args {
        label: String,
        questionnaire: String,
        mapping: Vec<(String, String)>,
        /// `None` for `--exact`.
        epsilon: Option<f64>,
        out: Option<String>,
        files: Vec<String>,
    }

    fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut label = None;
        let mut questionnaire = None;
        let mut mapping = Vec::new();
        let mut out = None;
        let mut files = Vec::new();
        let mut epsilon = Some(DEFAULT_EPSILON);
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--label" => label = Some(value("--label")?),
                "--questionnaire" => questionnaire = Some(value("--questionnaire")?),
                "--lead-map" => {
                    mapping = parse_pairs(&value("--lead-map")?).map_err(|bad| {
                        format!("--lead-map: \"{bad}\" is not an ours:theirs pair")
                    })?
                }
                "--out" => out = Some(value("--out")?),
                "--epsilon" => {
                    let text = value("--epsilon")?;
                    match text.parse::<f64>() {
                        Ok(e) if e.is_finite() && e > 0.0 && e <= 100.0 => epsilon = Some(e),
                        _ => {
                            return Err(format!(
                                "--epsilon: \"{text}\" is not a number above 0 and at most 100"
                            ))
                        }
                    }
                }
                "--exact" => epsilon = None,
                "-h" | "--help" => return Err(String::new()),
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ => files.push(arg),
            }
        }
        let label = label.ok_or("--label is required")?;
        let questionnaire = match questionnaire {
            Some(id) => id,
            None => {
                smi_engine::content::questionnaire()
                    .map_err(|_| "the shipped questionnaire does not parse")?
                    .id
            }
        };
        if files.is_empty() {
            files.push("-".into());
        }
        Ok(Args {
            label,
            questionnaire,
            mapping,
            epsilon,
            out,
            files,
        })
    }

    fn read(file: &str) -> Result<String, String> {
        let mut text = String::new();
        if file == "-" {
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("standard input: {e}"))?;
        } else {
            text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        }
        Ok(text)
    }

    fn run(args: &Args) -> Result<(), String> {
        // The shipped questionnaire's pillars, under the id the pack is for.
        let mut questionnaire = smi_engine::content::questionnaire()
            .map_err(|_| "the shipped questionnaire does not parse")?;
        questionnaire.id = args.questionnaire.clone();
        let mut reader = Reader::new(&questionnaire, args.mapping.clone());
        for file in &args.files {
            reader.read(file, &read(file)?)?;
        }
        for s in reader
            .skipped
            .iter()
            .filter(|s| s.reason == Skip::Malformed)
        {
            eprintln!("{}: {}; skipped", s.place, s.why);
        }
        let pack = records::pack(
            &reader.respondents,
            &Filter::default(),
            &args.questionnaire,
            &args.label,
        );
        summary(&pack, &reader);
        if pack.n < MIN_RESPONDENTS {
            return Err(format!(
                "{} respondents counted; a pack needs at least {MIN_RESPONDENTS}, so that no \
                 single respondent can be picked out of it. No pack written.",
                pack.n
            ));
        }
        let pack = match args.epsilon {
            Some(epsilon) => {
                // The operating system's randomness, through the standard library's keyed
                // hasher: a fresh random key per run, a counter hashed for each draw.
                let key = std::hash::RandomState::new();
                let mut counter = 0u64;
                let mut random = || {
                    counter += 1;
                    std::hash::BuildHasher::hash_one(&key, counter)
                };
                let noisy = with_noise(&pack, epsilon, &mut random);
                eprintln!(
                    "noise added (epsilon {epsilon}): {} respondents published as {}",
                    pack.n, noisy.n
                );
                noisy
            }
            None => pack,
        };
        pack.check(&args.questionnaire)?;
        let json = serde_json::to_string(&pack).map_err(|e| e.to_string())? + "\n";
        match &args.out {
            Some(path) => std::fs::write(path, json).map_err(|e| format!("{path}: {e}"))?,
            None => std::io::stdout()
                .write_all(json.as_bytes())
                .map_err(|e| format!("standard output: {e}"))?,
        }
        eprintln!(
            "wrote the pack \"{}\" (n = {}) to {}",
            pack.label,
            pack.n,
            args.out.as_deref().unwrap_or("standard output")
        );
        Ok(())
    }

    /// The table on stderr: what was read and skipped, then the pack by category and axis.
    fn summary(pack: &Pack, reader: &Reader) {
        let mut out = String::new();
        let mut row =
            |name: &str, value: String| out.push_str(&format!("  {name:<40}{value:>10}\n"));
        row("records read", reader.read.to_string());
        for reason in Skip::ALL {
            row(
                &format!("skipped: {}", reason.describe()),
                reader.count(reason).to_string(),
            );
        }
        row("counted", pack.n.to_string());
        row(
            "  of which without a questionnaire id",
            reader.unlabelled.to_string(),
        );
        for c in CategoryId::ALL {
            let count = pack.categories.get(c);
            row(
                &format!("category {}", c.as_str()),
                format!("{count} ({}%)", percent(u64::from(count), pack.n)),
            );
        }
        for (name, counts) in [
            ("investment", &pack.axes.investment),
            ("innovation", &pack.axes.innovation),
        ] {
            row(&format!("{name}: median score"), median(counts).to_string());
        }
        eprint!("{out}");
    }

    /// The lower median score of the respondents counted in `counts` (0 when there are none).
    fn median(counts: &[u32]) -> usize {
        let n: u64 = counts.iter().map(|&c| u64::from(c)).sum();
        let mut seen = 0;
        for (score, &c) in counts.iter().enumerate() {
            seen += u64::from(c);
            if n > 0 && 2 * seen >= n {
                return score;
            }
        }
        0
    }

    pub fn main() -> ExitCode {
        let args = match parse_args(std::env::args().skip(1)) {
            Ok(args) => args,
            Err(why) => {
                if !why.is_empty() {
                    eprintln!("smi-benchmark: {why}");
                }
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(why) => {
                eprintln!("smi-benchmark: {why}");
                ExitCode::FAILURE
            }
        }
    }
}
