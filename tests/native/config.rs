//! Host options: every option parses, every bad value falls back with a warning that names
//! it, and brand colours always get a readable text colour.

use proptest::prelude::*;
use smi_engine::host::config::{
    accent_for, contrast, nearest_with_contrast, parse_hex_colour, Config, Cta, Theme,
};

const LANGS: &[&str] = &["en", "ar"];

fn parse(pairs: &[(&str, &str)]) -> (Config, Vec<String>) {
    let (config, warnings) = Config::parse(pairs.iter().copied(), LANGS);
    (config, warnings.iter().map(ToString::to_string).collect())
}

#[test]
fn no_options_is_the_default_and_silent() {
    assert_eq!(parse(&[]), (Config::default(), vec![]));
}

#[test]
fn every_option_parses() {
    let (config, warnings) = parse(&[
        ("lang", "ar-EG"),
        ("theme", "dark"),
        ("accent", "#0A6"),
        ("company", " Northwind Advisory "),
        ("logo", "/img/logo.svg"),
        ("cta-label", "Book a call"),
        ("cta-url", "https://example.com/call"),
        ("share-url", "https://example.com/smi#old"),
        ("analytics", "datalayer"),
        ("lazy", ""),
        ("id", "hero"),
        ("data-anything", "x"),
    ]);
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(config.lang.as_deref(), Some("ar"));
    assert_eq!(config.theme, Theme::Dark);
    let accent = config.accent.unwrap();
    assert_eq!(
        (accent.colour.as_str(), accent.text.as_str()),
        ("#00aa66", "#111111")
    );
    assert_eq!(config.company.as_deref(), Some("Northwind Advisory"));
    assert_eq!(config.logo.as_deref(), Some("/img/logo.svg"));
    assert_eq!(
        config.cta,
        Some(Cta {
            label: "Book a call".into(),
            url: "https://example.com/call".into()
        })
    );
    assert_eq!(config.share_url.as_deref(), Some("https://example.com/smi"));
    assert!(config.data_layer);
}

#[test]
fn the_report_s_text_is_cut_at_600_characters_and_its_contact_lines_split_at_bars() {
    let long = "x".repeat(700);
    let (config, warnings) = parse(&[
        ("report-intro", &long),
        (
            "report-contact",
            "Northwind Consulting|hello@northwind.example",
        ),
        ("lead", "report"),
    ]);
    assert_eq!(
        warnings,
        ["option \"report-intro\": is longer than 600 characters; it is cut."]
    );
    assert_eq!(config.report_intro.as_deref().map(str::len), Some(600));
    assert_eq!(
        config.report_contact.as_deref(),
        Some("Northwind Consulting\nhello@northwind.example")
    );
    assert!(config.lead.gate.gives_report());
    let (config, warnings) = parse(&[("report-contact", "   "), ("lead", "reports")]);
    assert_eq!(config.report_contact, None, "blank text is no text");
    assert_eq!(
        warnings,
        ["option \"lead\": \"reports\" is not off, before, after or report; no lead form is shown."]
    );
}

#[test]
fn bad_values_fall_back_and_name_their_option() {
    let (config, warnings) = parse(&[
        ("lang", "fr"),
        ("theme", "purple"),
        ("accent", "blue"),
        ("logo", "javascript:alert(1)"),
        ("share-url", "/relative"),
        ("cta-label", "Book a call"),
        ("analytics", "segment"),
        ("colour", "#fff"),
    ]);
    assert_eq!(config, Config::default());
    let expected = [
        "option \"lang\": \"fr\" is not one of the languages this build has (en, ar)",
        "option \"theme\": \"purple\" is not light, dark or auto; using light.",
        "option \"accent\": \"blue\" is not a colour like #2f48c8",
        "option \"logo\": \"javascript:alert(1)\" is not an http(s) or site-relative URL",
        "option \"share-url\": \"/relative\" is not an absolute http(s) URL",
        "option \"analytics\": \"segment\" is not datalayer or none",
        "option \"colour\": is not an option of this widget",
        "option \"cta-label\": needs cta-url as well",
    ];
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    for (warning, start) in warnings.iter().zip(expected) {
        assert!(
            warning.starts_with(start),
            "{warning:?} should start with {start:?}"
        );
    }
}

#[test]
fn long_labels_are_cut_with_a_warning() {
    let long = "x".repeat(200);
    let (config, warnings) = parse(&[("company", &long)]);
    assert_eq!(config.company.unwrap().chars().count(), 80);
    assert_eq!(warnings.len(), 1);
}

#[test]
fn urls_that_could_run_script_or_escape_are_refused() {
    for url in [
        "javascript:x",
        "data:text/html,x",
        "//evil.example",
        "https://",
        "https://a b",
    ] {
        let (config, warnings) = parse(&[("cta-label", "Go"), ("cta-url", url)]);
        assert_eq!(config.cta, None, "{url}");
        assert_eq!(warnings.len(), 2, "{url}: {warnings:?}");
    }
}

#[test]
fn hex_colours() {
    assert_eq!(parse_hex_colour("#fff"), Some([255, 255, 255]));
    assert_eq!(parse_hex_colour("#2F48c8"), Some([0x2f, 0x48, 0xc8]));
    for bad in ["fff", "#ffff", "#gggggg", "#", "", "#12345", "#+1+2+3"] {
        assert_eq!(parse_hex_colour(bad), None, "{bad}");
    }
}

#[test]
fn contrast_matches_wcag_reference_values() {
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((contrast([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
}

#[test]
fn a_low_contrast_accent_is_used_but_warned_about_with_a_better_shade() {
    let (config, warnings) = parse(&[("accent", "#888888")]);
    assert!(
        config.accent.is_some() && warnings.is_empty(),
        "{warnings:?}"
    );

    let (config, warnings) = parse(&[("accent", "#ffcc00")]);
    assert_eq!(config.accent.unwrap().text, "#111111");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let better = warnings[0]
        .split_whitespace()
        .find(|w| w.starts_with('#') && *w != "#ffcc00")
        .unwrap();
    let better = parse_hex_colour(better).unwrap();
    assert!(contrast(better, [255, 255, 255]) >= 3.0);
    assert!(
        contrast(nearest_with_contrast(better, [255; 3], 3.0), [255; 3]) < 3.2,
        "nearest, not darkest"
    );
}

proptest! {
    /// Whatever the brand colour, the derived text colour is the more readable of the two,
    /// and never below 4.5:1 when a colour that reaches it exists (WCAG 1.4.3).
    #[test]
    fn derived_text_is_the_more_readable(rgb in any::<[u8; 3]>()) {
        let accent = accent_for(rgb);
        let text = parse_hex_colour(&accent.text).unwrap();
        let other = if accent.text == "#ffffff" { [17, 17, 17] } else { [255, 255, 255] };
        prop_assert!(contrast(rgb, text) >= contrast(rgb, other));
        prop_assert!(contrast(rgb, text) >= 4.0, "{rgb:?} → {}", accent.text);
    }

    /// Options are host input: any names and values parse without a panic; every name that
    /// is neither an option nor an attribute any element may carry gets a warning, and every
    /// warning names an option that was given.
    #[test]
    fn any_options_parse(pairs in prop::collection::vec(("(lang|lead|[a-z-]{0,12})", ".{0,40}"), 0..12)) {
        use smi_engine::host::config::OPTIONS;
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (_, warnings) = Config::parse(pairs.clone(), LANGS);
        let free = |n: &str| ["id", "class", "style", "slot", "hidden", "title", "tabindex", "part", "dir"].contains(&n)
            || n.starts_with("data-") || n.starts_with("aria-");
        for (name, _) in &pairs {
            if !OPTIONS.contains(name) && !free(name) {
                prop_assert!(warnings.iter().any(|w| w.option == *name), "{name:?} unreported");
            }
        }
        for w in &warnings {
            prop_assert!(pairs.iter().any(|(n, _)| *n == w.option) || w.option.starts_with("cta-"), "{w:?}");
        }
    }
}

/// The quoted names in `text` between `start` and the first `end` after it.
fn quoted_between(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text.find(start).expect(start) + start.len();
    let to = from + text[from..].find(end).expect(end);
    let mut names = Vec::new();
    for part in text[from..to].split(['\'', '"']).skip(1).step_by(2) {
        names.push(part.to_owned());
    }
    names
}

/// One list of options: the option table, the element's observed attributes and the WordPress
/// plugin's list name the same options, so no option is read but unlisted, listed but not
/// observed, or missing from the shortcode's documentation.
#[test]
fn the_option_list_the_parser_and_the_element_agree() {
    use smi_engine::host::config::OPTIONS;
    let mut listed: Vec<String> = OPTIONS.iter().map(|o| o.to_string()).collect();
    listed.sort();
    listed.dedup();
    assert_eq!(listed.len(), OPTIONS.len(), "an option is listed twice");
    for name in OPTIONS {
        let (_, warnings) = Config::parse([(name, "")], LANGS);
        assert!(
            warnings
                .iter()
                .all(|w| !w.message.contains("is not an option")),
            "{name}: {warnings:?}"
        );
    }
    // The element observes the generated list (src/js/facts.js, tests/native/types.rs).
    let loader = include_str!("../../src/js/smi-widget.js");
    assert!(loader.contains("static observedAttributes = OPTIONS;"));
    assert!(loader.contains("import { OPTIONS } from './facts.js';"));
    // The WordPress plugin's allowlist is generated from OPTIONS (tests/native/types.rs).
    let plugin = include_str!("../../wordpress/smi-assessment/options.php");
    let mut allowed = quoted_between(plugin, "return array(", ");")
        .into_iter()
        .step_by(2)
        .collect::<Vec<_>>();
    allowed.sort();
    assert_eq!(
        allowed, listed,
        "the WordPress plugin's options.php and OPTIONS"
    );
}

#[test]
fn the_square_root_power_matches_powf_for_every_channel() {
    use smi_engine::host::config::pow_2_4;
    for c in 0..=255u8 {
        let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
        let (ours, libm) = (pow_2_4(x), x.powf(2.4));
        assert!(
            (ours - libm).abs() <= 1e-9 * libm,
            "channel {c}: {ours} against {libm}"
        );
    }
    assert_eq!(pow_2_4(1.0), 1.0);
}

/// The block's attributes are options of the widget (in camelCase), strings with an empty
/// default: the plugin's render callback passes only those `block.json` declares.
#[test]
fn the_blocks_attributes_are_options() {
    use smi_engine::host::config::OPTIONS;
    let block: serde_json::Value = serde_json::from_str(include_str!(
        "../../wordpress/smi-assessment/block/block.json"
    ))
    .unwrap();
    let attributes = block["attributes"].as_object().unwrap();
    assert!(attributes.len() >= 8, "{attributes:?}");
    for (name, schema) in attributes {
        let kebab: String = name
            .chars()
            .flat_map(|c| {
                if c.is_ascii_uppercase() {
                    vec!['-', c.to_ascii_lowercase()]
                } else {
                    vec![c]
                }
            })
            .collect();
        assert!(OPTIONS.contains(&kebab.as_str()), "{name} is not an option");
        assert_eq!(schema["type"], "string", "{name}");
        assert_eq!(schema["default"], "", "{name}");
    }
}

#[test]
fn each_category_gets_its_offer_and_the_others_the_general_one() {
    use smi_engine::CategoryId;
    let (config, warnings) = parse(&[
        ("cta-label", "Talk to us"),
        ("cta-url", "/talk"),
        (
            "cta-participant",
            " Book a workshop | https://example.com/w?c={category} ",
        ),
        ("cta-social-first", "Partner with us|/partners"),
    ]);
    assert_eq!(warnings, Vec::<String>::new());
    let offer = |c| config.offer(c).map(|o| (o.label.as_str(), o.url.as_str()));
    assert_eq!(offer(CategoryId::Observer), Some(("Talk to us", "/talk")));
    assert_eq!(
        offer(CategoryId::Conservative),
        Some(("Talk to us", "/talk"))
    );
    assert_eq!(
        offer(CategoryId::Participant),
        Some(("Book a workshop", "https://example.com/w?c={category}"))
    );
    assert_eq!(
        offer(CategoryId::SocialFirst),
        Some(("Partner with us", "/partners"))
    );
    // Without a general call to action, only the categories with an offer get one.
    let (config, _) = parse(&[("cta-observer", "Guide|/guide")]);
    assert!(config.offer(CategoryId::Observer).is_some());
    assert_eq!(config.offer(CategoryId::Participant), None);
}

#[test]
fn an_offer_that_is_not_label_and_url_is_refused_by_name() {
    use smi_engine::CategoryId;
    for (value, says) in [
        ("no separator", "\"no separator\" is not label|URL"),
        (
            "Click|javascript:alert(1)",
            "needs a label and an http(s) or site-relative URL",
        ),
        (
            "|https://example.com",
            "needs a label and an http(s) or site-relative URL",
        ),
        (
            "Go|//evil.example/x",
            "needs a label and an http(s) or site-relative URL",
        ),
        (
            "Go|https://example.com/a b",
            "needs a label and an http(s) or site-relative URL",
        ),
    ] {
        let (config, warnings) = parse(&[("cta-conservative", value)]);
        assert_eq!(config.offer(CategoryId::Conservative), None, "{value}");
        assert_eq!(warnings.len(), 1, "{value}: {warnings:?}");
        assert!(
            warnings[0].starts_with("option \"cta-conservative\": ") && warnings[0].contains(says),
            "{value}: {warnings:?}"
        );
    }
}

#[test]
fn templates_fill_known_placeholders_encoded_and_leave_the_rest() {
    use smi_engine::host::config::fill_url;
    let value = |name: &str| match name {
        "category" => "social-first".to_owned(),
        "name" => "Ada & Co?x=1#y".to_owned(),
        "email" => "a+b@example.com".to_owned(),
        _ => String::new(),
    };
    assert_eq!(
        fill_url(
            "https://c.example/b?c={category}&n={name}&e={email}&id={lead_id}",
            value
        ),
        "https://c.example/b?c=social-first&n=Ada%20%26%20Co%3Fx%3D1%23y&e=a%2Bb%40example.com&id="
    );
    // Unknown, unclosed and nested braces stay as written.
    assert_eq!(fill_url("/x/{nope}/{name", value), "/x/{nope}/{name");
    assert_eq!(fill_url("/{{category}}", value), "/{social-first}");
    assert_eq!(fill_url("", value), "");
    let (_, warnings) = parse(&[
        ("cta-label", "Go"),
        ("cta-url", "/b?x={nope}&y={email}&z={utm}"),
    ]);
    assert_eq!(
        warnings,
        ["option \"cta-url\": {nope}, {utm} is not a placeholder (they are {category}, {investment}, {innovation}, {name}, {email}, {company}, {lead_id}); left as written."]
    );
}
