//! Native tests of the pure engine, the shipped content and the hook-free views.
//! One binary, a module per topic.
#![cfg(not(target_arch = "wasm32"))]

mod architecture;
mod calendar;
mod card;
mod config;
mod content;
mod docs;
mod events;
mod flow;
mod golden;
mod languages;
mod lead;
mod pairs;
mod path;
mod progress;
mod report;
mod saved;
mod schema;
mod scoring;
mod share;
mod support;
mod team;
mod types;
mod widget;
