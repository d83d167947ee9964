//! Text: which font draws which character, words measured and lines broken, and each line's
//! runs shaped in visual order (the Unicode bidirectional algorithm), so that Arabic and
//! Persian read right to left with Latin names, links and numbers inside them.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use std::ops::Range;
use std::sync::Arc;
use unicode_bidi::{Level, ParagraphBidiInfo};

/// A font as krilla embeds it, and its bytes for the shaper.
#[derive(Clone)]
pub struct FontFile {
    pub font: Font,
    bytes: Arc<Vec<u8>>,
}

impl FontFile {
    /// The font in `bytes` (TrueType or OpenType), if it can be read.
    pub fn new(bytes: Vec<u8>) -> Option<FontFile> {
        let bytes = Arc::new(bytes);
        rustybuzz::Face::from_slice(&bytes, 0)?;
        let font = Font::new(bytes.clone().into(), 0)?;
        Some(FontFile { font, bytes })
    }

    fn face(&self) -> rustybuzz::Face<'_> {
        rustybuzz::Face::from_slice(&self.bytes, 0).expect("checked when loaded")
    }
}

/// The fonts parsed for shaping, once per report.
pub struct Shaper<'a> {
    pub fonts: &'a Fonts,
    sans: rustybuzz::Face<'a>,
    arabic: Option<rustybuzz::Face<'a>>,
}

impl<'a> Shaper<'a> {
    pub fn new(fonts: &'a Fonts) -> Shaper<'a> {
        Shaper {
            fonts,
            sans: fonts.sans.face(),
            arabic: fonts.arabic.as_ref().map(FontFile::face),
        }
    }

    fn face(&self, face: Face) -> &rustybuzz::Face<'a> {
        match (face, &self.arabic) {
            (Face::Arabic, Some(arabic)) => arabic,
            _ => &self.sans,
        }
    }

    fn has(&self, face: Face, c: char) -> bool {
        match (face, &self.arabic) {
            (Face::Arabic, None) => false,
            _ => self.face(face).glyph_index(c).is_some(),
        }
    }

    /// The face for each character of `text`: letters of the Arabic script take the Arabic
    /// font, other letters the sans; spaces, digits and punctuation stay with the letters
    /// before them (after them at the start), unless that font lacks them.
    fn faces(&self, text: &str) -> Vec<(usize, Face)> {
        let strong = |c: char| {
            if is_arabic(c) && self.fonts.arabic.is_some() {
                Some(Face::Arabic)
            } else if c.is_alphabetic() {
                Some(Face::Sans)
            } else {
                None
            }
        };
        let first = text.chars().find_map(strong).unwrap_or(Face::Sans);
        let mut current = first;
        text.char_indices()
            .map(|(at, c)| {
                let mut face = strong(c).unwrap_or(current);
                if !self.has(face, c) && !c.is_whitespace() && !is_control(c) {
                    let other = if face == Face::Sans {
                        Face::Arabic
                    } else {
                        Face::Sans
                    };
                    if self.has(other, c) {
                        face = other;
                    }
                }
                if strong(c).is_some() {
                    current = face;
                }
                (at, face)
            })
            .collect()
    }
}

/// The report's fonts: a Latin and Cyrillic one, and for Arabic-script languages an Arabic one.
#[derive(Clone)]
pub struct Fonts {
    pub sans: FontFile,
    pub arabic: Option<FontFile>,
}

/// Which of the two fonts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Face {
    Sans,
    Arabic,
}

impl Fonts {
    pub fn get(&self, face: Face) -> &FontFile {
        match (face, &self.arabic) {
            (Face::Arabic, Some(font)) => font,
            _ => &self.sans,
        }
    }
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Bidi controls: used by the algorithm, never drawn.
fn is_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One shaped run of one font, in visual order.
#[derive(Clone)]
pub struct Run {
    pub face: Face,
    /// The text the glyphs stand for (in logical order), for extraction.
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// In em.
    pub width: f32,
}

/// A line ready to draw: its runs left to right and its width in points.
#[derive(Clone)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
    pub size: f32,
}

/// Shapes `text` (one font, one direction) with `font`.
fn shape(face: &rustybuzz::Face, text: &str, rtl: bool) -> (Vec<KrillaGlyph>, f32) {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    let output = rustybuzz::shape(face, &[], buffer);
    let upem = face.units_per_em() as f32;
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    let mut width = 0.0;
    for (info, pos) in infos.iter().zip(positions) {
        let start = info.cluster as usize;
        // A cluster ends where the next cluster in logical order starts.
        let end = infos
            .iter()
            .map(|other| other.cluster as usize)
            .filter(|&c| c > start)
            .min()
            .unwrap_or(text.len());
        let advance = pos.x_advance as f32 / upem;
        width += advance;
        glyphs.push(KrillaGlyph::new(
            GlyphId::new(info.glyph_id),
            advance,
            pos.x_offset as f32 / upem,
            pos.y_offset as f32 / upem,
            pos.y_advance as f32 / upem,
            start..end,
            None,
        ));
    }
    (glyphs, width)
}

/// Breaks `text` into lines of at most `width` points at `size`, in the paragraph direction
/// `rtl` (when it has right-to-left letters), each line's runs shaped and in visual order.
pub fn lines(shaper: &Shaper, text: &str, size: f32, width: f32, rtl: bool) -> Vec<Line> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let faces = shaper.faces(text);
    let face_at = |at: usize| {
        faces
            .binary_search_by_key(&at, |(i, _)| *i)
            .map_or(Face::Sans, |i| faces[i].1)
    };
    let measure = |range: Range<usize>| -> f32 {
        segments(&text[range.clone()], range.start, &face_at)
            .map(|(r, face)| shape(shaper.face(face), &text[r], false).1)
            .sum::<f32>()
            * size
    };
    let space = shape(&shaper.sans, " ", false).1 * size;
    let mut breaks: Vec<Range<usize>> = Vec::new();
    let mut line: Option<Range<usize>> = None;
    let mut line_width = 0.0;
    for word in words(text) {
        let w = measure(word.clone());
        match &mut line {
            Some(current) if line_width + space + w <= width => {
                current.end = word.end;
                line_width += space + w;
            }
            _ => {
                if let Some(done) = line.take() {
                    breaks.push(done);
                }
                if w > width {
                    // A word longer than the line (a link): broken where it must be.
                    let mut pieces = split_long(text, word, width, &measure);
                    let last = pieces.pop().expect("a word has a piece");
                    breaks.extend(pieces);
                    line_width = measure(last.clone());
                    line = Some(last);
                } else {
                    line = Some(word);
                    line_width = w;
                }
            }
        }
    }
    breaks.extend(line);
    // A text with no right-to-left letter (a name, a link) runs left to right even in an
    // Arabic report, as `dir="auto"` would have it.
    let rtl = rtl
        && text
            .chars()
            .any(|c| is_arabic(c) || matches!(c as u32, 0x0590..=0x05FF));
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let bidi = ParagraphBidiInfo::new(text, Some(level));
    breaks
        .into_iter()
        .map(|range| visual_line(shaper, &bidi, text, range, size, &face_at))
        .collect()
}

/// The words of `text` as byte ranges, split at whitespace.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    text.split_whitespace().map(move |word| {
        let start = at + text[at..].find(word).unwrap_or(0);
        at = start + word.len();
        start..at
    })
}

/// A word too long for a line, in pieces that fit (after '/', '?', '&', '=' or '-' where it
/// can, else anywhere).
fn split_long(
    text: &str,
    word: Range<usize>,
    width: f32,
    measure: &dyn Fn(Range<usize>) -> f32,
) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = word.start;
    while start < word.end {
        let mut end = start;
        let mut soft = None;
        for (i, c) in text[start..word.end].char_indices() {
            let next = start + i + c.len_utf8();
            if measure(start..next) > width && end > start {
                break;
            }
            end = next;
            if matches!(c, '/' | '?' | '&' | '=' | '-') {
                soft = Some(next);
            }
        }
        let cut = match soft {
            Some(s) if end < word.end && s > start => s,
            _ => end,
        };
        pieces.push(start..cut);
        start = cut;
    }
    pieces
}

/// `text` (starting at byte `offset` of the paragraph) as ranges of one face each.
fn segments<'a>(
    text: &'a str,
    offset: usize,
    face_at: &'a dyn Fn(usize) -> Face,
) -> impl Iterator<Item = (Range<usize>, Face)> + 'a {
    let mut out: Vec<(Range<usize>, Face)> = Vec::new();
    for (i, c) in text.char_indices() {
        let at = offset + i;
        let face = face_at(at);
        match out.last_mut() {
            Some((range, f)) if *f == face => range.end = at + c.len_utf8(),
            _ => out.push((at..at + c.len_utf8(), face)),
        }
    }
    out.into_iter()
}

fn visual_line(
    shaper: &Shaper,
    bidi: &ParagraphBidiInfo,
    text: &str,
    range: Range<usize>,
    size: f32,
    face_at: &dyn Fn(usize) -> Face,
) -> Line {
    let (levels, runs) = bidi.visual_runs(range);
    let mut out = Vec::new();
    for run in runs {
        let rtl = levels[run.start].is_rtl();
        let mut parts: Vec<(Range<usize>, Face)> =
            segments(&text[run.clone()], run.start, face_at).collect();
        if rtl {
            parts.reverse();
        }
        for (part, face) in parts {
            let piece = &text[part.clone()];
            let (glyphs, width) = shape(shaper.face(face), piece, rtl);
            out.push(Run {
                face,
                text: piece.to_owned(),
                glyphs,
                width,
            });
        }
    }
    let width = out.iter().map(|r| r.width).sum::<f32>() * size;
    Line {
        runs: out,
        width,
        size,
    }
}
