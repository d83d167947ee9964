//! The report as a PDF, made natively from the shipped content with Debian's Noto fonts (the
//! build subsets the same files): text that `pdftotext` reads back (Arabic in logical
//! order), every section as a bookmark, the title and language set, fonts embedded.

use smi_engine::assessment::path;
use smi_engine::content;
use smi_engine::result::report::{self, Input, ReportRequest};
use smi_engine::result::text::Strings;
use smi_engine::{evaluate, Answers, Questionnaire};
use std::process::Command;

const NOTO: &str = "/usr/share/fonts/truetype/noto";

/// The language's translation as the loader fetches it (`None` for English, built in).
fn translation(lang: &str) -> Option<String> {
    if lang == "en" {
        return None;
    }
    let read = |name: String| {
        std::fs::read_to_string(format!(
            "{}/../engine/content/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    Some(format!(
        "{{\"questionnaire\":{},\"ui\":{}}}",
        read(format!("questionnaire.{lang}.json")),
        read(format!("ui.{lang}.json"))
    ))
}

fn language(lang: &str) -> (Questionnaire, Strings) {
    match translation(lang) {
        None => (
            content::questionnaire().unwrap(),
            content::strings().unwrap(),
        ),
        Some(text) => content::translation(&text).unwrap(),
    }
}

/// The widget's request for `lang`, the answers one choice short of the best where they
/// can be.
fn request(lang: &str) -> (ReportRequest, Questionnaire, Strings) {
    let (q, s) = language(lang);
    let answers = Answers(
        q.items
            .iter()
            .enumerate()
            .map(|(i, it)| Some(((i % 3) as u8).min(it.choices.len() as u8 - 1)))
            .collect(),
    );
    let date = s.date(smi_engine::result::calendar::Date {
        year: 2026,
        month: 12,
        day: 5,
    });
    let text = |t: &str| Some(t.to_owned());
    let request = ReportRequest {
        lang: lang.into(),
        rtl: matches!(lang, "ar" | "fa"),
        answers,
        date,
        comparison: None,
        company: text("Acme Retail"),
        role: text("COO"),
        brand: text("Northwind Consulting"),
        logo: None,
        accent: ["#2f48c8".into(), "#ffffff".into()],
        cta: Some(["Book a call".into(), "https://example.com/book".into()]),
        intro: None,
        contact: text("Northwind Consulting\nhello@example.com"),
        link: text("https://example.com/assessment#smi=ABCDEFGHJKMNP"),
        translation: translation(lang),
        questionnaire: None,
    };
    (request, q, s)
}

/// The request as JSON, as the widget sends it.
fn model(lang: &str) -> (String, Questionnaire, Strings) {
    let (request, q, s) = request(lang);
    (serde_json::to_string(&request).unwrap(), q, s)
}

#[test]
fn the_module_makes_from_a_request_the_report_the_engine_makes_from_the_result() {
    for lang in ["en", "ar", "fa", "ms", "ru"] {
        let (r, q, s) = request(lang);
        let outcome = evaluate(&q, &r.answers).unwrap();
        let next = path::next(&q, &r.answers);
        let direct = report::build(&Input {
            questionnaire: &q,
            strings: &s,
            answers: &r.answers,
            outcome: &outcome,
            next: next.as_ref(),
            comparison: None,
            lang,
            rtl: r.rtl,
            date: &r.date,
            company: Some("Acme Retail"),
            role: Some("COO"),
            brand: Some("Northwind Consulting"),
            logo: None,
            accent: ("#2f48c8", "#ffffff"),
            cta: Some(("Book a call", "https://example.com/book")),
            intro: None,
            contact: Some("Northwind Consulting\nhello@example.com"),
            link: Some("https://example.com/assessment#smi=ABCDEFGHJKMNP"),
        });
        assert_eq!(report::from_request(&r).unwrap(), direct, "{lang}");
    }
}

#[test]
fn a_request_that_cannot_make_a_report_says_why() {
    let (mut r, _, _) = request("ar");
    r.translation = None;
    assert_eq!(
        report::from_request(&r).unwrap_err(),
        "no \"ar\" translation was given"
    );
    r.translation = Some("{\"questionnaire\": 1}".into());
    assert!(report::from_request(&r)
        .unwrap_err()
        .starts_with("the \"ar\" translation: "));
    let (mut r, _, _) = request("en");
    r.answers.0.pop();
    assert_eq!(
        report::from_request(&r).unwrap_err(),
        "the answers are not a whole assessment of this questionnaire"
    );
    let (mut r, _, _) = request("en");
    r.questionnaire = Some("{}".into());
    assert!(report::from_request(&r)
        .unwrap_err()
        .starts_with("questionnaire: "));
}

fn font(name: &str) -> Vec<u8> {
    std::fs::read(format!("{NOTO}/{name}")).unwrap()
}

fn build(lang: &str) -> (Vec<u8>, usize, Questionnaire, Strings) {
    let (json, q, s) = model(lang);
    let arabic = matches!(lang, "ar" | "fa").then(|| font("NotoNaskhArabic-Regular.ttf"));
    let (pdf, pages) =
        smi_report::build(&json, font("NotoSans-Regular.ttf"), arabic, None).unwrap();
    (pdf, pages, q, s)
}

fn pdftotext(pdf: &[u8], name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("smi-report-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, pdf).unwrap();
    if let Ok(out) = std::env::var("SMI_REPORT_KEEP") {
        std::fs::write(format!("{out}/{name}"), pdf).unwrap();
    }
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/setup.sh");
    std::fs::remove_dir_all(&dir).unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// `text` without whitespace, Arabic vowel marks and bidi controls.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(*c as u32, 0x064B..=0x065F | 0x0670 | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
        .collect()
}

#[test]
fn english_reads_back_with_every_section() {
    let (pdf, pages, q, s) = build("en");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pages >= 6, "{pages} pages");
    let text = pdftotext(&pdf, "en.pdf");
    let needles = [
        &s.report_title,
        &s.actions_heading,
        &s.report_answers,
        &q.items[0].prompt,
    ];
    for needle in needles.into_iter().map(String::as_str).chain([
        "Acme Retail",
        "Book a call",
        "https://example.com/book",
    ]) {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
}

#[test]
fn arabic_and_persian_read_back_in_logical_order() {
    for lang in ["ar", "fa"] {
        let (pdf, _, q, s) = build(lang);
        let text = pdftotext(&pdf, &format!("{lang}.pdf"));
        // pdftotext moves a vowel mark before its letter and may put a space after it, so
        // marks and spaces are left out of the comparison; the letters' order is kept.
        let plain = letters(&text);
        let needles = [
            &s.report_title,
            &s.actions_heading,
            &q.categories[0].name,
            &q.items[0].prompt,
            &q.items[0].action,
        ];
        for needle in needles {
            assert!(
                plain.contains(&letters(needle)),
                "{lang}: {needle:?} missing from:\n{text}"
            );
        }
    }
}

#[test]
fn malformed_content_or_an_unreadable_font_is_refused_with_a_reason() {
    let (json, _, _) = model("en");
    let why = smi_report::build("{", font("NotoSans-Regular.ttf"), None, None).unwrap_err();
    assert!(
        why.starts_with("the report's request is malformed"),
        "{why}"
    );
    let why = smi_report::build(&json, b"not a font".to_vec(), None, None).unwrap_err();
    assert_eq!(why, "the sans font cannot be read");
    let (pdf, _) = smi_report::build(&json, font("NotoSans-Regular.ttf"), None, None).unwrap();
    assert!(
        pdf.starts_with(b"%PDF-"),
        "and the same content with a font makes a PDF"
    );
}
