//! Korean-aware query matching for search: case-insensitive, initial-consonant (초성) search, and
//! a lenient last character so a half-typed syllable already matches.

use unicode_normalization::UnicodeNormalization;

use super::hangul::{
    JamoSeq, fold, is_compat_consonant, is_syllable, jamo_seq, syllables_with_initial, to_compat,
};

/// The index key of a char: its first jamo. That is the initial consonant of a syllable (북 → ㅂ),
/// the char itself for a simple compatibility consonant, and `fold(c)` for anything else.
///
/// Whenever a query char matches a text char (under any rule of [`Query::matches_at`]) the two
/// have the same key, so an index of key bigrams never misses a match.
pub fn key(c: char) -> char {
    jamo_seq(c).first().copied().unwrap_or(c)
}

/// Folds a text for matching: one `fold`ed char per char of `s`, so positions are char indices.
pub fn fold_str(s: &str) -> Vec<char> {
    s.chars().map(fold).collect()
}

/// How one query char is compared with one text char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// A consonant: matches a syllable starting with it (a range of code
    /// points, empty for a consonant no syllable starts with), or the consonant itself.
    Consonant(char, u32, u32),
    /// The last query char while still being typed: its jamo must begin the text char's jamo.
    Prefix(JamoSeq),
    /// Anything else: the folded chars must be equal.
    Exact(char),
}

impl Rule {
    #[inline]
    fn matches(&self, t: char) -> bool {
        match *self {
            Rule::Exact(q) => q == t,
            Rule::Consonant(q, first, last) => t == q || (first..=last).contains(&u32::from(t)),
            Rule::Prefix(q) => jamo_seq(t).starts_with(&q),
        }
    }
}

/// A search query compiled once per keystroke and matched against folded text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    rules: Vec<Rule>,
    keys: Vec<char>,
}

impl Query {
    /// Compiles `q`: NFC-normalised (so NFD input works), trimmed, case-folded.
    pub fn new(q: &str) -> Self {
        let chars: Vec<char> = q
            .nfc()
            .map(to_compat)
            .filter(|c| !c.is_control())
            .map(fold)
            .collect::<String>()
            .trim()
            .chars()
            .collect();
        let last = chars.len().saturating_sub(1);
        let rules = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| rule_for(c, i == last))
            .collect();
        let keys = chars.iter().map(|&c| key(c)).collect();
        Self { rules, keys }
    }

    /// The query's length in chars, which is also the length of every match.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the query is empty (an empty query matches nothing).
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The index key (see [`key`]) of each query char, for bigram lookups in an index.
    pub fn keys(&self) -> &[char] {
        &self.keys
    }

    /// The chars a match must hold as they are (neither a consonant nor
    /// the half-typed last syllable), for prefilters.
    pub fn exact_chars(&self) -> impl Iterator<Item = char> + '_ {
        self.rules.iter().filter_map(|r| match r {
            Rule::Exact(c) => Some(*c),
            _ => None,
        })
    }

    /// Whether the query matches `text` (already folded with [`fold`]) starting at char `pos`.
    pub fn matches_at(&self, text: &[char], pos: usize) -> bool {
        let Some(window) = text.get(pos..pos.saturating_add(self.len())) else {
            return false;
        };
        !self.is_empty() && self.rules.iter().zip(window).all(|(r, &t)| r.matches(t))
    }

    /// All non-overlapping matches in `text`, left to right, as char ranges `(start, end)`.
    pub fn find_all(&self, text: &[char]) -> Vec<(usize, usize)> {
        // The first char's test is chosen once, not matched per char, so
        // the scan for candidates is a tight loop over the text.
        match self.rules.first() {
            None => Vec::new(),
            Some(&Rule::Exact(q)) => self.find_from(text, |t| t == q),
            Some(&Rule::Consonant(q, first, last)) => {
                let span = last.wrapping_sub(first);
                self.find_from(text, |t| {
                    t == q || (last >= first && u32::from(t).wrapping_sub(first) <= span)
                })
            }
            Some(first) => self.find_from(text, |t| first.matches(t)),
        }
    }

    /// [`Query::find_all`] with the first rule's test given as `starts`.
    #[inline]
    fn find_from(&self, text: &[char], starts: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let n = self.len();
        let mut pos = 0;
        while pos + n <= text.len() {
            let Some(skip) = text[pos..=text.len() - n].iter().position(|&t| starts(t)) else {
                break;
            };
            pos += skip;
            if self.matches_at(text, pos) {
                found.push((pos, pos + n));
                pos += n;
            } else {
                pos += 1;
            }
        }
        found
    }
}

/// Chooses the comparison for query char `c`; `last` marks the char still being typed.
fn rule_for(c: char, last: bool) -> Rule {
    if is_compat_consonant(c) {
        let (first, last) = syllables_with_initial(c).map_or((1, 0), |r| (*r.start(), *r.end()));
        return Rule::Consonant(c, first, last);
    }
    let is_jamo = ('\u{3131}'..='\u{318E}').contains(&c);
    if last && (is_syllable(c) || is_jamo) {
        return Rule::Prefix(jamo_seq(c));
    }
    Rule::Exact(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn find(query: &str, text: &str) -> Vec<(usize, usize)> {
        Query::new(query).find_all(&fold_str(text))
    }

    #[test]
    fn initial_consonants() {
        assert_eq!(find("ㅂㄹ", "북러 관계"), vec![(0, 2)]);
        assert_eq!(find("ㄱㄱ", "북러 관계"), vec![(3, 5)]);
        assert_eq!(find("ㅂㄹ", "부러 비러"), vec![(0, 2), (3, 5)]);
    }

    #[test]
    fn mixed_and_incremental() {
        assert_eq!(find("북ㄹ", "북러 관계"), vec![(0, 2)]);
        assert_eq!(find("부", "북러"), vec![(0, 1)]);
        assert_eq!(find("러시", "러시아"), vec![(0, 2)]);
        assert_eq!(find("달", "닭고기"), vec![(0, 1)]);
        assert_eq!(find("고", "관계"), vec![(0, 1)]);
        // Only the last char is lenient: 부러 must not match 북러.
        assert!(find("부러", "북러").is_empty());
    }

    #[test]
    fn nfd_query_finds_nfc_text() {
        let nfd: String = "푸틴".nfd().collect();
        assert_ne!(nfd, "푸틴");
        assert_eq!(find(&nfd, "대통령 푸틴은"), vec![(4, 6)]);
    }

    #[test]
    fn case_insensitive() {
        assert_eq!(find("SWIFT", "SWIFT 배제"), vec![(0, 5)]);
        assert_eq!(find("swift", "SWIFT 배제"), vec![(0, 5)]);
        assert_eq!(find("  Swift ", "the swift"), vec![(4, 9)]);
    }

    #[test]
    fn substrings_and_non_matches() {
        assert_eq!(find("푸틴", "푸틴은 푸틴이"), vec![(0, 2), (4, 6)]);
        assert!(find("러", "라").is_empty());
        assert!(find("갓", "갔다").is_empty());
        assert!(find("", "anything").is_empty());
        assert!(find("   ", "a b").is_empty());
        assert!(Query::new("").is_empty());
        assert!(find("abc", "ab").is_empty());
    }

    #[test]
    fn matches_are_non_overlapping() {
        assert_eq!(find("aa", "aaaaa"), vec![(0, 2), (2, 4)]);
        assert!(!Query::new("a").matches_at(&['a'], 1));
        assert!(!Query::new("a").matches_at(&['a'], usize::MAX));
    }

    #[test]
    fn a_consonant_matches_exactly_the_syllables_it_begins() {
        for q in '\u{3131}'..='\u{314E}' {
            let rule = rule_for(q, false);
            for t in ('가'..='힣').chain('\u{3131}'..='\u{314E}') {
                let want = t == q || crate::text::hangul::initial(t) == Some(q);
                assert_eq!(rule.matches(t), want, "{q} {t}");
            }
        }
    }

    #[test]
    fn keys_are_first_jamo() {
        assert_eq!(Query::new("북ㄹX").keys(), &['ㅂ', 'ㄹ', 'x']);
        assert_eq!(key('ㄺ'), 'ㄹ');
    }

    #[test]
    fn finds_every_match_in_a_long_text() {
        let text = fold_str(&"북한과 러시아의 군사 협력은 SWIFT 제재를 우회한다. ".repeat(500));
        let found = Query::new("ㄹㅅ").find_all(&text);
        assert_eq!(found.len(), 500);
    }

    proptest! {
        #[test]
        fn a_match_implies_equal_keys(
            q in "[가-힣ㄱ-ㅣa-zA-Z]{1,3}",
            t in "[가-힣ㄱ-ㅣa-zA-Z]{1,3}",
        ) {
            let query = Query::new(&q);
            let text = fold_str(&t);
            if query.matches_at(&text, 0) {
                let text_keys: Vec<char> = text.iter().take(query.len()).map(|&c| key(c)).collect();
                prop_assert_eq!(query.keys(), &text_keys[..]);
            }
        }

        #[test]
        fn a_query_finds_its_own_text(t in "[가-힣ㄱ-ㅣa-zA-Z0-9 ]{1,12}") {
            let query = Query::new(&t);
            prop_assume!(!query.is_empty());
            prop_assert!(!query.find_all(&fold_str(t.trim())).is_empty());
        }
    }
}
