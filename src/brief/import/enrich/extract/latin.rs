//! Latin-script names: acronyms with their expansions (`Financial Action
//! Task Force (FATF)`, `FATF(Financial Action Task Force)`), and in English
//! briefs, runs of capitalised words (`Korea Coast Guard`, `Shenlan 1`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, Rule, kind_of};
use crate::brief::model::Confidence;

static EXPANDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([A-Z][A-Za-z0-9_’'.\-]*(?:\s+(?:[A-Z][A-Za-z0-9_’'.\-]*|of|and|for|on|the|in|to|&))*)\s*\(([A-Z][A-Za-z&\-]{1,11})\)")
        .expect("the expansion pattern is valid")
});

static ACRONYM_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([A-Z][A-Za-z&\-]{1,11})\s*\(([A-Z][A-Za-z0-9_’'.\-]*(?:\s+[A-Za-z0-9_’'.\-&]+){1,11})\)")
        .expect("the acronym pattern is valid")
});

const CONNECTORS: &[&str] = &["of", "and", "for", "on", "the", "in", "to", "&"];

/// Acronyms defined next to their expansion.
pub fn acronyms(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    for c in EXPANDED.captures_iter(text) {
        if let (Some(long), Some(short)) = (c.get(1), c.get(2))
            && let Some(name) = expansion(long.as_str(), short.as_str())
        {
            out.push(acronym(name, short.as_str()));
        }
    }
    for c in ACRONYM_FIRST.captures_iter(text) {
        if let (Some(short), Some(long)) = (c.get(1), c.get(2))
            && let Some(name) = expansion(long.as_str(), short.as_str())
            && name == long.as_str().trim()
        {
            out.push(acronym(name, short.as_str()));
        }
    }
    out
}

fn acronym(name: &str, short: &str) -> Candidate {
    let kind = kind_of(name).unwrap_or("organisation");
    Candidate::new(name, kind, Confidence::High, Rule::Acronym).alias(short)
}

/// The words at the end of `long` whose initials spell `short`.
fn expansion<'a>(long: &'a str, short: &str) -> Option<&'a str> {
    let letters: String = short.chars().filter(char::is_ascii_uppercase).collect();
    let starts: Vec<usize> = long
        .split_whitespace()
        .map(|w| w.as_ptr() as usize - long.as_ptr() as usize)
        .collect();
    for &at in &starts {
        let tail = &long[at..];
        let initials: String = tail
            .split_whitespace()
            .filter(|w| !CONNECTORS.contains(w))
            .filter_map(|w| w.chars().next())
            .filter(char::is_ascii_uppercase)
            .collect();
        if initials == letters && letters.len() >= 2 {
            return Some(tail.trim());
        }
    }
    None
}

/// Runs of two or more capitalised words in an English text.
pub fn capitalised(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    // Headings, titles and bylines capitalise every word.
    if !text.trim_end().ends_with(['.', '?', '!']) && text.split_whitespace().count() <= 12 {
        return out;
    }
    for run in runs(text) {
        let words: Vec<&str> = run.split_whitespace().collect();
        if words.len() < 2 || run.len() + 2 >= text.trim().len() {
            continue;
        }
        let (kind, confidence) = match kind_of(&run) {
            Some(kind) => (kind, Confidence::Medium),
            None => ("other", Confidence::Low),
        };
        out.push(Candidate::new(&run, kind, confidence, Rule::EnglishName));
    }
    out
}

/// Words opening sentences that are not part of a name after them.
const OPENERS: &[&str] = &[
    "The", "If", "In", "This", "A", "An", "But", "Its", "Such", "While", "When", "As", "At", "For",
    "On", "Since", "After", "Before", "By", "With", "Both", "That", "These", "Those", "Yet",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '–' | '’' | '\'' | '.'))
        && !MONTHS.contains(&word)
}

fn runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        while run.last().is_some_and(|w| CONNECTORS.contains(w)) {
            run.pop();
        }
        while run.first().is_some_and(|w| OPENERS.contains(w)) {
            run.remove(0);
        }
        if run.len() >= 2 {
            out.push(run.join(" "));
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let word =
            raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"'));
        let word = if word.ends_with("U.S.") {
            word
        } else {
            word.trim_end_matches('.')
        };
        let word = word.strip_suffix("’s").unwrap_or(word);
        let joins = matches!(word, "of" | "and" | "for" | "on" | "&")
            || (word == "the" && run.last().is_some_and(|w| matches!(*w, "of" | "on")));
        let number = word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit());
        if is_capitalised(word) || (!run.is_empty() && (joins || number)) {
            run.push(word);
            if number {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
        let ends = raw.ends_with([',', ';', ':', '.', ')', '”']) && !raw.ends_with("U.S.");
        if ends && !run.is_empty() {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: Vec<Candidate>) -> Vec<(String, Vec<String>)> {
        found.into_iter().map(|c| (c.name, c.aliases)).collect()
    }

    #[test]
    fn an_acronym_after_or_before_its_expansion() {
        assert_eq!(
            names(acronyms(
                "the Financial Action Task Force (FATF) and MSMT(Multilateral Sanctions Monitoring Team)"
            )),
            vec![
                ("Financial Action Task Force".into(), vec!["FATF".into()]),
                (
                    "Multilateral Sanctions Monitoring Team".into(),
                    vec!["MSMT".into()]
                ),
            ]
        );
    }

    #[test]
    fn initials_must_spell_the_acronym() {
        assert!(acronyms("Seoul and Beijing (PMZ)").is_empty());
    }

    #[test]
    fn capitalised_runs_in_english() {
        let found = capitalised(
            "The Korea Coast Guard watches Shenlan 1 in the Yellow Sea, said Global Times.",
        );
        let found: Vec<(String, &str)> = found.into_iter().map(|c| (c.name, c.kind)).collect();
        assert_eq!(
            found,
            vec![
                ("Korea Coast Guard".into(), "organisation"),
                ("Shenlan 1".into(), "other"),
                ("Yellow Sea".into(), "place"),
                ("Global Times".into(), "organisation"),
            ]
        );
    }
}
