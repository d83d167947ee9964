//! The assessment flow as a pure transition function: `advance(questionnaire, session, action)`.
//!
//! An action that makes no sense in the current step (Next before answering, Finish with
//! gaps, an out-of-range choice) leaves the session as it was; it never panics. The UI's
//! single reducer is one call into `apply`.

use crate::assessment::questionnaire::Questionnaire;
use crate::assessment::scoring::Answers;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Intro,
    /// The index of the item on screen.
    Question(usize),
    Result,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Session {
    pub step: Step,
    pub answers: Answers,
}

/// What the visitor did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the intro for the first unanswered question.
    Start,
    /// Choose `choice` for `item`.
    Answer {
        item: usize,
        choice: u8,
    },
    /// Go on from an answered question; from the last one, to the result.
    Next,
    Back,
    /// Show the result if every item is answered, else the first gap.
    Finish,
    /// Forget every answer and return to the intro.
    Restart,
    /// From the result, open `item` again to change its answer.
    Revisit(usize),
}

impl Session {
    pub fn new(q: &Questionnaire) -> Self {
        Session {
            step: Step::Intro,
            answers: Answers::empty(q),
        }
    }

    /// Whether the session can be shown for `q` as it is.
    pub fn fits(&self, q: &Questionnaire) -> bool {
        self.answers.fits(q)
            && match self.step {
                Step::Intro => true,
                Step::Question(i) => i < q.items.len(),
                Step::Result => self.answers.is_complete(q),
            }
    }
}

pub fn advance(q: &Questionnaire, s: &Session, action: Action) -> Session {
    let last = q.items.len().saturating_sub(1);
    let step = |step| Session {
        step,
        answers: s.answers.clone(),
    };
    match (s.step, action) {
        (Step::Intro, Action::Start) => {
            step(Step::Question(s.answers.first_unanswered().unwrap_or(0)))
        }
        (Step::Question(_), Action::Answer { item, choice }) => {
            let fits = q
                .items
                .get(item)
                .is_some_and(|it| usize::from(choice) < it.choices.len());
            if !fits {
                return s.clone();
            }
            let mut next = s.clone();
            next.answers.0[item] = Some(choice);
            next
        }
        (Step::Question(i), Action::Next) if s.answers.get(i).is_some() => {
            if i < last {
                step(Step::Question(i + 1))
            } else {
                advance(q, s, Action::Finish)
            }
        }
        (Step::Question(_), Action::Finish) => match s.answers.first_unanswered() {
            None => step(Step::Result),
            Some(gap) => step(Step::Question(gap)),
        },
        (Step::Question(0), Action::Back) => step(Step::Intro),
        (Step::Question(i), Action::Back) => step(Step::Question(i - 1)),
        (Step::Result, Action::Back) => step(Step::Question(last)),
        (Step::Result, Action::Revisit(item)) if item < q.items.len() => step(Step::Question(item)),
        (_, Action::Restart) => Session::new(q),
        _ => s.clone(),
    }
}
