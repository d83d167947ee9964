//! One visitor's pass through a questionnaire: the questionnaire model and its validation
//! (`questionnaire`), scoring (`scoring`), the step-by-step flow (`session`), the fewest
//! changes to the next category (`path`), share codes (`share_code`) and the saved-progress
//! format (`saved`). Depends on nothing else of the engine but `pairs` and `words`.

pub mod path;
pub mod questionnaire;
pub mod saved;
pub mod scoring;
pub mod session;
pub mod share_code;
