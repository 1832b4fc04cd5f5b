//! Before the arguments are parsed: the interface language, from `--lang`, the config file
//! and the locale.

use std::ffi::OsString;
use std::process::ExitCode;

use crate::i18n::{self, Lang};

/// What the run was settled with.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The interface language (also that of exports and citations).
    pub lang: Lang,
}

/// Choose the language and make it current. An `Err` is the exit code of a run that cannot
/// start (the reason is already printed).
pub fn settle(args: &[OsString]) -> Result<Settings, ExitCode> {
    let flag = super::localize::prescan(args, "lang").and_then(|l| Lang::parse(&l));
    let lang = i18n::choose(flag, None, |name| std::env::var(name).ok());
    i18n::set(lang);
    Ok(Settings { lang })
}
