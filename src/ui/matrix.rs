//! The SMI's 2×2 matrix: innovation across, investment up, the threshold splitting both
//! axes, the company's position as a dot. The SVG draws the quadrants, the arrows and the
//! dot, and carries the text alternative; the names are HTML laid over it (hidden from
//! assistive technology, which reads the alternative). SVG text would be scaled with the
//! drawing, and a font at a size the page has not used yet costs the browser a lookup on
//! the result's first layout. The stylesheet places the names with `--_split`, the
//! threshold, which `embed` sets through the CSSOM (a `style` attribute would not pass a
//! strict Content-Security-Policy).

use crate::engine::assessment::questionnaire::{CategoryId, Questionnaire};
use crate::engine::result::matrix::{self, Quadrant};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub threshold: u8,
    pub investment: u8,
    pub innovation: u8,
    pub category: CategoryId,
    /// Category names, in `CategoryId::ALL` order.
    pub names: [AttrValue; 4],
    pub label: AttrValue,
    pub position: AttrValue,
    pub axis_investment: AttrValue,
    pub axis_innovation: AttrValue,
    /// Where the path to the next category leads: (investment, innovation).
    #[prop_or_default]
    pub next: Option<(u8, u8)>,
    /// The visitor's earlier result, the arrow's start: (investment, innovation).
    #[prop_or_default]
    pub from: Option<(u8, u8)>,
    /// With a benchmark pack, each quadrant's name with its share of the pack's companies
    /// ("Observer: 23%"), in `CategoryId::ALL` order, shown in place of the bare names.
    #[prop_or_default]
    pub shares: Option<[AttrValue; 4]>,
}

impl MatrixProps {
    pub fn names_of(q: &Questionnaire) -> [AttrValue; 4] {
        CategoryId::ALL.map(|id| AttrValue::from(q.category(id).name.clone()))
    }
}

#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    // Plot area 0–100 in both directions, the same table the card draws from.
    let quadrants = matrix::quadrants(props.threshold, 100);
    let (dot_x, dot_y) = matrix::dot(props.investment, props.innovation, 100);
    let rect = |quadrant: &Quadrant| {
        let current = (quadrant.category == props.category).then_some("");
        html! {
            <rect class="smi-matrix__quadrant" data-current={current} x={quadrant.x.to_string()} y={quadrant.y.to_string()}
                width={quadrant.width.to_string()} height={quadrant.height.to_string()} />
        }
    };
    // In the company's quadrant the name moves off the dot. The names' grid fills in the
    // quadrants' reading order.
    let name = |quadrant: &Quadrant| {
        let place = match quadrant.category == props.category {
            false => None,
            true if quadrant.name_at_top(dot_y) => Some("top"),
            true => Some("bottom"),
        };
        let at = CategoryId::ALL
            .iter()
            .position(|&id| id == quadrant.category)
            .unwrap_or(0);
        let label = props.shares.as_ref().unwrap_or(&props.names)[at].clone();
        html! { <span class="smi-matrix__name" data-place={place} dir="auto">{ label }</span> }
    };
    let (cx, cy) = (dot_x.to_string(), dot_y.to_string());
    let next = props
        .next
        .map(|(investment, innovation)| matrix::dot(investment, innovation, 100));
    // From the earlier result to the halo round today's dot, with a head at its end.
    // From the earlier result towards today's dot: a line whose arrowhead (a marker set back
    // by the halo's radius) ends at the halo, drawn only when the two are 10 or more apart.
    let from = props
        .from
        .map(|(investment, innovation)| matrix::dot(investment, innovation, 100))
        .filter(|&(x, y)| (x - dot_x).pow(2) + (y - dot_y).pow(2) >= 100)
        .map(|(x, y)| (x.to_string(), y.to_string()));
    html! {
        <figure class="smi-matrix">
            <svg class="smi-matrix__svg" viewBox="-12 -2 114 114" role="img" aria-labelledby="smi-matrix-title smi-matrix-desc">
                <title id="smi-matrix-title">{ props.label.clone() }</title>
                <desc id="smi-matrix-desc">{ props.position.clone() }</desc>
                { for quadrants.iter().map(rect) }
                // The axes are drawn arrows, not "→" characters: most sans-serif fonts lack the
                // glyph, and the browser's search for a fallback font costs tens of
                // milliseconds on the first result.
                <path class="smi-matrix__arrow" d="M0 102.5H98M100 102.5l-3-1.6v3.2zM-2.5 100V2M-2.5 0l-1.6 3h3.2z" />
                if let Some((x, y)) = next {
                    <line class="smi-matrix__path" x1={cx.clone()} y1={cy.clone()} x2={x.to_string()} y2={y.to_string()} />
                    <circle class="smi-matrix__next" cx={x.to_string()} cy={y.to_string()} r="3" />
                }
                if let Some((x, y)) = from {
                    <marker id="smi-matrix-head" viewBox="0 0 4 4" refX="10.5" refY="2" markerWidth="4" markerHeight="4"
                        markerUnits="userSpaceOnUse" orient="auto">
                        <path class="smi-matrix__head" d="M0 0L4 2L0 4" />
                    </marker>
                    <circle class="smi-matrix__before" cx={x.clone()} cy={y.clone()} r="2.5" />
                    <line class="smi-matrix__trail" x1={x} y1={y} x2={cx.clone()} y2={cy.clone()} marker-end="url(#smi-matrix-head)" />
                }
                <circle class="smi-matrix__halo" cx={cx.clone()} cy={cy.clone()} r="6" />
                <circle class="smi-matrix__dot" {cx} {cy} r="3" />
            </svg>
            <div class="smi-matrix__names" aria-hidden="true">
                { for quadrants.iter().map(name) }
            </div>
            <span class="smi-matrix__axis smi-matrix__axis--innovation" aria-hidden="true">{ props.axis_innovation.clone() }</span>
            <span class="smi-matrix__axis smi-matrix__axis--investment" aria-hidden="true">{ props.axis_investment.clone() }</span>
        </figure>
    }
}
