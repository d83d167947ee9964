//! The SMI's 2×2 matrix as SVG: innovation across, investment up, the threshold splitting
//! both axes, the company's position as a dot. The figure carries a text alternative.

use crate::engine::questionnaire::{CategoryId, Questionnaire};
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
}

impl MatrixProps {
    pub fn names_of(q: &Questionnaire) -> [AttrValue; 4] {
        CategoryId::ALL.map(|id| AttrValue::from(q.category(id).name.clone()))
    }
}

/// A coordinate given in half units, written without float formatting (which would add
/// kilobytes of wasm for numbers that are always whole or halves).
fn half(twice: u32) -> String {
    if twice.is_multiple_of(2) {
        (twice / 2).to_string()
    } else {
        format!("{}.5", twice / 2)
    }
}

#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let t = u32::from(props.threshold);
    let dot_y = 100 - u32::from(props.investment);
    // Plot area 0–100 in both directions; y grows downward in SVG, investment grows up.
    let quadrant = |id: CategoryId, x: u32, y: u32, w: u32, h: u32, i: usize| {
        let class = classes!(
            "smi-matrix__quadrant",
            format!("smi-matrix__quadrant--{}", id.as_str()),
            (id == props.category).then_some("smi-matrix__quadrant--current"),
        );
        // In the company's quadrant the name moves off the dot: to the top when the dot is in
        // the lower half, to the bottom otherwise.
        let twice_y = match id == props.category {
            false => 2 * y + h,
            true if 2 * dot_y > 2 * y + h => 2 * y + 16,
            true => 2 * (y + h) - 16,
        };
        html! {
            <g class={class}>
                <rect x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} />
                <text x={half(2 * x + w)} y={half(twice_y)}
                    text-anchor="middle" dominant-baseline="middle">{ props.names[i].clone() }</text>
            </g>
        }
    };
    let (cx, cy) = (props.innovation.to_string(), dot_y.to_string());
    html! {
        <figure class="smi-matrix">
            <svg class="smi-matrix__svg" viewBox="-12 -2 114 114" role="img" aria-labelledby="smi-matrix-title smi-matrix-desc">
                <title id="smi-matrix-title">{ props.label.clone() }</title>
                <desc id="smi-matrix-desc">{ props.position.clone() }</desc>
                { quadrant(CategoryId::Conservative, 0, 0, t, 100 - t, 1) }
                { quadrant(CategoryId::SocialFirst, t, 0, 100 - t, 100 - t, 3) }
                { quadrant(CategoryId::Observer, 0, 100 - t, t, t, 0) }
                { quadrant(CategoryId::Participant, t, 100 - t, 100 - t, t, 2) }
                // The axes are drawn arrows, not "→" characters: most sans-serif fonts lack the
                // glyph, and the browser's search for a fallback font costs tens of
                // milliseconds on the first result.
                <path class="smi-matrix__arrow" d="M0 102.5H98M100 102.5l-3-1.6v3.2zM-2.5 100V2M-2.5 0l-1.6 3h3.2z" />
                <text class="smi-matrix__axis" x="50" y="109" text-anchor="middle">{ props.axis_innovation.clone() }</text>
                <text class="smi-matrix__axis" x="-6" y="50" text-anchor="middle" transform="rotate(-90 -6 50)">{ props.axis_investment.clone() }</text>
                <circle class="smi-matrix__halo" cx={cx.clone()} cy={cy.clone()} r="6" />
                <circle class="smi-matrix__dot" {cx} {cy} r="3" />
            </svg>
        </figure>
    }
}
