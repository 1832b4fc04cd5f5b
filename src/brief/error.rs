//! Problems found while reading a brief, each naming file, place and remedy.

use std::fmt;

use super::message::Msg;
use crate::i18n::Lang;

/// One problem in an input file: where it is and what to do about it, written in the
/// interface's language when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: Msg,
    /// What to do; empty when there is nothing to add.
    pub hint: Msg,
}

impl Problem {
    /// A problem at a 1-based line (and optional column) of `file`.
    pub fn at(
        file: &str,
        line: Option<usize>,
        column: Option<usize>,
        message: Msg,
        hint: Msg,
    ) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message,
            hint,
        }
    }

    /// `file:line:column: message (hint)` in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out += &format!(":{line}");
            if let Some(col) = self.column {
                out += &format!(":{col}");
            }
        }
        out += &format!(": {}", self.message.in_lang(lang));
        if !self.hint.is_empty() {
            out += &format!(" ({})", self.hint.in_lang(lang));
        }
        out
    }
}

/// In the interface's current language.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(crate::i18n::current()))
    }
}

/// Every problem that kept a brief from loading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// A load error with a single problem.
    pub fn one(problem: Problem) -> Self {
        LoadError {
            problems: vec![problem],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(|p| p.to_string()).collect();
        write!(f, "{}", lines.join("\n"))
    }
}
