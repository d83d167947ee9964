//! Lead capture: the host's gate and delivery settings, the visitor's form checked field by
//! field, and the request that carries a lead to the host's endpoint.
//!
//! Delivery itself (the POST, the outbox in local storage, retries with backoff) is the
//! loader's (`src/js/loader/outbox.js`), so it keeps running between page loads; this module
//! decides what is sent.

use crate::host::events::Completion;
use crate::pairs::Pairs;
use crate::words::percent_decode;
use serde::Serialize;
use std::fmt;

/// When the form is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gate {
    #[default]
    Off,
    /// Before the result: the result shows once the form is sent.
    Before,
    /// After the result, as an offer ("send me the full report"); sending it also hands
    /// over the report.
    After,
    /// The result is free; the full report comes after the form.
    Report,
}

impl Gate {
    /// Sending the form hands over the full report.
    pub fn gives_report(self) -> bool {
        matches!(self, Gate::After | Gate::Report)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Email,
    Company,
    Role,
    Size,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Name,
        Field::Email,
        Field::Company,
        Field::Role,
        Field::Size,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Company => "company",
            Field::Role => "role",
            Field::Size => "size",
        }
    }

    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// The choices offered for company size.
pub const SIZES: [&str; 5] = ["1-9", "10-49", "50-249", "250-999", "1000+"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// `application/json` (webhooks such as Zapier or Make, the host's own endpoint).
    #[default]
    Json,
    /// `application/x-www-form-urlencoded` (HubSpot's form submission URL, Formspree).
    Form,
}

/// The host's lead settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadConfig {
    pub gate: Gate,
    /// The fields shown, in order, and whether each is required. E-mail is always there
    /// and always required.
    pub fields: Vec<(Field, bool)>,
    /// The consent text the host sets; the widget's own when unset.
    pub consent: Option<String>,
    pub privacy_url: Option<String>,
    pub endpoint: Option<String>,
    pub format: Format,
    /// Our field name → the name the endpoint expects.
    pub mapping: Vec<(String, String)>,
    /// Fixed fields the host adds to every lead.
    pub extra: Vec<(String, String)>,
}

impl Default for LeadConfig {
    fn default() -> Self {
        LeadConfig {
            gate: Gate::Off,
            fields: vec![
                (Field::Name, false),
                (Field::Email, true),
                (Field::Company, false),
            ],
            consent: None,
            privacy_url: None,
            endpoint: None,
            format: Format::Json,
            mapping: Vec::new(),
            extra: Vec::new(),
        }
    }
}

/// `"name*,email,company"`: the fields in order, `*` marking required ones. Unknown names are
/// returned as the error; e-mail is added (first) when missing, and always required.
pub fn parse_fields(text: &str) -> Result<Vec<(Field, bool)>, String> {
    let mut fields: Vec<(Field, bool)> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, required) = match part.strip_suffix('*') {
            Some(name) => (name.trim(), true),
            None => (part, false),
        };
        let field = Field::parse(name).ok_or_else(|| name.to_owned())?;
        if !fields.iter().any(|(f, _)| *f == field) {
            fields.push((field, required || field == Field::Email));
        }
    }
    if !fields.iter().any(|(f, _)| *f == Field::Email) {
        fields.insert(0, (Field::Email, true));
    }
    Ok(fields)
}

/// `"a:b,c:d"` as pairs; an entry without `:` or with an empty side is the error.
pub fn parse_pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once(':') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Ok((a.trim().to_owned(), b.trim().to_owned()))
            }
            _ => Err(pair.to_owned()),
        })
        .collect()
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no
/// spaces. Deliverability is the host's to check.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && text.len() <= 254
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// What is wrong with a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Missing(Field),
    BadEmail,
    NoConsent,
}

/// The visitor's value for `field`, trimmed; empty when not given.
pub fn value(values: &[(Field, String)], field: Field) -> &str {
    values
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, v)| v.trim())
}

/// Every problem with the visitor's `values` (trimmed) and consent, in form order.
pub fn check(config: &LeadConfig, values: &[(Field, String)], consent: bool) -> Vec<Invalid> {
    let mut out = Vec::new();
    for &(field, required) in &config.fields {
        let v = value(values, field);
        if v.is_empty() {
            if required {
                out.push(Invalid::Missing(field));
            }
        } else if field == Field::Email && !is_email(v) {
            out.push(Invalid::BadEmail);
        }
    }
    if !consent {
        out.push(Invalid::NoConsent);
    }
    out
}

/// One lead, ready to send: the request body and its content type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    pub id: String,
    pub endpoint: String,
    pub content_type: &'static str,
    pub body: String,
}

/// One value of a lead: text, a score, or the consent flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum LeadValue {
    Text(String),
    Number(u8),
    Flag(bool),
}

impl From<&str> for LeadValue {
    fn from(text: &str) -> Self {
        LeadValue::Text(text.to_owned())
    }
}

impl From<String> for LeadValue {
    fn from(text: String) -> Self {
        LeadValue::Text(text)
    }
}

impl From<u8> for LeadValue {
    fn from(number: u8) -> Self {
        LeadValue::Number(number)
    }
}

impl From<bool> for LeadValue {
    fn from(flag: bool) -> Self {
        LeadValue::Flag(flag)
    }
}

impl fmt::Display for LeadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeadValue::Text(text) => f.write_str(text),
            LeadValue::Number(number) => number.fmt(f),
            LeadValue::Flag(flag) => flag.fmt(f),
        }
    }
}

/// Everything known about a lead, as flat (name, value) pairs in a stable order: the lead
/// id, the visitor's fields, the result, the links, the page's UTM parameters, the host's
/// extra fields. Field names are mapped as the host asked.
pub fn lead_fields(
    config: &LeadConfig,
    id: &str,
    values: &[(Field, String)],
    result: &Completion,
    page_url: &str,
) -> Vec<(String, LeadValue)> {
    let map = |name: &str| -> String {
        config
            .mapping
            .iter()
            .find(|(ours, _)| ours == name)
            .map_or_else(|| name.to_owned(), |(_, theirs)| theirs.clone())
    };
    let mut out: Vec<(String, LeadValue)> = vec![(map("lead_id"), id.into())];
    for &(field, _) in &config.fields {
        let v = value(values, field);
        if !v.is_empty() {
            out.push((map(field.as_str()), v.into()));
        }
    }
    out.push((map("consent"), true.into()));
    out.push((map("report"), config.gate.gives_report().into()));
    out.push((map("questionnaire"), result.questionnaire.clone().into()));
    out.push((map("category"), result.category.clone().into()));
    out.push((map("category_name"), result.category_name.clone().into()));
    out.push((map("investment"), result.investment.into()));
    out.push((map("innovation"), result.innovation.into()));
    for p in &result.pillars {
        out.push((map(&format!("pillar_{}", p.pillar)), p.score.into()));
    }
    // How close the lead is to the next category: its id ("" for #SocialFirst, which has
    // none) and how many answers would have to change.
    let next = result.next.as_ref();
    out.push((
        map("next_category"),
        next.map_or("", |n| &n.category).to_owned().into(),
    ));
    let changes = next.map_or(0, |n| n.changes.len());
    out.push((
        map("next_changes"),
        u8::try_from(changes).unwrap_or(u8::MAX).into(),
    ));
    if let Some(url) = &result.share_url {
        out.push((map("share_url"), url.clone().into()));
    }
    out.push((map("team"), result.team.clone().unwrap_or_default().into()));
    let page = page_url.split('#').next().unwrap_or_default();
    out.push((map("page_url"), page.into()));
    for (key, value) in utm(page) {
        out.push((map(&key), value.into()));
    }
    for (key, value) in &config.extra {
        out.push((key.clone(), value.clone().into()));
    }
    out
}

/// The `utm_*` parameters of `url`, decoded.
pub fn utm(url: &str) -> Vec<(String, String)> {
    let Some((_, query)) = url.split_once('?') else {
        return Vec::new();
    };
    query
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = percent_decode(k);
            k.starts_with("utm_").then(|| (k, percent_decode(v)))
        })
        .collect()
}

/// The request for `fields` in the host's format, or `None` without an endpoint.
pub fn request(config: &LeadConfig, id: &str, fields: &[(String, LeadValue)]) -> Option<Request> {
    let endpoint = config.endpoint.clone()?;
    let (content_type, body) = match config.format {
        Format::Json => {
            // One value per name, the last one given winning, names in sorted order.
            // Inserted one by one, not collected: see `Event::complete`.
            let mut object = Pairs::new();
            for (k, v) in fields {
                object.insert(k.as_str(), v);
            }
            ("application/json", smi_json::to_string(&object))
        }
        Format::Form => {
            let pairs: Vec<String> = fields
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}={}",
                        crate::words::percent_encode(k),
                        crate::words::percent_encode(&v.to_string())
                    )
                })
                .collect();
            let body = crate::words::join(&pairs, "&");
            ("application/x-www-form-urlencoded", body)
        }
    };
    Some(Request {
        id: id.to_owned(),
        endpoint,
        content_type,
        body,
    })
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The visitor's non-empty fields, trimmed, under our field names: what `smi:lead` carries.
pub fn filled(values: &[(Field, String)]) -> Pairs<String, String> {
    let mut lead = Pairs::new();
    for (field, value) in values {
        if !value.trim().is_empty() {
            lead.insert(field.as_str().to_owned(), value.trim().to_owned());
        }
    }
    lead
}
