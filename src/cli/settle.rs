//! Before the arguments are parsed: the config file and the interface language (`--lang`, then
//! the config file, then the locale).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::config::{self, Config};
use crate::i18n::{self, Lang};

/// What the run was settled with.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The interface language (also that of exports and citations).
    pub lang: Lang,
    /// The user's config file, checked.
    pub config: Config,
}

/// Read the config file and choose the language, making it current. A config file that is
/// there but wrong is one line on standard error and exit 2 (the `Err`).
pub fn settle(args: &[OsString]) -> Result<Settings, ExitCode> {
    let flag = super::localize::prescan(args, "lang").and_then(|l| Lang::parse(&l));
    let env = |name: &str| std::env::var(name).ok();
    // The config's own errors speak the flag's or the locale's language.
    i18n::set(i18n::choose(flag, None, env));
    let explicit = super::localize::prescan(args, "config").map(PathBuf::from);
    let config = match config::load(explicit.as_deref()) {
        Ok(c) => c,
        Err(e) => return Err(super::fail_with(2, &e.0)),
    };
    let lang = i18n::choose(flag, config.lang, env);
    i18n::set(lang);
    Ok(Settings { lang, config })
}
