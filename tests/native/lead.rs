//! Lead capture: host settings, the form's checks, and what is sent.

use crate::support::{answers, smi};
use proptest::prelude::*;
use serde_json::Value;
use smi_engine::evaluate;
use smi_engine::host::config::Config;
use smi_engine::host::events::{Completion, Event};
use smi_engine::host::lead::{
    check, is_email, lead_fields, parse_fields, parse_pairs, request, utm, Field, Format, Gate,
    Invalid, LeadConfig,
};

fn completion() -> Completion {
    let a = answers("1010101010101 23232323232323");
    let outcome = evaluate(smi(), &a).unwrap();
    match Event::complete(
        smi(),
        &a,
        &outcome,
        Some("https://x.example/p#smi=1O7u7uREREamd".into()),
        smi_engine::assessment::path::next(smi(), &a).as_ref(),
        None,
        None,
    ) {
        Event::Complete(c) => c,
        _ => unreachable!(),
    }
}

fn values() -> Vec<(Field, String)> {
    vec![
        (Field::Name, " Ada ".into()),
        (Field::Email, "ada@example.com".into()),
    ]
}

#[test]
fn every_lead_option_parses_and_bad_ones_are_named() {
    let (config, warnings) = Config::parse(
        [
            ("lead", "before"),
            ("lead-fields", "name*, company, size"),
            ("lead-consent", "You may e-mail me."),
            ("privacy-url", "/privacy"),
            ("lead-endpoint", "https://hooks.example/x"),
            ("lead-format", "form"),
            ("lead-map", "email:EMAIL, name:FNAME"),
            ("lead-extra", "source:smi"),
        ],
        &["en"],
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let lead = config.lead;
    assert_eq!(lead.gate, Gate::Before);
    assert_eq!(
        lead.fields,
        [
            (Field::Email, true),
            (Field::Name, true),
            (Field::Company, false),
            (Field::Size, false)
        ]
    );
    assert_eq!(lead.format, Format::Form);
    assert_eq!(
        lead.mapping,
        [
            ("email".into(), "EMAIL".into()),
            ("name".into(), "FNAME".into())
        ]
    );

    let (config, warnings) = Config::parse(
        [
            ("lead", "maybe"),
            ("lead-fields", "name,phone"),
            ("lead-endpoint", "http://crm.example/hook"),
            ("lead-format", "xml"),
            ("lead-map", "email"),
            ("privacy-url", "javascript:x"),
        ],
        &["en"],
    );
    let names: Vec<&str> = warnings.iter().map(|w| w.option.as_str()).collect();
    assert_eq!(
        names,
        [
            "lead",
            "lead-fields",
            "lead-endpoint",
            "lead-format",
            "lead-map",
            "privacy-url"
        ]
    );
    assert!(warnings[2].message.contains("not https"), "{}", warnings[2]);
    assert_eq!(
        config.lead.endpoint.as_deref(),
        Some("http://crm.example/hook"),
        "used, with the warning"
    );
    assert_eq!(config.lead.gate, Gate::Off);
}

#[test]
fn email_is_always_there_and_required() {
    assert_eq!(
        parse_fields("name,company").unwrap()[0],
        (Field::Email, true)
    );
    assert_eq!(parse_fields("email").unwrap(), [(Field::Email, true)]);
    assert_eq!(parse_fields("name,phone"), Err("phone".into()));
    assert_eq!(parse_pairs("a:b,,c:d").unwrap().len(), 2);
    assert_eq!(parse_pairs("a:"), Err("a:".into()));
}

#[test]
fn e_mail_addresses() {
    for good in ["ada@example.com", "a.b+c@sub.example.co.uk"] {
        assert!(is_email(good), "{good}");
    }
    for bad in [
        "",
        "ada",
        "ada@",
        "@example.com",
        "ada@example",
        "ada@@example.com",
        "a da@example.com",
        "ada@.example.com",
        "ada@example..com",
        "ada@example.com.",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
}

#[test]
fn the_form_lists_every_problem_in_order() {
    let config = LeadConfig {
        fields: parse_fields("name*,email,company").unwrap(),
        ..LeadConfig::default()
    };
    assert_eq!(
        check(&config, &[(Field::Email, "nope".into())], false),
        [
            Invalid::Missing(Field::Name),
            Invalid::BadEmail,
            Invalid::NoConsent
        ]
    );
    assert_eq!(
        check(&config, &[(Field::Name, "  ".into())], true),
        [
            Invalid::Missing(Field::Name),
            Invalid::Missing(Field::Email)
        ]
    );
    assert_eq!(check(&config, &values(), true), []);
}

#[test]
fn a_lead_carries_the_result_links_utm_and_extras_under_mapped_names() {
    let config = LeadConfig {
        mapping: parse_pairs("email:EMAIL,lead_id:id").unwrap(),
        extra: parse_pairs("source:smi").unwrap(),
        endpoint: Some("https://hooks.example/x".into()),
        ..LeadConfig::default()
    };
    let fields = lead_fields(
        &config,
        "L1",
        &values(),
        &completion(),
        "https://site.example/p?utm_source=news&utm_medium=e%20mail&x=1#frag",
    );
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    assert_eq!(get("id"), Some("L1".into()));
    assert_eq!(get("EMAIL"), Some("ada@example.com".into()));
    assert_eq!(get("name"), Some("Ada".into()), "trimmed");
    assert_eq!(get("category"), Some("participant".into()));
    assert_eq!(get("investment"), Some(19.into()));
    assert!(get("pillar_people").is_some());
    assert_eq!(
        get("page_url"),
        Some("https://site.example/p?utm_source=news&utm_medium=e%20mail&x=1".into())
    );
    assert_eq!(get("utm_medium"), Some("e mail".into()));
    assert_eq!(get("x"), None, "only utm_* parameters");
    assert_eq!(get("source"), Some("smi".into()));

    let json = request(&config, "L1", &fields).unwrap();
    assert_eq!(json.content_type, "application/json");
    let body: Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(body["EMAIL"], "ada@example.com");
    assert_eq!(body["innovation"], 84);
    // Names sorted, one value each; tests/browser/json.rs expects the same text in a browser.
    assert_eq!(json.body, include_str!("../fixtures/lead-body.json"));

    let form = request(
        &LeadConfig {
            format: Format::Form,
            ..config.clone()
        },
        "L1",
        &fields,
    )
    .unwrap();
    assert_eq!(form.content_type, "application/x-www-form-urlencoded");
    assert!(
        form.body.contains("EMAIL=ada%40example.com"),
        "{}",
        form.body
    );
    assert!(form.body.contains("investment=19"));
    assert_eq!(
        request(&LeadConfig::default(), "L1", &fields),
        None,
        "no endpoint: the event only"
    );
}

#[test]
fn utm_parameters() {
    assert_eq!(utm("https://a.example/"), []);
    assert_eq!(
        utm("https://a.example/?utm_source=x%2By&utm_term=a+b"),
        [
            ("utm_source".into(), "x+y".into()),
            ("utm_term".into(), "a b".into())
        ]
    );
}

proptest! {
    /// Host option text and visitor input never panic the lead code.
    #[test]
    fn any_input_is_handled(text in ".{0,80}", email in ".{0,40}") {
        // E-mail is always among the fields, and always required.
        if let Ok(fields) = parse_fields(&text) {
            prop_assert!(fields.contains(&(Field::Email, true)));
        }
        if let Ok(pairs) = parse_pairs(&text) {
            prop_assert!(pairs.iter().all(|(a, b)| !a.is_empty() && !b.is_empty()));
        }
        prop_assert!(utm(&text).iter().all(|(k, _)| k.starts_with("utm_")));
        let trimmed = email.trim();
        if is_email(trimmed) {
            prop_assert!(trimmed.contains('@') && !trimmed.contains(char::is_whitespace));
        }
        let config = LeadConfig::default();
        let found = check(&config, &[(Field::Email, email.clone())], true);
        let expected = match (trimmed.is_empty(), plausible_email(trimmed)) {
            (true, _) => vec![Invalid::Missing(Field::Email)],
            (false, true) => vec![],
            (false, false) => vec![Invalid::BadEmail],
        };
        prop_assert_eq!(found, expected);
        let fields = lead_fields(&config, "id", &[(Field::Email, email)], &completion(), &text);
        let sent = request(&LeadConfig { endpoint: Some("https://e.example".into()), ..config }, "id", &fields);
        prop_assert!(sent.is_some_and(|r| r.body.contains("\"lead_id\":\"id\"")));
    }
}

/// The form's rule for an e-mail address, written apart from `is_email` (the expectation the
/// property compares with): one `@`; 1–64 characters before it; after it, dot-separated
/// non-empty labels, at least two; at most 254 in all; no space or control character.
fn plausible_email(text: &str) -> bool {
    let parts: Vec<&str> = text.split('@').collect();
    let [local, domain] = parts[..] else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    (1..=64).contains(&local.len())
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && text.len() <= 254
        && text.chars().all(|c| !c.is_whitespace() && !c.is_control())
}

#[test]
fn the_oracle_agrees_with_the_literal_tables() {
    for good in ["a@b.co", "first.last+tag@sub.example.org"] {
        assert!(plausible_email(good), "{good}");
    }
    for bad in [
        "", "a@b", "@b.co", "a@@b.co", "a@.b.co", "a@b.co.", "a@b..co", "a b@c.co",
    ] {
        assert!(!plausible_email(bad), "{bad}");
    }
}
