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
    use serde_json::{Map, Value};
    use smi_engine::host::lead::parse_pairs;
    use smi_engine::result::benchmark::{percent, Pack, MIN_RESPONDENTS};
    use smi_engine::result::privacy::{with_noise, DEFAULT_EPSILON};
    use smi_engine::CategoryId;
    use std::collections::HashSet;
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

    /// What became of the records read.
    #[derive(Default)]
    struct Tally {
        read: usize,
        other_questionnaire: usize,
        duplicate: usize,
        malformed: usize,
        /// Counted, but carried no questionnaire id (lead payloads of widgets before 0.1).
        unlabelled: usize,
    }

    /// One respondent as a record gives it.
    struct Respondent {
        investment: u8,
        innovation: u8,
        category: CategoryId,
        questionnaire: Option<String>,
        lead_id: Option<String>,
    }

    struct Reader<'a> {
        args: &'a Args,
        pack: Pack,
        seen: HashSet<String>,
        tally: Tally,
    }

    /// The fields a respondent is read from, under our names.
    const FIELDS: [&str; 5] = [
        "questionnaire",
        "category",
        "investment",
        "innovation",
        "lead_id",
    ];

    impl Reader<'_> {
        /// The host's name for our field `name`.
        fn name<'b>(&'b self, name: &'b str) -> &'b str {
            self.args
                .mapping
                .iter()
                .find(|(ours, _)| ours == name)
                .map_or(name, |(_, theirs)| theirs.as_str())
        }

        /// Counts `record` (read at `place`), or says why not.
        fn take(&mut self, place: &str, record: Result<Respondent, String>) {
            self.tally.read += 1;
            let r = match record {
                Ok(r) => r,
                Err(why) => {
                    self.tally.malformed += 1;
                    eprintln!("{place}: {why}; skipped");
                    return;
                }
            };
            if r.questionnaire
                .as_ref()
                .is_some_and(|q| *q != self.args.questionnaire)
            {
                self.tally.other_questionnaire += 1;
                return;
            }
            if let Some(id) = r.lead_id {
                if !self.seen.insert(id) {
                    self.tally.duplicate += 1;
                    return;
                }
            }
            if r.questionnaire.is_none() {
                self.tally.unlabelled += 1;
            }
            self.pack.add(r.investment, r.innovation, r.category);
        }

        /// A record as a JSON object: a lead payload (flat, under the host's names), an
        /// `smi:complete` detail, an `smi:lead` detail (its `result`), or either as pushed to
        /// `dataLayer` (`{ event, smi: detail }`).
        fn json(&self, object: &Map<String, Value>) -> Result<Respondent, String> {
            if let Some(Value::Object(inner)) = object.get("smi") {
                return self.json(inner);
            }
            if let Some(Value::Object(result)) = object.get("result") {
                let lead_id = object.get("lead_id").map(text);
                let mut r = respondent(|name| result.get(name).map(text), |name| name.to_owned())?;
                r.lead_id = lead_id.filter(|id| !id.is_empty());
                return Ok(r);
            }
            // A flat record is a lead payload under the host's names, or an event's detail
            // under ours.
            respondent(
                |name| object.get(self.name(name)).or(object.get(name)).map(text),
                |name| {
                    // The key the record has, else the one the host's mapping expects.
                    let theirs = self.name(name);
                    let found = object.contains_key(theirs) || !object.contains_key(name);
                    (if found { theirs } else { name }).to_owned()
                },
            )
        }

        /// A JSON export that is one array of records, as form tools write them.
        fn json_array(&mut self, file: &str, text: &str) -> Result<(), String> {
            let records: Vec<Value> = serde_json::from_str(text)
                .map_err(|e| format!("{file}: not a JSON array of records ({e})"))?;
            for (i, record) in records.iter().enumerate() {
                let respondent = match record {
                    Value::Object(object) => self.json(object),
                    _ => Err("not a JSON object".into()),
                };
                self.take(&format!("{file}: record {}", i + 1), respondent);
            }
            Ok(())
        }

        fn json_lines(&mut self, file: &str, text: &str) {
            for (i, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let record = match serde_json::from_str::<Value>(line) {
                    Ok(Value::Object(object)) => self.json(&object),
                    Ok(_) => Err("not a JSON object".into()),
                    Err(e) => Err(format!("not JSON ({e})")),
                };
                self.take(&format!("{file}:{}", i + 1), record);
            }
        }

        fn csv(&mut self, file: &str, text: &str) -> Result<(), String> {
            let mut reader = csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(text.as_bytes());
            let headers = reader
                .headers()
                .map_err(|e| format!("{file}: no header row ({e})"))?
                .clone();
            // Where each of our fields is, by the host's column name.
            let columns: Vec<Option<usize>> = FIELDS
                .iter()
                .map(|name| headers.iter().position(|h| h.trim() == self.name(name)))
                .collect();
            for row in reader.records() {
                let (line, record) = match row {
                    Ok(row) => {
                        let get = |name: &str| {
                            let at = FIELDS.iter().position(|f| *f == name)?;
                            row.get(columns[at]?).map(|v| v.trim().to_owned())
                        };
                        let line = row.position().map_or(0, |p| p.line());
                        (line, respondent(get, |name| self.name(name).to_owned()))
                    }
                    Err(e) => (
                        e.position().map_or(0, |p| p.line()),
                        Err(format!("not a CSV row ({e})")),
                    ),
                };
                self.take(&format!("{file}:{line}"), record);
            }
            Ok(())
        }
    }

    /// The respondent whose field `name` (ours) `get` gives; `shown` names a field as the input
    /// calls it, for the error message.
    fn respondent(
        get: impl Fn(&str) -> Option<String>,
        shown: impl Fn(&str) -> String,
    ) -> Result<Respondent, String> {
        let present = |name: &str| get(name).filter(|v| !v.is_empty());
        let field =
            |name: &str| present(name).ok_or_else(|| format!("no \"{}\" field", shown(name)));
        let score = |name: &str| -> Result<u8, String> {
            let value = field(name)?;
            value
                .parse::<u8>()
                .ok()
                .filter(|s| *s <= 100)
                .ok_or(format!(
                    "\"{}\" is {value}, not a whole number 0–100",
                    shown(name)
                ))
        };
        let (investment, innovation) = (score("investment")?, score("innovation")?);
        let category = field("category")?;
        let category = CategoryId::ALL
            .into_iter()
            .find(|c| c.as_str() == category)
            .ok_or(format!("\"{category}\" is not a category id"))?;
        Ok(Respondent {
            investment,
            innovation,
            category,
            questionnaire: present("questionnaire"),
            lead_id: present("lead_id"),
        })
    }

    /// JSON text for a value: strings as they are, anything else as JSON.
    fn text(value: &Value) -> String {
        match value {
            Value::String(s) => s.trim().to_owned(),
            other => other.to_string(),
        }
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
        // Spreadsheet programs start their CSV and text exports with a byte-order mark, which
        // would otherwise be part of the first column's name.
        Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        })
    }

    fn run(args: &Args) -> Result<(), String> {
        let mut reader = Reader {
            args,
            pack: Pack::new(&args.questionnaire, args.label.trim()),
            seen: HashSet::new(),
            tally: Tally::default(),
        };
        for file in &args.files {
            let text = read(file)?;
            if file.to_ascii_lowercase().ends_with(".csv") {
                reader.csv(file, &text)?;
            } else if text.trim_start().starts_with('[') {
                reader.json_array(file, &text)?;
            } else {
                reader.json_lines(file, &text);
            }
        }
        let Reader { pack, tally, .. } = reader;
        summary(&pack, &tally);
        if pack.n < MIN_RESPONDENTS {
            return Err(format!(
            "{} respondents counted; a pack needs at least {MIN_RESPONDENTS}, so that no single \
             respondent can be picked out of it. No pack written.",
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
    fn summary(pack: &Pack, tally: &Tally) {
        let mut out = String::new();
        let mut row =
            |name: &str, value: String| out.push_str(&format!("  {name:<40}{value:>10}\n"));
        row("records read", tally.read.to_string());
        row(
            "skipped: another questionnaire",
            tally.other_questionnaire.to_string(),
        );
        row("skipped: repeated lead_id", tally.duplicate.to_string());
        row("skipped: malformed", tally.malformed.to_string());
        row("counted", pack.n.to_string());
        row(
            "  of which without a questionnaire id",
            tally.unlabelled.to_string(),
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
