//! A message of the catalogues kept as its key and arguments, so that it is written in the
//! interface's language when it is shown, not when it is found.

use std::collections::BTreeMap;
use std::fmt::{self, Display};

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, tr};

/// A catalogue key with its arguments; an empty key is no message at all.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Msg {
    pub key: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// The value of a placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    /// Shown as it is: a number, a quoted line, a name, a reason in the system's words.
    Text(String),
    /// Catalogue keys, each shown in the language, joined by commas.
    Keys(Vec<String>),
}

impl Msg {
    /// The message `key`, with no arguments yet.
    pub fn new(key: &str) -> Msg {
        Msg {
            key: key.to_owned(),
            args: BTreeMap::new(),
        }
    }

    /// With `%{name}` shown as `value`.
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl Display) -> Msg {
        self.args
            .insert(name.to_owned(), Arg::Text(value.to_string()));
        self
    }

    /// With `%{name}` shown as the messages `keys`, in the language, joined by commas.
    #[must_use]
    pub fn keys(mut self, name: &str, keys: &[&str]) -> Msg {
        let keys = keys.iter().map(|k| (*k).to_owned()).collect();
        self.args.insert(name.to_owned(), Arg::Keys(keys));
        self
    }

    /// With `%{name}` shown as the reason for `e`: the catalogue's for a common failure, else
    /// the system's words.
    #[must_use]
    pub fn io_reason(self, name: &str, e: &std::io::Error) -> Msg {
        match crate::i18n::io_reason_key(e) {
            Some(key) => self.keys(name, &[key]),
            None => self.arg(name, e),
        }
    }

    /// No message (a problem without a hint).
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| (name.as_str(), arg.in_lang(lang)))
            .collect();
        let args: Vec<(&str, &dyn Display)> = values
            .iter()
            .map(|(name, value)| (*name, value as &dyn Display))
            .collect();
        tr(lang, &self.key, &args)
    }
}

impl Arg {
    fn in_lang(&self, lang: Lang) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Keys(keys) => {
                let shown: Vec<String> = keys.iter().map(|k| tr(lang, k, &[])).collect();
                shown.join(", ")
            }
        }
    }
}

/// In the interface's current language.
impl Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(crate::i18n::current()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_in_either_language_with_its_keys_translated() {
        let m = Msg::new("problem.header_missing")
            .keys("fields", &["problem.field_number", "problem.field_date"])
            .arg("quote", "“제목”");
        assert_eq!(
            m.in_lang(Lang::En),
            "the header has no number, date (first line “제목”)"
        );
        assert_eq!(
            m.in_lang(Lang::Ko),
            "머리글에 없는 항목: 번호, 발간일(첫 줄 “제목”)"
        );
    }

    #[test]
    fn keeps_its_arguments_through_json() {
        let m = Msg::new("problem.footnote_uncited")
            .arg("number", 3)
            .keys("x", &["io.full"]);
        let json = serde_json::to_string(&m).expect("serialises");
        assert_eq!(
            json,
            r#"{"key":"problem.footnote_uncited","args":{"number":"3","x":["io.full"]}}"#
        );
        assert_eq!(serde_json::from_str::<Msg>(&json).ok(), Some(m));
    }
}
