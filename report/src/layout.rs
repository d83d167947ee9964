//! The report's pages: blocks flowed down A4 pages, each section from a new page, a foot on
//! every page with the result's link as text and as a QR code, then drawn with krilla.

use crate::text::{lines, Fonts, Line, Shaper};
use krilla::action::LinkAction;
use krilla::annotation::{LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::Document;
use smi_engine::result::report::{Bar, Block, Report};

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const CONTENT: f32 = WIDTH - 2.0 * MARGIN;
/// Where the foot starts.
const FOOT: f32 = HEIGHT - 76.0;
const BODY: f32 = 10.5;
const INK: [u8; 3] = [0x1b, 0x1f, 0x2e];
const MUTED: [u8; 3] = [0x55, 0x5b, 0x6e];
const TRACK: [u8; 3] = [0xe6, 0xe8, 0xef];

/// The host's logo as the browser decoded it: RGBA pixels.
pub struct Logo {
    pub rgba: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Something to draw, at a place on a page.
enum Draw {
    Text {
        x: f32,
        y: f32,
        line: Line,
        color: rgb::Color,
        bold: bool,
    },
    Rect {
        rect: Rect,
        color: rgb::Color,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        color: rgb::Color,
    },
    Rule {
        from: (f32, f32),
        to: (f32, f32),
        color: rgb::Color,
    },
    Link {
        rect: Rect,
        url: String,
    },
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

struct Page {
    draws: Vec<Draw>,
}

/// Flows the report's blocks down pages.
struct Flow<'a> {
    fonts: &'a Shaper<'a>,
    report: &'a Report,
    accent: rgb::Color,
    pages: Vec<Page>,
    y: f32,
    /// Each section's title and first page, for the outline.
    outline: Vec<(String, usize)>,
}

fn ink([r, g, b]: [u8; 3]) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

fn colour(hex: &str) -> rgb::Color {
    let hex = hex.trim_start_matches('#');
    let part = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    if hex.len() == 6 {
        rgb::Color::new(part(0), part(2), part(4))
    } else {
        rgb::Color::new(0x2f, 0x48, 0xc8)
    }
}

impl<'a> Flow<'a> {
    fn rtl(&self) -> bool {
        self.report.rtl
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page was started")
    }

    fn new_page(&mut self) {
        self.pages.push(Page { draws: Vec::new() });
        self.y = MARGIN;
    }

    /// Room for `height` more points on this page, or a new page.
    fn room(&mut self, height: f32) {
        if self.y + height > FOOT - 12.0 {
            self.new_page();
        }
    }

    /// The left edge of something `width` wide, `indent` from the start side.
    fn x(&self, indent: f32, width: f32) -> f32 {
        if self.rtl() {
            WIDTH - MARGIN - indent - width
        } else {
            MARGIN + indent
        }
    }

    fn lines(&self, text: &str, size: f32, width: f32) -> Vec<Line> {
        lines(self.fonts, text, size, width, self.rtl())
    }

    /// Writes `text` as a paragraph from the start side, `indent` in, breaking pages between
    /// lines; returns nothing, moves `y` on.
    fn text(&mut self, text: &str, size: f32, indent: f32, color: rgb::Color, bold: bool) {
        let leading = size * 1.45;
        for line in self.lines(text, size, CONTENT - indent) {
            self.room(leading);
            let x = self.x(indent, line.width);
            let y = self.y + size;
            self.page().draws.push(Draw::Text {
                x,
                y,
                line,
                color,
                bold,
            });
            self.y += leading;
        }
    }

    fn section(&mut self, title: &str, first: bool) {
        if !first {
            self.new_page();
        }
        let index = self.pages.len() - 1;
        self.outline.push((title.to_owned(), index));
        self.text(title, 20.0, 0.0, ink(INK), true);
        let y = self.y + 2.0;
        let (accent, x) = (self.accent, self.x(0.0, 48.0));
        self.page().draws.push(Draw::Rect {
            rect: Rect::from_xywh(x, y, 48.0, 3.0).expect("a bar has a size"),
            color: accent,
        });
        self.y += 18.0;
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { text } => {
                // A heading is not left alone at a page's foot.
                self.room(14.0 * 1.45 + BODY * 3.0);
                self.y += 8.0;
                self.text(text, 14.0, 0.0, ink(INK), true);
                self.y += 2.0;
            }
            Block::Paragraph { text } => {
                self.text(text, BODY, 0.0, ink(INK), false);
                self.y += 6.0;
            }
            Block::Facts { rows } => {
                for [label, value] in rows {
                    self.text(&format!("{label}: {value}"), BODY, 0.0, ink(MUTED), false);
                }
                self.y += 10.0;
            }
            Block::Category { name, summary } => {
                let accent = self.accent;
                self.text(name, 28.0, 0.0, accent, true);
                self.text(summary, 12.0, 0.0, ink(INK), false);
                self.y += 10.0;
            }
            Block::Matrix { .. } => self.matrix(block),
            Block::Bars { bars } => {
                for bar in bars {
                    self.bar(bar);
                }
                self.y += 6.0;
            }
            Block::Entry { title, rows } => {
                self.room(BODY * 1.45 * (1 + rows.len()) as f32);
                self.text(title, BODY, 0.0, ink(INK), true);
                for [label, value] in rows {
                    self.text(&format!("{label}: {value}"), BODY, 12.0, ink(MUTED), false);
                }
                self.y += 8.0;
            }
            Block::Link { label, url } => {
                self.room(BODY * 1.45 * 3.0);
                self.text(label, 12.0, 0.0, ink(INK), true);
                let top = self.y;
                let accent = self.accent;
                self.text(url, BODY, 0.0, accent, false);
                let rect = Rect::from_xywh(MARGIN, top, CONTENT, self.y - top);
                if let Some(rect) = rect {
                    self.page().draws.push(Draw::Link {
                        rect,
                        url: url.clone(),
                    });
                }
                self.y += 10.0;
            }
        }
    }

    fn bar(&mut self, bar: &Bar) {
        self.room(BODY * 1.45 + 14.0);
        let label = self.lines(&bar.label, BODY, CONTENT * 0.7);
        let value = self.lines(&bar.text, BODY, CONTENT * 0.3);
        let y = self.y + BODY;
        for (i, line) in label.into_iter().enumerate() {
            let x = self.x(0.0, line.width);
            let y = y + i as f32 * BODY * 1.45;
            self.page().draws.push(Draw::Text {
                x,
                y,
                line,
                color: ink(INK),
                bold: false,
            });
        }
        if let Some(line) = value.into_iter().next() {
            // The value at the end side.
            let x = if self.rtl() {
                MARGIN
            } else {
                WIDTH - MARGIN - line.width
            };
            self.page().draws.push(Draw::Text {
                x,
                y,
                line,
                color: ink(MUTED),
                bold: true,
            });
        }
        let lines = self.lines(&bar.label, BODY, CONTENT * 0.7).len().max(1);
        self.y += lines as f32 * BODY * 1.45 + 2.0;
        let filled = CONTENT * f32::from(bar.value.min(100)) / 100.0;
        let (accent, top) = (self.accent, self.y);
        let track = Rect::from_xywh(MARGIN, top, CONTENT, 7.0).expect("a track has a size");
        self.page().draws.push(Draw::Rect {
            rect: track,
            color: ink(TRACK),
        });
        if filled > 0.5 {
            let x = self.x(0.0, filled);
            self.page().draws.push(Draw::Rect {
                rect: Rect::from_xywh(x, top, filled, 7.0).expect("a bar has a size"),
                color: accent,
            });
        }
        self.y += 16.0;
    }

    /// The matrix: innovation across, investment up, the line at the threshold, each
    /// quadrant named, the company's position as a dot (and the next category's as a ring).
    fn matrix(&mut self, block: &Block) {
        let Block::Matrix {
            investment,
            innovation,
            threshold,
            names,
            current,
            axes,
            alt,
            next,
        } = block
        else {
            return;
        };
        let side = 250.0;
        self.room(side + 60.0);
        let left = self.x(24.0, side);
        let top = self.y + 4.0;
        let at = |score: u8| side * f32::from(score.min(100)) / 100.0;
        let line = at(*threshold);
        let accent = self.accent;
        let draws = &mut self.pages.last_mut().expect("a page").draws;
        draws.push(Draw::Rect {
            rect: Rect::from_xywh(left, top, side, side).expect("a matrix has a size"),
            color: rgb::Color::new(0xf4, 0xf5, 0xf9),
        });
        // Quadrants in the order of `names`: observer (low, low), conservative (investment
        // only), participant (innovation only), #SocialFirst (both).
        let quadrants = [
            (left, top + side - line, line, line),
            (left, top, line, side - line),
            (left + line, top + side - line, side - line, line),
            (left + line, top, side - line, side - line),
        ];
        let (x, y, w, h) = quadrants[usize::from(*current).min(3)];
        if let Some(rect) = Rect::from_xywh(x, y, w, h) {
            draws.push(Draw::Rect {
                rect,
                color: rgb::Color::new(0xe3, 0xe7, 0xf7),
            });
        }
        draws.push(Draw::Rule {
            from: (left + line, top),
            to: (left + line, top + side),
            color: ink(MUTED),
        });
        draws.push(Draw::Rule {
            from: (left, top + side - line),
            to: (left + side, top + side - line),
            color: ink(MUTED),
        });
        for (i, name) in names.iter().enumerate() {
            let (x, y, w, _) = quadrants[i];
            let lines = lines(self.fonts, name, 9.0, w - 8.0, self.report.rtl);
            for (j, l) in lines.into_iter().enumerate() {
                let draws = &mut self.pages.last_mut().expect("a page").draws;
                // At the quadrant's start side.
                let x = if self.report.rtl {
                    x + w - 4.0 - l.width
                } else {
                    x + 4.0
                };
                draws.push(Draw::Text {
                    x,
                    y: y + 12.0 + j as f32 * 11.0,
                    line: l,
                    color: ink(MUTED),
                    bold: i == usize::from(*current),
                });
            }
        }
        let draws = &mut self.pages.last_mut().expect("a page").draws;
        if let Some([inv, inn]) = next {
            draws.push(Draw::Dot {
                x: left + at(*inn),
                y: top + side - at(*inv),
                r: 5.0,
                color: ink(MUTED),
            });
        }
        draws.push(Draw::Dot {
            x: left + at(*innovation),
            y: top + side - at(*investment),
            r: 7.0,
            color: accent,
        });
        // Axis names: across under the square, up beside it.
        let across = lines(self.fonts, &axes[0], 9.0, side, self.report.rtl);
        for l in across.into_iter().take(1) {
            let x = left + (side - l.width) / 2.0;
            self.pages
                .last_mut()
                .expect("a page")
                .draws
                .push(Draw::Text {
                    x,
                    y: top + side + 13.0,
                    line: l,
                    color: ink(MUTED),
                    bold: false,
                });
        }
        let up = lines(self.fonts, &axes[1], 9.0, 120.0, self.report.rtl);
        for l in up.into_iter().take(1) {
            self.pages
                .last_mut()
                .expect("a page")
                .draws
                .push(Draw::Text {
                    x: left,
                    y: top - 4.0,
                    line: l,
                    color: ink(MUTED),
                    bold: false,
                });
        }
        self.y = top + side + 24.0;
        self.text(alt, 9.0, 0.0, ink(MUTED), false);
        self.y += 8.0;
    }

    /// The foot of every page: the link (text and QR code) and the page number.
    fn feet(&mut self, qr: Option<&qrcodegen::QrCode>) {
        let total = self.pages.len();
        let report = self.report;
        for n in 0..total {
            let number = report
                .page_label
                .replace("{n}", &digits(n + 1, report.zero))
                .replace("{total}", &digits(total, report.zero));
            let mut draws = Vec::new();
            draws.push(Draw::Rule {
                from: (MARGIN, FOOT),
                to: (WIDTH - MARGIN, FOOT),
                color: ink(TRACK),
            });
            let qr_side = 52.0;
            let mut text_room = CONTENT;
            if let (Some(qr), Some(link)) = (qr, &report.link) {
                let x = if report.rtl {
                    MARGIN
                } else {
                    WIDTH - MARGIN - qr_side
                };
                let cells = qr.size() as f32;
                let cell = qr_side / cells;
                for yy in 0..qr.size() {
                    for xx in 0..qr.size() {
                        if qr.get_module(xx, yy) {
                            draws.push(Draw::Rect {
                                rect: Rect::from_xywh(
                                    x + xx as f32 * cell,
                                    FOOT + 10.0 + yy as f32 * cell,
                                    cell,
                                    cell,
                                )
                                .expect("a cell has a size"),
                                color: ink(INK),
                            });
                        }
                    }
                }
                if let Some(rect) = Rect::from_xywh(x, FOOT + 10.0, qr_side, qr_side) {
                    draws.push(Draw::Link {
                        rect,
                        url: link.clone(),
                    });
                }
                text_room -= qr_side + 12.0;
                let label = lines(self.fonts, &report.link_label, 8.0, text_room, report.rtl);
                let url = lines(self.fonts, link, 7.5, text_room, false);
                let mut y = FOOT + 20.0;
                for l in label.into_iter().take(1).chain(url.into_iter().take(2)) {
                    let x = if report.rtl {
                        WIDTH - MARGIN - l.width
                    } else {
                        MARGIN
                    };
                    draws.push(Draw::Text {
                        x,
                        y,
                        line: l,
                        color: ink(MUTED),
                        bold: false,
                    });
                    y += 10.0;
                }
                if let Some(rect) = Rect::from_xywh(MARGIN, FOOT + 12.0, text_room, 32.0) {
                    draws.push(Draw::Link {
                        rect,
                        url: link.clone(),
                    });
                }
            }
            for l in lines(self.fonts, &number, 8.0, text_room, report.rtl)
                .into_iter()
                .take(1)
            {
                let x = if report.rtl {
                    WIDTH - MARGIN - l.width
                } else {
                    MARGIN
                };
                draws.push(Draw::Text {
                    x,
                    y: FOOT + 58.0,
                    line: l,
                    color: ink(MUTED),
                    bold: false,
                });
            }
            self.pages[n].draws.extend(draws);
        }
    }
}

fn digits(n: usize, zero: char) -> String {
    n.to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(zero as u32 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Lays out `report` and writes it as PDF; the file and its page count.
pub fn pdf(report: &Report, fonts: &Fonts, logo: Option<Logo>) -> Result<(Vec<u8>, usize), String> {
    let shaper = Shaper::new(fonts);
    let mut flow = Flow {
        fonts: &shaper,
        report,
        accent: colour(&report.accent),
        pages: Vec::new(),
        y: MARGIN,
        outline: Vec::new(),
    };
    flow.new_page();
    // The host's logo and name at the top of the cover.
    let logo = logo.filter(|l| {
        l.width > 0 && l.height > 0 && l.rgba.len() == (l.width * l.height * 4) as usize
    });
    if let Some(l) = &logo {
        let h = 40.0;
        let w = (h * l.width as f32 / l.height as f32).min(CONTENT / 2.0);
        let x = flow.x(0.0, w);
        flow.page().draws.push(Draw::Logo { x, y: MARGIN, w, h });
        flow.y += h + 10.0;
    }
    if let Some(brand) = &report.brand {
        flow.text(brand, 12.0, 0.0, ink(MUTED), true);
        flow.y += 14.0;
    }
    for (i, section) in report.sections.iter().enumerate() {
        flow.section(&section.title, i == 0);
        for block in &section.blocks {
            flow.block(block);
        }
    }
    let qr = report
        .link
        .as_deref()
        .and_then(|link| qrcodegen::QrCode::encode_text(link, qrcodegen::QrCodeEcc::Medium).ok());
    flow.feet(qr.as_ref());
    let pages = flow.pages.len();
    let image = logo.map(|l| Image::from_rgba8(l.rgba, l.width, l.height));
    let outline = flow.outline;
    let mut document = Document::new();
    for page in flow.pages {
        let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or("bad page size")?;
        let mut pdf_page = document.start_page_with(settings);
        let mut links = Vec::new();
        {
            let mut surface = pdf_page.surface();
            for draw in page.draws {
                match draw {
                    Draw::Link { rect, url } => links.push((rect, url)),
                    other => paint(&mut surface, fonts, other, image.as_ref()),
                }
            }
            surface.finish();
        }
        for (rect, url) in links {
            pdf_page.add_annotation(
                LinkAnnotation::new(rect, Target::Action(LinkAction::new(url).into())).into(),
            );
        }
        pdf_page.finish();
    }
    let mut tree = Outline::new();
    for (title, page) in outline {
        tree.push_child(OutlineNode::new(
            title.replace(['\u{2068}', '\u{2069}'], ""),
            XyzDestination::new(page, Point::from_xy(0.0, 0.0)),
        ));
    }
    document.set_outline(tree);
    let mut metadata = krilla::metadata::Metadata::new()
        .title(report.title.replace(['\u{2068}', '\u{2069}'], ""))
        .language(report.lang.clone())
        .creator("SMI widget".into());
    if report.rtl {
        metadata = metadata.text_direction(krilla::metadata::TextDirection::RightToLeft);
    }
    document.set_metadata(metadata);
    let bytes = document
        .finish()
        .map_err(|e| format!("the PDF could not be written: {e:?}"))?;
    Ok((bytes, pages))
}

fn fill(color: rgb::Color) -> Fill {
    Fill {
        paint: color.into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn paint(surface: &mut Surface, fonts: &Fonts, draw: Draw, logo: Option<&Image>) {
    match draw {
        Draw::Text {
            x,
            y,
            line,
            color,
            bold,
        } => {
            surface.set_fill(Some(fill(color)));
            // Bold drawn by stroking the glyphs' outlines as well (one font file per script
            // instead of two); the text stays text.
            surface.set_stroke(bold.then(|| Stroke {
                paint: color.into(),
                width: line.size * 0.035,
                ..Stroke::default()
            }));
            let mut x = x;
            for run in &line.runs {
                let font = fonts.get(run.face).font.clone();
                surface.draw_glyphs(
                    Point::from_xy(x, y),
                    &run.glyphs,
                    font,
                    &run.text,
                    line.size,
                    false,
                );
                x += run.width * line.size;
            }
            surface.set_stroke(None);
        }
        Draw::Rect { rect, color } => {
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(color)));
                surface.draw_path(&path);
            }
        }
        Draw::Dot { x, y, r, color } => {
            // A circle from four Bézier arcs.
            let k = 0.552_284_8 * r;
            let mut pb = PathBuilder::new();
            pb.move_to(x + r, y);
            pb.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
            pb.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
            pb.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
            pb.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
            pb.close();
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(color)));
                surface.draw_path(&path);
            }
        }
        Draw::Rule { from, to, color } => {
            let mut pb = PathBuilder::new();
            pb.move_to(from.0, from.1);
            pb.line_to(to.0, to.1);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color.into(),
                    width: 0.8,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Draw::Logo { x, y, w, h } => {
            if let (Some(image), Some(size)) = (logo, Size::from_wh(w, h)) {
                surface.push_transform(&Transform::from_translate(x, y));
                surface.draw_image(image.clone(), size);
                surface.pop();
            }
        }
        Draw::Link { .. } => {}
    }
}
