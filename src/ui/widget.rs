//! The root of the widget: the only reducer, and every effect (saving progress, moving
//! focus). Reducing is one call into `engine::apply`; the views only emit callbacks.

use super::intro::Intro;
use super::question::Question;
use super::result::ResultView;
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
}

/// Shows the assessment, or a clear list of what is wrong with its questionnaire.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    match &props.content {
        Ok(q) => html! {
            <Widget questionnaire={q.clone()} strings={props.strings.clone()} storage_key={props.storage_key.clone()} />
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

/// Saved progress for `q`, or a fresh session (with a console warning saying why).
/// The second value is false when the browser refuses storage.
fn restore(q: &Questionnaire, key: &str) -> (Session, bool) {
    match platform::load(key) {
        Ok(Some(text)) => match saved::decode(q, &text) {
            Ok(session) => (session, true),
            Err(why) => {
                platform::warn(&format!("SMI widget: starting afresh: {why}."));
                platform::remove(key);
                (Session::new(q), true)
            }
        },
        Ok(None) => (Session::new(q), true),
        Err(why) => {
            platform::warn(&format!("SMI widget: progress will not be saved: {why}."));
            (Session::new(q), false)
        }
    }
}

/// What the page's share link (if any) amounts to.
#[derive(Clone, PartialEq)]
enum Shared {
    None,
    Card(Outcome),
    Refused,
}

fn shared_from_page(q: &Questionnaire) -> Shared {
    let fragment = platform::fragment();
    let Some(code) = share::code_in_fragment(&fragment) else {
        return Shared::None;
    };
    match share::decode(q, code).map(|a| evaluate(q, &a)) {
        Ok(Some(outcome)) => Shared::Card(outcome),
        Ok(None) => Shared::Refused,
        Err(why) => {
            platform::warn(&format!("SMI widget: ignoring the share link: {why}."));
            Shared::Refused
        }
    }
}

#[function_component]
fn Widget(props: &WidgetProps) -> Html {
    let q = props.questionnaire.clone();
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
    let storage_ok = use_state(|| restored.1);
    let shared = use_state(|| shared_from_page(&q));
    let copy_status = use_state(|| None::<AttrValue>);

    // Save every change. A failure after a successful load (quota, revoked permission)
    // is reported once and shown in the widget.
    {
        let (q, key, storage_ok) = (q.clone(), props.storage_key.clone(), storage_ok.clone());
        use_effect_with(state.session.clone(), move |session| {
            if *storage_ok {
                if let Err(why) = platform::save(&key, &saved::encode(&q, session)) {
                    platform::warn(&format!("SMI widget: progress will not be saved: {why}."));
                    storage_ok.set(false);
                }
            }
        });
    }

    // Move focus to the new step's heading, but never on first render: the host page
    // owns focus until the visitor acts.
    let heading = use_node_ref();
    {
        let (heading, first) = (heading.clone(), use_mut_ref(|| true));
        use_effect_with(state.session.step, move |_| {
            if !first.replace(false) {
                platform::focus(&heading);
            }
        });
    }

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(action))
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
                heading_ref={heading.clone()} shared=true {on_take} />
        };
    }
    let body = match session.step {
        Step::Intro => html! {
            <Intro strings={s.clone()} title={q.title.clone()} items={q.items.len()}
                answered={session.answers.answered()} heading_ref={heading.clone()}
                on_start={dispatch(Action::Start)} on_restart={dispatch(Action::Restart)} />
        },
        Step::Question(i) => {
            let on_answer = {
                let state = state.clone();
                Callback::from(move |choice: u8| state.dispatch(Action::Answer { item: i, choice }))
            };
            html! {
                <Question strings={s.clone()} item={q.items[i].clone()} index={i} total={q.items.len()}
                    chosen={session.answers.get(i)} heading_ref={heading.clone()}
                    {on_answer} on_next={dispatch(Action::Next)} on_back={dispatch(Action::Back)} />
            }
        }
        Step::Result => match evaluate(&q, &session.answers) {
            Some(outcome) => {
                let share_link = share::encode(&q, &session.answers)
                    .ok()
                    .map(|code| AttrValue::from(share::link(&platform::page_url(), &code)));
                let on_copy = {
                    let (link, status, s) = (share_link.clone(), copy_status.clone(), s.clone());
                    Callback::from(move |_: ()| {
                        let (link, status, s) = (link.clone(), status.clone(), s.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            let result = platform::copy_text(link.as_deref().unwrap_or("")).await;
                            status.set(Some(match result {
                                Ok(()) => s.copied.clone().into(),
                                Err(why) => {
                                    platform::warn(&format!("SMI widget: copy failed: {why}."));
                                    s.copy_failed.clone().into()
                                }
                            }));
                        });
                    })
                };
                html! {
                    <ResultView questionnaire={q.clone()} strings={s.clone()} {outcome}
                        heading_ref={heading.clone()} on_restart={dispatch(Action::Restart)}
                        {share_link} copy_status={(*copy_status).clone()} {on_copy} />
                }
            }
            // `Session::fits` and `apply` keep Result complete; this is the guard, not a path.
            None => html! { <p class="smi-error" role="alert">{ &s.error_crash }</p> },
        },
    };
    html! {
        <>
            if *shared == Shared::Refused {
                <p class="smi-error" role="alert">{ &s.share_refused }</p>
            }
            if !*storage_ok {
                <p class="smi-notice" role="status">{ &s.warn_storage }</p>
            }
            { body }
        </>
    }
}
