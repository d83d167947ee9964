//! The saved-progress format: a session as a small JSON document, and back.
//!
//! Saved progress is untrusted input (another version of the widget, another questionnaire,
//! a hand-edited value): `decode` checks everything and says precisely why it refuses.

use crate::assessment::questionnaire::Questionnaire;
use crate::assessment::scoring::Answers;
use crate::assessment::session::{Session, Step};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The saved-progress format this build writes and reads.
pub const SAVED_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    v: u32,
    /// `Questionnaire::fingerprint` of the questionnaire the answers belong to.
    q: String,
    step: Step,
    answers: Answers,
}

/// Only the format version of saved progress.
#[derive(Deserialize)]
struct Head {
    v: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedError {
    Corrupt(String),
    UnknownVersion(u32),
    OtherQuestionnaire,
}

impl fmt::Display for SavedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SavedError::Corrupt(why) => write!(f, "saved progress is corrupt ({why})"),
            SavedError::UnknownVersion(v) => {
                write!(
                    f,
                    "saved progress has format version {v}, this widget reads {SAVED_VERSION}"
                )
            }
            SavedError::OtherQuestionnaire => {
                f.write_str("saved progress belongs to another version of the questionnaire")
            }
        }
    }
}

/// The start of every key the widget stores under, its loader's included.
pub const STORAGE_PREFIX: &str = "smi-widget:";

/// Where progress is saved. The shipped SMI, in every language, keeps
/// `smi-widget:<questionnaire id>`. A custom questionnaire's key carries a hash of its whole
/// text as well (`smi-widget:custom:<id>:<hash>`), so that no other questionnaire reads,
/// overwrites or discards its progress, nor it theirs, whatever id it claims. `None` for a
/// questionnaire that did not load. With an element id, `:<element id>` follows, so that
/// several widgets on a page keep apart.
pub fn storage_key(
    questionnaire: Option<&Questionnaire>,
    custom: Option<&str>,
    element_id: &str,
) -> String {
    let mut key = match (questionnaire, custom) {
        (None, _) => format!("{STORAGE_PREFIX}invalid"),
        (Some(q), None) => format!("{STORAGE_PREFIX}{}", q.id),
        (Some(q), Some(text)) => {
            let mut h = crate::words::Fnv::default();
            h.feed(text.as_bytes());
            format!("{STORAGE_PREFIX}custom:{}:{}", q.id, h.hex())
        }
    };
    if !element_id.is_empty() {
        key.push(':');
        key.push_str(element_id);
    }
    key
}

pub fn encode(q: &Questionnaire, s: &Session) -> String {
    let saved = Saved {
        v: SAVED_VERSION,
        q: q.fingerprint(),
        step: s.step,
        answers: s.answers.clone(),
    };
    smi_json::to_string(&saved)
}

pub fn decode(q: &Questionnaire, text: &str) -> Result<Session, SavedError> {
    // The version first: a later format may differ in everything else.
    let head: Head = smi_json::from_str(text).map_err(SavedError::Corrupt)?;
    match head.v {
        Some(v) if v == u64::from(SAVED_VERSION) => {}
        Some(v) => return Err(SavedError::UnknownVersion(v.try_into().unwrap_or(u32::MAX))),
        None => return Err(SavedError::Corrupt("no format version".into())),
    }
    let saved: Saved = smi_json::from_str(text).map_err(SavedError::Corrupt)?;
    if saved.q != q.fingerprint() {
        return Err(SavedError::OtherQuestionnaire);
    }
    let session = Session {
        step: saved.step,
        answers: saved.answers,
    };
    if !session.fits(q) {
        return Err(SavedError::Corrupt(
            "answers do not fit the questionnaire".into(),
        ));
    }
    Ok(session)
}
