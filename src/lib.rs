//! brief: a terminal reader for policy briefings.

pub mod brief;
pub mod cli;
pub mod text;
