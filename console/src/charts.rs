//! The console's charts: plain SVG drawn from the engine's figures, each with a title, a text
//! alternative that says every figure the picture shows, and colours as presentation
//! attributes, so that the SVG alone (serialised for the PNG export) looks as on the page.

use smi_engine::assessment::questionnaire::{CategoryId, Questionnaire};
use smi_engine::records::{Insights, BANDS};
use smi_engine::result::benchmark::percent;
use smi_engine::result::matrix;
use yew::prelude::*;

const INK: &str = "#1b1f2a";
const MUTED: &str = "#4d5566";
const ACCENT: &str = "#2f48c8";
const FIELD: &str = "#eef0f6";

/// Up to this many respondents are drawn one dot each; more as a density of the matrix's
/// cells.
pub const MOST_DOTS: usize = 400;

/// A chart in a figure: its heading, the drawing (labelled by the heading and described by
/// the text alternative below it) and its PNG download.
fn figure(id: &str, title: &str, alternative: String, view_box: String, body: Html) -> Html {
    let title_id = format!("{id}-title");
    let alt_id = format!("{id}-alt");
    html! {
        <figure class="chart" id={id.to_owned()}>
            <h3 id={title_id.clone()}>{ title }</h3>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox={view_box} role="img"
                aria-labelledby={title_id} aria-describedby={alt_id.clone()}
                font-family="system-ui, sans-serif">
                { body }
            </svg>
            <figcaption id={alt_id} class="chart__alt">{ alternative }</figcaption>
            <button type="button" class="chart__png" data-png={id.to_owned()}>{ "Download PNG" }</button>
        </figure>
    }
}

/// A horizontal bar per row: its label, its bar (scaled to the largest) and its count with
/// the share of `total`.
pub fn bars(id: &str, title: &str, rows: &[(String, u32)], total: u32) -> Html {
    const ROW: i32 = 22;
    const LABEL: i32 = 150;
    const WIDTH: i32 = 250;
    let largest = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let height = ROW * rows.len().max(1) as i32 + 4;
    let alternative = if rows.is_empty() {
        "No respondents.".to_owned()
    } else {
        rows.iter()
            .map(|(label, n)| format!("{label}: {n} ({}%)", percent(u64::from(*n), total)))
            .collect::<Vec<_>>()
            .join("; ")
            + "."
    };
    let body = rows
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let y = i as i32 * ROW + 4;
            let width = (i64::from(*n) * i64::from(WIDTH) / i64::from(largest)) as i32;
            html! {
                <g>
                    <text x={(LABEL - 6).to_string()} y={(y + 14).to_string()} text-anchor="end" font-size="12" fill={INK}>{ label }</text>
                    <rect x={LABEL.to_string()} y={y.to_string()} width={WIDTH.to_string()} height="16" fill={FIELD} />
                    <rect x={LABEL.to_string()} y={y.to_string()} width={width.to_string()} height="16" fill={ACCENT} />
                    <text x={(LABEL + WIDTH + 6).to_string()} y={(y + 13).to_string()} font-size="11" fill={MUTED}>
                        { format!("{n} ({}%)", percent(u64::from(*n), total)) }
                    </text>
                </g>
            }
        })
        .collect::<Html>();
    figure(
        id,
        title,
        alternative,
        format!("0 0 {} {height}", LABEL + WIDTH + 80),
        body,
    )
}

/// The score bands' labels: "0–9" … "90–100".
pub fn band_labels() -> Vec<String> {
    (0..BANDS)
        .map(|b| {
            let top = if b == BANDS - 1 { 100 } else { b * 10 + 9 };
            format!("{}–{top}", b * 10)
        })
        .collect()
}

/// The matrix: the quadrants with each category's share, and the respondents as dots (up to
/// [`MOST_DOTS`]) or as shaded cells.
pub fn matrix(q: &Questionnaire, insights: &Insights, dots: &[(u8, u8)]) -> Html {
    let n = insights.n;
    let share = |c: CategoryId| {
        let at = CategoryId::ALL.iter().position(|x| *x == c).unwrap_or(0);
        (
            insights.categories[at],
            percent(u64::from(insights.categories[at]), n),
        )
    };
    let quadrants = matrix::quadrants(q.threshold, 100);
    let field = quadrants
        .iter()
        .map(|quadrant| html! {
            <rect x={quadrant.x.to_string()} y={quadrant.y.to_string()} width={quadrant.width.to_string()}
                height={quadrant.height.to_string()} fill={FIELD} stroke="#fff" stroke-width="0.8" />
        })
        .collect::<Html>();
    // The names and shares over the dots, each with a white halo.
    let names = quadrants
        .iter()
        .map(|quadrant| {
            let (_, p) = share(quadrant.category);
            html! {
                <text x={(quadrant.x + quadrant.width / 2).to_string()} y={(quadrant.y + 6).to_string()}
                    text-anchor="middle" font-size="4" font-weight="600" fill={INK}
                    stroke="#fff" stroke-width="1.2" paint-order="stroke">
                    { format!("{}: {p}%", q.category(quadrant.category).name) }
                </text>
            }
        })
        .collect::<Html>();
    let mut alternative: Vec<String> = CategoryId::ALL
        .iter()
        .map(|c| {
            let (count, p) = share(*c);
            format!("{}: {count} ({p}%)", q.category(*c).name)
        })
        .collect();
    let points = if insights.n as usize <= MOST_DOTS {
        alternative.push(format!("{} respondents drawn as dots.", dots.len()));
        dots.iter()
            .map(|&(investment, innovation)| {
                let (x, y) = matrix::dot(investment, innovation, 100);
                html! { <circle cx={x.to_string()} cy={y.to_string()} r="1.3" fill={ACCENT} fill-opacity="0.55" /> }
            })
            .collect::<Html>()
    } else {
        let largest = insights
            .cells
            .iter()
            .flatten()
            .copied()
            .max()
            .unwrap_or(1)
            .max(1);
        let (mut row, mut column, mut most) = (0, 0, 0);
        for (r, cells) in insights.cells.iter().enumerate() {
            for (c, &count) in cells.iter().enumerate() {
                if count > most {
                    (row, column, most) = (r, c, count);
                }
            }
        }
        let labels = band_labels();
        alternative.push(format!(
            "{n} respondents drawn as shaded cells; the densest has {most}, investment {} and innovation {}.",
            labels[column], labels[row]
        ));
        insights
            .cells
            .iter()
            .enumerate()
            .flat_map(|(r, cells)| {
                cells
                    .iter()
                    .enumerate()
                    .filter(|(_, &c)| c > 0)
                    .map(move |(c, &count)| {
                        // Innovation runs left to right, investment bottom to top (as the result's
                        // matrix): the cell's corner from the same geometry as a dot.
                        let (x, y) = matrix::dot((c * 10 + 10).min(100) as u8, (r * 10) as u8, 100);
                        let opacity = 0.12 + 0.88 * f64::from(count) / f64::from(largest);
                        html! {
                            <rect x={x.to_string()} y={y.to_string()} width="10" height="10"
                                fill={ACCENT} fill-opacity={format!("{opacity:.2}")} />
                        }
                    })
            })
            .collect::<Html>()
    };
    let body = html! {
        <>
            <rect x="-14" y="-4" width="118" height="118" fill="#fff" />
            { field }
            <path d="M0 102.5H98M100 102.5l-3-1.6v3.2zM-2.5 100V2M-2.5 0l-1.6 3h3.2z" stroke={MUTED} stroke-width="0.6" fill={MUTED} />
            <text x="50" y="110" text-anchor="middle" font-size="4" fill={MUTED}>{ "Innovation" }</text>
            <text x="-7" y="50" text-anchor="middle" font-size="4" fill={MUTED} transform="rotate(-90 -7 50)">{ "Investment" }</text>
            { points }
            { names }
        </>
    };
    figure(
        "chart-matrix",
        "Where your respondents are",
        alternative.join("; "),
        "-14 -4 118 118".into(),
        body,
    )
}
