//! Names the gazetteer does not hold, found by the shape of the text: a
//! Latin or Cyrillic alias in parentheses, a title or role next to a name,
//! 『』/「」/“” titles, organisation suffixes, acronyms with their
//! expansions and, in English briefs, capitalised names.

mod kinds;
mod latin;
mod paren;
mod roles;
mod suffix;
mod titles;

use crate::brief::model::Confidence;
pub use kinds::kind_of;

/// Which rule found a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    ParenAlias,
    Role,
    Title,
    OrgSuffix,
    Acronym,
    EnglishName,
}

/// A name found by a rule, with what the rule is sure of.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: &'static str,
    pub confidence: Confidence,
    pub rule: Rule,
}

impl Candidate {
    fn new(name: &str, kind: &'static str, confidence: Confidence, rule: Rule) -> Candidate {
        Candidate {
            name: name.trim().to_string(),
            aliases: Vec::new(),
            kind,
            confidence,
            rule,
        }
    }

    fn alias(mut self, alias: &str) -> Candidate {
        let alias = alias.trim();
        if !alias.is_empty() && alias != self.name {
            self.aliases.push(alias.to_string());
        }
        self
    }
}

/// Every candidate name in one text; `english` turns on the rule for
/// capitalised names (a Korean text capitalises only its Latin aliases).
pub fn candidates(text: &str, english: bool) -> Vec<Candidate> {
    let mut out = paren::aliases(text);
    let words = super::words::words(text);
    out.extend(roles::people(text, &words));
    out.extend(titles::titles(text));
    out.extend(suffix::organisations(text, &words));
    out.extend(latin::acronyms(text));
    if english {
        out.extend(latin::capitalised(text));
    }
    out.retain(|c| c.name.chars().count() >= 2);
    out
}

/// Whether a brief is written in English: few Hangul among its letters.
pub fn is_english<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut hangul, mut letters) = (0usize, 0usize);
    for c in texts.flat_map(str::chars) {
        let korean = super::words::is_hangul(c);
        letters += usize::from(korean || c.is_ascii_alphabetic());
        hangul += usize::from(korean);
    }
    letters > 0 && hangul * 10 < letters
}
