//! brief: a terminal reader for policy briefings.

pub mod app;
pub mod brief;
pub mod cli;
pub mod config;
pub mod i18n;
pub mod library;
pub mod notes;
pub mod text;
pub mod tui;
pub mod ui;

// The message catalogues, compiled in; `i18n` chooses among them.
rust_i18n::i18n!("assets/locales", fallback = "en");
