//! The root of the widget: a thin shell over the engine's state machine
//! (`engine::host::widget`). One `use_reducer` holds the machine's state; one effect hook carries
//! out the effects each step returns, through `platform`, and feeds what comes back in as
//! actions. Everything else here turns the state into views and view callbacks into actions.

use super::intro::{Intro, IntroProps};
use super::lead::{LeadForm, LeadProps};
use super::question::{Question, QuestionProps};
use super::result::{ResultProps, ResultView};
use crate::content;
use crate::engine::assessment::questionnaire::{Problem, Questionnaire};
use crate::engine::host::config::Config;
use crate::engine::host::events::Event;
use crate::engine::host::lead::{Field, Gate};
use crate::engine::host::widget::{
    self, Action, Boot, Context, Effect, Focus, LinkedResult, ShareMethod, ShareOutcome, State,
};
use crate::engine::result::benchmark::Pack;
use crate::engine::result::report::Sources;
use crate::engine::result::text::Text;
use crate::engine::{Action as Flow, Outcome, Step};
use crate::platform;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The questionnaire, or every problem that keeps it from being used.
    pub content: Result<Rc<Questionnaire>, Rc<Vec<Problem>>>,
    /// The texts the questionnaire and strings were read from, for the report module.
    #[prop_or_default]
    pub sources: Rc<Sources>,
    pub strings: Text,
    /// Where progress is saved in local storage.
    pub storage_key: AttrValue,
    /// The host page's options.
    pub config: Rc<Config>,
    /// The language the widget shows.
    pub lang: AttrValue,
    /// Receives every `smi:*` event.
    pub on_event: Callback<Event>,
    /// The host's benchmark pack, already checked against the questionnaire.
    #[prop_or_default]
    pub benchmark: Option<Rc<Pack>>,
    /// The host gave a pack that could not be loaded or was refused.
    #[prop_or_default]
    pub benchmark_refused: bool,
}

/// Shows the assessment, or a clear list of what is wrong with its questionnaire.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    match &props.content {
        Ok(q) => {
            let widget = WidgetProps {
                questionnaire: q.clone(),
                app: Rc::new(props.clone()),
            };
            html! { <Widget ..widget /> }
        }
        Err(problems) => html! {
            <div class="smi-error" role="alert">
                <p>{ &props.strings.error_content }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct WidgetProps {
    questionnaire: Rc<Questionnaire>,
    app: Rc<AppProps>,
}

/// The machine's state in Yew's reducer, with the effects it returned that the shell has not
/// carried out yet. The queue is shared by every state, so when two actions reduce before
/// one render, the first one's effects are not lost. They run once the newest state has
/// rendered: an effect such as "focus the heading" must find the new step's heading, not the
/// old one.
struct Machine {
    ctx: Rc<Context>,
    state: State,
    queue: Rc<RefCell<Vec<Effect>>>,
    /// The newest generation, shared by every state.
    latest: Rc<Cell<u64>>,
    /// Counts the steps that returned effects or changed the state: the effect hook's key.
    generation: u64,
}

impl Reducible for Machine {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (state, effects) = widget::apply(&self.ctx, self.state.clone(), action);
        if effects.is_empty() && state == self.state {
            return self;
        }
        let generation = self.generation + 1;
        self.queue.borrow_mut().extend(effects);
        self.latest.set(generation);
        Rc::new(Machine {
            ctx: self.ctx.clone(),
            state,
            queue: self.queue.clone(),
            latest: self.latest.clone(),
            generation,
        })
    }
}

/// Builds the machine from what the platform reads at mount: the page, the date, storage.
fn start(q: &Rc<Questionnaire>, app: &AppProps) -> Machine {
    let ctx = Rc::new(Context {
        questionnaire: q.clone(),
        lang: app.lang.to_string(),
        strings: app.strings.clone(),
        config: app.config.clone(),
        rtl: content::direction(&app.lang) == "rtl",
        storage_key: app.storage_key.to_string(),
        page_url: platform::page_url(),
        date: app.strings.date(platform::today()),
        today: platform::today(),
        sources: app.sources.clone(),
    });
    let boot = Boot {
        saved: platform::load(&ctx.storage_key),
        lead_given: matches!(platform::load(&ctx.lead_key()), Ok(Some(_))),
        fragment: platform::fragment(),
        benchmark: app.benchmark.clone(),
        history: platform::load(&ctx.history_key()).ok().flatten(),
    };
    let (state, effects) = widget::boot(&ctx, &app.lang, boot);
    Machine {
        ctx,
        state,
        queue: Rc::new(RefCell::new(effects)),
        latest: Rc::default(),
        generation: 0,
    }
}

/// Carries out effects through `platform`; what comes back is dispatched as an action.
#[derive(Clone)]
struct Runner {
    dispatch: UseReducerDispatcher<Machine>,
    on_event: Callback<Event>,
    heading: NodeRef,
    form: NodeRef,
}

impl Runner {
    fn run(&self, effect: Effect) {
        let dispatch = self.dispatch.clone();
        match effect {
            Effect::Save { key, value } => {
                if let Err(why) = platform::save(&key, &value) {
                    dispatch.dispatch(Action::SaveFailed { key, why });
                }
            }
            Effect::Remove { key } => platform::remove(&key),
            Effect::Emit(event) => self.on_event.emit(event),
            Effect::Warn(message) => platform::warn(&message),
            Effect::Focus(Focus::Heading) => platform::focus(&self.heading),
            Effect::Focus(Focus::LeadField(field)) => {
                platform::focus_within(&self.form, &crate::ui::lead::field_id(field))
            }
            Effect::Focus(Focus::Consent) => {
                platform::focus_within(&self.form, crate::ui::lead::CONSENT_ID)
            }
            Effect::AfterPaint(action) => platform::after_paint(move || dispatch.dispatch(action)),
            Effect::ClearFragment => platform::clear_fragment(),
            Effect::DeliverLead(request) => wasm_bindgen_futures::spawn_local(async move {
                let outcome = platform::deliver_lead(&request).await;
                dispatch.dispatch(Action::LeadDelivered {
                    id: request.id,
                    outcome,
                });
            }),
            Effect::ForgetStored => platform::forget_stored(),
            Effect::Copy(text) => wasm_bindgen_futures::spawn_local(async move {
                let outcome = platform::copy_text(&text).await.map(|()| true);
                dispatch.dispatch(Action::ShareDone {
                    method: ShareMethod::Copy,
                    outcome: ShareOutcome::from_result(outcome),
                });
            }),
            Effect::DownloadPng { svg, filename } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = match platform::card_png(&svg).await {
                        Ok(blob) => platform::download(&blob, &filename)
                            .await
                            .map(|()| true)
                            .map_err(|why| format!("the PNG could not be saved: {why}")),
                        Err(why) => Err(format!("the PNG could not be made: {why}")),
                    };
                    dispatch.dispatch(Action::ShareDone {
                        method: ShareMethod::Png,
                        outcome: ShareOutcome::from_result(outcome),
                    });
                })
            }
            Effect::BuildReport { request, filename } => {
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = platform::report_pdf(&request, &filename).await;
                    dispatch.dispatch(Action::ReportDone(outcome));
                })
            }
            Effect::ShareSheet {
                svg,
                filename,
                title,
                text,
                url,
            } => wasm_bindgen_futures::spawn_local(async move {
                // The image where it can be made; the link and text in any case.
                let image = platform::card_png(&svg).await.ok();
                let outcome =
                    platform::share_native(image.as_ref(), &filename, &title, &text, &url).await;
                dispatch.dispatch(Action::ShareDone {
                    method: ShareMethod::Native,
                    outcome: ShareOutcome::from_result(outcome),
                });
            }),
            Effect::Print => {
                let heading = self.heading.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(why) = platform::print_card(&heading).await {
                        dispatch.dispatch(Action::ShareDone {
                            method: ShareMethod::Print,
                            outcome: ShareOutcome::Failed(why),
                        });
                    }
                })
            }
        }
    }
}

/// A callback that dispatches `action` each time it is called.
fn dispatching(dispatch: &UseReducerDispatcher<Machine>, action: Action) -> Callback<()> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: ()| dispatch.dispatch(action.clone()))
}

/// The lead form's props, wired to the machine.
fn lead_props(
    ctx: &Context,
    state: &State,
    dispatch: &UseReducerDispatcher<Machine>,
    heading: &NodeRef,
    form: &NodeRef,
) -> LeadProps {
    let (s, gate) = (&ctx.strings, ctx.config.lead.gate);
    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |(field, value): (Field, String)| {
            dispatch.dispatch(Action::EditLead(field, value))
        })
    };
    let on_consent = {
        let dispatch = dispatch.clone();
        Callback::from(move |checked: bool| dispatch.dispatch(Action::Consent(checked)))
    };
    let on_submit = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: ()| {
            dispatch.dispatch(Action::SubmitLead {
                id: platform::new_id(),
            })
        })
    };
    LeadProps {
        strings: s.clone(),
        config: Rc::new(ctx.config.lead.clone()),
        values: Rc::new(state.lead.values.clone()),
        consent: state.lead.consent,
        problems: Rc::new(state.lead.problems.clone()),
        status: state.lead.status,
        gate: gate == Gate::Before,
        heading_ref: heading.clone(),
        form_ref: form.clone(),
        on_input,
        on_consent,
        on_submit,
    }
}

/// The result's props, wired to the machine.
fn result_props(
    ctx: &Context,
    state: &State,
    outcome: Outcome,
    dispatch: &UseReducerDispatcher<Machine>,
    heading: &NodeRef,
    benchmark_refused: bool,
) -> ResultProps {
    let (q, s) = (&ctx.questionnaire, &ctx.strings);
    let send = |action: Action| dispatching(dispatch, action);
    let on_share = {
        let dispatch = dispatch.clone();
        Callback::from(move |method: ShareMethod| dispatch.dispatch(Action::Share(method)))
    };
    let on_revisit = {
        let dispatch = dispatch.clone();
        Callback::from(move |item: usize| dispatch.dispatch(Action::Flow(Flow::Revisit(item))))
    };
    // A struct rather than the props builder: the builder's typed steps
    // cost the wasm more than the props they set.
    ResultProps {
        questionnaire: q.clone(),
        strings: s.clone(),
        cta: state.offer(ctx, &outcome, true).map(Rc::new),
        outcome,
        config: ctx.config.clone(),
        date: AttrValue::from(ctx.date.clone()),
        heading_ref: heading.clone(),
        on_restart: send(Action::Flow(Flow::Restart)),
        share_link: state.share_link(ctx).map(AttrValue::from),
        share_status: state
            .share_status
            .map(|st| AttrValue::from(st.text(s).to_owned())),
        on_share,
        native_share: platform::can_share(),
        linked: false,
        on_take: Callback::noop(),
        first_screen: !state.result_whole,
        guidance: state.guidance.clone().unwrap_or_default(),
        on_revisit,
        benchmark: state.benchmark.clone(),
        benchmark_refused,
        report_offered: state.report_offered(ctx),
        report_status: state.report,
        on_report: send(Action::Report),
        // The comparison belongs to the result's second paint, with the rest below the fold.
        movement: state
            .result_whole
            .then(|| state.movement(ctx))
            .flatten()
            .map(Rc::new),
        compare_offered: state.movement_possible(ctx),
        on_compare: {
            let dispatch = dispatch.clone();
            Callback::from(move |text: String| dispatch.dispatch(Action::CompareWith(text)))
        },
        paste_refused: state.paste_refused,
    }
}

/// The props of someone else's result from a share link: read-only, with "take it yourself".
fn linked_props(
    ctx: &Context,
    state: &State,
    outcome: Outcome,
    heading: &NodeRef,
    on_take: Callback<()>,
    benchmark_refused: bool,
) -> ResultProps {
    let (q, s) = (&ctx.questionnaire, &ctx.strings);
    ResultProps {
        questionnaire: q.clone(),
        strings: s.clone(),
        cta: state.offer(ctx, &outcome, false).map(Rc::new),
        outcome,
        config: ctx.config.clone(),
        date: AttrValue::default(),
        heading_ref: heading.clone(),
        on_restart: Callback::noop(),
        share_link: None,
        share_status: None,
        on_share: Callback::noop(),
        native_share: false,
        linked: true,
        on_take,
        first_screen: false,
        guidance: Rc::default(),
        on_revisit: Callback::noop(),
        benchmark: state.benchmark.clone(),
        benchmark_refused,
        report_offered: false,
        report_status: None,
        on_report: Callback::noop(),
        movement: None,
        compare_offered: false,
        on_compare: Callback::noop(),
        paste_refused: false,
    }
}

/// The intro's props: the questionnaire's title and length, and what was answered before.
fn intro_props(
    ctx: &Context,
    state: &State,
    dispatch: &UseReducerDispatcher<Machine>,
    heading: &NodeRef,
) -> IntroProps {
    let send = |action: Action| dispatching(dispatch, action);
    IntroProps {
        strings: ctx.strings.clone(),
        title: AttrValue::from(ctx.questionnaire.title.clone()),
        items: ctx.questionnaire.items.len(),
        answered: state.session.answers.answered(),
        heading_ref: heading.clone(),
        lead: ctx.config.lead.gate != Gate::Off,
        on_start: send(Action::Flow(Flow::Start)),
        on_restart: send(Action::Flow(Flow::Restart)),
    }
}

/// Question `i`'s props, with the way to the result once every item is answered.
fn question_props(
    ctx: &Context,
    state: &State,
    i: usize,
    dispatch: &UseReducerDispatcher<Machine>,
    heading: &NodeRef,
) -> QuestionProps {
    let (q, answers) = (&ctx.questionnaire, &state.session.answers);
    let send = |action: Action| dispatching(dispatch, action);
    let on_answer = {
        let dispatch = dispatch.clone();
        Callback::from(move |choice: u8| {
            dispatch.dispatch(Action::Flow(Flow::Answer { item: i, choice }))
        })
    };
    QuestionProps {
        strings: ctx.strings.clone(),
        item: q.items[i].clone(),
        index: i,
        total: q.items.len(),
        chosen: answers.get(i),
        heading_ref: heading.clone(),
        on_answer,
        on_next: send(Action::Flow(Flow::Next)),
        on_back: send(Action::Flow(Flow::Back)),
        on_result: answers
            .is_complete(q)
            .then(|| send(Action::Flow(Flow::Finish))),
    }
}

/// The elements the machine's effects move focus to or read.
#[derive(Clone, Copy)]
struct Refs<'a> {
    heading: &'a NodeRef,
    form: &'a NodeRef,
}

/// The result step: the lead form alone while it gates the result, else the result, with the
/// form after it when it is offered there.
fn result_step(
    ctx: &Context,
    state: &State,
    outcome: Outcome,
    dispatch: &UseReducerDispatcher<Machine>,
    refs: Refs,
    benchmark_refused: bool,
) -> Html {
    let gate = ctx.config.lead.gate;
    let lead_form = (gate != Gate::Off).then(|| {
        let lead = lead_props(ctx, state, dispatch, refs.heading, refs.form);
        html! { <LeadForm ..lead /> }
    });
    match lead_form {
        Some(form) if state.gated(ctx) => form,
        form => {
            let result = result_props(
                ctx,
                state,
                outcome,
                dispatch,
                refs.heading,
                benchmark_refused,
            );
            html! {
                <>
                    <ResultView ..result />
                    { for form.filter(|_| gate.gives_report() && state.result_whole) }
                </>
            }
        }
    }
}

#[function_component]
fn Widget(props: &WidgetProps) -> Html {
    let machine = use_reducer(|| start(&props.questionnaire, &props.app));
    let heading = use_node_ref();
    let form = use_node_ref();
    {
        let runner = Runner {
            dispatch: machine.dispatcher(),
            on_event: props.app.on_event.clone(),
            heading: heading.clone(),
            form: form.clone(),
        };
        let (queue, latest) = (machine.queue.clone(), machine.latest.clone());
        use_effect_with(machine.generation, move |&rendered| {
            // A newer state is on its way to the screen: its render runs everything queued.
            if latest.get() != rendered {
                return;
            }
            let effects = std::mem::take(&mut *queue.borrow_mut());
            for effect in effects {
                runner.run(effect);
            }
        });
    }

    {
        // A pack that arrives after the mount (the loader does not wait for it) comes in as
        // new props; the machine takes it as an action.
        let dispatch = machine.dispatcher();
        use_effect_with(props.app.benchmark.clone(), move |pack| {
            if let Some(pack) = pack {
                dispatch.dispatch(Action::Benchmark(pack.clone()));
            }
        });
    }
    let (ctx, state) = (&*machine.ctx, &machine.state);
    let s = &ctx.strings;
    let dispatch = machine.dispatcher();
    let send = |action: Action| dispatching(&dispatch, action);

    if let LinkedResult::Card(outcome) = &state.linked {
        let result = linked_props(
            ctx,
            state,
            outcome.clone(),
            &heading,
            send(Action::TakeYourself),
            props.app.benchmark_refused,
        );
        return html! { <ResultView ..result /> };
    }
    let refs = Refs {
        heading: &heading,
        form: &form,
    };
    let body = match (state.session.step, state.outcome(ctx)) {
        (Step::Intro, _) => html! { <Intro ..intro_props(ctx, state, &dispatch, &heading) /> },
        (Step::Question(i), _) => {
            html! { <Question ..question_props(ctx, state, i, &dispatch, &heading) /> }
        }
        (Step::Result, Some(outcome)) => result_step(
            ctx,
            state,
            outcome,
            &dispatch,
            refs,
            props.app.benchmark_refused,
        ),
        // The engine keeps Result complete; this is the guard, not a path.
        (Step::Result, None) => html! { <p class="smi-error" role="alert">{ &s.error_crash }</p> },
    };
    let has_data = state.has_data(ctx);
    html! {
        <>
            if state.linked == LinkedResult::Refused {
                <p class="smi-error" role="alert">{ &s.share_refused }</p>
            }
            if !state.storage {
                <p class="smi-notice" role="status">{ &s.warn_storage }</p>
            }
            { body }
            if has_data || state.deleted {
                <div class="smi-footer">
                    if has_data {
                        <button type="button" class="smi-link-button" onclick={send(Action::DeleteData).reform(|_: MouseEvent| ())}>{ &s.delete_data }</button>
                    }
                    <p class="smi-footer__status" role="status">{ if state.deleted && !has_data { s.data_deleted.clone() } else { String::new() } }</p>
                </div>
            }
        </>
    }
}
