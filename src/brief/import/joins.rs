//! Page-break repair: a block that ends mid-sentence continues in the next.
//!
//! Whether the two halves meet with or without a space is decided from the
//! brief's own vocabulary: if the joined word (or its stem before a particle)
//! occurs elsewhere in the brief, the break split a word.

use std::collections::HashSet;

use super::blocks::superscript_value;

/// One repaired page break, for reports and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    pub line: usize,
    pub left: String,
    pub right: String,
    pub spaced: bool,
}

impl Join {
    /// The repaired text around the break, e.g. `밝히고 있다`.
    pub fn joined(&self) -> String {
        let gap = if self.spaced { " " } else { "" };
        format!("{}{gap}{}", self.left, self.right)
    }
}

/// Particles and endings that attach to a stem (grammar, not this brief).
const PARTICLES: &[&str] = &[
    "으로", "에서", "에게", "까지", "부터", "보다", "처럼", "이다", "은", "는", "이", "가", "을",
    "를", "의", "에", "와", "과", "도", "로", "만",
];

/// The words of a brief, punctuation and markers stripped, and their stems.
pub struct Vocabulary<'a> {
    words: HashSet<&'a str>,
    stems: HashSet<&'a str>,
}

/// The stems of `word` left when one particle is cut off its end.
fn stems_of(word: &str) -> impl Iterator<Item = &str> {
    PARTICLES
        .iter()
        .filter_map(move |p| word.strip_suffix(p))
        .filter(|stem| stem.chars().count() >= 2)
}

impl<'a> Vocabulary<'a> {
    /// Collect the words of every block (borrowed, not copied: this runs at every start-up).
    pub fn new(texts: impl Iterator<Item = &'a str>) -> Self {
        let words: HashSet<&'a str> = texts
            .flat_map(str::split_whitespace)
            .map(clean)
            .filter(|w| !w.is_empty())
            .collect();
        let stems = words.iter().flat_map(|w| stems_of(w)).collect();
        Vocabulary { words, stems }
    }

    /// Whether the brief uses `word`, or its stem with another particle
    /// (제도화를 is known from 제도화는).
    fn knows(&self, word: &str) -> bool {
        self.words.contains(word)
            || stems_of(word).any(|stem| self.words.contains(stem) || self.stems.contains(stem))
    }

    /// Whether `left` and `right` are halves of one word split by a break.
    pub fn is_split_word(&self, left: &str, right: &str) -> bool {
        let (l, r) = (clean(left), clean(right));
        !l.is_empty() && !r.is_empty() && self.knows(&format!("{l}{r}"))
    }
}

/// A word without surrounding punctuation or footnote markers.
fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() || superscript_value(c).is_some())
}

/// Whether a paragraph block stops in the middle of a sentence.
pub fn ends_mid_sentence(text: &str) -> bool {
    let trimmed =
        text.trim_end_matches(|c: char| c.is_whitespace() || superscript_value(c).is_some());
    let mut rev = trimmed.chars().rev();
    match rev.next() {
        None => false,
        Some('.' | '?' | '!' | '…' | '。') => false,
        Some('”' | '’' | '"' | '\'' | ')' | '」' | '』') => {
            !matches!(rev.next(), Some('.' | '?' | '!' | '…'))
        }
        Some(_) => true,
    }
}

/// Join block `next` onto `text` across a page break, recording the join.
pub fn join(text: &mut String, next: &str, line: usize, vocab: &Vocabulary) -> Join {
    let left = text
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_string();
    let right = next.split_whitespace().next().unwrap_or("").to_string();
    let spaced = !vocab.is_split_word(&left, &right);
    if spaced {
        text.push(' ');
    }
    text.push_str(next);
    Join {
        line,
        left,
        right,
        spaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_sentence() {
        assert!(ends_mid_sentence("협력을 확인하고"));
        assert!(!ends_mid_sentence("강조하였다.¹"));
        assert!(!ends_mid_sentence("“끝이다.”"));
        assert!(ends_mid_sentence("“우리는 국"));
    }

    #[test]
    fn vocabulary_decides_space() {
        let v = Vocabulary::new(["그러나 국가 가운데 러시아를 밝혔다"].into_iter());
        assert!(v.is_split_word("그", "러나"));
        assert!(v.is_split_word("국", "가의"));
        assert!(!v.is_split_word("밝히고", "있다."));
        assert!(!v.is_split_word("안보", "체제와"));
    }

    #[test]
    fn stem_known_with_another_particle() {
        let v = Vocabulary::new(["이러한 제도화는 필요하다"].into_iter());
        assert!(v.is_split_word("제도", "화를"));
        assert!(!v.is_split_word("제도", "개선을"));
    }
}
