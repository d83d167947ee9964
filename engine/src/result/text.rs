//! Interface text: the strings a language provides, and `{name}` placeholders.
//!
//! Strings are data (`engine/content/ui.*.json`); a missing or extra key fails parsing, so a
//! translation gap is a test failure rather than a blank on screen.

use crate::assessment::questionnaire::Axis;
use crate::pairs::Pairs;
use crate::result::calendar::{Calendar, Date};
use serde::Deserialize;
use std::ops::Deref;
use std::rc::Rc;

/// Declares `Strings` with one `String` field per key, and its parser. Parsing goes through
/// a map rather than serde's derive, and checks every key before building the struct: 66
/// keys derived cost about 27 KiB of wasm, and so does an early return per field (each one
/// drops the fields built before it); this costs a call per key.
macro_rules! strings {
    ($($key:ident),* $(,)?) => {
        #[derive(Debug, Clone, PartialEq)]
        pub struct Strings {
            $(pub $key: String,)*
            /// The zero of the digits numbers are written in (`'0'`, `'۰'`, …), from
            /// `digit_zero`.
            pub zero: char,
        }

        impl Strings {
            /// Every key, in the order of the English file.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// The strings from a key → text map; a missing or an unknown key is an error.
            pub fn from_map(mut map: Pairs<String, String>) -> Result<Strings, String> {
                check_keys(&map, Self::KEYS)?;
                let mut strings = Strings {
                    $($key: take(&mut map, stringify!($key)),)*
                    zero: '0',
                };
                strings.zero = strings.check_dates()?;
                Ok(strings)
            }
        }
    };
}

/// An error naming the first key of `keys` missing from `map`, or the first key of `map`
/// not in `keys`.
fn check_keys(map: &Pairs<String, String>, keys: &[&str]) -> Result<(), String> {
    if let Some(missing) = keys.iter().find(|key| !map.contains_key(**key)) {
        return Err(format!("missing key \"{missing}\""));
    }
    match map.keys().find(|key| !keys.contains(&key.as_str())) {
        Some(extra) => Err(format!("unknown key \"{extra}\"")),
        None => Ok(()),
    }
}

#[inline(never)]
fn take(map: &mut Pairs<String, String>, key: &str) -> String {
    map.remove(key).unwrap_or_default()
}

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = Pairs::<String, String>::deserialize(d)?;
        Strings::from_map(map).map_err(serde::de::Error::custom)
    }
}

strings! {
    intro_heading,
    intro_lead,
    intro_facts,
    intro_privacy,
    intro_privacy_lead,
    start,
    resume,
    start_over,
    progress,
    back,
    next,
    see_result,
    back_to_result,
    axis_investment,
    axis_innovation,
    result_heading,
    score_out_of,
    matrix_label,
    matrix_position,
    recommendation_heading,
    pillars_heading,
    actions_heading,
    actions_none,
    next_heading,
    next_intro,
    next_change,
    next_revisit,
    keep_heading,
    keep_intro,
    cusp_investment_below,
    cusp_investment_above,
    cusp_innovation_below,
    cusp_innovation_above,
    matrix_next,
    card_next,
    benchmark_card,
    benchmark_base,
    benchmark_too_few,
    benchmark_strip,
    benchmark_share,
    benchmark_categories,
    benchmark_yours,
    benchmark_refused,
    restart,
    error_content,
    error_crash,
    warn_storage,
    share_heading,
    share_link_label,
    copy_link,
    copied,
    copy_failed,
    share_linkedin,
    share_x,
    share_email,
    share_text,
    shared_eyebrow,
    take_yourself,
    share_refused,
    download_png,
    share_native,
    print,
    image_failed,
    share_failed,
    lead_heading_before,
    lead_heading_after,
    lead_intro,
    lead_name,
    lead_email,
    lead_company,
    lead_role,
    lead_size,
    lead_size_choose,
    lead_optional,
    lead_consent,
    lead_privacy,
    lead_submit,
    lead_submit_before,
    lead_sending,
    lead_sent,
    lead_queued,
    lead_rejected,
    lead_error_missing,
    lead_error_email,
    lead_error_consent,
    delete_data,
    data_deleted,
    digit_zero,
    date_format,
    date_months,
    date_calendar,
    report_title,
    report_date,
    report_link,
    report_page,
    report_current,
    report_mature,
    report_action,
    report_question,
    report_answers,
    report_at_best,
    report_next_steps,
    report_download,
    report_building,
    report_failed,
    list_separator,
    progress_heading,
    progress_pasted,
    progress_change,
    progress_category,
    progress_improved,
    progress_declined,
    matrix_previous,
    compare_label,
    compare_button,
    compare_refused,
}

/// A language's strings as the views and the machine share them. They are parsed once per
/// widget and never change, so two handles are equal when they hold the same parse:
/// comparing every string, as `Rc<Strings>` would on each render, costs the wasm 1.7 KB.
#[derive(Debug, Clone)]
pub struct Text(Rc<Strings>);

impl Text {
    pub fn new(strings: Strings) -> Text {
        Text(Rc::new(strings))
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Text {
    type Target = Strings;
    fn deref(&self) -> &Strings {
        &self.0
    }
}

impl Strings {
    /// The axis's name in this language.
    pub fn axis_name(&self, axis: Axis) -> &str {
        match axis {
            Axis::Investment => &self.axis_investment,
            Axis::Innovation => &self.axis_innovation,
        }
    }

    /// Checks the keys that describe how dates and numbers are written; returns the zero
    /// digit.
    fn check_dates(&self) -> Result<char, String> {
        let mut zero = self.digit_zero.chars();
        let zero = match (zero.next(), zero.next()) {
            // A zero digit of any script: numeric, and ASCII only if it is '0'.
            (Some(c), None) if c.is_numeric() && (c == '0' || !c.is_ascii()) => c,
            _ => {
                return Err(format!(
                    "\"digit_zero\" must be the language's zero digit, not \"{}\"",
                    self.digit_zero
                ))
            }
        };
        let months: Vec<&str> = self.date_months.split('|').collect();
        if months.len() != 12 || months.iter().any(|m| m.trim().is_empty()) {
            return Err("\"date_months\" must list 12 month names separated by |".into());
        }
        if Calendar::from_name(&self.date_calendar).is_none() {
            return Err(format!(
                "\"date_calendar\" must be \"gregorian\" or \"persian\", not \"{}\"",
                self.date_calendar
            ));
        }
        Ok(zero)
    }

    /// The Gregorian date `date` written the way this language writes dates, in its
    /// calendar and digits: "November 23, 2026", "۲ آذر ۱۴۰۵".
    pub fn date(&self, date: Date) -> String {
        let calendar = Calendar::from_name(&self.date_calendar).unwrap_or(Calendar::Gregorian);
        let local = calendar.from_gregorian(date);
        let month = self
            .date_months
            .split('|')
            .nth(local.month as usize - 1)
            .unwrap_or("");
        let (day, year) = (self.num(local.day), self.num(local.year));
        fill(
            &self.date_format,
            &[("day", &day), ("month", month.trim()), ("year", &year)],
        )
    }

    /// A change such as "+13", "−4" or "±0", in this language's digits, kept left to right
    /// (sign first) inside right-to-left text.
    pub fn signed(&self, n: i16) -> String {
        let sign = match n.signum() {
            1 => "+",
            -1 => "\u{2212}",
            _ => "\u{b1}",
        };
        format!("\u{2066}{sign}{}\u{2069}", self.num(n.unsigned_abs()))
    }

    /// `n` written with this language's digits.
    pub fn num(&self, n: impl std::fmt::Display) -> String {
        self.digits(n.to_string())
    }

    /// `text` with its ASCII digits in this language's.
    fn digits(&self, text: String) -> String {
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
