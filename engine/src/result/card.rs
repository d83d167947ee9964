//! The result card as a standalone SVG image, 1200×630 (the social-preview size): category
//! and its one-line meaning, the matrix with the company's position, both axis scores, the
//! pillar bars, the top three actions, the date and the host's brand.
//!
//! It is a string, built here without a DOM, so it is tested natively and the browser only
//! has to rasterise it (`src/js/card.js`). An SVG drawn as an image cannot load anything, so
//! the card uses system fonts, and the host's logo, when set, is an `<image>` whose address
//! `card.js` replaces with the image's data before drawing (or drops, if it cannot fetch it). Right-to-left languages
//! mirror the layout; the matrix keeps its axes, as charts do.

use crate::assessment::questionnaire::Questionnaire;
use crate::assessment::scoring::Outcome;
use crate::result::benchmark::Comparison;
use crate::result::text::{fill, isolate, Strings};
use crate::words::join;
use std::fmt::Write;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// What the card shows besides the outcome.
pub struct CardInput<'a> {
    pub questionnaire: &'a Questionnaire,
    pub strings: &'a Strings,
    pub outcome: &'a Outcome,
    pub rtl: bool,
    /// Written out in the visitor's language; empty for none.
    pub date: &'a str,
    pub company: Option<&'a str>,
    /// The host's logo URL.
    pub logo: Option<&'a str>,
    /// `#rrggbb` and the text colour on it.
    pub accent: (&'a str, &'a str),
    /// The call to action's label and URL.
    pub cta: Option<(&'a str, &'a str)>,
    /// The next category's name and how many answers would have to change to reach it.
    pub next: Option<(&'a str, usize)>,
    /// How the outcome compares with the host's benchmark pack.
    pub comparison: Option<Comparison>,
}

/// Escapes text for SVG/XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // What XML 1.0 does not allow (C0 controls, U+FFFE, U+FFFF), and the C1 controls
            // and tab and line breaks, which have no place on one line of the card. Rust's
            // strings hold no lone surrogates.
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Breaks `text` into at most `lines` lines of about `width` characters, at spaces; the last
/// line ends in "…" when text is left over.
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let fits = current.chars().count() + 1 + word.chars().count() <= width;
        if current.is_empty() || fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        out.push(std::mem::take(&mut current));
        if out.len() == lines {
            let last = out.last_mut().expect("lines > 0");
            let keep: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", keep.trim_end());
            return out;
        }
        current.push_str(word);
        if words.peek().is_none() {
            break;
        }
    }
    if !current.is_empty() {
        if out.len() == lines {
            return out;
        }
        let long: String = current.chars().take(width).collect();
        out.push(if long.chars().count() < current.chars().count() {
            format!("{}…", long.chars().take(width - 1).collect::<String>())
        } else {
            current
        });
    }
    out
}

struct Svg {
    out: String,
    rtl: bool,
}

impl Svg {
    /// An x coordinate from the reading start: mirrored in right-to-left languages.
    /// Coordinates are whole pixels: float formatting would cost the wasm kilobytes.
    fn x(&self, x: i32) -> i32 {
        if self.rtl {
            WIDTH as i32 - x
        } else {
            x
        }
    }

    /// A run of text starting at reading-start `x`, in a smaller size when it would probably
    /// be wider than `max` (estimated at 0.56 em a character: there are no fonts to measure
    /// with here, and a smaller size never stretches glyphs as `textLength` would).
    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, x: i32, y: i32, max: i32, size: u32, weight: u32, fill: &str, text: &str) {
        let x = self.x(x);
        // 0.56 em a character, in hundredths.
        let estimate = text.chars().count() as u32 * size * 56 / 100;
        let size = if estimate > max as u32 {
            (size * max as u32 / estimate).max(10)
        } else {
            size
        };
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
            escape(text)
        );
    }

    /// A rectangle whose reading-start edge is at `x`.
    fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, rx: i32, fill: &str) {
        let left = if self.rtl { WIDTH as i32 - x - w } else { x };
        let _ = write!(
            self.out,
            r#"<rect x="{left}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}"/>"#
        );
    }
}

const TEXT: &str = "#1b1f2a";
const MUTED: &str = "#4d5566";
const TRACK: &str = "#e4e7ee";

/// The card for `input`, as SVG text: its regions one after the other.
pub fn svg(input: &CardInput) -> String {
    let mut svg = Svg {
        out: String::with_capacity(8 * 1024),
        rtl: input.rtl,
    };
    let _ = write!(
        svg.out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" direction="{dir}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Tahoma, Arial, sans-serif"><rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##,
        dir = if input.rtl { "rtl" } else { "ltr" }
    );
    svg.rect(0, 0, 12, HEIGHT as i32, 0, input.accent.0);
    for region in [head, matrix, scores, actions, foot] {
        region(&mut svg, input);
    }
    svg.out.push_str("</svg>");
    svg.out
}

/// The head: the eyebrow, the logo, brand and date, the category and its meaning.
fn head(svg: &mut Svg, input: &CardInput) {
    let q = input.questionnaire;
    let s = input.strings;
    let o = input.outcome;
    let category = q.category(o.category);
    svg.text(60, 70, 620, 20, 600, MUTED, &q.title);
    let brand: Vec<&str> = [input.company.unwrap_or(""), input.date]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    // The logo, when set, takes the top corner; the company and date stand beside it.
    let mut brand_end = 1140;
    if let Some(logo) = input.logo {
        let x = if input.rtl { 60 } else { 1140 - 160 };
        let align = if input.rtl { "xMinYMid" } else { "xMaxYMid" };
        let _ = write!(
            svg.out,
            r#"<image class="logo" href="{}" x="{x}" y="40" width="160" height="44" preserveAspectRatio="{align} meet"/>"#,
            escape(logo)
        );
        brand_end = 1140 - 176;
    }
    if !brand.is_empty() {
        let x = svg.x(brand_end);
        let anchor = "end";
        let _ = write!(
            svg.out,
            r#"<text x="{x}" y="70" font-size="20" font-weight="600" fill="{MUTED}" text-anchor="{anchor}">{}</text>"#,
            escape(&join(&brand, " · "))
        );
    }
    let heading = fill(&s.result_heading, &[("category", &isolate(&category.name))]);
    svg.text(60, 128, 1080, 44, 700, TEXT, &heading);
    for (i, line) in wrap(&category.summary, 90, 1).iter().enumerate() {
        svg.text(60, 170 + 28 * i as i32, 1080, 22, 400, MUTED, line);
    }
}

/// The matrix, 280×280, never mirrored: innovation runs left to right, investment up.
fn matrix(svg: &mut Svg, input: &CardInput) {
    let q = input.questionnaire;
    let o = input.outcome;
    let (accent, accent_text) = input.accent;
    let (mx, my, size) = (svg.x(if input.rtl { 340 } else { 60 }), 215, 280);
    let (dx, dy) = crate::result::matrix::dot(o.investment, o.innovation, size);
    let (dx, dy) = (mx + dx, my + dy);
    for quadrant in crate::result::matrix::quadrants(q.threshold, size) {
        let crate::result::matrix::Quadrant {
            category: id,
            x,
            y,
            width: w,
            height: h,
        } = quadrant;
        let current = id == o.category;
        // The label moves off the dot: to the quadrant's top when the dot is in its lower
        // half, to its bottom otherwise.
        let label_y = if !current {
            my + y + h / 2 + 6
        } else if quadrant.name_at_top(dy - my) {
            my + y + 30
        } else {
            my + y + h - 18
        };
        let (bg, fg) = if current {
            (accent, accent_text)
        } else {
            ("#f1f3f8", MUTED)
        };
        let _ = write!(
            svg.out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="{bg}" stroke="#ffffff" stroke-width="3"/><text x="{}" y="{}" font-size="17" font-weight="{}" fill="{fg}" text-anchor="middle" unicode-bidi="plaintext">{}</text>"##,
            mx + x,
            my + y,
            w,
            h,
            mx + x + w / 2,
            label_y,
            if current { 700 } else { 500 },
            escape(&q.category(id).name)
        );
    }
    let _ = write!(
        svg.out,
        r##"<circle cx="{dx}" cy="{dy}" r="13" fill="#ffffff" opacity="0.9"/><circle cx="{dx}" cy="{dy}" r="8" fill="{TEXT}"/>"##
    );
}

/// The scores and the comparison with a pack, the pillars and how far the next category is, beside the matrix.
fn scores(svg: &mut Svg, input: &CardInput) {
    let q = input.questionnaire;
    let s = input.strings;
    let o = input.outcome;
    let accent = input.accent.0;
    let column = 380;
    for (i, (label, value)) in [
        (&s.axis_investment, o.investment),
        (&s.axis_innovation, o.innovation),
    ]
    .into_iter()
    .enumerate()
    {
        let x = column + 190 * i as i32;
        svg.text(x, 240, 170, 18, 600, MUTED, label);
        let x = svg.x(x);
        let _ = write!(
            svg.out,
            r#"<text x="{x}" y="296" font-size="56" font-weight="700" fill="{TEXT}">{}<tspan font-size="22" font-weight="500" fill="{MUTED}">/{}</tspan></text>"#,
            s.num(value),
            s.num(100)
        );
    }
    // With a benchmark pack of enough respondents: the percent each score is ahead of, under
    // it, and whom they are compared with, under the matrix.
    if let Some(c) = &input.comparison {
        if let Some(axes) = &c.axes {
            for (i, a) in axes.iter().enumerate() {
                let line = fill(&s.benchmark_card, &[("percent", &s.num(a.ahead_of))]);
                svg.text(column + 190 * i as i32, 320, 170, 16, 600, MUTED, &line);
            }
            let base = fill(
                &s.benchmark_base,
                &[("count", &s.num(c.n)), ("label", &isolate(&c.label))],
            );
            for (i, line) in wrap(&base, 36, 2).iter().enumerate() {
                svg.text(60, 522 + 18 * i as i32, 280, 14, 500, MUTED, line);
            }
        }
    }
    svg.text(column, 350, 360, 18, 700, TEXT, &s.pillars_heading);
    for (i, p) in o.pillars.iter().enumerate() {
        let y = 384 + 38 * i as i32;
        svg.text(column, y, 290, 17, 500, TEXT, q.pillar_name(&p.pillar));
        svg.text(column + 330, y, 40, 17, 700, TEXT, &s.num(p.score));
        svg.rect(column, y + 9, 320, 8, 4, TRACK);
        svg.rect(
            column,
            y + 9,
            (32 * i32::from(p.score) / 10).max(1),
            8,
            4,
            accent,
        );
    }

    // How far the next category is, in one line under the pillars.
    if let Some((name, count)) = input.next {
        let line = fill(
            &s.card_next,
            &[("category", &isolate(name)), ("count", &s.num(count))],
        );
        svg.text(column, 512, 370, 18, 700, TEXT, &line);
    }
}

/// The top three actions, or the sentence for a company with none.
fn actions(svg: &mut Svg, input: &CardInput) {
    let q = input.questionnaire;
    let s = input.strings;
    let o = input.outcome;
    let (accent, accent_text) = input.accent;
    let right = 780;
    svg.text(right, 240, 360, 18, 700, TEXT, &s.actions_heading);
    let mut y = 276;
    for (n, &i) in o.actions.iter().take(3).enumerate() {
        let lines = wrap(&q.items[i].action, 35, 3);
        let cx = svg.x(right + 14);
        let _ = write!(
            svg.out,
            r#"<circle cx="{cx}" cy="{}" r="14" fill="{accent}"/><text x="{cx}" y="{}" font-size="15" font-weight="700" fill="{accent_text}" text-anchor="middle">{}</text>"#,
            y - 6,
            y - 1,
            s.num(n + 1)
        );
        for line in &lines {
            svg.text(right + 40, y, 330, 17, 400, TEXT, line);
            y += 24;
        }
        y += 16;
    }
    if o.actions.is_empty() {
        for line in wrap(&s.actions_none, 34, 4) {
            svg.text(right, y, 360, 17, 400, TEXT, &line);
            y += 24;
        }
    }
}

/// The foot: the host's call to action, on the accent.
fn foot(svg: &mut Svg, input: &CardInput) {
    let (accent, accent_text) = input.accent;
    if let Some((label, url)) = input.cta {
        let site = url.split("://").nth(1).unwrap_or(url).trim_end_matches('/');
        svg.rect(60, 548, 1080, 52, 10, accent);
        svg.text(
            84,
            582,
            1030,
            20,
            700,
            accent_text,
            &format!("{label} · {site}"),
        );
    }
}
