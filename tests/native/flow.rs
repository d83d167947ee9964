//! The assessment flow: `apply` as a state machine, by example and by random walks.

use crate::support::{answers, smi};
use proptest::prelude::*;
use smi_engine::{advance, evaluate, Action, Session, Step};

/// Runs `actions` from a fresh session and returns where it ends.
fn run(actions: &[Action]) -> Session {
    actions
        .iter()
        .fold(Session::new(smi()), |s, &a| advance(smi(), &s, a))
}

#[test]
fn start_answer_next_back() {
    use Action::*;
    let s = run(&[Start]);
    assert_eq!(s.step, Step::Question(0));
    // Next is refused until the question is answered.
    assert_eq!(advance(smi(), &s, Next), s);
    let s = run(&[Start, Answer { item: 0, choice: 2 }, Next]);
    assert_eq!(s.step, Step::Question(1));
    assert_eq!(s.answers.get(0), Some(2));
    let s = advance(smi(), &s, Back);
    assert_eq!(s.step, Step::Question(0));
    let s = advance(smi(), &s, Back);
    assert_eq!(s.step, Step::Intro);
    // Answers survive going back; Start resumes at the first gap.
    assert_eq!(advance(smi(), &s, Start).step, Step::Question(1));
}

#[test]
fn the_last_next_shows_the_result_and_restart_forgets() {
    let n = smi().items.len();
    let mut actions = vec![Action::Start];
    for item in 0..n {
        actions.push(Action::Answer { item, choice: 1 });
        actions.push(Action::Next);
    }
    let s = run(&actions);
    assert_eq!(s.step, Step::Result);
    assert!(evaluate(smi(), &s.answers).is_some());
    assert_eq!(advance(smi(), &s, Action::Back).step, Step::Question(n - 1));
    assert_eq!(advance(smi(), &s, Action::Restart), Session::new(smi()));
}

#[test]
fn finish_with_gaps_goes_to_the_first_gap() {
    let mut s = Session {
        step: Step::Question(26),
        answers: answers("3333333333333 33333333333333"),
    };
    s.answers.0[4] = None;
    assert_eq!(advance(smi(), &s, Action::Finish).step, Step::Question(4));
}

#[test]
fn nonsense_actions_change_nothing() {
    use Action::*;
    let intro = Session::new(smi());
    for a in [Next, Back, Finish, Answer { item: 0, choice: 0 }] {
        assert_eq!(advance(smi(), &intro, a), intro, "{a:?} on the intro");
    }
    let q0 = run(&[Start]);
    for a in [
        Answer {
            item: 99,
            choice: 0,
        },
        Answer { item: 0, choice: 4 },
        Start,
    ] {
        assert_eq!(advance(smi(), &q0, a), q0, "{a:?} on a question");
    }
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Start),
        Just(Action::Next),
        Just(Action::Back),
        Just(Action::Finish),
        Just(Action::Restart),
        (0usize..30, 0u8..6).prop_map(|(item, choice)| Action::Answer { item, choice }),
    ]
}

/// A visitor's way through: mostly the whole assessment in order (Start, then each item
/// answered and Next), with a few random actions dropped in anywhere; sometimes any actions
/// at all. Random actions alone reach the result practically never (27 answers in order).
fn any_walk() -> impl Strategy<Value = Vec<Action>> {
    let journey = (
        proptest::collection::vec(0u8..4, 27),
        proptest::collection::vec((0usize..64, any_action()), 0..6),
    )
        .prop_map(|(choices, noise)| {
            let mut walk = vec![Action::Start];
            for (item, choice) in choices.into_iter().enumerate() {
                walk.extend([Action::Answer { item, choice }, Action::Next]);
            }
            for (at, action) in noise {
                walk.insert(at % (walk.len() + 1), action);
            }
            walk
        });
    prop_oneof![
        3 => journey,
        1 => proptest::collection::vec(any_action(), 0..200),
    ]
}

/// No walk leaves the session invalid, and every result it reaches has complete answers;
/// the generator reaches the result in most walks (counted, so a generator that stopped
/// reaching it would fail here).
#[test]
fn every_walk_stays_valid() {
    use proptest::test_runner::{Config, TestRunner};
    let results = std::cell::Cell::new(0);
    let mut runner = TestRunner::new(Config::with_cases(500));
    runner
        .run(&any_walk(), |actions| {
            let mut s = Session::new(smi());
            let mut reached = false;
            for a in actions {
                s = advance(smi(), &s, a);
                prop_assert!(s.fits(smi()), "{:?} after {:?}", s, a);
                if s.step == Step::Result {
                    prop_assert!(evaluate(smi(), &s.answers).is_some());
                    reached = true;
                }
            }
            results.set(results.get() + usize::from(reached));
            Ok(())
        })
        .unwrap();
    assert!(
        results.get() >= 100,
        "only {} of 500 walks reached the result",
        results.get()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn answer_order_does_not_matter(
        choices in proptest::collection::vec(0u8..4, 27),
        order in Just((0..27).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let mut s = advance(smi(), &Session::new(smi()), Action::Start);
        for &item in &order {
            s = advance(smi(), &s, Action::Answer { item, choice: choices[item] });
        }
        s = advance(smi(), &s, Action::Finish);
        prop_assert_eq!(s.step, Step::Result);
        let in_order: Vec<_> = choices.iter().map(|&c| Some(c)).collect();
        prop_assert_eq!(&s.answers.0, &in_order);
        let direct = evaluate(smi(), &smi_engine::Answers(in_order)).unwrap();
        prop_assert_eq!(evaluate(smi(), &s.answers).unwrap(), direct);
    }
}
