//! The widget's behaviour as a state machine (`engine::host::widget`): each test runs actions from
//! a booted state and compares every effect, in order, with what is expected. Effects are
//! written as one short line each, so an expectation reads as what the shell will do.

use crate::support::{answers, smi};
use proptest::prelude::*;
use smi_engine::assessment::{saved, share_code};
use smi_engine::content;
use smi_engine::host::config::Config;
use smi_engine::host::events::{AnswerDetail, ErrorDetail, Event, ShareDetail, StartDetail};
use smi_engine::host::lead::{Field, Invalid};
use smi_engine::host::widget::{
    apply, boot, Action, Boot, Context, DeliveryOutcome, Effect, Focus, LeadStatus, LinkedResult,
    ReportFile, ReportStatus, ShareMethod, ShareOutcome, ShareStatus, State,
};
use smi_engine::{evaluate, Action as Flow, Answers, Session, Step};
use std::rc::Rc;

const KEY: &str = "smi-widget:test";

fn ctx(options: &[(&str, &str)]) -> Context {
    let (config, warnings) = Config::parse(options.iter().copied(), content::LANGUAGES);
    assert!(warnings.is_empty(), "{warnings:?}");
    Context {
        questionnaire: Rc::new(smi().clone()),
        lang: "en".into(),
        strings: smi_engine::result::text::Text::new(content::strings().unwrap()),
        config: Rc::new(config),
        rtl: false,
        storage_key: KEY.into(),
        page_url: "https://host.example/page".into(),
        date: "30 November 2026".into(),
        today: smi_engine::result::calendar::Date {
            year: 2026,
            month: 11,
            day: 30,
        },
        sources: Rc::default(),
    }
}

fn fresh() -> Boot {
    Boot {
        saved: Ok(None),
        lead_given: false,
        fragment: String::new(),
        benchmark: None,
        history: None,
    }
}

/// One line per effect: what it does and to what, without the payloads' bulk.
fn line(effect: &Effect) -> String {
    match effect {
        Effect::Save { key, .. } => format!("save {key}"),
        Effect::Remove { key } => format!("remove {key}"),
        Effect::Emit(Event::Error(ErrorDetail { code, .. })) => format!("emit smi:error {code}"),
        Effect::Emit(Event::Share(ShareDetail { method, .. })) => {
            format!("emit smi:share {method}")
        }
        Effect::Emit(Event::Answer(AnswerDetail { index, choice, .. })) => {
            format!("emit smi:answer {index}={choice}")
        }
        Effect::Emit(Event::Start(StartDetail { resumed, .. })) => {
            format!("emit smi:start resumed={resumed}")
        }
        Effect::Emit(Event::Complete(c)) => format!(
            "emit smi:complete {} {}/{}",
            c.category, c.investment, c.innovation
        ),
        Effect::Emit(event) => format!("emit {}", event.name()),
        Effect::Warn(_) => "warn".into(),
        Effect::Focus(Focus::Heading) => "focus heading".into(),
        Effect::Focus(Focus::LeadField(field)) => format!("focus #smi-lead-{field}"),
        Effect::Focus(Focus::Consent) => "focus #smi-lead-consent".into(),
        Effect::AfterPaint(action) => format!("after paint {action:?}"),
        Effect::ClearFragment => "clear fragment".into(),
        Effect::DeliverLead(request) => format!("deliver {}", request.id),
        Effect::ForgetStored => "forget stored".into(),
        Effect::Copy(_) => "copy".into(),
        Effect::DownloadPng { filename, .. } => format!("png {filename}"),
        Effect::ShareSheet { .. } => "share sheet".into(),
        Effect::Print => "print".into(),
        Effect::BuildReport { filename, .. } => format!("report {filename}"),
    }
}

fn run(ctx: &Context, state: State, actions: &[Action]) -> (State, Vec<Effect>) {
    actions
        .iter()
        .fold((state, Vec::new()), |(state, mut all), a| {
            let (next, effects) = apply(ctx, state, a.clone());
            all.extend(effects);
            (next, all)
        })
}

/// Runs `actions` from `state` and compares the effects with `expected`, line by line.
fn check(ctx: &Context, state: State, actions: &[Action], expected: &[&str]) -> State {
    let (state, effects) = run(ctx, state, actions);
    let lines: Vec<String> = effects.iter().map(line).collect();
    assert_eq!(lines, expected, "effects of {actions:?}");
    state
}

fn booted(ctx: &Context) -> State {
    boot(ctx, "en", fresh()).0
}

/// Answers every item from `digits` with Next after each, from the first question.
fn answer_all(digits: &str) -> Vec<Action> {
    let a = answers(digits);
    let mut actions = Vec::new();
    for (item, choice) in a.0.iter().enumerate() {
        actions.push(Action::Flow(Flow::Answer {
            item,
            choice: choice.unwrap(),
        }));
        actions.push(Action::Flow(Flow::Next));
    }
    actions
}

const DIGITS: &str = "1010101010101 23232323232323";

/// A state on the result, reached by answering, with its first screen painted.
fn on_result(ctx: &Context) -> State {
    let mut actions = vec![Action::Flow(Flow::Start)];
    actions.extend(answer_all(DIGITS));
    actions.push(Action::ResultPainted);
    run(ctx, booted(ctx), &actions).0
}

#[test]
fn boot_tells_the_host_it_is_ready() {
    let c = ctx(&[]);
    let (state, effects) = boot(&c, "en", fresh());
    assert_eq!(
        effects.iter().map(line).collect::<Vec<_>>(),
        ["emit smi:ready"]
    );
    assert_eq!(state.session, Session::new(smi()));
    assert!(state.storage && !state.has_data(&c));
}

#[test]
fn the_whole_flow() {
    let c = ctx(&[]);
    let s = check(
        &c,
        booted(&c),
        &[Action::Flow(Flow::Start)],
        &[
            "save smi-widget:test",
            "focus heading",
            "emit smi:start resumed=false",
        ],
    );
    // Next is refused until the question is answered: nothing happens.
    let s = check(&c, s, &[Action::Flow(Flow::Next)], &[]);
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Answer { item: 0, choice: 2 })],
        &["save smi-widget:test", "emit smi:answer 0=2"],
    );
    // A choice the item does not have changes nothing and tells nobody.
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Answer { item: 0, choice: 9 })],
        &[],
    );
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Next)],
        &["save smi-widget:test", "focus heading"],
    );
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Back), Action::Flow(Flow::Back)],
        &[
            "save smi-widget:test",
            "focus heading",
            "save smi-widget:test",
            "focus heading",
        ],
    );
    assert_eq!(s.session.step, Step::Intro);
    // Start resumes at the first gap, and says so.
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Start)],
        &[
            "save smi-widget:test",
            "focus heading",
            "emit smi:start resumed=true",
        ],
    );
    assert_eq!(s.session.step, Step::Question(1));

    // Finish: the last Next shows the result's first screen; smi:complete follows its paint.
    // Items 1.. from DIGITS, item 0 keeping its 2; the last Next is checked below.
    let rest: Vec<Action> = answer_all(DIGITS).into_iter().skip(2).collect();
    let (s, _) = run(&c, s, &rest[..rest.len() - 1]);
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Next)],
        &[
            "save smi-widget:test",
            "focus heading",
            "after paint ResultPainted",
        ],
    );
    assert!(!s.result_whole);
    let s = check(
        &c,
        s,
        &[Action::ResultPainted],
        &[
            "emit smi:complete participant 23/84",
            "save smi-widget:test:history",
        ],
    );
    assert!(s.result_whole);
    // A second paint report sends no second completion.
    let s = check(&c, s, &[Action::ResultPainted], &[]);

    // Back from the result to the last question, and on to the result again: a new completion.
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Back)],
        &["save smi-widget:test", "focus heading"],
    );
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Next), Action::ResultPainted],
        &[
            "save smi-widget:test",
            "focus heading",
            "after paint ResultPainted",
            "emit smi:complete participant 23/84",
            "save smi-widget:test:history",
        ],
    );
    // Restart forgets everything stored.
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Restart)],
        &["remove smi-widget:test", "focus heading"],
    );
    assert_eq!(s.session, Session::new(smi()));
}

#[test]
fn an_answer_changed_from_the_result_completes_again() {
    let c = ctx(&[]);
    let s = check(
        &c,
        on_result(&c),
        &[Action::Flow(Flow::Revisit(3))],
        &["save smi-widget:test", "focus heading"],
    );
    assert_eq!(s.session.step, Step::Question(3));
    let s = check(
        &c,
        s,
        &[
            Action::Flow(Flow::Answer { item: 3, choice: 3 }),
            Action::Flow(Flow::Finish),
            Action::ResultPainted,
        ],
        &[
            "save smi-widget:test",
            "emit smi:answer 3=3",
            "save smi-widget:test",
            "focus heading",
            "after paint ResultPainted",
            "emit smi:complete participant 26/84",
            "save smi-widget:test:history",
        ],
    );
    assert_eq!(s.session.step, Step::Result);
    // An item that does not exist, or a revisit from a question, changes nothing.
    let s = check(&c, s, &[Action::Flow(Flow::Revisit(99))], &[]);
    let (s, _) = run(&c, s, &[Action::Flow(Flow::Revisit(0))]);
    check(&c, s, &[Action::Flow(Flow::Revisit(5))], &[]);
}

#[test]
fn saved_progress_resumes_and_a_saved_result_shows_without_a_second_completion() {
    let c = ctx(&[]);
    let mut session = Session::new(smi());
    session.answers.0[0] = Some(1);
    session.step = Step::Question(1);
    let (state, effects) = boot(
        &c,
        "en",
        Boot {
            saved: Ok(Some(saved::encode(smi(), &session))),
            ..fresh()
        },
    );
    assert_eq!(
        effects.iter().map(line).collect::<Vec<_>>(),
        ["emit smi:ready"]
    );
    assert_eq!(state.session, session);

    let done = Session {
        step: Step::Result,
        answers: answers(DIGITS),
    };
    let (state, effects) = boot(
        &c,
        "en",
        Boot {
            saved: Ok(Some(saved::encode(smi(), &done))),
            ..fresh()
        },
    );
    let lines: Vec<_> = effects.iter().map(line).collect();
    assert_eq!(lines, ["emit smi:ready", "after paint ResultPainted"]);
    check(&c, state, &[Action::ResultPainted], &[]);
}

#[test]
fn unreadable_progress_is_forgotten_with_a_warning() {
    let c = ctx(&[]);
    let (state, effects) = boot(
        &c,
        "en",
        Boot {
            saved: Ok(Some("{not json".into())),
            ..fresh()
        },
    );
    let lines: Vec<_> = effects.iter().map(line).collect();
    assert_eq!(lines, ["warn", "remove smi-widget:test", "emit smi:ready"]);
    assert_eq!(state.session, Session::new(smi()));
}

#[test]
fn storage_refused_at_boot_or_later_is_reported_once_and_saving_stops() {
    let c = ctx(&[]);
    let (state, effects) = boot(
        &c,
        "en",
        Boot {
            saved: Err("local storage is blocked".into()),
            ..fresh()
        },
    );
    let lines: Vec<_> = effects.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            "warn",
            "emit smi:error storage-unavailable",
            "emit smi:ready"
        ]
    );
    assert!(!state.storage);
    check(
        &c,
        state,
        &[Action::Flow(Flow::Start)],
        &["focus heading", "emit smi:start resumed=false"],
    );

    let s = check(
        &c,
        booted(&c),
        &[Action::Flow(Flow::Start)],
        &[
            "save smi-widget:test",
            "focus heading",
            "emit smi:start resumed=false",
        ],
    );
    let failed = Action::SaveFailed {
        key: KEY.into(),
        why: "quota exceeded".into(),
    };
    let s = check(
        &c,
        s,
        std::slice::from_ref(&failed),
        &["warn", "emit smi:error storage-unavailable"],
    );
    assert!(!s.storage);
    let s = check(&c, s, &[failed], &[]);
    check(
        &c,
        s,
        &[Action::Flow(Flow::Answer { item: 0, choice: 1 })],
        &["emit smi:answer 0=1"],
    );
}

fn fill_lead(email: &str, consent: bool) -> Vec<Action> {
    vec![
        Action::EditLead(Field::Name, "Ada".into()),
        Action::EditLead(Field::Email, email.into()),
        Action::Consent(consent),
    ]
}

fn submit(id: &str) -> Action {
    Action::SubmitLead { id: id.into() }
}

#[test]
fn the_gate_before_the_result() {
    let c = ctx(&[
        ("lead", "before"),
        ("lead-endpoint", "https://crm.example/hook"),
    ]);
    let s = on_result(&c);
    assert!(s.gated(&c));
    // Sharing is not offered behind the gate.
    let s = check(&c, s, &[Action::Share(ShareMethod::LinkedIn)], &[]);

    // Consent missing: the form says so and focus goes to the checkbox.
    let (s, _) = run(&c, s, &fill_lead("ada@example.com", false));
    let s = check(&c, s, &[submit("L1")], &["focus #smi-lead-consent"]);
    assert_eq!(s.lead.problems, [Invalid::NoConsent]);
    // A bad e-mail comes first in form order.
    let (s, _) = run(&c, s, &fill_lead("ada@", false));
    let s = check(&c, s, &[submit("L1")], &["focus #smi-lead-email"]);
    assert_eq!(s.lead.problems, [Invalid::BadEmail, Invalid::NoConsent]);

    let (s, _) = run(&c, s, &fill_lead("ada@example.com", true));
    let s = check(
        &c,
        s,
        &[submit("L1")],
        &[
            "emit smi:lead",
            "save smi-widget:test:lead",
            "focus heading",
            "deliver L1",
        ],
    );
    assert!(!s.gated(&c) && s.lead.problems.is_empty());
    assert_eq!(s.lead.status, Some(LeadStatus::Sending));
    // A second submit while it is on its way does nothing.
    let s = check(&c, s, &[submit("L2")], &[]);
    let sent = Action::LeadDelivered {
        id: "L1".into(),
        outcome: DeliveryOutcome::Sent,
    };
    let s = check(&c, s, &[sent], &[]);
    assert_eq!(s.lead.status, Some(LeadStatus::Sent));
}

#[test]
fn every_delivery_outcome() {
    let c = ctx(&[
        ("lead", "after"),
        ("lead-endpoint", "https://crm.example/hook"),
    ]);
    let sent = |outcome: DeliveryOutcome, expected: &[&str], status: LeadStatus| {
        let (s, _) = run(&c, on_result(&c), &fill_lead("ada@example.com", true));
        let s = check(
            &c,
            s,
            &[submit("L1")],
            &[
                "emit smi:lead",
                "save smi-widget:test:lead",
                "focus heading",
                "deliver L1",
                // The form's promise: the report is handed over at once.
                "report social-maturity-participant.pdf",
            ],
        );
        let s = check(
            &c,
            s,
            &[Action::LeadDelivered {
                id: "L1".into(),
                outcome,
            }],
            expected,
        );
        assert_eq!(s.lead.status, Some(status));
        s
    };
    sent(DeliveryOutcome::Sent, &[], LeadStatus::Sent);
    sent(DeliveryOutcome::Queued, &[], LeadStatus::Queued);
    sent(
        DeliveryOutcome::QueuedInMemory,
        &["warn", "emit smi:error lead-storage-unavailable"],
        LeadStatus::Queued,
    );
    let s = sent(
        DeliveryOutcome::Rejected,
        &["warn", "emit smi:error lead-rejected"],
        LeadStatus::Rejected,
    );
    // Refused: the visitor can correct and send again, as a new lead.
    let s = check(
        &c,
        s,
        &[submit("L2")],
        &["emit smi:lead", "save smi-widget:test:lead", "deliver L2"],
    );
    // The first lead's late answer does not overwrite the second's status.
    let s = check(
        &c,
        s,
        &[Action::LeadDelivered {
            id: "L1".into(),
            outcome: DeliveryOutcome::Sent,
        }],
        &[],
    );
    assert_eq!(s.lead.status, Some(LeadStatus::Sending));
    sent(
        DeliveryOutcome::Failed("the loader provides no deliverLead()".into()),
        &["warn", "emit smi:error lead-failed"],
        LeadStatus::Rejected,
    );
}

#[test]
fn a_lead_without_an_endpoint_is_an_event_only_and_storage_refused_keeps_nothing() {
    let c = ctx(&[("lead", "after")]);
    let (s, _) = run(&c, on_result(&c), &fill_lead("ada@example.com", true));
    let s = check(
        &c,
        s,
        &[submit("L1")],
        &[
            "emit smi:lead",
            "save smi-widget:test:lead",
            "focus heading",
            "report social-maturity-participant.pdf",
        ],
    );
    assert_eq!(s.lead.status, Some(LeadStatus::Sent));

    let mut s = on_result(&c);
    s.storage = false;
    let (s, _) = run(&c, s, &fill_lead("ada@example.com", true));
    check(
        &c,
        s,
        &[submit("L1")],
        &[
            "emit smi:lead",
            "focus heading",
            "report social-maturity-participant.pdf",
        ],
    );
}

#[test]
fn a_lead_given_earlier_keeps_the_gate_open() {
    let c = ctx(&[("lead", "before")]);
    let (s, _) = boot(
        &c,
        "en",
        Boot {
            lead_given: true,
            ..fresh()
        },
    );
    assert!(s.has_data(&c));
    let mut actions = vec![Action::Flow(Flow::Start)];
    actions.extend(answer_all(DIGITS));
    let (s, _) = run(&c, s, &actions);
    assert_eq!(s.session.step, Step::Result);
    assert!(!s.gated(&c));
    assert_eq!(s.lead.status, Some(LeadStatus::Sent));
}

#[test]
fn delete_my_data() {
    let c = ctx(&[
        ("lead", "after"),
        ("lead-endpoint", "https://crm.example/hook"),
    ]);
    let (s, _) = run(&c, on_result(&c), &fill_lead("ada@example.com", true));
    let (s, _) = run(&c, s, &[submit("L1")]);
    let s = check(
        &c,
        s,
        &[Action::DeleteData],
        &[
            "remove smi-widget:test",
            "remove smi-widget:test:lead",
            "remove smi-widget:test:history",
            "forget stored",
            "focus heading",
        ],
    );
    assert_eq!(s.session, Session::new(smi()));
    assert_eq!(s.lead.values, []);
    assert!(!s.lead.done && !s.lead.consent && s.deleted && !s.has_data(&c));
    // The deleted lead's delivery answer arrives late: nothing comes back.
    let s = check(
        &c,
        s,
        &[Action::LeadDelivered {
            id: "L1".into(),
            outcome: DeliveryOutcome::Rejected,
        }],
        &[],
    );
    assert_eq!(s.lead.status, None);
    // On the intro, with only a lead marker stored, deleting still forgets it.
    let (s, _) = boot(
        &c,
        "en",
        Boot {
            lead_given: true,
            ..fresh()
        },
    );
    check(
        &c,
        s,
        &[Action::DeleteData],
        &[
            "remove smi-widget:test",
            "remove smi-widget:test:lead",
            "remove smi-widget:test:history",
            "forget stored",
        ],
    );
}

#[test]
fn a_shared_link_shows_that_result_until_the_visitor_takes_the_assessment() {
    let c = ctx(&[]);
    let code = share_code::encode(smi(), &answers(DIGITS)).unwrap();
    let (s, effects) = boot(
        &c,
        "en",
        Boot {
            fragment: format!("#smi={code}"),
            ..fresh()
        },
    );
    assert_eq!(
        effects.iter().map(line).collect::<Vec<_>>(),
        ["emit smi:ready"]
    );
    let LinkedResult::Card(outcome) = &s.linked else {
        panic!("expected a shared card, got {:?}", s.linked);
    };
    assert_eq!(Some(outcome), evaluate(smi(), &answers(DIGITS)).as_ref());
    // Someone else's result cannot be shared or started over from.
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Start), Action::Share(ShareMethod::Copy)],
        &[],
    );
    let s = check(
        &c,
        s,
        &[Action::TakeYourself],
        &["clear fragment", "focus heading"],
    );
    assert_eq!(s.linked, LinkedResult::None);
    check(
        &c,
        s,
        &[Action::Flow(Flow::Start)],
        &[
            "save smi-widget:test",
            "focus heading",
            "emit smi:start resumed=false",
        ],
    );

    // A tampered code: a message, a warning and smi:error before smi:ready.
    let mut tampered = code.clone();
    tampered.replace_range(3..4, if &code[3..4] == "A" { "B" } else { "A" });
    let (s, effects) = boot(
        &c,
        "en",
        Boot {
            fragment: format!("#smi={tampered}"),
            ..fresh()
        },
    );
    let lines: Vec<_> = effects.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            "warn",
            "emit smi:error share-link-refused",
            "emit smi:ready"
        ]
    );
    assert_eq!(s.linked, LinkedResult::Refused);
}

#[test]
fn share_actions_and_what_they_come_to() {
    let c = ctx(&[("company", "Acme")]);
    let s = on_result(&c);
    let s = check(
        &c,
        s,
        &[
            Action::Share(ShareMethod::LinkedIn),
            Action::Share(ShareMethod::Copy),
            Action::Share(ShareMethod::Png),
            Action::Share(ShareMethod::Native),
            Action::Share(ShareMethod::Print),
        ],
        &[
            "emit smi:share linkedin",
            "copy",
            "png social-maturity-participant.png",
            "share sheet",
            "emit smi:share print",
            "print",
        ],
    );
    let done = |method, outcome| Action::ShareDone { method, outcome };
    let s = check(
        &c,
        s,
        &[done(ShareMethod::Copy, ShareOutcome::Done)],
        &["emit smi:share copy"],
    );
    assert_eq!(s.share_status, Some(ShareStatus::Copied));
    let s = check(
        &c,
        s,
        &[done(
            ShareMethod::Copy,
            ShareOutcome::Failed("denied".into()),
        )],
        &["warn"],
    );
    assert_eq!(s.share_status, Some(ShareStatus::CopyFailed));
    let s = check(
        &c,
        s,
        &[done(
            ShareMethod::Png,
            ShareOutcome::Failed("no canvas".into()),
        )],
        &["warn", "emit smi:error image-failed"],
    );
    assert_eq!(s.share_status, Some(ShareStatus::ImageFailed));
    // The visitor closed the share sheet: nothing to tell.
    let s = check(
        &c,
        s,
        &[done(ShareMethod::Native, ShareOutcome::Cancelled)],
        &[],
    );
    let s = check(
        &c,
        s,
        &[done(ShareMethod::Native, ShareOutcome::Done)],
        &["emit smi:share native"],
    );
    let s = check(
        &c,
        s,
        &[done(
            ShareMethod::Print,
            ShareOutcome::Failed("no window".into()),
        )],
        &["warn", "emit smi:error print-failed"],
    );
    // Leaving the result clears what the last action said.
    let s = check(
        &c,
        s,
        &[Action::Flow(Flow::Back)],
        &["save smi-widget:test", "focus heading"],
    );
    assert_eq!(s.share_status, None);

    // The card carries the host's brand.
    let (_, effects) = apply(&c, on_result(&c), Action::Share(ShareMethod::Png));
    let Some(Effect::DownloadPng { svg, .. }) = effects.first() else {
        panic!("expected a PNG export, got {effects:?}");
    };
    assert!(svg.contains("Acme"));
}

#[test]
fn the_events_of_a_whole_visit_in_order() {
    let c = ctx(&[("lead", "after")]);
    let (s, mut effects) = boot(&c, "en", fresh());
    let mut actions = vec![Action::Flow(Flow::Start)];
    actions.extend(answer_all(DIGITS));
    actions.push(Action::ResultPainted);
    actions.push(Action::Share(ShareMethod::Email));
    actions.extend(fill_lead("ada@example.com", true));
    actions.push(submit("L1"));
    let (_, more) = run(&c, s, &actions);
    effects.extend(more);
    let names: Vec<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Emit(event) => Some(event.name()),
            _ => None,
        })
        .collect();
    let mut expected = vec!["smi:ready", "smi:start"];
    expected.extend(std::iter::repeat_n("smi:answer", smi().items.len()));
    expected.extend(["smi:complete", "smi:share", "smi:lead"]);
    assert_eq!(names, expected);
}

/// Any action, with indices a little beyond the questionnaire's, so that bad ones are tried.
fn any_action() -> impl Strategy<Value = Action> {
    let n = smi().items.len();
    prop_oneof![
        Just(Action::Flow(Flow::Start)),
        (0..n + 2, 0u8..7).prop_map(|(item, choice)| Action::Flow(Flow::Answer { item, choice })),
        Just(Action::Flow(Flow::Next)),
        Just(Action::Flow(Flow::Next)),
        Just(Action::Flow(Flow::Next)),
        Just(Action::Flow(Flow::Back)),
        Just(Action::Flow(Flow::Restart)),
        (0..n + 2).prop_map(|item| Action::Flow(Flow::Revisit(item))),
        Just(Action::Flow(Flow::Finish)),
        Just(Action::ResultPainted),
        Just(Action::DeleteData),
        Just(Action::TakeYourself),
        Just(Action::Consent(true)),
        Just(Action::EditLead(Field::Email, "a@b.example".into())),
        "[a-z]{1,3}".prop_map(|id| Action::SubmitLead { id }),
        Just(Action::Share(ShareMethod::Copy)),
        Just(Action::LeadDelivered {
            id: "a".into(),
            outcome: DeliveryOutcome::Rejected
        }),
        Just(Action::SaveFailed {
            key: KEY.into(),
            why: "full".into()
        }),
    ]
}

/// A visit: mostly the whole assessment in order (Start, each item answered and Next, and
/// with the `before` gate the form filled and sent) with a few random actions dropped in
/// anywhere; sometimes any actions at all, which alone reach the result practically never.
fn any_visit() -> impl Strategy<Value = Vec<Action>> {
    let n = smi().items.len();
    let journey = (
        prop::collection::vec(0u8..4, n),
        prop::collection::vec((0usize..80, any_action()), 0..6),
    )
        .prop_map(move |(choices, noise)| {
            let mut visit = vec![Action::Flow(Flow::Start)];
            for (item, choice) in choices.into_iter().enumerate() {
                visit.extend([
                    Action::Flow(Flow::Answer { item, choice }),
                    Action::Flow(Flow::Next),
                ]);
            }
            visit.extend([
                Action::EditLead(Field::Email, "a@b.example".into()),
                Action::Consent(true),
                Action::SubmitLead { id: "v".into() },
                Action::ResultPainted,
            ]);
            for (at, action) in noise {
                visit.insert(at % (visit.len() + 1), action);
            }
            visit
        });
    prop_oneof![
        3 => journey,
        1 => prop::collection::vec(any_action(), 0..160),
    ]
}

/// No sequence of actions panics, and every `smi:complete` carries the scores that
/// `evaluate` gives for the answers saved at that moment; most visits complete (counted, so
/// that a generator that stopped reaching `smi:complete` fails here).
#[test]
fn every_completion_carries_the_saved_answers_scores() {
    use proptest::test_runner::{Config as Cases, TestRunner};
    let completions = std::cell::Cell::new(0);
    let mut runner = TestRunner::new(Cases::with_cases(256));
    let gates = prop_oneof![Just("off"), Just("before"), Just("after")];
    runner
        .run(&(any_visit(), gates), |(actions, gate)| {
            let completed = completion_check(actions, gate)?;
            completions.set(completions.get() + usize::from(completed));
            Ok(())
        })
        .unwrap();
    assert!(
        completions.get() >= 60,
        "only {} of 256 visits sent smi:complete",
        completions.get()
    );
}

/// Runs `actions` with the lead `gate`; whether any `smi:complete` was sent, each checked.
fn completion_check(
    actions: Vec<Action>,
    gate: &str,
) -> Result<bool, proptest::test_runner::TestCaseError> {
    let mut completed = false;
    {
        let c = ctx(&[
            ("lead", gate),
            ("lead-endpoint", "https://crm.example/hook"),
        ]);
        let mut state = booted(&c);
        let mut stored: Option<Session> = None;
        for action in actions {
            let (next, effects) = apply(&c, state, action);
            for effect in &effects {
                match effect {
                    Effect::Save { key, value } if key == KEY => {
                        stored = Some(saved::decode(smi(), value).expect("saved progress decodes"));
                    }
                    Effect::Remove { key } if key == KEY => stored = None,
                    Effect::Emit(Event::Complete(done)) => {
                        // Where storage was refused, the widget's memory is all there is.
                        let answers: Answers = match next.storage {
                            true => stored.clone().expect("progress saved").answers,
                            false => next.session.answers.clone(),
                        };
                        let outcome = evaluate(smi(), &answers).expect("complete answers");
                        prop_assert_eq!(done.investment, outcome.investment);
                        prop_assert_eq!(done.innovation, outcome.innovation);
                        prop_assert_eq!(done.category.as_str(), outcome.category.as_str());
                        completed = true;
                    }
                    _ => {}
                }
            }
            prop_assert!(next.session.fits(smi()));
            state = next;
        }
    }
    Ok(completed)
}

#[test]
fn the_report_is_built_once_at_a_time_and_its_outcome_told() {
    let c = ctx(&[]);
    let s = on_result(&c);
    assert!(s.report_offered(&c));
    let category = s.outcome(&c).unwrap().category.as_str();
    let pdf = format!("report social-maturity-{category}.pdf");
    let s = check(&c, s, &[Action::Report], &[&pdf]);
    assert_eq!(s.report, Some(ReportStatus::Building));
    // A second click while it is made does nothing.
    let s = check(&c, s, &[Action::Report], &[]);
    let done = Action::ReportDone(Ok(ReportFile {
        pages: 9,
        bytes: 120_000,
    }));
    let s = check(&c, s, std::slice::from_ref(&done), &["emit smi:report"]);
    assert_eq!(s.report, None);
    // An answer with nothing asked for is ignored.
    let s = check(&c, s, &[done], &[]);
    let s = check(&c, s, &[Action::Report], &[&pdf]);
    let failed = Action::ReportDone(Err("report/smi_report.wasm answered HTTP 404".into()));
    let s = check(&c, s, &[failed], &["warn", "emit smi:error report-failed"]);
    assert_eq!(s.report, Some(ReportStatus::Failed));
    assert_eq!(s.session.step, Step::Result, "the result stays");
    // And again, after a failure.
    check(&c, s, &[Action::Report], &[&pdf]);
}

#[test]
fn the_report_event_carries_the_language_pages_and_size() {
    let c = ctx(&[]);
    let (s, _) = run(&c, on_result(&c), &[Action::Report]);
    let (_, effects) = apply(
        &c,
        s,
        Action::ReportDone(Ok(ReportFile {
            pages: 9,
            bytes: 120_000,
        })),
    );
    let [Effect::Emit(event)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(event.detail(), r#"{"lang":"en","pages":9,"bytes":120000}"#);
}

#[test]
fn with_lead_report_the_report_comes_after_the_form() {
    let c = ctx(&[("lead", "report")]);
    let s = on_result(&c);
    assert!(!s.gated(&c), "the result is free");
    assert!(!s.report_offered(&c));
    let s = check(&c, s, &[Action::Report], &[]);
    let (s, _) = run(&c, s, &fill_lead("ada@example.com", true));
    let category = s.outcome(&c).unwrap().category.as_str();
    let pdf = format!("report social-maturity-{category}.pdf");
    let s = check(
        &c,
        s,
        &[submit("L1")],
        &[
            "emit smi:lead",
            "save smi-widget:test:lead",
            "focus heading",
            &pdf,
        ],
    );
    assert!(s.report_offered(&c), "and again later");
}

#[test]
fn the_report_is_never_offered_for_someone_else_s_result_or_behind_a_gate() {
    let c = ctx(&[("lead", "before")]);
    let s = on_result(&c);
    assert!(s.gated(&c));
    check(&c, s, &[Action::Report], &[]);
    let c = ctx(&[]);
    let code = smi_engine::assessment::share_code::encode(smi(), &answers(DIGITS)).unwrap();
    let (s, _) = boot(
        &c,
        "en",
        Boot {
            fragment: format!("#smi={code}"),
            ..fresh()
        },
    );
    assert!(!s.report_offered(&c));
    check(&c, s, &[Action::Report], &[]);
}

/// The `smi:complete` sent when `state` (on the first question) is answered to its result.
fn completion(c: &Context, state: State) -> smi_engine::host::events::Completion {
    let mut actions = answer_all(DIGITS);
    actions.push(Action::ResultPainted);
    let (_, effects) = run(c, state, &actions);
    effects
        .into_iter()
        .find_map(|e| match e {
            Effect::Emit(Event::Complete(done)) => Some(done),
            _ => None,
        })
        .expect("the result is completed")
}

#[test]
fn a_pack_that_arrives_later_is_used_from_then_on() {
    let mut pack = smi_engine::result::benchmark::Pack::new("smi", "UK retail, 2026");
    for i in 0..40 {
        pack.add(i * 2, 100 - i * 2, smi_engine::CategoryId::Participant);
    }
    let c = ctx(&[]);
    let (started, _) = run(&c, booted(&c), &[Action::Flow(Flow::Start)]);
    assert_eq!(completion(&c, started.clone()).benchmark, None);
    // The pack arrives while the visitor answers: the result compares with it.
    let (s, effects) = run(&c, started, &[Action::Benchmark(Rc::new(pack.clone()))]);
    assert!(effects.is_empty());
    assert_eq!(s.benchmark.as_deref(), Some(&pack));
    let compared = completion(&c, s).benchmark;
    assert_eq!(compared.expect("smi:complete carries the comparison").n, 40);
    // A pack there at boot is there from the start.
    let (s, _) = boot(
        &c,
        "en",
        Boot {
            benchmark: Some(Rc::new(pack.clone())),
            ..fresh()
        },
    );
    assert_eq!(s.benchmark.as_deref(), Some(&pack));
}

/// The effects' payloads: what was saved under `key`, the last time.
fn saved_value(effects: &[Effect], key: &str) -> Option<String> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Save { key: k, value } if k == key => Some(value.clone()),
        _ => None,
    })
}

fn completed(effects: &[Effect]) -> smi_engine::host::events::Completion {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Emit(Event::Complete(c)) => Some(c.clone()),
            _ => None,
        })
        .expect("smi:complete")
}

/// Restart, then every answer from `digits`, to the result and its paint.
fn retake(digits: &str) -> Vec<Action> {
    let mut actions = vec![Action::Flow(Flow::Restart), Action::Flow(Flow::Start)];
    actions.extend(answer_all(digits));
    actions.push(Action::ResultPainted);
    actions
}

#[test]
fn a_retake_is_compared_with_the_last_different_result() {
    let c = ctx(&[]);
    let history = "smi-widget:test:history";
    let (s, effects) = run(&c, booted(&c), &retake(DIGITS));
    let first = completed(&effects);
    assert_eq!(first.previous, None);
    assert_eq!(s.movement(&c), None);
    let stored = saved_value(&effects, history).expect("the first result is recorded");
    let first_code = share_code::encode(smi(), &answers(DIGITS)).unwrap();
    assert_eq!(stored, format!(r#"["2026-11-30 {first_code}"]"#));

    // A later visit, another day: the history is read back and the retake compares with it.
    let mut later = c.clone();
    later.today = smi_engine::result::calendar::Date {
        year: 2026,
        month: 12,
        day: 14,
    };
    let s = boot(
        &later,
        "en",
        Boot {
            history: Some(stored),
            ..fresh()
        },
    )
    .0;
    assert!(s.has_data(&later), "earlier results are the visitor's data");
    let better = "2222222222222 23232323232323";
    let (s, effects) = run(&later, s, &retake(better));
    let complete = completed(&effects);
    let previous = complete.previous.expect("previous");
    assert_eq!(
        (
            previous.category.as_str(),
            previous.investment,
            previous.innovation
        ),
        ("participant", first.investment, first.innovation)
    );
    assert_eq!(previous.date.as_deref(), Some("2026-11-30"));
    let m = s.movement(&later).expect("movement");
    assert_eq!(
        m.investment,
        i16::from(complete.investment) - i16::from(first.investment)
    );
    assert_eq!(m.innovation, 0);
    assert!(m.investment > 0 && !m.improved.is_empty() && m.declined.is_empty());
    let stored = saved_value(&effects, history).unwrap();
    let better_code = share_code::encode(smi(), &answers(better)).unwrap();
    assert_eq!(
        stored,
        format!(r#"["2026-11-30 {first_code}","2026-12-14 {better_code}"]"#)
    );
    // The same result reached again still compares with the one before it.
    let (s, effects) = run(&later, s, &retake(better));
    assert_eq!(
        completed(&effects).previous.and_then(|p| p.date).as_deref(),
        Some("2026-11-30")
    );
    assert_eq!(saved_value(&effects, history).unwrap(), stored);

    // "Delete my data" forgets the history too.
    let (s, effects) = run(&later, s, &[Action::DeleteData]);
    assert!(effects
        .iter()
        .any(|e| matches!(e, Effect::Remove { key } if key == history)));
    assert!(s.history.is_empty() && !s.has_data(&later));
}

#[test]
fn a_damaged_history_is_left_out_with_a_warning_and_refused_storage_records_nothing() {
    let c = ctx(&[]);
    let (s, effects) = boot(
        &c,
        "en",
        Boot {
            history: Some(r#"["2026-11-01 1AAAAAAAAAAAA"]"#.into()),
            ..fresh()
        },
    );
    assert_eq!(
        effects.iter().map(line).collect::<Vec<_>>(),
        ["warn", "emit smi:ready"]
    );
    assert!(s.history.is_empty());
    let (s, _) = boot(
        &c,
        "en",
        Boot {
            saved: Err("SecurityError".into()),
            ..fresh()
        },
    );
    let (_, effects) = run(&c, s, &retake(DIGITS));
    assert!(saved_value(&effects, "smi-widget:test:history").is_none());
}

#[test]
fn an_earlier_result_can_be_pasted_to_compare_with() {
    let c = ctx(&[]);
    let s = on_result(&c);
    let low = share_code::encode(smi(), &answers("0000000000000 00000000000000")).unwrap();
    // A whole link, as copied from the result.
    let link = format!("https://host.example/other?x=1#smi={low}");
    let (s, effects) = run(&c, s, &[Action::CompareWith(format!("  {link}\n"))]);
    assert!(effects.is_empty());
    assert_eq!(s.pasted.as_deref(), Some(low.as_str()));
    let m = s.movement(&c).expect("movement");
    assert_eq!(m.date, None);
    assert!(m.investment > 0 && m.declined.is_empty());
    // A bare code is taken too; a damaged one, or one of an incomplete set, is refused.
    let (s, _) = run(&c, s, &[Action::CompareWith(low.clone())]);
    assert!(!s.paste_refused);
    let mut damaged = low.clone();
    damaged.pop();
    for bad in [damaged.as_str(), "https://host.example/#smi=", "hello", ""] {
        let (next, _) = run(&c, s.clone(), &[Action::CompareWith(bad.into())]);
        assert!(next.paste_refused, "{bad}");
        // The comparison shown stays the last good one.
        assert_eq!(next.pasted.as_deref(), Some(low.as_str()), "{bad}");
    }
    // Someone else's shared result compares with nothing.
    let (shared, _) = boot(
        &c,
        "en",
        Boot {
            fragment: format!("#smi={low}"),
            ..fresh()
        },
    );
    let (shared, _) = run(&c, shared, &[Action::CompareWith(link)]);
    assert_eq!((shared.pasted, shared.paste_refused), (None, false));
}

#[test]
fn a_team_link_s_name_travels_with_the_result_and_the_lead() {
    let c = ctx(&[
        ("lead", "after"),
        ("lead-endpoint", "https://crm.example/hook"),
    ]);
    let (s, _) = boot(
        &c,
        "en",
        Boot {
            fragment: "#smi-team=R%26D%20board%E2%80%AE%0A".into(),
            ..fresh()
        },
    );
    assert_eq!(s.team.as_deref(), Some("R&D board"));
    let (s, effects) = run(&c, s, &retake(DIGITS));
    let code = share_code::encode(smi(), &answers(DIGITS)).unwrap();
    let link = format!("https://host.example/page#smi={code}&smi-team=R%26D%20board");
    assert_eq!(s.share_link(&c).as_deref(), Some(link.as_str()));
    let complete = completed(&effects);
    assert_eq!(complete.team.as_deref(), Some("R&D board"));
    assert_eq!(complete.share_url.as_deref(), Some(link.as_str()));
    // The lead's payload names the team.
    let (_, effects) = run(&c, boot_on_result_with_team(&c), &[submit("L1")]);
    let request = effects
        .iter()
        .find_map(|e| match e {
            Effect::DeliverLead(r) => Some(r.clone()),
            _ => None,
        })
        .expect("a lead");
    let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
    assert_eq!(body["team"], "R&D board");
    // Without a team link, no team anywhere.
    let plain = on_result(&c);
    assert_eq!(plain.team, None);
    assert!(!plain.share_link(&c).unwrap().contains("smi-team"));
}

/// On the result from `#smi-team=R%26D%20board`, with the lead form filled in.
fn boot_on_result_with_team(c: &Context) -> State {
    let (s, _) = boot(
        c,
        "en",
        Boot {
            fragment: "#smi-team=R%26D%20board".into(),
            ..fresh()
        },
    );
    let mut actions = retake(DIGITS);
    actions.extend(fill_lead("ada@example.com", true));
    run(c, s, &actions).0
}
