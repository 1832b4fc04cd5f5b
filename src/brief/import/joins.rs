//! Page-break repair: a block that ends mid-sentence continues in the next.
//!
//! Whether the two halves meet with or without a space is decided from the
//! brief's own vocabulary: if the joined word (or its stem before a particle)
//! occurs elsewhere in the brief, the break split a word.

// FxHash: the keys are the brief's own words, a few thousand, hashed at
// every start-up; SipHash's flood resistance buys nothing here.
use rustc_hash::FxHashSet as HashSet;

use super::blocks::superscript_value;
use super::enrich::words::is_letter;

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
    "들은", "들이", "들의", "들을", "들과", "으로", "에서", "에게", "까지", "부터", "보다", "처럼",
    "이다", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만",
];

/// The words of a brief, punctuation and markers stripped, and their stems.
pub struct Vocabulary<'a> {
    words: HashSet<&'a str>,
    stems: HashSet<&'a str>,
    /// Words seen away from a line's edges: whole words, never fragments
    /// of a word a wrap split.
    interior: HashSet<&'a str>,
    interior_stems: HashSet<&'a str>,
}

/// The stems of `word` left when one particle is cut off its end.
fn stems_of(word: &str) -> impl Iterator<Item = &str> {
    // Most particles are ruled out by the last syllable alone.
    let last = word.chars().next_back();
    PARTICLES
        .iter()
        .filter(move |p| p.chars().next_back() == last)
        .filter_map(move |p| word.strip_suffix(*p))
        .filter(|stem| stem.chars().nth(1).is_some())
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
        Vocabulary {
            words,
            stems,
            interior: HashSet::default(),
            interior_stems: HashSet::default(),
        }
    }

    /// The words of `lines`, and apart those that stand away from the
    /// lines' edges; one pass over the words, one over their stems.
    pub fn of_lines(lines: impl Iterator<Item = &'a str>) -> Self {
        let mut words = HashSet::default();
        let mut interior = HashSet::default();
        let mut line_words: Vec<&'a str> = Vec::new();
        for line in lines {
            line_words.clear();
            line_words.extend(line.split_whitespace());
            let last = line_words.len().saturating_sub(1);
            for (i, raw) in line_words.iter().enumerate() {
                let w = clean(raw);
                if w.is_empty() {
                    continue;
                }
                words.insert(w);
                if i > 0 && i < last {
                    interior.insert(w);
                }
            }
        }
        let mut stems = HashSet::default();
        let mut interior_stems = HashSet::default();
        for w in &words {
            let inside = interior.contains(w);
            for stem in stems_of(w) {
                stems.insert(stem);
                if inside {
                    interior_stems.insert(stem);
                }
            }
        }
        Vocabulary {
            words,
            stems,
            interior,
            interior_stems,
        }
    }

    /// Whether `word` (or its stem before a particle) is a whole word of the brief.
    fn whole(&self, word: &str) -> bool {
        self.interior.contains(word)
            || stems_of(word).any(|s| self.interior.contains(s) || self.interior_stems.contains(s))
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
    word.trim_matches(|c: char| !is_letter(c) || superscript_value(c).is_some())
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

/// Particles and endings that never stand alone: a line that starts with
/// one continues the word the line before ended with.
const BOUND: &[&str] = &[
    "을",
    "를",
    "은",
    "는",
    "이",
    "가",
    "의",
    "에",
    "와",
    "과",
    "도",
    "로",
    "만",
    "으로",
    "에서",
    "에는",
    "에도",
    "으로서",
    "으로써",
    "다",
    "다.",
    "다는",
    "다고",
    "며",
    "면",
    "고",
    "서",
    "지",
    "고,",
    "며,",
    "서,",
    "면서",
    "하고",
    "하며",
    "하여",
    "한",
    "할",
    "함",
    "됨",
    "임",
    "음",
    "이다",
    "이다.",
    "였다.",
    "었다.",
    "했다.",
    "된다.",
    "한다.",
    "된다",
    "한다",
    "적",
    "적인",
    "적으로",
    "적이다",
    "들",
    "들은",
    "들이",
    "들의",
    "들을",
    "들과",
    "여",
    "야",
    "며",
    "께서",
    "에게",
    "였다",
    "었다",
    "했다",
    "이며",
    "이고",
    "이나",
    "에서는",
    "으로는",
];

fn is_hangul(c: char) -> bool {
    crate::text::is_syllable(c)
}

/// Whether two pieces of one line of text meet without a space whatever
/// the words: after a middle dot or an opening bracket, before closing
/// punctuation.
pub fn no_space_between(left: &str, right: &str) -> bool {
    let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
        return false;
    };
    matches!(
        l,
        '·' | '(' | '“' | '‘' | '「' | '『' | '《' | '〈' | '[' | '/' | '~'
    ) || matches!(
        r,
        ')' | ',' | '.' | '”' | '’' | '」' | '』' | '》' | '〉' | ']' | '·' | '%' | ':' | ';' | '~'
    )
}

/// How a hard-wrapped line meets the next: the decision and, for a
/// hyphen at the line's end, whether to drop it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seam {
    Space,
    Glue,
    DropHyphen,
}

/// Where a source breaks lines, and so what a break most likely hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// Lines break only at spaces (or a paragraph is one line, and only
    /// page breaks split it at a space).
    Words,
    /// A break can fall inside a Korean word as often as not, but never
    /// inside a Latin or Cyrillic one: HWP exports, `pdftotext` of
    /// justified Korean text.
    Chars,
    /// A break can fall anywhere, inside an English word too: page breaks
    /// in a paragraph-per-line extraction.
    Anywhere,
}

/// Decide how `left` (a line, or the text so far) meets `right` at a line
/// or page break.
pub fn seam(left: &str, right: &str, vocab: &Vocabulary, wrap: Wrap) -> Seam {
    let l_word = left.split_whitespace().next_back().unwrap_or("");
    let r_word = right.split_whitespace().next().unwrap_or("");
    let (Some(lc), Some(rc)) = (l_word.chars().next_back(), r_word.chars().next()) else {
        return Seam::Space;
    };
    if superscript_value(rc).is_some() {
        // A marker that opens the next page belongs to the word before.
        return Seam::Glue;
    }
    if lc == '-' && l_word.chars().count() > 1 {
        return hyphen_seam(l_word, r_word, vocab);
    }
    if no_space_between(l_word, r_word) {
        return Seam::Glue;
    }
    // A decimal split after its point: `3.` + `8%`.
    let before_point = l_word.chars().rev().nth(1);
    if lc == '.' && before_point.is_some_and(|c| c.is_ascii_digit()) && rc.is_ascii_digit() {
        return Seam::Glue;
    }
    let l_end = l_word
        .trim_end_matches(|c: char| superscript_value(c).is_some())
        .chars()
        .next_back();
    if l_end.is_some_and(|c| c.is_alphabetic() && !is_hangul(c))
        && rc.is_alphabetic()
        && !is_hangul(rc)
    {
        // `Moni` | `toring`: only a word that neither half is.
        let (l, r) = (clean(l_word), clean(r_word));
        let unknown = !vocab.whole(l) && !vocab.whole(r);
        // Where breaks fall inside words, a lower-case piece nobody uses is a fragment.
        let fragment = wrap == Wrap::Anywhere && unknown && rc.is_lowercase();
        let split = unknown && vocab.is_split_word(l, r) || fragment;
        return if split { Seam::Glue } else { Seam::Space };
    }
    let chars = wrap != Wrap::Words;
    if l_end.is_some_and(|c| c.is_ascii_digit()) {
        // `100` | `일분으로`, `7종` | `을`: a number keeps its counter.
        return if chars && is_hangul(rc) {
            Seam::Glue
        } else {
            Seam::Space
        };
    }
    if rc == '(' {
        let closes = l_end.is_some_and(|c| is_hangul(c) || matches!(c, '」' | '』' | '”' | '’'));
        return if chars && closes {
            Seam::Glue
        } else {
            Seam::Space
        };
    }
    if !l_end.is_some_and(is_hangul) || !is_hangul(rc) {
        return Seam::Space;
    }
    if vocab.is_split_word(l_word, r_word) {
        return Seam::Glue;
    }
    if !chars {
        return Seam::Space;
    }
    let (l, r) = (clean(l_word), clean(r_word));
    if BOUND.contains(&r) {
        return Seam::Glue;
    }
    let syllables = |w: &str| w.chars().filter(|c| is_hangul(*c)).count();
    // The right half is a word the brief uses away from line ends (`함정과`
    // after `소형`): a word starts there.
    if syllables(l) >= 2 && syllables(r) >= 2 && vocab.whole(r) {
        return Seam::Space;
    }
    if !vocab.whole(l) && !vocab.whole(r) && word_tail(r) {
        return Seam::Glue;
    }
    // The left half ends as words end, or both halves are whole words of
    // the brief: the break fell on a space.
    if ends_like_a_word(l) || vocab.whole(l) && vocab.whole(r) {
        Seam::Space
    } else {
        Seam::Glue
    }
}

/// Single syllables that stand as words (`눈에 잘`, `할 수`).
const STANDALONE: &str = "잘더꼭곧또왜안못각총약즉및등수것때중후전내외측뒤앞위속밖새큰온딴첫";
/// Bound nouns that open a two-syllable word with a particle (`것이`, `수를`).
const BOUND_NOUNS: &str = "것수데때바듯뿐줄지";
/// Case particles that close a two-syllable right half (`행과`).
const CASE_ENDS: &str = "은는이가을를의에와과도로만";

/// Whether a right half that is no word of the brief reads as the end of
/// a word: one syllable that never stands alone (`록`, `식`), or one
/// syllable and a particle (`수출입은` | `행과`).
fn word_tail(right: &str) -> bool {
    let head: Vec<char> = right.chars().take_while(|c| is_hangul(*c)).collect();
    match head.as_slice() {
        [one] => !STANDALONE.contains(*one),
        [first, last] => !BOUND_NOUNS.contains(*first) && CASE_ENDS.contains(*last),
        _ => false,
    }
}

/// Syllables Korean words (with their particles and endings) end in.
const FINAL: &str = "며고을를은는의과와로에서면할한된인던게도만다여야나기적등및운른진될킨친간온린";

/// Whether a piece of at least two syllables ends as a word does.
fn ends_like_a_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().next_back().is_some_and(|c| FINAL.contains(c))
}

fn hyphen_seam(l_word: &str, r_word: &str, vocab: &Vocabulary) -> Seam {
    let stem = l_word.trim_end_matches('-');
    let starts_lower = r_word.chars().next().is_some_and(char::is_lowercase);
    let stem_letters = stem.chars().next_back().is_some_and(char::is_alphabetic);
    if !starts_lower || !stem_letters {
        // `H-` + `6K`, `Korea-` + `China`: the hyphen belongs to the word.
        return Seam::Glue;
    }
    let hyphenated = format!("{stem}-{}", clean(r_word));
    if vocab.words.contains(clean(&hyphenated)) {
        return Seam::Glue;
    }
    Seam::DropHyphen
}

/// Join `right` onto `text` as `seam` says.
pub fn apply(text: &mut String, right: &str, seam: Seam) {
    match seam {
        Seam::Space => {
            if !text.is_empty() {
                text.push(' ');
            }
        }
        Seam::Glue => {}
        Seam::DropHyphen => {
            text.pop();
        }
    }
    text.push_str(right);
}

impl Vocabulary<'_> {
    /// Whether `word` occurs in the brief as a whole word.
    pub fn knows_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The share of Korean line breaks whose two halves make a word the
    /// brief uses elsewhere: high in a text wrapped inside words.
    pub fn split_share<'b>(&self, seams: impl Iterator<Item = (&'b str, &'b str)>) -> f32 {
        let (mut korean, mut split) = (0u32, 0u32);
        for (l, r) in seams {
            let lw = l.split_whitespace().next_back().unwrap_or("");
            let rw = r.split_whitespace().next().unwrap_or("");
            if lw.chars().next_back().is_some_and(is_hangul)
                && rw.chars().next().is_some_and(is_hangul)
            {
                korean += 1;
                if self.is_split_word(lw, rw) {
                    split += 1;
                }
            }
        }
        if korean == 0 {
            0.0
        } else {
            f32::from(u16::try_from(split).unwrap_or(u16::MAX))
                / f32::from(u16::try_from(korean).unwrap_or(u16::MAX))
        }
    }
}

#[cfg(test)]
mod seam_tests {
    use super::*;

    #[test]
    fn seams() {
        let text = "가 수출통제 수단으로 있다. 어렵다. 면하기 한국 기업 agreement well-known 나";
        let v = Vocabulary::of_lines([text].into_iter());
        let c = Wrap::Chars;
        assert_eq!(seam("중희토류로 수", "출통제 대상을", &v, c), Seam::Glue);
        assert_eq!(seam("희토류 7종", "을 허가", &v, c), Seam::Glue);
        assert_eq!(seam("2024년", "95억 달러", &v, c), Seam::Space);
        assert_eq!(seam("약 3.", "8% 증가", &v, Wrap::Words), Seam::Glue);
        assert_eq!(seam("면하기", "어렵다.", &v, c), Seam::Space);
        assert_eq!(seam("규", "모이다.", &v, c), Seam::Glue);
        assert_eq!(seam("식료·", "일용품", &v, Wrap::Words), Seam::Glue);
        assert_eq!(
            seam("the agree-", "ment was", &v, Wrap::Words),
            Seam::DropHyphen
        );
        assert_eq!(seam("the well-", "known fact", &v, Wrap::Words), Seam::Glue);
        assert_eq!(seam("the H-", "6K bomber", &v, Wrap::Words), Seam::Glue);
        assert_eq!(seam("in June", "2001, the", &v, Wrap::Words), Seam::Space);
        assert_eq!(seam("relations.", "⁷ The", &v, Wrap::Words), Seam::Glue);
        assert_eq!(seam("할", "수 있다", &v, Wrap::Words), Seam::Space);
    }

    #[test]
    fn a_half_the_brief_uses_or_that_cannot_stand_alone() {
        let text = "작은 함정이 떠났다 그 함정과 함께 수단의 하나로 눈에 잘 띄는";
        let v = Vocabulary::of_lines([text].into_iter());
        let c = Wrap::Chars;
        // `함정과` is a word of the brief: a word starts at the break.
        assert_eq!(seam("연안 방어용 소형", "함정과 노후", &v, c), Seam::Space);
        assert_eq!(
            seam("이제는 핵 투발", "수단을 해상으로", &v, c),
            Seam::Space
        );
        // A syllable and a particle, or one syllable that never stands alone: a word ends there.
        assert_eq!(
            seam("넷째, 수출입은", "행과 무역보험공사는", &v, c),
            Seam::Glue
        );
        assert_eq!(seam("점검할 수 있도", "록 한다", &v, c), Seam::Glue);
        // Words that stand alone stay apart.
        assert_eq!(seam("쉽게 눈에", "잘 띄는", &v, c), Seam::Space);
        assert_eq!(seam("부족을", "겪고 있다", &v, c), Seam::Space);
        assert_eq!(seam("채널을", "종전 협상", &v, c), Seam::Space);
    }
}
