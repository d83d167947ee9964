//! The widget's whole behaviour as one pure state machine: `apply(context, state, action)`
//! returns the next [`State`] and the [`Effect`]s the shell must carry out.
//!
//! [`State`] is everything the widget shows that can change: the assessment session, a
//! shared result from the page's link, the lead form, what became of the last share
//! action, and the notices (storage refused, data deleted). [`Action`] is everything that
//! can happen to it: what the visitor does, and what the platform reports back (a paint,
//! a failed save, a delivered lead, a finished share action), always as typed values.
//! [`Effect`] is everything the widget does to the world: store or forget, tell the host,
//! hand a lead over for delivery, move focus, copy, export, print.
//!
//! This module decides; it never does. `ui::widget` runs effects through `platform` and
//! feeds their outcomes back in as actions, so every behaviour (gates, deletion, the order
//! of events) is a native `check(actions, effects)` test.

use crate::assessment::path::{self, Guidance, NextStep};
use crate::assessment::questionnaire::Questionnaire;
use crate::assessment::scoring::{evaluate, Answers, Outcome};
use crate::assessment::session::{self, Session, Step};
use crate::assessment::{saved, share_code};
use crate::host::config::{fill_url, Config, Cta};
use crate::host::events::Event;
use crate::host::lead::{self, Field, Gate, Invalid, Request};
use crate::result::benchmark::{Comparison, Pack};
use crate::result::calendar::Date;
use crate::result::card::{self, CardInput};
use crate::result::progress::{self, Earlier, Movement};
use crate::result::report::{ReportRequest, Sources};
use crate::result::team;
use crate::result::text::{fill, Strings, Text};
use crate::words::percent_encode;
use std::rc::Rc;

/// What stays the same for the life of a mounted widget.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub questionnaire: Rc<Questionnaire>,
    /// The language shown (`en`, `ar`, …).
    pub lang: String,
    pub strings: Text,
    pub config: Rc<Config>,
    /// Whether the widget's language is written right to left (for the card).
    pub rtl: bool,
    /// Where progress is saved; the lead marker lives at `{storage_key}:lead`.
    pub storage_key: String,
    /// The host page's address without its fragment.
    pub page_url: String,
    /// Today, written out in the widget's language.
    pub date: String,
    /// Today, as the history records it.
    pub today: Date,
    /// The texts the questionnaire and strings were read from, for the report module.
    pub sources: Rc<Sources>,
}

impl Context {
    pub fn lead_key(&self) -> String {
        format!("{}:lead", self.storage_key)
    }

    /// Where the visitor's earlier results are kept.
    pub fn history_key(&self) -> String {
        progress::key(&self.storage_key)
    }

    /// Where a share link leads: the host's `share-url`, else this page.
    pub fn share_base(&self) -> &str {
        self.config.share_url.as_deref().unwrap_or(&self.page_url)
    }
}

/// What the page's share link (if any) amounts to.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkedResult {
    None,
    /// Someone else's result, shown read-only until the visitor takes the assessment.
    Card(Outcome),
    /// The link was damaged, incomplete or for another questionnaire.
    Refused,
}

/// Where a submitted lead stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadStatus {
    Sending,
    Sent,
    /// Kept in the outbox and retried in the background.
    Queued,
    /// Refused by the endpoint, or not handed over at all: the form stays, to send again.
    Rejected,
}

/// The lead form and what became of it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeadForm {
    pub values: Vec<(Field, String)>,
    pub consent: bool,
    pub problems: Vec<Invalid>,
    pub status: Option<LeadStatus>,
    /// The id of the lead last submitted, to match its delivery outcome.
    pub id: Option<String>,
    /// A lead was given in this browser: the form does not come back after a reload.
    pub done: bool,
}

/// What the loader did with a lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryOutcome {
    Sent,
    /// Not sent yet; kept in the outbox in local storage and retried.
    Queued,
    /// Not sent yet; local storage is unavailable, so it is retried only while the page is open.
    QueuedInMemory,
    /// The endpoint answered 4xx: not retried.
    Rejected,
    /// The lead never reached the outbox (the loader's helper failed), with why.
    Failed(String),
}

/// How the visitor shared the result; the names are `smi:share`'s `method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareMethod {
    Copy,
    Native,
    LinkedIn,
    X,
    Email,
    Png,
    Print,
}

impl ShareMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            ShareMethod::Copy => "copy",
            ShareMethod::Native => "native",
            ShareMethod::LinkedIn => "linkedin",
            ShareMethod::X => "x",
            ShareMethod::Email => "email",
            ShareMethod::Png => "png",
            ShareMethod::Print => "print",
        }
    }
}

/// What the last share action came to, announced under the share buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareStatus {
    Copied,
    CopyFailed,
    ImageFailed,
    ShareFailed,
}

impl ShareStatus {
    pub fn text(self, s: &Strings) -> &str {
        match self {
            ShareStatus::Copied => &s.copied,
            ShareStatus::CopyFailed => &s.copy_failed,
            ShareStatus::ImageFailed => &s.image_failed,
            ShareStatus::ShareFailed => &s.share_failed,
        }
    }
}

/// Where the visitor's request for the full report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    /// The report module is loading or writing the PDF.
    Building,
    /// It failed; the result stays and the visitor may try again.
    Failed,
}

/// The PDF the report module made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportFile {
    pub pages: u32,
    pub bytes: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub session: Session,
    pub linked: LinkedResult,
    pub lead: LeadForm,
    pub share_status: Option<ShareStatus>,
    /// The full report, once asked for.
    pub report: Option<ReportStatus>,
    /// False once the browser refused local storage: progress is no longer saved.
    pub storage: bool,
    /// The visitor deleted their data: the footer says so.
    pub deleted: bool,
    /// The result shows everything, not just its first screen (set after that screen paints).
    pub result_whole: bool,
    /// The result was reached by answering: `smi:complete` goes out after its first paint.
    complete_pending: bool,
    /// What the result says about moving up: searched once per result, when its first screen
    /// has painted or earlier if a lead or the card needs it first.
    pub guidance: Option<Rc<Guidance>>,
    /// The host's benchmark pack, checked against the questionnaire, once it has arrived: the
    /// widget does not wait for it.
    pub benchmark: Option<Rc<Pack>>,
    /// The visitor's earlier results on this device, oldest first.
    pub history: Vec<Earlier>,
    /// The share code of an earlier result the visitor pasted to compare with.
    pub pasted: Option<String>,
    /// The last pasted link held no result of this questionnaire.
    pub paste_refused: bool,
    /// The team round the page's link invited the visitor to (`#smi-team=…`): their share link
    /// and their lead carry it.
    pub team: Option<String>,
}

/// Everything that can happen to the widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The visitor, through the assessment: the flow's own actions (`session::Action`), from
    /// Start to Revisit (open an item again from the result) and Finish (back to the result
    /// once every item is answered).
    Flow(session::Action),
    // The visitor, on the result.
    EditLead(Field, String),
    Consent(bool),
    /// Send the lead form; `id` is a fresh random id from the platform.
    SubmitLead {
        id: String,
    },
    Share(ShareMethod),
    /// "Download the report".
    Report,
    /// Leave someone else's shared result for the assessment.
    TakeYourself,
    /// "Compare with an earlier result": the link (or code) the visitor pasted.
    CompareWith(String),
    /// "Delete my data": progress, the lead marker and any lead still waiting.
    DeleteData,
    // The platform, reporting back.
    /// The result's first screen has been painted.
    ResultPainted,
    /// Writing `key` to local storage failed.
    SaveFailed {
        key: String,
        why: String,
    },
    LeadDelivered {
        id: String,
        outcome: DeliveryOutcome,
    },
    /// The report module answered: the file was offered as a download, or why not.
    ReportDone(Result<ReportFile, String>),
    /// The host's benchmark pack arrived (checked against the questionnaire by the shell):
    /// the result compares with it from now on.
    Benchmark(Rc<Pack>),
    /// A share action finished.
    ShareDone {
        method: ShareMethod,
        outcome: ShareOutcome,
    },
}

/// What became of a share action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareOutcome {
    Done,
    /// The visitor closed the share sheet without sharing.
    Cancelled,
    /// The browser refused or failed, and why.
    Failed(String),
}

impl ShareOutcome {
    /// From a platform call that answers whether the visitor went through with it.
    pub fn from_result(result: Result<bool, String>) -> ShareOutcome {
        match result {
            Ok(true) => ShareOutcome::Done,
            Ok(false) => ShareOutcome::Cancelled,
            Err(why) => ShareOutcome::Failed(why),
        }
    }
}

/// Where focus goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// The heading of what is on screen now.
    Heading,
    /// A lead form's field.
    LeadField(Field),
    /// The lead form's consent checkbox.
    Consent,
}

/// What the shell does for the machine.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Save {
        key: String,
        value: String,
    },
    Remove {
        key: String,
    },
    /// Dispatch an `smi:*` event on the host element.
    Emit(Event),
    /// A console warning for the host's developer.
    Warn(String),
    Focus(Focus),
    /// Run `Action` once the browser has painted.
    AfterPaint(Action),
    /// Drop the share code from the address bar.
    ClearFragment,
    /// Hand a lead to the loader's outbox; answers `LeadDelivered`.
    DeliverLead(Request),
    /// Remove everything any widget stored on this site: progress, lead markers, the leads
    /// still waiting in the outbox and damaged copies of it ("Delete my data").
    ForgetStored,
    /// Answers `ShareDone { method: Copy, .. }`.
    Copy(String),
    /// Draw the card as PNG and offer it as a download; answers `ShareDone { method: Png, .. }`.
    DownloadPng {
        svg: String,
        filename: String,
    },
    /// The native share sheet; answers `ShareDone { method: Native, .. }`.
    ShareSheet {
        svg: String,
        filename: String,
        title: String,
        text: String,
        url: String,
    },
    /// Print the result card; answers `ShareDone { method: Print, .. }` only on failure.
    Print,
    /// Load the report module, write the report as PDF and offer it as a download; answers
    /// `ReportDone`.
    BuildReport {
        request: Box<ReportRequest>,
        filename: String,
    },
}

/// What the shell read before the first render.
#[derive(Debug, Clone, PartialEq)]
pub struct Boot {
    /// Saved progress: `Err` when local storage is refused.
    pub saved: Result<Option<String>, String>,
    /// Whether a lead was already given in this browser.
    pub lead_given: bool,
    /// The page's URL fragment, with its `#`.
    pub fragment: String,
    /// The host's benchmark pack, when it was there before the widget mounted.
    pub benchmark: Option<Rc<Pack>>,
    /// The stored history of earlier results, if any.
    pub history: Option<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            session: Session {
                step: Step::Intro,
                answers: Answers(Vec::new()),
            },
            linked: LinkedResult::None,
            lead: LeadForm::default(),
            share_status: None,
            report: None,
            storage: true,
            deleted: false,
            result_whole: false,
            complete_pending: false,
            guidance: None,
            benchmark: None,
            history: Vec::new(),
            pasted: None,
            paste_refused: false,
            team: None,
        }
    }
}

/// A problem for the console and for the host page (`smi:error`).
fn report(effects: &mut Vec<Effect>, code: &str, message: &str) {
    effects.push(Effect::Warn(format!("SMI widget: {message}.")));
    effects.push(Effect::Emit(Event::error(code, message)));
}

/// The first state, from what the platform read, and what to do on the first render:
/// forget unreadable progress, report what went wrong, then tell the host it is ready.
pub fn boot(ctx: &Context, lang: &str, boot: Boot) -> (State, Vec<Effect>) {
    let q = &*ctx.questionnaire;
    let mut effects = Vec::new();
    let mut state = State {
        session: Session::new(q),
        lead: LeadForm {
            done: boot.lead_given,
            status: boot.lead_given.then_some(LeadStatus::Sent),
            ..LeadForm::default()
        },
        benchmark: boot.benchmark,
        ..State::default()
    };
    match boot.saved {
        Ok(Some(text)) => match saved::decode(q, &text) {
            Ok(session) => state.session = session,
            Err(why) => {
                effects.push(Effect::Warn(format!("SMI widget: starting afresh: {why}.")));
                effects.push(Effect::Remove {
                    key: ctx.storage_key.clone(),
                });
            }
        },
        Ok(None) => {}
        Err(why) => {
            state.storage = false;
            report(
                &mut effects,
                "storage-unavailable",
                &format!("progress will not be saved: {why}"),
            );
        }
    }
    if let Some(text) = &boot.history {
        let (history, dropped) = progress::decode(q, text);
        if dropped > 0 {
            effects.push(Effect::Warn(format!(
                "SMI widget: {dropped} stored earlier result(s) did not check and are left out."
            )));
        }
        state.history = history;
    }
    state.team = team::team_in(&boot.fragment);
    if let Some(code) = share_code::code_in_fragment(&boot.fragment) {
        let refused = match share_code::decode(q, code).map(|a| evaluate(q, &a)) {
            Ok(Some(outcome)) => {
                state.linked = LinkedResult::Card(outcome);
                None
            }
            Ok(None) => Some("the share link's answers are incomplete".to_owned()),
            Err(why) => Some(format!("ignoring the share link: {why}")),
        };
        if let Some(why) = refused {
            state.linked = LinkedResult::Refused;
            report(&mut effects, "share-link-refused", &why);
        }
    }
    effects.push(Effect::Emit(Event::ready(q, lang)));
    if state.session.step == Step::Result {
        // Progress saved on the result: it shows again, without a second `smi:complete`.
        effects.push(Effect::AfterPaint(Action::ResultPainted));
    }
    (state, effects)
}

impl State {
    /// The result's scores, when the session is on a complete result.
    pub fn outcome(&self, ctx: &Context) -> Option<Outcome> {
        (self.session.step == Step::Result)
            .then(|| evaluate(&ctx.questionnaire, &self.session.answers))
            .flatten()
    }

    /// The call to action for `outcome` (its category's, else the general one), its URL's
    /// placeholders filled. The visitor's own details go in only when `own` (the visitor's
    /// result, not a shared one), the host set `cta-personal`, and the lead form was sent
    /// with consent; empty otherwise.
    pub fn offer(&self, ctx: &Context, outcome: &Outcome, own: bool) -> Option<Cta> {
        let cta = ctx.config.offer(outcome.category)?;
        let personal = own
            && ctx.config.cta_personal
            && self.lead.consent
            && matches!(
                self.lead.status,
                Some(LeadStatus::Sending | LeadStatus::Sent | LeadStatus::Queued)
            );
        let url = fill_url(&cta.url, |name| match name {
            "category" => outcome.category.as_str().into(),
            "investment" => outcome.investment.to_string(),
            "innovation" => outcome.innovation.to_string(),
            "lead_id" if personal => self.lead.id.clone().unwrap_or_default(),
            name if personal => Field::parse(name)
                .map(|f| lead::value(&self.lead.values, f).to_owned())
                .unwrap_or_default(),
            _ => String::new(),
        });
        Some(Cta {
            label: cta.label.clone(),
            url,
        })
    }

    /// The link that reopens this result, when the questionnaire has share codes.
    pub fn share_link(&self, ctx: &Context) -> Option<String> {
        if self.session.step != Step::Result {
            return None;
        }
        let code = share_code::encode(&ctx.questionnaire, &self.session.answers).ok()?;
        let mut link = share_code::link(ctx.share_base(), &code);
        if let Some(name) = &self.team {
            link.push('&');
            link.push_str(team::TEAM_KEY);
            link.push('=');
            link.push_str(&percent_encode(name));
        }
        Some(link)
    }

    /// Whether anything of the visitor's is stored: "Delete my data" is offered.
    pub fn has_data(&self, ctx: &Context) -> bool {
        self.session != Session::new(&ctx.questionnaire)
            || self.lead.done
            || !self.history.is_empty()
    }

    /// What moved since the visitor's last different result (or the one they pasted), on
    /// their own result.
    pub fn movement(&self, ctx: &Context) -> Option<Movement> {
        let q = &*ctx.questionnaire;
        if self.session.step != Step::Result || self.linked != LinkedResult::None {
            return None;
        }
        let code = share_code::encode(q, &self.session.answers).ok()?;
        let (earlier, date) = match &self.pasted {
            Some(pasted) => (pasted.as_str(), None),
            None => {
                let e = progress::previous(&self.history, &code)?;
                (e.code.as_str(), Some(e.date))
            }
        };
        let before = share_code::decode(q, earlier).ok()?;
        progress::compare(q, &before, &self.session.answers, date)
    }

    /// The lead form stands between the visitor and the result.
    pub fn gated(&self, ctx: &Context) -> bool {
        ctx.config.lead.gate == Gate::Before && !self.lead.done
    }

    /// "Compare with an earlier result" is offered: on the visitor's own result.
    pub fn movement_possible(&self, ctx: &Context) -> bool {
        self.session.step == Step::Result && self.linked == LinkedResult::None && !self.gated(ctx)
    }

    /// "Download the report" is offered: on the visitor's own result, once the form is sent
    /// where the report comes after it.
    pub fn report_offered(&self, ctx: &Context) -> bool {
        let waits = matches!(ctx.config.lead.gate, Gate::Before | Gate::Report) && !self.lead.done;
        self.session.step == Step::Result && self.linked == LinkedResult::None && !waits
    }
}

/// The sentence that goes with a shared link.
pub fn share_text(q: &Questionnaire, s: &Strings, o: &Outcome) -> String {
    fill(
        &s.share_text,
        &[
            ("category", &q.category(o.category).name),
            ("investment", &s.num(o.investment)),
            ("innovation", &s.num(o.innovation)),
        ],
    )
}

/// The path to the next category and the rest of the result's guidance, searched once per
/// result and kept.
fn guidance(ctx: &Context, state: &mut State) -> Rc<Guidance> {
    let answers = &state.session.answers;
    state
        .guidance
        .get_or_insert_with(|| Rc::new(path::guidance(&ctx.questionnaire, answers)))
        .clone()
}

/// The result card as SVG, with the host's brand and the distance to the next category.
pub fn card_svg(
    ctx: &Context,
    state: &State,
    next: Option<&NextStep>,
    outcome: &Outcome,
) -> String {
    let config = &ctx.config;
    let offer = state.offer(ctx, outcome, true);
    card::svg(&CardInput {
        questionnaire: &ctx.questionnaire,
        strings: &ctx.strings,
        outcome,
        rtl: ctx.rtl,
        date: &ctx.date,
        company: config.company.as_deref(),
        logo: config.logo.as_deref(),
        accent: config.accent_pair(),
        cta: offer.as_ref().map(|c| (c.label.as_str(), c.url.as_str())),
        next: next.map(|n| {
            (
                ctx.questionnaire.category(n.category).name.as_str(),
                n.changes.len(),
            )
        }),
        comparison: state
            .benchmark
            .as_ref()
            .map(|pack| Comparison::new(pack, outcome)),
    })
}

fn card_filename(outcome: &Outcome) -> String {
    format!("social-maturity-{}.png", outcome.category.as_str())
}

/// Moves the session to `next`, with what follows from it: saving or forgetting progress,
/// focus on the new step's heading, `smi:start`, and the result's two-part paint.
fn enter(ctx: &Context, state: &mut State, next: Session, effects: &mut Vec<Effect>) {
    let q = &*ctx.questionnaire;
    if next == state.session {
        return;
    }
    if next == Session::new(q) {
        // Nothing to remember: a fresh start stores nothing.
        effects.push(Effect::Remove {
            key: ctx.storage_key.clone(),
        });
    } else if state.storage {
        effects.push(Effect::Save {
            key: ctx.storage_key.clone(),
            value: saved::encode(q, &next),
        });
    }
    step_to(ctx, state, next, effects);
}

/// `smi:complete` for the result on screen: the lead's `result` too.
fn completion(ctx: &Context, state: &State, outcome: &Outcome, guidance: &Guidance) -> Event {
    let mut event = Event::complete(
        &ctx.questionnaire,
        &state.session.answers,
        outcome,
        state.share_link(ctx),
        guidance.next.as_ref(),
        state.benchmark.as_deref(),
        state.movement(ctx).as_ref(),
    );
    if let Event::Complete(c) = &mut event {
        c.team.clone_from(&state.team);
    }
    event
}

/// Adds the result on screen to the visitor's history, when progress may be stored.
fn record(ctx: &Context, state: &mut State, effects: &mut Vec<Effect>) {
    let Ok(code) = share_code::encode(&ctx.questionnaire, &state.session.answers) else {
        return;
    };
    if !state.storage {
        return;
    }
    progress::record(&mut state.history, ctx.today, &code);
    effects.push(Effect::Save {
        key: ctx.history_key(),
        value: progress::encode(&state.history),
    });
}

/// Moves the session to `next` without touching storage.
fn step_to(ctx: &Context, state: &mut State, next: Session, effects: &mut Vec<Effect>) {
    let q = &*ctx.questionnaire;
    let before = state.session.step;
    state.session = next;
    let after = state.session.step;
    if before == after {
        return;
    }
    effects.push(Effect::Focus(Focus::Heading));
    if let (Step::Intro, Step::Question(_)) = (before, after) {
        effects.push(Effect::Emit(Event::start(
            q,
            state.session.answers.answered() > 0,
        )));
    }
    state.result_whole = false;
    state.pasted = None;
    state.paste_refused = false;
    state.complete_pending = after == Step::Result && matches!(before, Step::Question(_));
    // What moves the company up is part of the result's second paint: the search runs after
    // the first screen is on screen.
    state.guidance = None;
    if after == Step::Result {
        effects.push(Effect::AfterPaint(Action::ResultPainted));
    } else {
        state.share_status = None;
    }
}

/// A step through the assessment, by the flow's own `apply`, with what follows from it; an
/// answer the flow took is told to the host (`smi:answer`). Someone else's shared result
/// stays until the visitor takes the assessment, and the lead gate is not bypassed by
/// revisiting an item.
fn flow(ctx: &Context, state: &mut State, step: session::Action, effects: &mut Vec<Effect>) {
    let q = &*ctx.questionnaire;
    let blocked = match step {
        session::Action::Start => matches!(state.linked, LinkedResult::Card(_)),
        session::Action::Revisit(_) => state.linked != LinkedResult::None || state.gated(ctx),
        _ => false,
    };
    if blocked {
        return;
    }
    let next = session::advance(q, &state.session, step);
    let answered = match step {
        session::Action::Answer { item, choice }
            if next.answers.get(item) == Some(choice) && matches!(next.step, Step::Question(_)) =>
        {
            Some((item, choice))
        }
        _ => None,
    };
    enter(ctx, state, next, effects);
    if let Some((item, choice)) = answered {
        effects.push(Effect::Emit(Event::answer(
            q,
            &state.session.answers,
            item,
            choice,
        )));
    }
}

fn submit_lead(ctx: &Context, state: &mut State, id: String, effects: &mut Vec<Effect>) {
    let config = &ctx.config.lead;
    let busy = matches!(
        state.lead.status,
        Some(LeadStatus::Sending | LeadStatus::Sent | LeadStatus::Queued)
    );
    let Some(outcome) = state.outcome(ctx) else {
        return;
    };
    if config.gate == Gate::Off || busy || state.linked != LinkedResult::None {
        return;
    }
    let found = lead::check(config, &state.lead.values, state.lead.consent);
    if let Some(first) = found.first() {
        let target = match first {
            Invalid::Missing(field) => Focus::LeadField(*field),
            Invalid::BadEmail => Focus::LeadField(Field::Email),
            Invalid::NoConsent => Focus::Consent,
        };
        state.lead.problems = found;
        effects.push(Effect::Focus(target));
        return;
    }
    state.lead.problems.clear();
    let guidance = guidance(ctx, state);
    let Event::Complete(result) = completion(ctx, state, &outcome, &guidance) else {
        return;
    };
    let fields = lead::lead_fields(config, &id, &state.lead.values, &result, &ctx.page_url);
    effects.push(Effect::Emit(Event::lead(
        &id,
        lead::filled(&state.lead.values),
        result,
    )));
    // One lead per visitor: the form does not come back after a reload.
    if state.storage {
        effects.push(Effect::Save {
            key: ctx.lead_key(),
            value: id.clone(),
        });
    }
    if !state.lead.done {
        state.lead.done = true;
        // A gate gives way to the result: focus goes to its heading.
        effects.push(Effect::Focus(Focus::Heading));
    }
    match lead::request(config, &id, &fields) {
        Some(request) => {
            state.lead.status = Some(LeadStatus::Sending);
            effects.push(Effect::DeliverLead(request));
        }
        None => state.lead.status = Some(LeadStatus::Sent),
    }
    state.lead.id = Some(id);
    // The form promised the report: it is handed over now, whatever becomes of the lead.
    if config.gate.gives_report() {
        request_report(ctx, state, effects);
    }
}

fn lead_delivered(
    state: &mut State,
    id: &str,
    outcome: DeliveryOutcome,
    effects: &mut Vec<Effect>,
) {
    if state.lead.id.as_deref() != Some(id) {
        // A lead from before "Delete my data", or an answer twice: nothing to show.
        return;
    }
    state.lead.status = Some(match outcome {
        DeliveryOutcome::Sent => LeadStatus::Sent,
        DeliveryOutcome::Queued => LeadStatus::Queued,
        DeliveryOutcome::QueuedInMemory => {
            report(effects, "lead-storage-unavailable", "the lead could not be sent yet and local storage is unavailable: it is retried while this page stays open");
            LeadStatus::Queued
        }
        DeliveryOutcome::Rejected => {
            report(
                effects,
                "lead-rejected",
                "the lead endpoint refused the lead (4xx); it was not retried",
            );
            LeadStatus::Rejected
        }
        DeliveryOutcome::Failed(why) => {
            report(
                effects,
                "lead-failed",
                &format!("the lead could not be handed over for delivery ({why}); the form stays, to send again"),
            );
            LeadStatus::Rejected
        }
    });
}

/// The full report of the visitor's result, handed to the report module.
fn request_report(ctx: &Context, state: &mut State, effects: &mut Vec<Effect>) {
    let Some(outcome) = state.outcome(ctx) else {
        return;
    };
    if state.report == Some(ReportStatus::Building) {
        return;
    }
    let comparison = state
        .benchmark
        .as_ref()
        .map(|pack| Comparison::new(pack, &outcome));
    let config = &ctx.config;
    let given = |field: Field| {
        Some(lead::value(&state.lead.values, field)).filter(|v| !v.trim().is_empty())
    };
    let link = state.share_link(ctx);
    let offer = state.offer(ctx, &outcome, true);
    let (accent, accent_text) = config.accent_pair();
    let request = ReportRequest {
        lang: ctx.lang.clone(),
        rtl: ctx.rtl,
        answers: state.session.answers.clone(),
        date: ctx.date.clone(),
        comparison,
        company: given(Field::Company).map(str::to_owned),
        role: given(Field::Role).map(str::to_owned),
        brand: config.company.clone(),
        logo: config.logo.clone(),
        accent: [accent.to_owned(), accent_text.to_owned()],
        cta: offer.map(|c| [c.label, c.url]),
        intro: config.report_intro.clone(),
        contact: config.report_contact.clone(),
        link,
        translation: ctx.sources.translation.clone(),
        questionnaire: ctx.sources.questionnaire.clone(),
    };
    state.report = Some(ReportStatus::Building);
    effects.push(Effect::BuildReport {
        request: Box::new(request),
        filename: format!("social-maturity-{}.pdf", outcome.category.as_str()),
    });
}

fn report_done(
    ctx: &Context,
    state: &mut State,
    outcome: Result<ReportFile, String>,
    effects: &mut Vec<Effect>,
) {
    if state.report != Some(ReportStatus::Building) {
        return;
    }
    match outcome {
        Ok(file) => {
            state.report = None;
            effects.push(Effect::Emit(Event::report(
                &ctx.lang, file.pages, file.bytes,
            )));
        }
        Err(why) => {
            state.report = Some(ReportStatus::Failed);
            report(
                effects,
                "report-failed",
                &format!("the report could not be made ({why}); the result stays"),
            );
        }
    }
}

fn share(ctx: &Context, state: &mut State, method: ShareMethod, effects: &mut Vec<Effect>) {
    let (Some(outcome), Some(url)) = (state.outcome(ctx), state.share_link(ctx)) else {
        return;
    };
    if state.linked != LinkedResult::None || state.gated(ctx) {
        return;
    }
    let emit =
        |effects: &mut Vec<Effect>| effects.push(Effect::Emit(Event::share(method.as_str(), &url)));
    // Searched once per result, so taking it here costs nothing after the first paint.
    let guidance = guidance(ctx, state);
    match method {
        ShareMethod::Copy => effects.push(Effect::Copy(url.clone())),
        ShareMethod::Png => effects.push(Effect::DownloadPng {
            svg: card_svg(ctx, state, guidance.next.as_ref(), &outcome),
            filename: card_filename(&outcome),
        }),
        ShareMethod::Native => effects.push(Effect::ShareSheet {
            svg: card_svg(ctx, state, guidance.next.as_ref(), &outcome),
            filename: card_filename(&outcome),
            title: ctx.questionnaire.title.clone(),
            text: share_text(&ctx.questionnaire, &ctx.strings, &outcome),
            url: url.clone(),
        }),
        ShareMethod::Print => {
            emit(effects);
            effects.push(Effect::Print);
        }
        ShareMethod::LinkedIn | ShareMethod::X | ShareMethod::Email => emit(effects),
    }
}

fn share_done(
    ctx: &Context,
    state: &mut State,
    method: ShareMethod,
    outcome: ShareOutcome,
    effects: &mut Vec<Effect>,
) {
    let url = state.share_link(ctx).unwrap_or_default();
    match (method, outcome) {
        (_, ShareOutcome::Cancelled) => {}
        (ShareMethod::Print, ShareOutcome::Done) => {}
        (method, ShareOutcome::Done) => {
            effects.push(Effect::Emit(Event::share(method.as_str(), &url)));
            if method == ShareMethod::Copy {
                state.share_status = Some(ShareStatus::Copied);
            }
        }
        (ShareMethod::Copy, ShareOutcome::Failed(why)) => {
            effects.push(Effect::Warn(format!("SMI widget: copy failed: {why}.")));
            state.share_status = Some(ShareStatus::CopyFailed);
        }
        (ShareMethod::Png, ShareOutcome::Failed(why)) => {
            report(effects, "image-failed", &why);
            state.share_status = Some(ShareStatus::ImageFailed);
        }
        (ShareMethod::Print, ShareOutcome::Failed(why)) => {
            report(effects, "print-failed", &format!("printing failed: {why}"));
        }
        (_, ShareOutcome::Failed(why)) => {
            report(
                effects,
                "share-failed",
                &format!("the share sheet failed: {why}"),
            );
            state.share_status = Some(ShareStatus::ShareFailed);
        }
    }
}

/// One step of the widget: the next state and what the shell must do. Never panics; an
/// action that makes no sense where the widget stands changes nothing.
pub fn apply(ctx: &Context, mut state: State, action: Action) -> (State, Vec<Effect>) {
    let q = &*ctx.questionnaire;
    let mut effects = Vec::new();
    match action {
        Action::Flow(step) => flow(ctx, &mut state, step, &mut effects),
        Action::EditLead(field, value)
            if !state.lead.done || state.lead.status == Some(LeadStatus::Rejected) =>
        {
            match state.lead.values.iter_mut().find(|(f, _)| *f == field) {
                Some(entry) => entry.1 = value,
                None => state.lead.values.push((field, value)),
            }
        }
        Action::Consent(checked) => state.lead.consent = checked,
        Action::SubmitLead { id } => submit_lead(ctx, &mut state, id, &mut effects),
        Action::Share(method) => share(ctx, &mut state, method, &mut effects),
        Action::Report if state.report_offered(ctx) => {
            request_report(ctx, &mut state, &mut effects)
        }
        Action::ReportDone(outcome) => report_done(ctx, &mut state, outcome, &mut effects),
        Action::Benchmark(pack) => state.benchmark = Some(pack),
        Action::TakeYourself if matches!(state.linked, LinkedResult::Card(_)) => {
            state.linked = LinkedResult::None;
            effects.push(Effect::ClearFragment);
            effects.push(Effect::Focus(Focus::Heading));
        }
        Action::CompareWith(text) if state.movement_possible(ctx) => {
            let text = text.trim();
            // A whole link, its fragment, or the bare code.
            let fragment = text.find('#').map_or("", |at| &text[at..]);
            let code = share_code::code_in_fragment(fragment).unwrap_or(text);
            match share_code::decode(q, code) {
                Ok(answers) if answers.is_complete(q) => {
                    state.pasted = Some(code.to_owned());
                    state.paste_refused = false;
                }
                _ => state.paste_refused = true,
            }
        }
        Action::DeleteData => {
            effects.push(Effect::Remove {
                key: ctx.storage_key.clone(),
            });
            effects.push(Effect::Remove {
                key: ctx.lead_key(),
            });
            effects.push(Effect::Remove {
                key: ctx.history_key(),
            });
            state.history.clear();
            state.pasted = None;
            state.paste_refused = false;
            effects.push(Effect::ForgetStored);
            state.lead = LeadForm::default();
            state.share_status = None;
            state.report = None;
            state.deleted = true;
            // Progress is already forgotten above; only the step changes.
            step_to(ctx, &mut state, Session::new(q), &mut effects);
        }
        Action::ResultPainted if state.session.step == Step::Result => {
            state.result_whole = true;
            let guidance = guidance(ctx, &mut state);
            if std::mem::take(&mut state.complete_pending) {
                if let Some(outcome) = state.outcome(ctx) {
                    effects.push(Effect::Emit(completion(ctx, &state, &outcome, &guidance)));
                    record(ctx, &mut state, &mut effects);
                }
            }
        }
        Action::SaveFailed { why, .. } if state.storage => {
            state.storage = false;
            report(
                &mut effects,
                "storage-unavailable",
                &format!("progress will not be saved: {why}"),
            );
        }
        Action::LeadDelivered { id, outcome } => {
            lead_delivered(&mut state, &id, outcome, &mut effects)
        }
        Action::ShareDone { method, outcome } => {
            share_done(ctx, &mut state, method, outcome, &mut effects)
        }
        _ => {}
    }
    (state, effects)
}
