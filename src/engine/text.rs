//! Interface text: the strings a language provides, and `{name}` placeholders.
//!
//! Strings are data (`src/content/ui.*.json`); a missing or extra key fails parsing, so a
//! translation gap is a test failure rather than a blank on screen.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    pub intro_heading: String,
    pub intro_lead: String,
    pub intro_facts: String,
    pub intro_privacy: String,
    pub start: String,
    pub resume: String,
    pub start_over: String,
    pub progress: String,
    pub back: String,
    pub next: String,
    pub see_result: String,
    pub axis_investment: String,
    pub axis_innovation: String,
    pub result_heading: String,
    pub score_out_of: String,
    pub matrix_label: String,
    pub matrix_position: String,
    pub recommendation_heading: String,
    pub pillars_heading: String,
    pub actions_heading: String,
    pub actions_none: String,
    pub restart: String,
    pub error_content: String,
    pub error_crash: String,
    pub warn_storage: String,
    pub share_heading: String,
    pub share_link_label: String,
    pub copy_link: String,
    pub copied: String,
    pub copy_failed: String,
    pub share_linkedin: String,
    pub share_x: String,
    pub share_email: String,
    pub share_text: String,
    pub shared_eyebrow: String,
    pub take_yourself: String,
    pub share_refused: String,
    pub download_png: String,
    pub share_native: String,
    pub print: String,
    pub image_failed: String,
    pub share_failed: String,
    pub lead_heading_before: String,
    pub lead_heading_after: String,
    pub lead_intro: String,
    pub lead_name: String,
    pub lead_email: String,
    pub lead_company: String,
    pub lead_role: String,
    pub lead_size: String,
    pub lead_size_choose: String,
    pub lead_optional: String,
    pub lead_consent: String,
    pub lead_privacy: String,
    pub lead_submit: String,
    pub lead_submit_before: String,
    pub lead_sending: String,
    pub lead_sent: String,
    pub lead_queued: String,
    pub lead_rejected: String,
    pub lead_error_missing: String,
    pub lead_error_email: String,
    pub lead_error_consent: String,
    pub delete_data: String,
    pub data_deleted: String,
    /// The zero of the digits numbers are written in (`'0'`, `'۰'`, …): what the browser's
    /// `Intl` uses for the language, set at mount, not read from JSON.
    #[serde(skip, default = "latin_zero")]
    pub zero: char,
}

fn latin_zero() -> char {
    '0'
}

impl Strings {
    /// `n` written with this language's digits.
    pub fn num(&self, n: impl std::fmt::Display) -> String {
        let text = n.to_string();
        if self.zero == '0' {
            return text;
        }
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(self.zero as u32 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }
}

/// Wraps `text` in Unicode isolates (FSI … PDI), so a name such as "#SocialFirst" keeps its
/// own direction inside a sentence in the other direction.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// Replaces each `{key}` in `template` with its value; unknown placeholders stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// Whole minutes a questionnaire of `items` takes at about 15 seconds an item (at least 1).
pub fn minutes_for(items: usize) -> usize {
    (items * 15).div_ceil(60).max(1)
}

/// Percent-encodes everything but RFC 3986's unreserved characters, for query strings.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
