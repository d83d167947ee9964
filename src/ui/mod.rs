//! The Yew views. `widget` holds the only reducer and every effect; the other modules are
//! hook-free components that render what they are given and report what the visitor did
//! through `on_*` callbacks, so they also render natively (golden HTML tests).

pub mod intro;
pub mod lead;
pub mod matrix;
pub mod question;
pub mod result;
pub mod sharing;
pub mod widget;

pub use widget::{App, AppProps, HostContext};
