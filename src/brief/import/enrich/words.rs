//! Korean word shapes the rules share: particles after a name, Hangul and
//! Latin letters, and words with their code-point offsets.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// Case particles that may follow a name (라브로프는, 러시아와의).
const CASE: &[&str] = &[
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "에게",
    "에는",
    "에도",
    "에서의",
    "에서는",
    "에서도",
    "에의",
    "와",
    "과",
    "와의",
    "과의",
    "와는",
    "과는",
    "와도",
    "과도",
    "로",
    "으로",
    "로는",
    "으로는",
    "로의",
    "으로의",
    "로서",
    "으로서",
    "로부터",
    "으로부터",
    "도",
    "만",
    "만의",
    "까지",
    "부터",
    "보다",
    "처럼",
    "조차",
    "께서",
    "께",
    "한테",
    "뿐",
    "등",
    "등의",
    "등과",
    "등은",
    "등이",
    "등을",
    "에게서",
    "마저",
    "에선",
    "엔",
];

/// Copulas and connectives after a name (김정은이라는, 푸틴이며); tried
/// after the case particles, since `라는` also ends names (`마체고라는`).
const COPULA: &[&str] = &[
    "이나",
    "나",
    "이며",
    "며",
    "이고",
    "고",
    "이다",
    "다",
    "이라는",
    "라는",
    "이란",
    "란",
    "이라고",
    "라고",
    "이었다",
    "였다",
    "이지만",
    "지만",
    "이자",
    "이었던",
    "였던",
    "이던",
    "던",
    "이든",
    "든",
    "론",
    "으론",
];

/// Short endings that still name the same thing (러시아산, 중국 측, 미국행).
const ENDINGS: &[&str] = &[
    "측", "산", "인", "계", "형", "급", "제", "내", "간", "발", "행", "판", "군", "들",
];

/// A Hangul syllable.
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A letter or digit, Hangul and ASCII tested first (the general Unicode
/// lookup is slow, and these are most of a brief's characters).
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_hangul(c) || (!c.is_ascii() && c.is_alphanumeric())
}

/// A Cyrillic letter.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Whether `tail` (the Hangul run right after a name) is a particle or a
/// short ending plus a particle, so the name ends where the match ends.
pub fn is_particle_tail(tail: &str) -> bool {
    let particle = |t: &str| CASE.contains(&t) || COPULA.contains(&t);
    if tail.is_empty() || particle(tail) {
        return true;
    }
    ENDINGS.iter().any(|e| {
        tail.strip_prefix(e)
            .is_some_and(|rest| rest.is_empty() || particle(rest))
    })
}

/// The word without a particle at its end (`금융위원회와` -> `금융위원회`),
/// keeping at least two syllables.
pub fn without_particle(word: &str) -> &str {
    let stem = stripped(word, CASE);
    if stem == word {
        stripped(word, COPULA)
    } else {
        stem
    }
}

/// The word without the longest of `particles` that leaves a Hangul stem.
fn stripped<'a>(word: &'a str, particles: &[&str]) -> &'a str {
    let mut best = word;
    // A particle that does not end in the word's last syllable cannot be its end.
    let last = word.chars().next_back();
    for p in particles.iter().filter(|p| p.chars().next_back() == last) {
        if let Some(stem) = word.strip_suffix(p)
            && stem.chars().count() >= 2
            && stem.len() < best.len()
            && stem.chars().next_back().is_some_and(is_hangul)
        {
            best = stem;
        }
    }
    best
}

/// Whether the word ends with a particle that marks it as a phrase's end.
pub fn has_particle(word: &str) -> bool {
    without_particle(word) != word
}

/// A whitespace-separated word with its code-point range.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Byte offset of the word in its text.
    pub byte: usize,
}

/// The words of `text` with code-point offsets.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut begin: Option<(usize, usize)> = None;
    let mut chars = 0;
    for (byte, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some((b, s)) = begin.take() {
                out.push(Word {
                    text: &text[b..byte],
                    start: s,
                    end: chars,
                    byte: b,
                });
            }
        } else if begin.is_none() {
            begin = Some((byte, chars));
        }
        chars += 1;
    }
    if let Some((b, s)) = begin {
        out.push(Word {
            text: &text[b..],
            start: s,
            end: chars,
            byte: b,
        });
    }
    out
}

/// For each word, whether one of `finder`'s patterns occurs in it: one
/// pass over the text instead of a test per word and pattern.
pub fn holding(text: &str, words: &[Word<'_>], finder: Option<&AhoCorasick>) -> Vec<bool> {
    let Some(finder) = finder else {
        return vec![true; words.len()];
    };
    let mut flags = vec![false; words.len()];
    let mut i = 0;
    // Patterns hold no spaces, so each match lies inside one word; one per word is enough.
    for m in finder.find_iter(text) {
        while i < words.len() && words[i].byte + words[i].text.len() <= m.start() {
            i += 1;
        }
        if let Some(w) = words.get(i)
            && w.byte <= m.start()
        {
            flags[i] = true;
        }
    }
    flags
}

/// A finder for any of `patterns`.
pub fn finder(patterns: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

/// Quotes and brackets around a word (`‘해상연합’`, `(TASS)`).
pub fn trim_marks(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            '‘' | '’'
                | '“'
                | '”'
                | '"'
                | '\''
                | '「'
                | '」'
                | '『'
                | '』'
                | '('
                | ')'
                | '['
                | ']'
                | ','
                | '.'
                | ':'
                | ';'
                | '·'
        )
    })
}

/// Code points in `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_and_endings() {
        assert!(is_particle_tail("는"));
        assert!(is_particle_tail("와의"));
        assert!(is_particle_tail("산을"));
        assert!(!is_particle_tail("광해광업공단"));
        assert!(!is_particle_tail("적"));
        assert_eq!(without_particle("금융위원회와"), "금융위원회");
        assert_eq!(without_particle("통일부는"), "통일부");
        assert_eq!(without_particle("나는"), "나는");
    }

    #[test]
    fn words_have_char_offsets() {
        let w = words("북한은  IAEA를\n본다");
        let spans: Vec<(&str, usize, usize)> = w.iter().map(|w| (w.text, w.start, w.end)).collect();
        assert_eq!(
            spans,
            vec![("북한은", 0, 3), ("IAEA를", 5, 10), ("본다", 11, 13)]
        );
    }
}
