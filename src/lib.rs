//! brief: a terminal reader for policy briefings.

pub mod app;
pub mod brief;
pub mod cli;
pub mod library;
pub mod notes;
pub mod text;
pub mod tui;
pub mod ui;
