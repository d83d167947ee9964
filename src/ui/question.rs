//! One question: progress, the prompt as the fieldset's legend, native radio inputs, and
//! Back / Next. Submitting the form (Next, or Enter) moves on.

use crate::engine::assessment::questionnaire::Item;
use crate::engine::result::text::{fill, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub strings: Text,
    pub item: Item,
    pub index: usize,
    pub total: usize,
    pub chosen: Option<u8>,
    pub heading_ref: NodeRef,
    pub on_answer: Callback<u8>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
    /// When every item is answered (the visitor came from the result to change one): a
    /// button back to the result.
    #[prop_or_default]
    pub on_result: Option<Callback<()>>,
}

#[function_component]
pub fn Question(props: &QuestionProps) -> Html {
    let s = &props.strings;
    let n = props.index + 1;
    let progress = fill(
        &s.progress,
        &[("n", &s.num(n)), ("total", &s.num(props.total))],
    );
    let on_submit = props.on_next.reform(|e: SubmitEvent| e.prevent_default());
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    let last = n == props.total;
    let axis = s.axis_name(props.item.axis);
    // Share of the bar filled, in viewBox units (0–100).
    let done = (props.index * 100 / props.total.max(1)).to_string();

    html! {
        <form class="smi-question" onsubmit={on_submit}>
            <div class="smi-progress">
                <p class="smi-progress__label" id="smi-progress-label">
                    { &progress }<span class="smi-tag">{ axis }</span>
                </p>
                <svg class="smi-progress__bar" viewBox="0 0 100 4" preserveAspectRatio="none"
                    role="progressbar" aria-labelledby="smi-progress-label"
                    aria-valuemin="0" aria-valuemax={props.total.to_string()}
                    aria-valuenow={props.index.to_string()} aria-valuetext={progress.clone()}>
                    <rect class="smi-progress__track" width="100" height="4" rx="2" />
                    <rect class="smi-progress__fill" width={done} height="4" rx="2" />
                </svg>
            </div>
            <fieldset class="smi-fieldset" aria-describedby={props.item.help.as_ref().map(|_| "smi-help")}>
                <legend class="smi-legend">
                    <h2 class="smi-heading smi-question__prompt" tabindex="-1" ref={props.heading_ref.clone()}>
                        { &props.item.prompt }
                    </h2>
                </legend>
                if let Some(help) = &props.item.help {
                    <p class="smi-help" id="smi-help">{ help }</p>
                }
                <div class="smi-choices">
                    { for props.item.choices.iter().enumerate().map(|(c, choice)| {
                        let c = c as u8;
                        let onchange = props.on_answer.reform(move |_: Event| c);
                        html! {
                            <label class="smi-choice" key={c}>
                                <input class="smi-choice__input" type="radio"
                                    name={format!("smi-{}", props.item.id.0)} value={c.to_string()}
                                    checked={props.chosen == Some(c)} {onchange} />
                                <span class="smi-choice__label">{ &choice.label }</span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            <div class="smi-nav">
                <button type="button" class="smi-button" onclick={on_back}>{ &s.back }</button>
                if let (Some(on_result), false) = (&props.on_result, last) {
                    <button type="button" class="smi-button" onclick={on_result.reform(|_: MouseEvent| ())}>{ &s.back_to_result }</button>
                }
                <button type="submit" class="smi-button smi-button--primary" disabled={props.chosen.is_none()}>
                    { if last { &s.see_result } else { &s.next } }
                </button>
            </div>
        </form>
    }
}
