//! clap's own parse errors in the interface language: the common ones become one line of the
//! catalogue (what was wrong, and where to read more) with exit code 2; help, version and the
//! rarer errors are clap's to print.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::text;

/// Print a parse error and give its exit code.
pub fn report(e: &clap::Error) -> ExitCode {
    match message(e) {
        Some(line) => super::fail_with(2, &line),
        None => e.exit(),
    }
}

/// The line for a common parse error, or `None` for one clap should print itself.
pub fn message(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg);
    let said = match e.kind() {
        ErrorKind::UnknownArgument => {
            let line = text("cli.parse_unknown_argument", &[("arg", &arg?)]);
            match context(e, ContextKind::SuggestedArg) {
                Some(similar) => {
                    let similar = text("cli.parse_similar", &[("similar", &similar)]);
                    format!("{line} ({similar})")
                }
                None => line,
            }
        }
        ErrorKind::InvalidSubcommand => {
            let command = context(e, ContextKind::InvalidSubcommand)?;
            text("cli.parse_unknown_command", &[("command", &command)])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => invalid_value(e, &arg?)?,
        ErrorKind::ArgumentConflict => {
            let first = arg.or_else(|| context(e, ContextKind::InvalidSubcommand))?;
            let args = match context(e, ContextKind::PriorArg) {
                Some(prior) => format!("{first}, {prior}"),
                None => first,
            };
            text("cli.parse_conflict", &[("args", &args)])
        }
        ErrorKind::MissingRequiredArgument => text("cli.parse_missing_argument", &[("arg", &arg?)]),
        _ => return None,
    };
    let hint = text("cli.parse_hint", &[]);
    Some(format!("{said} ({hint})"))
}

/// A value that is missing, or not one of those allowed.
fn invalid_value(e: &clap::Error, arg: &str) -> Option<String> {
    let value = context(e, ContextKind::InvalidValue)?;
    if value.is_empty() {
        return Some(text("cli.parse_missing_value", &[("arg", &arg)]));
    }
    let line = text(
        "cli.parse_invalid_value",
        &[("arg", &arg), ("value", &value)],
    );
    match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(valid)) => {
            let valid: Vec<String> = valid
                .iter()
                .map(|v| format!("`{}`", crate::text::sanitize_line(v)))
                .collect();
            let valid = text("cli.parse_valid_values", &[("values", &valid.join(", "))]);
            Some(format!("{line}: {valid}"))
        }
        _ => Some(line),
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    let shown = match e.get(kind)? {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => {
            let list: Vec<String> = list.iter().map(ToString::to_string).collect();
            list.join(", ")
        }
        ContextValue::Number(n) => n.to_string(),
        _ => return None,
    };
    Some(crate::text::sanitize_line(&shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(args: &[&str]) -> clap::Error {
        let args = args.iter().map(std::ffi::OsString::from).collect();
        match super::super::parse(args) {
            Err(e) => e,
            Ok(cli) => panic!("parsed: {cli:?}"),
        }
    }

    #[test]
    fn the_common_errors_become_one_line() {
        let unknown = message(&error(&["brief", "check", "--jions"]));
        assert_eq!(
            unknown.as_deref(),
            Some("unknown option --jions (did you mean --joins?) (see `brief --help`)")
        );
        let invalid = message(&error(&["brief", "--lang", "ja", "check"]));
        assert_eq!(
            invalid.as_deref(),
            Some(
                "`ja` is not a valid value for --lang <LANG>: use one of `ko`, `en` (see `brief --help`)"
            )
        );
        let missing = message(&error(&["brief", "check", "--lang"]));
        assert_eq!(
            missing.as_deref(),
            Some("--lang <LANG> needs a value (see `brief --help`)")
        );
        let command = message(&error(&["brief", "library", "shelve"]));
        assert_eq!(
            command.as_deref(),
            Some("unknown command `shelve` (see `brief --help`)")
        );
        let conflict = message(&error(&[
            "brief",
            "cite",
            "--page",
            "2",
            "--paragraph",
            "p1",
        ]));
        assert_eq!(
            conflict.as_deref(),
            Some(
                "these cannot be used together: --page <PAGE>, --paragraph <PARAGRAPH> (see `brief --help`)"
            )
        );
        let required = message(&error(&["brief", "search"]));
        assert_eq!(
            required.as_deref(),
            Some("missing argument: <ARGS>... (see `brief --help`)")
        );
    }

    #[test]
    fn help_and_version_stay_with_clap() {
        assert_eq!(message(&error(&["brief", "--help"])), None);
        assert_eq!(message(&error(&["brief", "--version"])), None);
    }
}
