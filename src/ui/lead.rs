//! The lead form: the fields the host chose, a consent checkbox with the host's text and
//! privacy link, a message under each field that needs one, and the delivery status.
//! Hook-free: the values, problems and status come from `widget`.

use crate::engine::host::lead::{Field, Invalid, LeadConfig, SIZES};
use crate::engine::host::widget::LeadStatus;
use crate::engine::result::text::{fill, Strings, Text};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The element id of a lead field's control; focus goes there when the field needs fixing.
pub fn field_id(field: Field) -> String {
    format!("smi-lead-{field}")
}

/// The element id of the consent checkbox.
pub const CONSENT_ID: &str = "smi-lead-consent";

#[derive(Properties, PartialEq)]
pub struct LeadProps {
    pub strings: Text,
    pub config: Rc<LeadConfig>,
    pub values: Rc<Vec<(Field, String)>>,
    pub consent: bool,
    pub problems: Rc<Vec<Invalid>>,
    pub status: Option<LeadStatus>,
    /// True when the form stands before the result: its heading is the page's h2.
    #[prop_or_default]
    pub gate: bool,
    #[prop_or_default]
    pub heading_ref: NodeRef,
    #[prop_or_default]
    pub form_ref: NodeRef,
    pub on_input: Callback<(Field, String)>,
    pub on_consent: Callback<bool>,
    pub on_submit: Callback<()>,
}

fn label(s: &Strings, field: Field) -> &str {
    match field {
        Field::Name => &s.lead_name,
        Field::Email => &s.lead_email,
        Field::Company => &s.lead_company,
        Field::Role => &s.lead_role,
        Field::Size => &s.lead_size,
    }
}

fn autocomplete(field: Field) -> &'static str {
    match field {
        Field::Name => "name",
        Field::Email => "email",
        Field::Company => "organization",
        Field::Role => "organization-title",
        Field::Size => "off",
    }
}

/// What is wrong with `field`, as its message, if anything.
fn problem_for(props: &LeadProps, field: Field) -> Option<String> {
    let s = &props.strings;
    props.problems.iter().find_map(|p| match *p {
        Invalid::Missing(f) if f == field => {
            Some(fill(&s.lead_error_missing, &[("field", label(s, field))]))
        }
        Invalid::BadEmail if field == Field::Email => Some(s.lead_error_email.clone()),
        _ => None,
    })
}

/// One field: its label (marked optional unless `required`), its control and its message.
fn field_row(props: &LeadProps, field: Field, required: bool) -> Html {
    let s = &props.strings;
    let id = field_id(field);
    let error_id = format!("{id}-error");
    let problem = problem_for(props, field);
    let invalid = if problem.is_some() { "true" } else { "false" };
    let current = props
        .values
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let on_input = props.on_input.clone();
    let control = if field == Field::Size {
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_input.emit((field, select.value()));
        });
        html! {
            <select class="smi-field__input" id={id.clone()} name={field.as_str()}
                required={required} aria-invalid={invalid} aria-describedby={error_id.clone()} {onchange}>
                <option value="" selected={current.is_empty()}>{ &s.lead_size_choose }</option>
                { for SIZES.iter().map(|size| html! {
                    <option value={*size} selected={current == *size}>{ *size }</option>
                }) }
            </select>
        }
    } else {
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit((field, input.value()));
        });
        let kind = if field == Field::Email {
            "email"
        } else {
            "text"
        };
        html! {
            <input class="smi-field__input" id={id.clone()} name={field.as_str()} type={kind}
                autocomplete={autocomplete(field)} required={required} value={current}
                aria-invalid={invalid} aria-describedby={error_id.clone()} {oninput} />
        }
    };
    html! {
        <div class="smi-field" key={field.as_str()}>
            <label class="smi-field__label" for={id}>
                { label(s, field) }
                if !required {
                    <span class="smi-field__optional">{ format!(" ({})", s.lead_optional) }</span>
                }
            </label>
            { control }
            <p class="smi-field__error" id={error_id}>{ problem.unwrap_or_default() }</p>
        </div>
    }
}

/// The consent checkbox with the host's text, its privacy link and its message.
fn consent(props: &LeadProps) -> Html {
    let s = &props.strings;
    let problem = props.problems.contains(&Invalid::NoConsent);
    html! {
        <div class="smi-consent">
            <input class="smi-consent__input" type="checkbox" id={CONSENT_ID} name="consent"
                checked={props.consent} aria-invalid={if problem { "true" } else { "false" }}
                aria-describedby="smi-lead-consent-error"
                onchange={props.on_consent.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked())} />
            <label class="smi-consent__label" for={CONSENT_ID}>
                { props.config.consent.clone().unwrap_or_else(|| s.lead_consent.clone()) }
            </label>
            if let Some(url) = &props.config.privacy_url {
                <a class="smi-consent__privacy" href={url.clone()} target="_blank" rel="noopener">{ &s.lead_privacy }</a>
            }
            <p class="smi-field__error" id="smi-lead-consent-error">
                { if problem { s.lead_error_consent.clone() } else { String::new() } }
            </p>
        </div>
    }
}

#[function_component]
pub fn LeadForm(props: &LeadProps) -> Html {
    let s = &props.strings;
    let submit = props.on_submit.reform(|e: SubmitEvent| e.prevent_default());
    let sending = props.status == Some(LeadStatus::Sending);
    let done = matches!(props.status, Some(LeadStatus::Sent | LeadStatus::Queued));
    let status = props.status.map(|st| match st {
        LeadStatus::Sending => s.lead_sending.clone(),
        LeadStatus::Sent => s.lead_sent.clone(),
        LeadStatus::Queued => s.lead_queued.clone(),
        LeadStatus::Rejected => s.lead_rejected.clone(),
    });
    let heading = if props.gate {
        html! { <h2 class="smi-heading" id="smi-lead-heading" tabindex="-1" ref={props.heading_ref.clone()}>{ &s.lead_heading_before }</h2> }
    } else {
        html! { <h3 class="smi-subheading" id="smi-lead-heading">{ &s.lead_heading_after }</h3> }
    };

    html! {
        <section class="smi-capture" data-after={(!props.gate).then_some("")} aria-labelledby="smi-lead-heading">
            { heading }
            <p class="smi-capture__intro">{ &s.lead_intro }</p>
            if !done {
                <form class="smi-capture__form" novalidate=true onsubmit={submit} ref={props.form_ref.clone()}>
                    { for props.config.fields.iter().map(|&(field, required)| field_row(props, field, required)) }
                    { consent(props) }
                    <button type="submit" class="smi-button smi-button--primary" disabled={sending}>
                        { if props.gate { &s.lead_submit_before } else { &s.lead_submit } }
                    </button>
                </form>
            }
            <p class="smi-capture__status" role="status">{ status.unwrap_or_default() }</p>
        </section>
    }
}
