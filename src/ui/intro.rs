//! The first screen: what the assessment measures, how long it takes, that nothing leaves
//! the browser, and the button to start (or resume).

use crate::engine::result::text::{fill, minutes_for, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub strings: Text,
    pub title: AttrValue,
    pub items: usize,
    /// How many questions are already answered (saved progress).
    pub answered: usize,
    pub heading_ref: NodeRef,
    /// True when the host collects leads: the privacy line then says the visitor decides.
    #[prop_or_default]
    pub lead: bool,
    pub on_start: Callback<()>,
    pub on_restart: Callback<()>,
}

#[function_component]
pub fn Intro(props: &IntroProps) -> Html {
    let s = &props.strings;
    let facts = fill(
        &s.intro_facts,
        &[
            ("count", &s.num(props.items)),
            ("minutes", &s.num(minutes_for(props.items))),
        ],
    );
    let start = props.on_start.reform(|_: MouseEvent| ());
    let restart = props.on_restart.reform(|_: MouseEvent| ());
    let resuming = props.answered > 0;
    html! {
        <section class="smi-intro">
            <p class="smi-eyebrow">{ &props.title }</p>
            <h2 class="smi-heading" tabindex="-1" ref={props.heading_ref.clone()}>{ &s.intro_heading }</h2>
            <p class="smi-lead">{ &s.intro_lead }</p>
            <ul class="smi-facts">
                <li>{ facts }</li>
                <li>{ if props.lead { &s.intro_privacy_lead } else { &s.intro_privacy } }</li>
            </ul>
            <div class="smi-actions">
                <button type="button" class="smi-button smi-button--primary" onclick={start}>
                    { if resuming { &s.resume } else { &s.start } }
                </button>
                if resuming {
                    <button type="button" class="smi-button" onclick={restart}>{ &s.start_over }</button>
                }
            </div>
        </section>
    }
}
