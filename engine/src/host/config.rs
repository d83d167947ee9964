//! Host configuration: what a consultancy sets on `<smi-assessment>` (attributes) or passes
//! to `mount(element, options)`, parsed into a typed [`Config`].
//!
//! Every option arrives as a name and a string. A value that does not parse falls back to
//! its default and adds a [`Warning`] that names the option, so a typo in a host page costs a
//! console line, never the widget. Names the widget does not know are reported the same way,
//! except the global HTML attributes (`id`, `class`, `data-*`, …) a host page may add freely.

use crate::assessment::questionnaire::CategoryId;
use crate::host::lead::{self, Format, Gate, LeadConfig};
use std::fmt;

/// One option of the widget: its attribute name (the JS API uses its camelCase), what the
/// host's developer reads about it, and how its value is read.
pub struct OptionRow {
    pub name: &'static str,
    /// Native only: the TypeScript declarations, the Custom Elements Manifest, the loader's
    /// facts, the WordPress plugin's allowlist and `docs/options.md`'s table are generated
    /// from it (`tests/native/types.rs`).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: OptionDoc,
    read: Read,
}

/// Reads an option's trimmed value into the draft; a message is a warning about it.
type Read = for<'a> fn(&mut Draft<'a>, &str) -> Option<String>;

/// A [`Config`] being read, with the two halves of the call to action, which only count
/// together, and the languages the build ships.
struct Draft<'a> {
    config: Config,
    cta_label: Option<String>,
    cta_url: Option<String>,
    languages: &'a [&'a str],
}

/// What the host's developer reads about an option.
#[cfg(not(target_arch = "wasm32"))]
pub struct OptionDoc {
    /// Its values as a TypeScript type (of the attribute's text; the JS API's camelCase option
    /// takes the same).
    pub ts: &'static str,
    /// Its values, as the docs write them (Markdown).
    pub values: &'static str,
    /// What it is when unset (Markdown).
    pub default: &'static str,
    /// What it does, one or two sentences.
    pub what: &'static str,
}

/// Every option the widget reads: the one table its parser, types, docs and allowlists come from.
pub const OPTION_TABLE: [OptionRow; 27] = [
    OptionRow {
        name: "lang",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "'en' | 'ms' | 'ar' | 'fa' | 'ru' | (string & {})",
            values: "`en`, `ms`, `ar`, `fa`, `ru` (any tag with those primary subtags)",
            default: "the page's `lang`, then the browser's languages, then `en`",
            what: "The widget's language; any tag with one of these primary subtags. Default: the page's lang, then the browser's languages, then English.",
        },
        read: read_lang,
    },
    OptionRow {
        name: "theme",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "'light' | 'dark' | 'auto'",
            values: "`light`, `dark`, `auto`",
            default: "`light`",
            what: "Colour scheme; auto follows prefers-color-scheme. Default: light.",
        },
        read: |d, v| {
            d.config.theme = match v {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                "auto" => Theme::Auto,
                _ => return Some(format!("\"{v}\" is not light, dark or auto; using light.")),
            };
            None
        },
    },
    OptionRow {
        name: "accent",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "`#rgb` or `#rrggbb`",
            default: "`#2f48c8`",
            what: "Brand colour, #rgb or #rrggbb; the text colour on it is derived for contrast. Default: #2f48c8.",
        },
        read: read_accent,
    },
    OptionRow {
        name: "company",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "text, ≤ 80 characters",
            default: "none",
            what: "Company name (at most 80 characters), shown on the result and the card.",
        },
        read: |d, v| text(v, &mut d.config.company, MAX_LABEL),
    },
    OptionRow {
        name: "logo",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "http(s) or site-relative URL",
            default: "none",
            what: "Logo URL (http(s) or site-relative), shown on the result beside the company name.",
        },
        read: |d, v| relative_link(v, &mut d.config.logo, "ignoring it"),
    },
    OptionRow {
        name: "cta-label",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "text",
            default: "none",
            what: "Label of the call to action on the result and the card; needs cta-url.",
        },
        read: |d, v| text(v, &mut d.cta_label, MAX_LABEL),
    },
    OptionRow {
        name: "cta-url",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "http(s) or site-relative URL",
            default: "none",
            what: "URL of the call to action (http(s) or site-relative); needs cta-label.",
        },
        read: |d, v| {
            relative_link(v, &mut d.cta_url, "ignoring it").or_else(|| unknown_placeholders(v))
        },
    },
    OptionRow {
        name: "cta-observer",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "`label|URL`",
            default: "`cta-label` and `cta-url`",
            what: "The call to action for an Observer's result, label|URL; falls back to cta-label and cta-url.",
        },
        read: |d, v| offer(d, v, CategoryId::Observer),
    },
    OptionRow {
        name: "cta-conservative",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "`label|URL`",
            default: "`cta-label` and `cta-url`",
            what: "The call to action for a Conservative's result, label|URL; falls back to cta-label and cta-url.",
        },
        read: |d, v| offer(d, v, CategoryId::Conservative),
    },
    OptionRow {
        name: "cta-participant",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "`label|URL`",
            default: "`cta-label` and `cta-url`",
            what: "The call to action for a Participant's result, label|URL; falls back to cta-label and cta-url.",
        },
        read: |d, v| offer(d, v, CategoryId::Participant),
    },
    OptionRow {
        name: "cta-social-first",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "`label|URL`",
            default: "`cta-label` and `cta-url`",
            what: "The call to action for a #SocialFirst result, label|URL; falls back to cta-label and cta-url.",
        },
        read: |d, v| offer(d, v, CategoryId::SocialFirst),
    },
    OptionRow {
        name: "cta-personal",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "boolean | ''",
            values: "present or absent",
            default: "absent",
            what: "Present: the calls to action's URLs may carry {name}, {email}, {company} and {lead_id}, filled once the visitor has sent the lead form with consent.",
        },
        read: |d, _| {
            d.config.cta_personal = true;
            None
        },
    },
    OptionRow {
        name: "report-intro",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "text, ≤ 600 characters",
            default: "none",
            what: "A paragraph for the cover of the full report (at most 600 characters), after the matrix.",
        },
        read: |d, v| text(v, &mut d.config.report_intro, MAX_TEXT),
    },
    OptionRow {
        name: "report-contact",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "text, ≤ 600 characters; a line break (or `|`) starts a new line",
            default: "none",
            what: "Contact lines for the last page of the full report (at most 600 characters); a line break or | starts a new line.",
        },
        read: |d, v| text(&v.replace('|', "\n"), &mut d.config.report_contact, MAX_TEXT),
    },
    OptionRow {
        name: "share-url",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "absolute http(s) URL",
            default: "the page's URL",
            what: "Absolute http(s) URL that share links open (#smi=CODE is appended). Default: the page's URL.",
        },
        read: |d, v| match link(v, false) {
            Some(url) => {
                d.config.share_url = Some(url.split('#').next().unwrap_or_default().to_owned());
                None
            }
            None => Some(format!("\"{v}\" is not an absolute http(s) URL; share links will open this page.")),
        },
    },
    OptionRow {
        name: "analytics",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "'datalayer' | 'none'",
            values: "`datalayer`, `none`",
            default: "`none`",
            what: "Also push every event to window.dataLayer as { event, smi: detail }; smi:lead there carries { lead_id, result } only, never the visitor's fields. Default: none.",
        },
        read: |d, v| {
            d.config.data_layer = match v {
                "datalayer" => true,
                "" | "none" => false,
                _ => return Some(format!("\"{v}\" is not datalayer or none; sending events to the element only.")),
            };
            None
        },
    },
    OptionRow {
        name: "lazy",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "boolean | ''",
            values: "present or absent",
            default: "absent",
            what: "Present: start loading when the element nears the viewport.",
        },
        read: loader_only,
    },
    OptionRow {
        name: "questionnaire",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string | Record<string, unknown>",
            values: "URL of a questionnaire JSON (or, in `mount`, an object or JSON text)",
            default: "the shipped SMI",
            what: "A custom questionnaire: the URL of its JSON (or, in mount, the object or JSON text). Default: the shipped SMI.",
        },
        read: loader_only,
    },
    OptionRow {
        name: "benchmark",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string | SmiBenchmarkPack",
            values: "URL of a benchmark pack (or, in `mount`, an object or JSON text)",
            default: "none",
            what: "A benchmark pack to compare the result with: the URL of its JSON (or, in mount, the object or JSON text).",
        },
        read: loader_only,
    },
    OptionRow {
        name: "lead",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "'off' | 'before' | 'after' | 'report'",
            values: "`off`, `before`, `after`, `report`",
            default: "`off`",
            what: "The lead form: before the result, after it as an offer (sending it also downloads the full report), or report: the result is free and the full report comes after the form. Default: off.",
        },
        read: |d, v| {
            d.config.lead.gate = match v {
                "off" | "" => Gate::Off,
                "before" => Gate::Before,
                "after" => Gate::After,
                "report" => Gate::Report,
                _ => return Some(format!("\"{v}\" is not off, before, after or report; no lead form is shown.")),
            };
            None
        },
    },
    OptionRow {
        name: "lead-fields",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "comma list of `name`, `email`, `company`, `role`, `size`; `*` marks required",
            default: "`name,email*,company`",
            what: "The form's fields, comma-separated, in order, from name, email, company, role, size; * marks required. Default: name,email*,company.",
        },
        read: |d, v| match lead::parse_fields(v) {
            Ok(fields) => {
                d.config.lead.fields = fields;
                None
            }
            Err(field) => Some(format!("\"{field}\" is not one of name, email, company, role, size; using name, email*, company.")),
        },
    },
    OptionRow {
        name: "lead-consent",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "text",
            default: "\"I agree to be contacted about my result.\" (translated)",
            what: "The consent checkbox's text. Default: \"I agree to be contacted about my result.\" (translated).",
        },
        read: |d, v| {
            d.config.lead.consent = (!v.is_empty()).then(|| v.to_owned());
            None
        },
    },
    OptionRow {
        name: "privacy-url",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "http(s) or site-relative URL",
            default: "none",
            what: "Link to the host's privacy policy beside the consent (http(s) or site-relative).",
        },
        read: |d, v| relative_link(v, &mut d.config.lead.privacy_url, "no privacy link is shown"),
    },
    OptionRow {
        name: "lead-endpoint",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "absolute http(s) URL",
            default: "none",
            what: "Absolute http(s) URL where leads are POSTed.",
        },
        read: read_lead_endpoint,
    },
    OptionRow {
        name: "lead-format",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "'json' | 'form'",
            values: "`json`, `form`",
            default: "`json`",
            what: "Request body: JSON, or application/x-www-form-urlencoded. Default: json.",
        },
        read: |d, v| {
            d.config.lead.format = match v {
                "json" => Format::Json,
                "form" => Format::Form,
                _ => return Some(format!("\"{v}\" is not json or form; sending JSON.")),
            };
            None
        },
    },
    OptionRow {
        name: "lead-map",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "`ours:theirs,…`",
            default: "none",
            what: "Renames lead fields for the endpoint: ours:theirs pairs, comma-separated (email:EMAIL,name:FNAME).",
        },
        read: |d, v| pairs(v, &mut d.config.lead.mapping),
    },
    OptionRow {
        name: "lead-extra",
        #[cfg(not(target_arch = "wasm32"))]
        doc: OptionDoc {
            ts: "string",
            values: "`name:value,…`",
            default: "none",
            what: "Fixed fields added to every lead: name:value pairs, comma-separated (source:smi-widget).",
        },
        read: |d, v| pairs(v, &mut d.config.lead.extra),
    },
];

/// Every option's name, in the table's order.
pub const OPTIONS: [&str; OPTION_TABLE.len()] = {
    let mut names = [""; OPTION_TABLE.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = OPTION_TABLE[i].name;
        i += 1;
    }
    names
};

/// The options that decide where a visitor's personal data goes: the lead endpoint, the
/// format, renaming and fixed fields of what is sent there, and whether the calls to action
/// carry the visitor's details. A host that lets less trusted people
/// configure the widget lets only trusted ones set these (the WordPress plugin: authors
/// without `unfiltered_html` get the site's settings). Native only: the plugin's option table
/// is generated from it (`tests/native/types.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub const LEAD_ROUTING: [&str; 5] = [
    "lead-endpoint",
    "lead-format",
    "lead-map",
    "lead-extra",
    "cta-personal",
];

/// Attributes any HTML element may carry; never reported as unknown.
const GLOBAL_ATTRIBUTES: [&str; 9] = [
    "id", "class", "style", "slot", "hidden", "title", "tabindex", "part", "dir",
];

/// The brand colour when the host sets none, and the text colour on it.
pub const DEFAULT_ACCENT: (&str, &str) = ("#2f48c8", "#ffffff");

/// Longest company name or call-to-action label shown; longer text is cut with a warning.
pub const MAX_LABEL: usize = 80;

/// Longest paragraph the host gives the report (its intro, its contact lines).
pub const MAX_TEXT: usize = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// A brand colour and the text colour that reads best on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accent {
    /// `#rrggbb`.
    pub colour: String,
    /// `#ffffff` or `#111111`, whichever contrasts more with `colour`.
    pub text: String,
}

/// The host's call to action on the result, e.g. "Book a call".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cta {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The language asked for, if any and if supported; the caller resolves the rest.
    pub lang: Option<String>,
    pub theme: Theme,
    pub accent: Option<Accent>,
    pub company: Option<String>,
    pub logo: Option<String>,
    pub cta: Option<Cta>,
    /// A call to action per category, in [`CategoryId::ALL`] order, in place of `cta`.
    pub offers: [Option<Cta>; 4],
    /// The calls to action's URLs may carry the visitor's details (`cta-personal`).
    pub cta_personal: bool,
    /// The host's paragraph for the report's cover, and its contact lines for the last page.
    pub report_intro: Option<String>,
    pub report_contact: Option<String>,
    /// The page share links open; the widget's own page when unset.
    pub share_url: Option<String>,
    /// Also push every event to `window.dataLayer` (Google Tag Manager).
    pub data_layer: bool,
    pub lead: LeadConfig,
}

impl Config {
    /// The brand colour and the text colour on it, the default's when the host set none.
    pub fn accent_pair(&self) -> (&str, &str) {
        self.accent
            .as_ref()
            .map_or(DEFAULT_ACCENT, |a| (&a.colour, &a.text))
    }

    /// The call to action for a result in `category`: its own, else the general one.
    pub fn offer(&self, category: CategoryId) -> Option<&Cta> {
        self.offers[category as usize]
            .as_ref()
            .or(self.cta.as_ref())
    }
}

/// What a call to action's URL may hold, each replaced by its value, percent-encoded: the
/// result's, then the visitor's own details ([`PERSONAL`]).
pub const PLACEHOLDERS: [&str; 7] = [
    "category",
    "investment",
    "innovation",
    "name",
    "email",
    "company",
    "lead_id",
];

/// The placeholders that carry the visitor's details: filled only with `cta-personal` and
/// once the visitor has sent the lead form with consent; empty otherwise.
pub const PERSONAL: [&str; 4] = ["name", "email", "company", "lead_id"];

/// `template` with every `{placeholder}` of [`PLACEHOLDERS`] replaced by `value(name)`,
/// percent-encoded (so that no value can add a parameter or change the address's scheme);
/// anything else in braces stays as written.
pub fn fill_url(template: &str, value: impl Fn(&str) -> String) -> String {
    // Encoded, no value holds a brace, so one placeholder's value never fills another's.
    let encoded: Vec<String> = PLACEHOLDERS
        .iter()
        .map(|name| crate::words::percent_encode(&value(name)))
        .collect();
    let values: Vec<(&str, &str)> = PLACEHOLDERS
        .iter()
        .zip(&encoded)
        .map(|(name, v)| (*name, v.as_str()))
        .collect();
    crate::result::text::fill(template, &values)
}

/// A warning naming the `{…}` in `url` that are not placeholders, which stay as written.
fn unknown_placeholders(url: &str) -> Option<String> {
    let unknown: Vec<&str> = url
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| !PLACEHOLDERS.contains(name))
        .collect();
    (!unknown.is_empty()).then(|| {
        format!(
            "{{{}}} is not a placeholder (they are {{{}}}); left as written.",
            crate::words::join(&unknown, "}, {"),
            crate::words::join(&PLACEHOLDERS, "}, {")
        )
    })
}

/// `cta-<category>`: `label|URL`.
fn offer(draft: &mut Draft, value: &str, category: CategoryId) -> Option<String> {
    let Some((label, url)) = value.split_once('|') else {
        return Some(format!(
            "\"{value}\" is not label|URL; this category gets the general call to action."
        ));
    };
    let (label, url) = (label.trim(), url.trim());
    let mut cut = None;
    let warning = text(label, &mut cut, MAX_LABEL).or_else(|| unknown_placeholders(url));
    match (cut, link(url, true)) {
        (Some(label), Some(url)) => {
            draft.config.offers[category as usize] = Some(Cta { label, url });
            warning
        }
        _ => Some(format!(
            "\"{value}\" needs a label and an http(s) or site-relative URL; this category gets the general call to action."
        )),
    }
}

/// An option the widget could not use, and what it did instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub option: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "option \"{}\": {}", self.option, self.message)
    }
}

impl Config {
    /// Reads `options` (name, value); `languages` are those the build ships.
    /// Options the loader handles (`lazy`, `questionnaire`) are accepted silently here.
    pub fn parse<'a>(
        options: impl IntoIterator<Item = (&'a str, &'a str)>,
        languages: &[&str],
    ) -> (Config, Vec<Warning>) {
        let mut draft = Draft {
            config: Config::default(),
            cta_label: None,
            cta_url: None,
            languages,
        };
        let mut warnings = Vec::new();
        let mut warn = |option: &str, message: String| {
            warnings.push(Warning {
                option: option.to_owned(),
                message,
            })
        };
        for (name, value) in options {
            let message = match OPTION_TABLE.iter().find(|o| o.name == name) {
                Some(option) => (option.read)(&mut draft, value.trim()),
                None if GLOBAL_ATTRIBUTES.contains(&name)
                    || name.starts_with("data-")
                    || name.starts_with("aria-") =>
                {
                    None
                }
                None => Some(format!(
                    "is not an option of this widget; the options are {}.",
                    crate::words::join(&OPTIONS, ", ")
                )),
            };
            if let Some(message) = message {
                warn(name, message);
            }
        }
        let Draft {
            mut config,
            cta_label,
            cta_url,
            ..
        } = draft;
        match (cta_label, cta_url) {
            (Some(label), Some(url)) => config.cta = Some(Cta { label, url }),
            (None, None) => {}
            (Some(_), None) => warn(
                "cta-label",
                "needs cta-url as well; no call to action is shown.".into(),
            ),
            (None, Some(_)) => warn(
                "cta-url",
                "needs cta-label as well; no call to action is shown.".into(),
            ),
        }
        (config, warnings)
    }
}

/// `lang`: a tag whose primary subtag is one of the build's languages.
fn read_lang(draft: &mut Draft, value: &str) -> Option<String> {
    let tag = value.to_ascii_lowercase();
    let base = tag.split(['-', '_']).next().unwrap_or_default();
    if draft.languages.contains(&base) {
        draft.config.lang = Some(base.to_owned());
        return None;
    }
    Some(format!(
        "\"{value}\" is not one of the languages this build has ({}); using the page's language.",
        crate::words::join(draft.languages, ", ")
    ))
}

/// `accent`: a colour, used even when it contrasts too little with white, with the nearest
/// shade that would not.
fn read_accent(draft: &mut Draft, value: &str) -> Option<String> {
    let Some(rgb) = parse_hex_colour(value) else {
        return Some(format!(
            "\"{value}\" is not a colour like #2f48c8; using the default."
        ));
    };
    draft.config.accent = Some(accent_for(rgb));
    let ratio = contrast(rgb, WHITE);
    (ratio < NON_TEXT_CONTRAST).then(|| {
        let better = hex(nearest_with_contrast(rgb, WHITE, NON_TEXT_CONTRAST));
        format!("{value} has a contrast of {}:1 with the white background, below the 3:1 bars and markers need; {better} is the nearest shade that reaches it.", tenths(ratio))
    })
}

/// `lead-endpoint`: an absolute URL; plain http anywhere but this machine is used, with a
/// warning.
fn read_lead_endpoint(draft: &mut Draft, value: &str) -> Option<String> {
    let Some(url) = link(value, false) else {
        return Some(format!(
            "\"{value}\" is not an absolute http(s) URL; leads go to the smi:lead event only."
        ));
    };
    let local = ["http://localhost", "http://127.0.0.1"]
        .iter()
        .any(|l| url.starts_with(l));
    let plain = url.to_ascii_lowercase().starts_with("http://") && !local;
    draft.config.lead.endpoint = Some(url);
    plain.then(|| format!("{value} is not https: leads would travel unencrypted. Sending anyway."))
}

/// The options the loader reads (`lazy`, `questionnaire`, `benchmark`): accepted silently here.
fn loader_only(_: &mut Draft, _: &str) -> Option<String> {
    None
}

/// An http(s) or site-relative URL into `slot`; otherwise a warning that ends with `instead`.
fn relative_link(value: &str, slot: &mut Option<String>, instead: &str) -> Option<String> {
    match link(value, true) {
        Some(url) => {
            *slot = Some(url);
            None
        }
        None => Some(format!(
            "\"{value}\" is not an http(s) or site-relative URL; {instead}."
        )),
    }
}

/// `name:value` pairs into `slot`; otherwise a warning naming the first that is not one.
fn pairs(value: &str, slot: &mut Vec<(String, String)>) -> Option<String> {
    match lead::parse_pairs(value) {
        Ok(pairs) => {
            *slot = pairs;
            None
        }
        Err(bad) => Some(format!(
            "\"{bad}\" is not a name:value pair; ignoring the option."
        )),
    }
}

/// Non-empty text into `slot`, cut to [`MAX_LABEL`] characters with a warning.
/// Text of at most `most` characters (a label, a paragraph), else cut with a warning.
fn text(value: &str, slot: &mut Option<String>, most: usize) -> Option<String> {
    let value = value.trim();
    *slot = (!value.is_empty()).then(|| value.chars().take(most).collect());
    (value.chars().count() > most).then(|| format!("is longer than {most} characters; it is cut."))
}

/// An absolute http(s) URL, or with `relative` also a site-relative path (`/…`), with no
/// spaces or control characters. Anything else (`javascript:`, `data:`) is refused.
fn link(value: &str, relative: bool) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let absolute = ["https://", "http://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    let site_relative = relative && value.starts_with('/') && !value.starts_with("//");
    let clean = !value.chars().any(|c| c.is_whitespace() || c.is_control());
    ((absolute || site_relative) && clean).then(|| value.to_owned())
}

/// An sRGB colour, 0–255 per channel.
pub type Rgb = [u8; 3];
const WHITE: Rgb = [255, 255, 255];
const NEAR_BLACK: Rgb = [17, 17, 17];

/// `ratio` to one decimal ("1.6"), without float formatting, which costs the wasm kilobytes.
fn tenths(ratio: f64) -> String {
    let tenths = (ratio * 10.0).round() as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// WCAG 2.2 1.4.11: what bars, the matrix dot and focus marks need against their background.
pub const NON_TEXT_CONTRAST: f64 = 3.0;

/// `rgb` darkened (towards black) or lightened (towards white) in the fewest steps until it
/// reaches `ratio` against `background`; black or white if nothing nearer does.
pub fn nearest_with_contrast(rgb: Rgb, background: Rgb, ratio: f64) -> Rgb {
    let target = if luminance(background) > 0.5 {
        [0, 0, 0]
    } else {
        WHITE
    };
    let mix = |t: f64| {
        let channel = |i: usize| {
            (f64::from(rgb[i]) + (f64::from(target[i]) - f64::from(rgb[i])) * t).round() as u8
        };
        [channel(0), channel(1), channel(2)]
    };
    (0..=100)
        .map(|step| mix(f64::from(step) / 100.0))
        .find(|&c| contrast(c, background) >= ratio)
        .unwrap_or(target)
}

/// `#rgb` or `#rrggbb`, case-insensitive.
pub fn parse_hex_colour(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        3 => {
            let d: Vec<u8> = hex
                .bytes()
                .map(|b| (b as char).to_digit(16).unwrap_or(0) as u8)
                .collect();
            Some([d[0] * 17, d[1] * 17, d[2] * 17])
        }
        6 => Some([
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        ]),
        _ => None,
    }
}

/// WCAG 2.2 relative luminance.
pub fn luminance(rgb: Rgb) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

/// `x` to the power 2.4, for `x` in 0–1, from square roots alone (a wasm instruction): 2.4 is
/// 2 + 0.4, and 0.4 in binary is 0.0110 0110 …, so x^0.4 is the product of the roots
/// x^(1/2^k) at those digits. libm's `powf` would cost the wasm about 2 KB.
pub fn pow_2_4(x: f64) -> f64 {
    let (mut root, mut product) = (x, 1.0);
    for k in 1..=40 {
        root = root.sqrt();
        if matches!(k % 4, 2 | 3) {
            product *= root;
        }
    }
    x * x * product
}

/// WCAG 2.2 contrast ratio, 1–21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The accent and whichever of white or near-black text reads better on it.
pub fn accent_for(rgb: Rgb) -> Accent {
    let text = if contrast(rgb, WHITE) >= contrast(rgb, NEAR_BLACK) {
        WHITE
    } else {
        NEAR_BLACK
    };
    Accent {
        colour: hex(rgb),
        text: hex(text),
    }
}

pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}
