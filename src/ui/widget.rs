//! The root of the widget: the only reducer, and every effect (saving progress, moving
//! focus). Reducing is one call into `engine::apply`; the views only emit callbacks.

use super::intro::Intro;
use super::lead::{LeadForm, LeadStatus};
use super::question::Question;
use super::result::ResultView;
use super::sharing::Sharing;
use crate::engine::config::Config;
use crate::engine::events::Event;
use crate::engine::lead::{self, Field, Gate, Invalid};
use crate::engine::questionnaire::{Problem, Questionnaire};
use crate::engine::scoring::Outcome;
use crate::engine::text::Strings;
use crate::engine::{apply, evaluate, saved, share, Action, Session, Step};
use crate::platform;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The questionnaire, or every problem that keeps it from being used.
    pub content: Result<Rc<Questionnaire>, Rc<Vec<Problem>>>,
    pub strings: Rc<Strings>,
    /// Where progress is saved in local storage.
    pub storage_key: AttrValue,
    pub host: Rc<HostContext>,
}

/// What the host page decided: its options, the language, and where events go.
#[derive(PartialEq, Default)]
pub struct HostContext {
    pub config: Config,
    pub lang: String,
    /// Receives every `smi:*` event.
    pub on_event: Callback<Event>,
}

/// Shows the assessment, or a clear list of what is wrong with its questionnaire.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    match &props.content {
        Ok(q) => html! {
            <Widget questionnaire={q.clone()} strings={props.strings.clone()}
                storage_key={props.storage_key.clone()} host={props.host.clone()} />
        },
        Err(problems) => html! {
            <div class="smi-error" role="alert">
                <p>{ &props.strings.error_content }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub questionnaire: Rc<Questionnaire>,
    pub strings: Rc<Strings>,
    pub storage_key: AttrValue,
    pub host: Rc<HostContext>,
}

#[derive(PartialEq)]
struct State {
    questionnaire: Rc<Questionnaire>,
    session: Session,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let session = apply(&self.questionnaire, &self.session, action);
        if session == self.session {
            return self;
        }
        Rc::new(State {
            questionnaire: self.questionnaire.clone(),
            session,
        })
    }
}

/// Saved progress for `q`, or a fresh session. The second value says why progress will not
/// be saved, when the browser refuses storage.
fn restore(q: &Questionnaire, key: &str) -> (Session, Option<String>) {
    match platform::load(key) {
        Ok(Some(text)) => match saved::decode(q, &text) {
            Ok(session) => (session, None),
            Err(why) => {
                platform::warn(&format!("SMI widget: starting afresh: {why}."));
                platform::remove(key);
                (Session::new(q), None)
            }
        },
        Ok(None) => (Session::new(q), None),
        Err(why) => (Session::new(q), Some(why)),
    }
}

/// What the page's share link (if any) amounts to.
#[derive(Clone, PartialEq)]
enum Shared {
    None,
    Card(Outcome),
    Refused(String),
}

fn shared_from_page(q: &Questionnaire) -> Shared {
    let fragment = platform::fragment();
    let Some(code) = share::code_in_fragment(&fragment) else {
        return Shared::None;
    };
    match share::decode(q, code).map(|a| evaluate(q, &a)) {
        Ok(Some(outcome)) => Shared::Card(outcome),
        Ok(None) => Shared::Refused("the share link's answers are incomplete".into()),
        Err(why) => Shared::Refused(format!("ignoring the share link: {why}")),
    }
}

/// Reports a problem to the console and to the host page.
pub(super) fn report(host: &HostContext, code: &str, message: &str) {
    platform::warn(&format!("SMI widget: {message}."));
    host.on_event.emit(Event::error(code, message));
}

#[function_component]
fn Widget(props: &WidgetProps) -> Html {
    let q = props.questionnaire.clone();
    let host = props.host.clone();
    let restored = use_memo((), {
        let (q, key) = (q.clone(), props.storage_key.clone());
        move |_| restore(&q, &key)
    });
    let state = use_reducer({
        let (q, session) = (q.clone(), restored.0.clone());
        move || State {
            questionnaire: q,
            session,
        }
    });
    let storage_ok = use_state(|| restored.1.is_none());
    let shared = use_state(|| shared_from_page(&q));
    let copy_status = use_state(|| None::<AttrValue>);
    let lead_key = AttrValue::from(format!("{}:lead", props.storage_key));
    let lead_values = use_state(|| Rc::new(Vec::<(Field, String)>::new()));
    let lead_consent = use_state(|| false);
    let lead_problems = use_state(|| Rc::new(Vec::<Invalid>::new()));
    let lead_done = use_state({
        let key = lead_key.clone();
        move || matches!(platform::load(&key), Ok(Some(_)))
    });
    let lead_status = use_state({
        let done = *lead_done;
        move || done.then_some(LeadStatus::Sent)
    });
    let deleted = use_state(|| false);
    let form_ref = use_node_ref();
    let base_url = host
        .config
        .share_url
        .clone()
        .unwrap_or_else(platform::page_url);
    let share_link = (state.session.step == Step::Result)
        .then(|| share::encode(&q, &state.session.answers).ok())
        .flatten()
        .map(|code| AttrValue::from(share::link(&base_url, &code)));

    // Today's date in the widget's language, for the result and its card.
    let today = match state.session.step {
        Step::Result => AttrValue::from(props.strings.date(platform::today())),
        _ => AttrValue::default(),
    };

    // Once, after the first render: tell the host the widget is ready, and what went wrong
    // on the way.
    {
        let (q, host, shared, restored) =
            (q.clone(), host.clone(), shared.clone(), restored.clone());
        use_effect_with((), move |_| {
            if let Some(why) = &restored.1 {
                report(
                    &host,
                    "storage-unavailable",
                    &format!("progress will not be saved: {why}"),
                );
            }
            if let Shared::Refused(why) = &*shared {
                report(&host, "share-link-refused", why);
            }
            host.on_event.emit(Event::Ready {
                questionnaire: q.id.clone(),
                items: q.items.len(),
                lang: host.lang.clone(),
            });
        });
    }

    // Save every change. A failure after a successful load (quota, revoked permission)
    // is reported once and shown in the widget.
    {
        let (q, key, storage_ok, host) = (
            q.clone(),
            props.storage_key.clone(),
            storage_ok.clone(),
            host.clone(),
        );
        use_effect_with(state.session.clone(), move |session| {
            if *session == Session::new(&q) {
                // Nothing to remember: a fresh start stores nothing.
                platform::remove(&key);
            } else if *storage_ok {
                if let Err(why) = platform::save(&key, &saved::encode(&q, session)) {
                    report(
                        &host,
                        "storage-unavailable",
                        &format!("progress will not be saved: {why}"),
                    );
                    storage_ok.set(false);
                }
            }
        });
    }

    // On each step change after the first render: move focus to the new step's heading (the
    // host page owns focus until the visitor acts), and tell the host about starts and
    // completions. The result paints its first screen first; the rest of it, and the news of
    // the completion, follow that paint.
    let heading = use_node_ref();
    let result_whole = use_state(|| false);
    {
        let (heading, previous) = (heading.clone(), use_mut_ref(|| None::<Step>));
        let (q, host, state, link) = (q.clone(), host.clone(), state.clone(), share_link.clone());
        let whole = result_whole.clone();
        use_effect_with(state.session.step, move |step| {
            let before = previous.replace(Some(*step));
            if let Some(before) = before {
                platform::focus(&heading);
                if let (Step::Intro, Step::Question(_)) = (before, *step) {
                    host.on_event.emit(Event::Start {
                        questionnaire: q.id.clone(),
                        resumed: state.session.answers.answered() > 0,
                    });
                }
            }
            if *step != Step::Result {
                if *whole {
                    whole.set(false);
                }
                return;
            }
            let completed = matches!(before, Some(Step::Question(_)));
            platform::after_paint(move || {
                whole.set(true);
                let answers = &state.session.answers;
                if let (true, Some(outcome)) = (completed, evaluate(&q, answers)) {
                    let url = link.as_ref().map(|l| l.to_string());
                    host.on_event
                        .emit(Event::complete(&q, answers, &outcome, url));
                }
            });
        });
    }

    // When the gate's form is sent, the result replaces it: focus moves to its heading.
    {
        let (heading, first) = (heading.clone(), use_mut_ref(|| true));
        use_effect_with(*lead_done, move |_| {
            if !first.replace(false) {
                platform::focus(&heading);
            }
        });
    }

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(action))
    };
    let on_share = {
        let (host, link) = (host.clone(), share_link.clone());
        Callback::from(move |method: &'static str| {
            host.on_event.emit(Event::Share {
                method: method.into(),
                url: link.as_deref().unwrap_or_default().into(),
            })
        })
    };
    let s = &props.strings;
    let session = &state.session;
    if let Shared::Card(outcome) = &*shared {
        let on_take = {
            let shared = shared.clone();
            Callback::from(move |_: ()| {
                platform::clear_fragment();
                shared.set(Shared::None);
            })
        };
        return html! {
            <ResultView questionnaire={q.clone()} strings={s.clone()} outcome={outcome.clone()}
                host={host.clone()} heading_ref={heading.clone()} shared=true {on_take} />
        };
    }
    let has_data = *session != Session::new(&q) || *lead_done;
    let on_delete = {
        let (state, key, lead_key) = (state.clone(), props.storage_key.clone(), lead_key.clone());
        let (values, consent, problems, status, done, deleted) = (
            lead_values.clone(),
            lead_consent.clone(),
            lead_problems.clone(),
            lead_status.clone(),
            lead_done.clone(),
            deleted.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            platform::remove(&key);
            platform::remove(&lead_key);
            platform::forget_leads();
            values.set(Rc::new(Vec::new()));
            consent.set(false);
            problems.set(Rc::new(Vec::new()));
            status.set(None);
            done.set(false);
            deleted.set(true);
            state.dispatch(Action::Restart);
        })
    };
    let body = match session.step {
        Step::Intro => html! {
            <Intro strings={s.clone()} title={q.title.clone()} items={q.items.len()}
                answered={session.answers.answered()} heading_ref={heading.clone()}
                lead={host.config.lead.gate != Gate::Off}
                on_start={dispatch(Action::Start)} on_restart={dispatch(Action::Restart)} />
        },
        Step::Question(i) => {
            let on_answer = {
                let (state, q, host) = (state.clone(), q.clone(), host.clone());
                Callback::from(move |choice: u8| {
                    state.dispatch(Action::Answer { item: i, choice });
                    let mut answers = state.session.answers.clone();
                    answers.0[i] = Some(choice);
                    host.on_event.emit(Event::answer(&q, &answers, i, choice));
                })
            };
            html! {
                <Question strings={s.clone()} item={q.items[i].clone()} index={i} total={q.items.len()}
                    chosen={session.answers.get(i)} heading_ref={heading.clone()}
                    {on_answer} on_next={dispatch(Action::Next)} on_back={dispatch(Action::Back)} />
            }
        }
        Step::Result => match evaluate(&q, &session.answers) {
            Some(outcome) => {
                let sharing = Rc::new(Sharing {
                    questionnaire: q.clone(),
                    strings: s.clone(),
                    outcome: outcome.clone(),
                    host: host.clone(),
                    date: today.clone(),
                    link: share_link.clone(),
                    status: copy_status.clone(),
                    heading: heading.clone(),
                });
                let on_copy = sharing.callback(Sharing::copy);
                let on_png = sharing.callback(Sharing::png);
                let on_native = platform::can_share().then(|| sharing.callback(Sharing::native));
                let on_print = sharing.callback(Sharing::print);
                let gate = host.config.lead.gate;
                let lead_form = (gate != Gate::Off).then(|| {
                    let on_input = {
                        let values = lead_values.clone();
                        Callback::from(move |(field, value): (Field, String)| {
                            let mut next = (*values).as_ref().clone();
                            match next.iter_mut().find(|(f, _)| *f == field) {
                                Some(entry) => entry.1 = value,
                                None => next.push((field, value)),
                            }
                            values.set(Rc::new(next));
                        })
                    };
                    let on_consent = {
                        let consent = lead_consent.clone();
                        Callback::from(move |checked: bool| consent.set(checked))
                    };
                    let on_submit = {
                        let (q, host, values, consent) = (q.clone(), host.clone(), lead_values.clone(), lead_consent.clone());
                        let (problems, status, done, key, form) = (lead_problems.clone(), lead_status.clone(), lead_done.clone(), lead_key.clone(), form_ref.clone());
                        let (answers, outcome, link) = (session.answers.clone(), outcome.clone(), share_link.clone());
                        Callback::from(move |_: ()| {
                            let found = lead::check(&host.config.lead, &values, *consent);
                            if let Some(first) = found.first() {
                                let target = match first {
                                    Invalid::Missing(field) => format!("smi-lead-{field}"),
                                    Invalid::BadEmail => "smi-lead-email".into(),
                                    Invalid::NoConsent => "smi-lead-consent".into(),
                                };
                                problems.set(Rc::new(found));
                                platform::focus_within(&form, &target);
                                return;
                            }
                            problems.set(Rc::new(Vec::new()));
                            let id = platform::new_id();
                            let url = link.as_ref().map(|l| l.to_string());
                            let Event::Complete(result) = Event::complete(&q, &answers, &outcome, url) else {
                                return;
                            };
                            let fields = lead::lead_fields(&host.config.lead, &id, &values, &result, &platform::page_url());
                            host.on_event.emit(Event::lead(&id, &values, result));
                            // One lead per visitor: the form does not come back after a reload.
                            let _ = platform::save(&key, &id);
                            done.set(true);
                            let Some(request) = lead::request(&host.config.lead, &id, &fields) else {
                                status.set(Some(LeadStatus::Sent));
                                return;
                            };
                            status.set(Some(LeadStatus::Sending));
                            let (status, host) = (status.clone(), host.clone());
                            wasm_bindgen_futures::spawn_local(async move {
                                let outcome = match platform::deliver_lead(&request).await {
                                    Ok(outcome) => outcome,
                                    Err(why) => format!("queued-memory: {why}"),
                                };
                                status.set(Some(match outcome.as_str() {
                                    "sent" => LeadStatus::Sent,
                                    "rejected" => {
                                        report(&host, "lead-rejected", "the lead endpoint refused the lead (4xx); it was not retried");
                                        LeadStatus::Rejected
                                    }
                                    other => {
                                        if other.starts_with("queued-memory") {
                                            report(&host, "lead-storage-unavailable", "the lead could not be sent yet and local storage is unavailable: it is retried while this page stays open");
                                        }
                                        LeadStatus::Queued
                                    }
                                }));
                            });
                        })
                    };
                    html! {
                        <LeadForm strings={s.clone()} config={Rc::new(host.config.lead.clone())}
                            values={(*lead_values).clone()} consent={*lead_consent} problems={(*lead_problems).clone()}
                            status={*lead_status} gate={gate == Gate::Before} heading_ref={heading.clone()}
                            form_ref={form_ref.clone()} {on_input} {on_consent} {on_submit} />
                    }
                });
                match lead_form {
                    Some(form) if gate == Gate::Before && !*lead_done => form,
                    form => html! {
                        <>
                            <ResultView questionnaire={q.clone()} strings={s.clone()} {outcome} host={host.clone()}
                                date={today.clone()}
                                heading_ref={heading.clone()} on_restart={dispatch(Action::Restart)}
                                {share_link} copy_status={(*copy_status).clone()} {on_copy} {on_share}
                                {on_png} {on_native} {on_print} first_screen={!*result_whole} />
                            { for form.filter(|_| gate == Gate::After && *result_whole) }
                        </>
                    },
                }
            }
            // `Session::fits` and `apply` keep Result complete; this is the guard, not a path.
            None => html! { <p class="smi-error" role="alert">{ &s.error_crash }</p> },
        },
    };
    html! {
        <>
            if matches!(*shared, Shared::Refused(_)) {
                <p class="smi-error" role="alert">{ &s.share_refused }</p>
            }
            if !*storage_ok {
                <p class="smi-notice" role="status">{ &s.warn_storage }</p>
            }
            { body }
            if has_data || *deleted {
                <div class="smi-footer">
                    if has_data {
                        <button type="button" class="smi-link-button" onclick={on_delete}>{ &s.delete_data }</button>
                    }
                    <p class="smi-footer__status" role="status">{ if *deleted && !has_data { s.data_deleted.clone() } else { String::new() } }</p>
                </div>
            }
        </>
    }
}
