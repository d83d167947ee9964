//! What the host page meets: its options (`config`), the `smi:*` events (`events`), the lead
//! form and its payload (`lead`), and the widget's state machine (`widget`), which decides
//! everything the widget does and returns the effects for the shell to carry out. Depends on
//! `assessment` and `result`.

pub mod config;
pub mod events;
pub mod lead;
pub mod widget;
