//! The Yew views. `widget` is the shell around the engine's state machine: the only reducer
//! and the one place effects run. The other modules are hook-free components that render
//! the props they are given and report what the visitor did through `on_*` callbacks, so
//! they also render natively (golden HTML tests); none of them imports `widget`, `platform`
//! or a browser API beyond reading an input's value.

pub mod intro;
pub mod lead;
pub mod matrix;
pub mod question;
pub mod result;
pub mod widget;

pub use widget::{App, AppProps};
