//! Sanitising at the door: every string from a file or the user passes through [`sanitize`]
//! before it reaches the model, so nothing can reach the terminal as a control sequence or
//! corrupt the layout.

use std::iter::Peekable;
use std::ops::RangeInclusive;
use std::str::Chars;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// Most combining marks kept after one base character (more is a "Zalgo" flood).
const MAX_MARKS_PER_BASE: usize = 4;
/// Longest grapheme cluster kept, in chars; longer ones (e.g. endless ZWJ chains) become U+FFFD.
/// The longest legitimate emoji ZWJ sequence has 10 chars.
const MAX_CLUSTER_CHARS: usize = 16;

/// NFC-normalises `s` and removes everything that could act as a terminal control or corrupt
/// layout: escape sequences (with their parameters), C0/C1 controls and DEL (`\n` kept, `\t` → space,
/// `\r` dropped), bidi controls, invisible format characters, and combining-mark floods.
///
/// Kept on purpose: U+200D ZERO WIDTH JOINER (emoji sequences need it, and it always joins the
/// preceding cluster) and variation selectors. U+2028/U+2029 become `\n`. An escape string
/// (OSC, DCS, …) left unterminated ends at the next `\n`, so one stray byte cannot eat a document.
pub fn sanitize(s: &str) -> String {
    if s.chars().all(is_plain) {
        return s.to_string();
    }
    sanitize_any(s)
}

/// The sanitiser's every step, for text with a char that is not plain.
fn sanitize_any(s: &str) -> String {
    let stripped = strip_controls(s);
    // Fast paths: most text is already NFC and has no clusters to cap.
    let nfc: String = match is_nfc_quick(stripped.chars()) {
        IsNormalized::Yes => stripped,
        _ => stripped.nfc().collect(),
    };
    if !nfc.chars().any(may_build_cluster) {
        return nfc;
    }
    cap_clusters(&limit_marks(&nfc))
}

/// A char that needs none of the steps below: printable ASCII, a line
/// break, precomposed Hangul syllables and Cyrillic letters (NFC, and never
/// the start of a longer cluster but through conjoining jamo or combining
/// marks, which are not plain), Hanja, and the punctuation Korean text is
/// set with. Most briefs are nothing else.
fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\n'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{B7}'                   // middle dot
        | '\u{AB}' | '\u{BB}'        // « »
        | '\u{B2}' | '\u{B3}' | '\u{B9}' | '\u{2070}'..='\u{209F}' // superscripts
        | '\u{0400}'..='\u{045F}'   // Cyrillic (precomposed, the marks after it are not plain)
        | '\u{4E00}'..='\u{9FFF}'   // CJK ideographs (Hanja)
        | '\u{2010}'..='\u{2027}'   // dashes, quotes, bullets, ellipsis
        | '\u{2030}'..='\u{205E}'   // per mille, primes, reference marks
        | '\u{3001}'..='\u{3029}'   // CJK punctuation and brackets (not the marks after)
        | '\u{2460}'..='\u{24FF}'   // circled numbers
        | '\u{25A0}'..='\u{25FF}'   // geometric shapes: □ ○ ▶
        | '\u{3131}'..='\u{318E}'   // compatibility jamo (ㅇ, ㆍ)
        | '\u{FF01}'..='\u{FF5E}'   // full-width forms
    )
}

/// Whether a char can grow a grapheme cluster beyond its base character.
fn may_build_cluster(c: char) -> bool {
    !c.is_ascii()
        && (is_combining_mark(c)
            || matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{1100}'..='\u{11FF}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0100}'..='\u{E01EF}'))
}

/// Like [`sanitize`], but for single-line fields: newlines become spaces.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

/// Removes escape sequences, control characters and invisible format characters.
fn strip_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 introducers: CSI, and DCS/SOS/OSC/PM/APC strings.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() || is_invisible_format(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Format characters that are invisible but reorder, join or hide text.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{AD}'                      // soft hyphen: terminals disagree on its width
        | '\u{61C}'                   // Arabic letter mark (bidi)
        | '\u{180E}'                  // Mongolian vowel separator
        | '\u{200B}' | '\u{200C}'     // zero-width space / non-joiner
        | '\u{200E}' | '\u{200F}'     // LRM / RLM
        | '\u{202A}'..='\u{202E}'     // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'     // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'     // bidi isolates, deprecated format chars
        | '\u{FEFF}'                  // BOM / zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}'     // interlinear annotation
        | '\u{E0000}'..='\u{E007F}'   // tag characters (invisible "ASCII smuggling")
    )
}

/// Skips what follows an ESC: a CSI, a control string, or a short `ESC [intermediates] final`.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if is_intermediate(c) => {
            skip_all(chars, INTERMEDIATE);
            skip_one(chars, '\u{30}'..='\u{7E}');
        }
        Some('\u{30}'..='\u{7E}') => {
            chars.next();
        }
        // A lone ESC: drop it alone; whatever follows is handled normally.
        _ => {}
    }
}

/// ECMA-48 intermediate bytes (space to '/').
const INTERMEDIATE: RangeInclusive<char> = '\u{20}'..='\u{2F}';

fn is_intermediate(c: char) -> bool {
    INTERMEDIATE.contains(&c)
}

/// Skips the next char if it is in `range`.
fn skip_one(chars: &mut Peekable<Chars<'_>>, range: RangeInclusive<char>) {
    chars.next_if(|c| range.contains(c));
}

/// Skips chars while they are in `range`.
fn skip_all(chars: &mut Peekable<Chars<'_>>, range: RangeInclusive<char>) {
    while chars.next_if(|c| range.contains(c)).is_some() {}
}

/// Skips CSI parameters and intermediates, then the final byte. A malformed sequence stops at
/// the first unexpected char, which is then processed normally.
fn skip_csi(chars: &mut Peekable<Chars<'_>>) {
    skip_all(chars, '\u{20}'..='\u{3F}');
    skip_one(chars, '\u{40}'..='\u{7E}');
}

/// Skips an OSC/DCS/SOS/PM/APC body up to BEL, ST, CAN or SUB. A following ESC (as in the
/// `ESC \` terminator) is left for the caller, and `\n` ends an unterminated string.
fn skip_string(chars: &mut Peekable<Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' | '\u{18}' | '\u{1a}' => {
                chars.next();
                return;
            }
            '\u{1b}' | '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Keeps at most [`MAX_MARKS_PER_BASE`] combining marks (and ZWJs) after each base character.
fn limit_marks(s: &str) -> String {
    let mut run = 0;
    s.chars()
        .filter(|&c| {
            if is_combining_mark(c) || c == '\u{200D}' {
                run += 1;
                run <= MAX_MARKS_PER_BASE
            } else {
                run = 0;
                true
            }
        })
        .collect()
}

/// Replaces grapheme clusters longer than [`MAX_CLUSTER_CHARS`] with U+FFFD.
fn cap_clusters(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for g in s.graphemes(true) {
        if g.chars().nth(MAX_CLUSTER_CHARS).is_some() {
            out.push('\u{FFFD}');
        } else {
            out.push_str(g);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strips_csi_with_parameters() {
        assert_eq!(sanitize("\x1b[31mred\x1b[0m"), "red");
        assert_eq!(sanitize("\x1b[?1049h\x1b[2J\x1b[1;1H화면"), "화면");
        assert_eq!(sanitize("\u{9b}31mC1 csi"), "C1 csi");
        // A malformed CSI stops at the first unexpected char, which survives.
        assert_eq!(sanitize("\x1b[한국"), "한국");
    }

    #[test]
    fn strips_osc_and_other_strings() {
        let hyperlink = "\x1b]8;;http://evil.example\x07link\x1b]8;;\x1b\\";
        assert_eq!(sanitize(hyperlink), "link");
        assert_eq!(sanitize("\x1b]0;set title\x1b\\text"), "text");
        assert_eq!(sanitize("\x1bP1$r0m\x1b\\ok"), "ok");
        assert_eq!(sanitize("\x1b_apc\x07a\x1b^pm\x07b\x1bXsos\x07c"), "abc");
        assert_eq!(sanitize("\u{9d}0;title\u{9c}x"), "x");
        assert_eq!(sanitize("\x1b]52;c;ZXZpbA==\x18after"), "after");
    }

    #[test]
    fn unterminated_string_ends_at_newline() {
        assert_eq!(sanitize("\x1b]0;title\nnext line"), "\nnext line");
        assert_eq!(sanitize("before\x1b]0;title"), "before");
    }

    #[test]
    fn strips_short_escapes() {
        assert_eq!(sanitize("\x1bc\x1b7\x1b8\x1b(B\x1b#8\x1bM줄"), "줄");
        assert_eq!(sanitize("end\x1b"), "end");
        assert_eq!(sanitize("\x1b\x1b[0mx"), "x");
        assert_eq!(sanitize("\x1b한"), "한");
    }

    #[test]
    fn strips_controls() {
        assert_eq!(sanitize("a\r\nb"), "a\nb");
        assert_eq!(sanitize("a\tb"), "a b");
        assert_eq!(sanitize("\x07bell\x08\x7f\x00"), "bell");
        assert_eq!(sanitize("c1\u{85}\u{80}\u{9f}"), "c1");
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\nb\nc");
    }

    #[test]
    fn strips_bidi_and_invisible_format() {
        assert_eq!(sanitize("abc\u{202E}fed\u{202C}"), "abcfed");
        assert_eq!(sanitize("\u{2066}x\u{2069}\u{200E}\u{200F}\u{61C}"), "x");
        assert_eq!(sanitize("\u{FEFF}제목"), "제목");
        assert_eq!(sanitize("북\u{200B}러\u{200C}\u{2060}"), "북러");
        assert_eq!(sanitize("soft\u{AD}hyphen"), "softhyphen");
        assert_eq!(sanitize("tag\u{E0041}\u{E007F}"), "tag");
    }

    #[test]
    fn keeps_emoji_joiners() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(sanitize(family), family);
        assert_eq!(sanitize("❤\u{FE0F}"), "❤\u{FE0F}");
    }

    #[test]
    fn normalises_to_nfc() {
        let nfd: String = "푸틴 é".nfd().collect();
        assert_eq!(sanitize(&nfd), "푸틴 é");
    }

    #[test]
    fn limits_combining_mark_floods() {
        let zalgo = format!("e{}x", "\u{301}\u{316}".repeat(50));
        let clean = sanitize(&zalgo);
        // NFC folds the first acute into é; four marks remain after it.
        assert_eq!(clean.chars().count(), 1 + 4 + 1);
        assert!(clean.ends_with('x'));
        let flood = format!("a{}", "\u{200D}\u{301}".repeat(100));
        assert_eq!(sanitize(&flood).chars().count(), 1 + 4);
    }

    #[test]
    fn replaces_oversized_clusters() {
        let chain = "👨\u{200D}".repeat(40) + "👨 ok";
        assert_eq!(sanitize(&chain), "\u{FFFD} ok");
        let jamo_run = "\u{1100}".repeat(40);
        assert_eq!(sanitize(&jamo_run), "\u{FFFD}");
    }

    #[test]
    fn line_variant_joins_lines() {
        assert_eq!(sanitize_line("제목\n부제\r\n끝"), "제목 부제 끝");
    }

    /// Hostile input: escapes, controls, bidi, combining marks, Hangul (both forms), emoji.
    fn hostile() -> impl Strategy<Value = String> {
        "[a-z 가-힣\u{1100}-\u{1175}\\x00-\\x1f\\x7f\u{80}-\u{9f}\\[\\]\\\\;0-9P^_X\u{300}-\u{36f}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{feff}\u{1f468}]{0,80}"
    }

    proptest! {
        #[test]
        fn output_is_terminal_safe(s in hostile()) {
            let out = sanitize(&s);
            for c in out.chars() {
                prop_assert!(c == '\n' || !c.is_control(), "control {:?} in {:?}", c, out);
                prop_assert!(!is_invisible_format(c), "format {:?} in {:?}", c, out);
            }
            prop_assert!(unicode_normalization::is_nfc(&out));
            for g in out.graphemes(true) {
                prop_assert!(g.chars().count() <= MAX_CLUSTER_CHARS);
            }
        }

        #[test]
        fn plain_text_needs_no_step(s in "[ -~\n가-힣·«»²³¹\u{2010}-\u{2027}\u{2030}-\u{205e}\u{2070}-\u{209f}\u{400}-\u{45f}\u{4e00}-\u{9fff}\u{3001}-\u{3029}\u{2460}-\u{24ff}\u{25a0}-\u{25ff}\u{3131}-\u{318e}\u{ff01}-\u{ff5e}]{0,80}") {
            prop_assert!(s.chars().all(is_plain));
            prop_assert_eq!(sanitize_any(&s), s);
        }

        #[test]
        fn is_idempotent(s in hostile()) {
            let once = sanitize(&s);
            prop_assert_eq!(sanitize(&once), once.clone());
            prop_assert!(!sanitize_line(&s).contains('\n'));
        }
    }
}
