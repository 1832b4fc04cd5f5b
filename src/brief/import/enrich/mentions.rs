//! Finding names in text: every name and alias at once (Aho-Corasick,
//! longest first), at a word start, with Korean particles or Russian case
//! endings attached, and a name followed by its own alias in parentheses
//! (`최현호(Choe Hyon)`) counted as one mention.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::words::{is_cyrillic, is_hangul, is_particle_tail};

/// A mention found in one text: which name list entry, code-point range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub owner: usize,
    pub start: usize,
    pub end: usize,
}

/// An automaton over several owners' names.
pub struct NameFinder {
    automaton: Option<AhoCorasick>,
    owners: Vec<usize>,
}

impl NameFinder {
    /// Build a finder: `names` yields (owner, name) pairs.
    pub fn new<'a>(names: impl Iterator<Item = (usize, &'a str)>) -> Self {
        Self::with_kind(names, None)
    }

    /// A finder that is quick to build (for names found in one brief):
    /// a non-contiguous automaton, no DFA.
    pub fn quick<'a>(names: impl Iterator<Item = (usize, &'a str)>) -> Self {
        Self::with_kind(names, Some(AhoCorasickKind::NoncontiguousNFA))
    }

    fn with_kind<'a>(
        names: impl Iterator<Item = (usize, &'a str)>,
        kind: Option<AhoCorasickKind>,
    ) -> Self {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (owner, name) in names.filter(|(_, n)| !n.trim().is_empty()) {
            patterns.push(name);
            owners.push(owner);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .build(&patterns)
            .ok();
        NameFinder { automaton, owners }
    }

    /// Mentions in `text`, in order, code-point offsets.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out: Vec<Hit> = Vec::new();
        let mut counted = (0, 0);
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !stands_alone(text, s, e) {
                continue;
            }
            let start = counted.1 + text[counted.0..s].chars().count();
            let end = start + text[s..e].chars().count();
            counted = (s, start);
            let owner = self.owners[m.pattern().as_usize()];
            if let Some(last) = out.last()
                && last.owner == owner
                && start >= last.end
                && start - last.end <= 5
            {
                let gap: String = text[..s].chars().rev().take(start - last.end).collect();
                if is_alias_gap(&gap.chars().rev().collect::<String>()) {
                    continue;
                }
            }
            out.push(Hit { owner, start, end });
        }
        out
    }
}

fn is_word_char(c: char) -> bool {
    super::words::is_letter(c)
}

/// A match is a mention when no letter precedes it and what follows ends
/// the name: a particle after Hangul, any case ending after a long Russian
/// name, a word end after Latin and short names.
fn stands_alone(text: &str, s: usize, e: usize) -> bool {
    if text[..s].chars().next_back().is_some_and(is_word_char) {
        return false;
    }
    let name = &text[s..e];
    let Some(last) = name.chars().next_back() else {
        return false;
    };
    let rest = &text[e..];
    if is_hangul(last) {
        let tail: String = rest.chars().take_while(|c| is_hangul(*c)).collect();
        return is_particle_tail(&tail)
            && !rest[tail.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
    }
    if is_cyrillic(last) && name.chars().count() >= 5 {
        return true;
    }
    !rest.chars().next().is_some_and(is_word_char)
}

/// What stands between a name and its alias in `name(alias)`: an opening
/// bracket, perhaps after a closing quote or a one-syllable ending (`’형(`).
fn is_alias_gap(gap: &str) -> bool {
    let Some(open) = gap.trim_end().strip_suffix(['(', '（']) else {
        return false;
    };
    let open = open.trim_end();
    open.chars().count() <= 2 && !open.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> NameFinder {
        let names = [
            (0, "라브로프"),
            (0, "Лавров"),
            (1, "유엔"),
            (1, "UN"),
            (2, "최현호"),
            (2, "Choe Hyon"),
            (3, "한국"),
            (4, "한국광해광업공단"),
        ];
        NameFinder::new(names.into_iter())
    }

    fn spans(text: &str) -> Vec<(usize, usize, usize)> {
        finder()
            .find(text)
            .into_iter()
            .map(|h| (h.owner, h.start, h.end))
            .collect()
    }

    #[test]
    fn particles_and_case_endings_attach() {
        assert_eq!(
            spans("라브로프는 Лаврова 반유엔 UNESCO UN"),
            vec![(0, 0, 4), (0, 6, 12), (1, 25, 27)]
        );
    }

    #[test]
    fn a_longer_word_is_not_a_mention() {
        assert_eq!(
            spans("한국어 한국의 한국광해광업공단이"),
            vec![(3, 4, 6), (4, 8, 16)]
        );
    }

    #[test]
    fn a_name_and_its_alias_count_once() {
        assert_eq!(
            spans("구축함 최현호(Choe Hyon)를 최현호 (Choe Hyon)"),
            vec![(2, 4, 7), (2, 20, 23)]
        );
        assert_eq!(spans("Choe Hyon, 최현호"), vec![(2, 0, 9), (2, 11, 14)]);
    }
}
