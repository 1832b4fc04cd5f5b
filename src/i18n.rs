//! The interface language and its message catalogues (`assets/locales/ko.toml`, `en.toml`,
//! compiled in by `rust-i18n`).
//!
//! The language is chosen once at start-up: `--lang`, then the config file, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`: the first that is set decides; one starting with `ko` is
//! Korean, anything else English). [`text`] and `t!` read the chosen language; [`tr`] takes one
//! explicitly, for output that follows a language of its own (an export in English from a
//! Korean session, tests running in parallel).

use std::fmt::Display;

pub use rust_i18n::t;

/// A language brief speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 한국어.
    Ko,
    /// English, and the fallback of any message missing in Korean.
    #[default]
    En,
}

impl Lang {
    /// Every language with a catalogue.
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// The catalogue's code: `ko` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// `ko` or `en` (any case, with or without a region such as `ko-KR`).
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a POSIX locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty decides; `ko…` is Korean, anything else (`C`, `en_US`) English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ko") => Lang::Ko,
            _ => Lang::En,
        }
    }
}

/// The language to use: the command line's, else the config file's, else the locale's.
pub fn choose(
    flag: Option<Lang>,
    config: Option<Lang>,
    var: impl Fn(&str) -> Option<String>,
) -> Lang {
    flag.or(config).unwrap_or_else(|| Lang::from_locale(var))
}

/// Make `lang` the language of [`text`] and `t!` for the rest of the run.
pub fn set(lang: Lang) {
    rust_i18n::set_locale(lang.code());
}

/// The language chosen by [`set`] (English before it is called).
pub fn current() -> Lang {
    Lang::parse(&rust_i18n::locale()).unwrap_or_default()
}

/// The message `key` in `lang`, its `%{name}` placeholders filled from `args`. A key missing
/// in Korean falls back to English; a key missing in both is shown as itself (the catalogue
/// test keeps that from happening).
pub fn tr(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    let found = crate::_rust_i18n_try_translate(lang.code(), key)
        .or_else(|| crate::_rust_i18n_try_translate(Lang::En.code(), key));
    let Some(message) = found else {
        return key.to_owned();
    };
    if args.is_empty() {
        return message.into_owned();
    }
    let names: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
    let values: Vec<String> = args.iter().map(|(_, value)| value.to_string()).collect();
    rust_i18n::replace_patterns(&message, &names, &values)
}

/// The message `key` in the current language (see [`tr`]).
pub fn text(key: &str, args: &[(&str, &dyn Display)]) -> String {
    tr(current(), key, args)
}

/// The catalogue key of a common I/O failure's reason; `None` where the system's own words
/// are the best there is.
pub fn io_reason_key(e: &std::io::Error) -> Option<&'static str> {
    use std::io::ErrorKind;
    let key = match e.kind() {
        ErrorKind::NotFound => "io.not_found",
        ErrorKind::PermissionDenied => "io.permission",
        ErrorKind::IsADirectory => "io.folder",
        ErrorKind::NotADirectory => "io.not_folder",
        ErrorKind::StorageFull => "io.full",
        ErrorKind::QuotaExceeded => "io.quota",
        ErrorKind::ReadOnlyFilesystem => "io.read_only",
        ErrorKind::InvalidData => "io.invalid_data",
        ErrorKind::InvalidFilename => "io.bad_name",
        ErrorKind::FileTooLarge => "io.too_large",
        _ => return None,
    };
    Some(key)
}

/// Why an I/O operation failed, in `lang`: the common failures from the catalogue, any other
/// in the system's words.
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    io_reason_key(e).map_or_else(|| e.to_string(), |key| tr(lang, key, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_locale_decides_in_posix_order() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "ko_KR.UTF-8")])), Lang::Ko);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        let c_over_korean = [("LC_ALL", "C"), ("LANG", "ko_KR.UTF-8")];
        assert_eq!(Lang::from_locale(env(&c_over_korean)), Lang::En);
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "ko_KR"), ("LANG", "C")];
        assert_eq!(Lang::from_locale(env(&messages)), Lang::Ko);
    }

    #[test]
    fn the_flag_beats_the_config_which_beats_the_locale() {
        let korean = env(&[("LANG", "ko_KR.UTF-8")]);
        assert_eq!(choose(Some(Lang::En), Some(Lang::Ko), &korean), Lang::En);
        assert_eq!(choose(None, Some(Lang::En), &korean), Lang::En);
        assert_eq!(choose(None, None, &korean), Lang::Ko);
    }

    #[test]
    fn parses_codes_with_regions() {
        assert_eq!(Lang::parse("KO-kr"), Some(Lang::Ko));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("ja"), None);
    }

    #[test]
    fn messages_fill_their_placeholders_in_either_language() {
        let n: &dyn Display = &3;
        assert_eq!(tr(Lang::En, "cli.matches", &[("count", n)]), "3 match(es)");
        assert_eq!(tr(Lang::Ko, "cli.matches", &[("count", n)]), "3건 찾음");
        assert_eq!(tr(Lang::Ko, "tab.entities", &[]), "인물·기관");
        assert_eq!(tr(Lang::Ko, "no.such.key", &[]), "no.such.key");
    }

    #[test]
    fn common_io_failures_have_a_reason_in_either_language() {
        use std::io::{Error, ErrorKind};
        let missing = Error::from(ErrorKind::NotFound);
        assert_eq!(io_reason(Lang::Ko, &missing), "파일이나 폴더가 없습니다");
        assert_eq!(io_reason(Lang::En, &missing), "no such file or folder");
        let odd = Error::other("a reason of the system's own");
        assert_eq!(io_reason(Lang::Ko, &odd), "a reason of the system's own");
    }
}
