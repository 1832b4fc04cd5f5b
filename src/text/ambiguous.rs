//! East Asian Ambiguous characters (`· “ ” ─ │ ¹ … ①`): one column for ratatui, two in many
//! Korean terminal setups, where a pane holding one breaks. [`narrow`] gives each a one-column
//! stand-in that every terminal draws the same. Letters (Cyrillic, Greek, accented Latin) are
//! not among them: the Unicode width rules ratatui follows give letters one column in East
//! Asian contexts too.

use unicode_width::UnicodeWidthChar;

/// Whether terminals disagree on `c`'s width (its East Asian Width is Ambiguous).
pub fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

/// `c`, or where it is ambiguous a one-column character like it: box drawing as `+ - |`,
/// quotes as `" '`, superscripts and circled numbers as digits; `?` for anything else.
pub fn narrow(c: char) -> char {
    if !is_ambiguous(c) {
        return c;
    }
    punctuation(c).or_else(|| numeral(c)).unwrap_or('?')
}

/// Every ambiguous character of `s` made [`narrow`].
pub fn narrow_str(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_ambiguous) {
        return s.into();
    }
    s.chars().map(narrow).collect::<String>().into()
}

fn punctuation(c: char) -> Option<char> {
    Some(match c {
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '‐' | '‑' | '‒' | '–' | '—' | '―'
        | '¯' => '-',
        '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '¦' | '‖' => '|',
        '\u{2500}'..='\u{257F}' => '+',
        '\u{2580}'..='\u{259F}' => '#',
        '“' | '”' | '„' | '″' => '"',
        '‘' | '’' | '‚' | '′' | '´' => '\'',
        '·' | '•' | '∙' | '‧' => '.',
        '…' | '‥' | '∼' => '~',
        '▶' | '►' | '▸' | '▹' | '▷' | '→' | '⇒' | '»' | '›' => '>',
        '◀' | '◄' | '◂' | '◃' | '◁' | '←' | '⇐' | '«' | '‹' => '<',
        '▲' | '△' | '↑' => '^',
        '▼' | '▽' | '↓' => 'v',
        '↔' | '⇔' | '≒' | '≈' | '≡' => '=',
        '○' | '◎' | '◯' | '°' | 'º' => 'o',
        '●' | '◆' | '◇' | '■' | '□' | '★' | '☆' | '※' | '∗' | '⊙' => '*',
        '×' | '✕' => 'x',
        '÷' | '∕' => '/',
        '±' | '†' | '‡' => '+',
        '§' | '№' | '¶' => '#',
        '‰' | '℃' | '℉' => '%',
        '¡' => '!',
        '¿' => '?',
        'ª' => 'a',
        '≤' | '≦' => '<',
        '≥' | '≧' => '>',
        '≠' => '!',
        _ => return None,
    })
}

/// Superscript, subscript, circled, parenthesised and Roman numerals as their digit.
fn numeral(c: char) -> Option<char> {
    let digit = |n: u32| char::from_digit(n % 10, 10);
    match c {
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁰' | '₀' => Some('0'),
        '⁴'..='⁹' => digit(c as u32 - '⁴' as u32 + 4),
        '₁'..='₉' => digit(c as u32 - '₁' as u32 + 1),
        'ⁿ' => Some('n'),
        '①'..='⑨' => digit(c as u32 - '①' as u32 + 1),
        '⑴'..='⑼' => digit(c as u32 - '⑴' as u32 + 1),
        '⒈'..='⒐' => digit(c as u32 - '⒈' as u32 + 1),
        'Ⅰ'..='Ⅸ' => digit(c as u32 - 'Ⅰ' as u32 + 1),
        'ⅰ'..='ⅸ' => digit(c as u32 - 'ⅰ' as u32 + 1),
        'Ⅹ'..='Ⅻ' | 'ⅹ'..='ⅻ' => Some('X'),
        '⑩'..='⑳' | '⑽'..='⒇' | '⒑'..='⒛' => Some('#'),
        '⒜'..='⒵' => char::from_u32(c as u32 - '⒜' as u32 + 'a' as u32),
        'ⓐ'..='ⓩ' => char::from_u32(c as u32 - 'ⓐ' as u32 + 'a' as u32),
        'Ⓐ'..='Ⓩ' => char::from_u32(c as u32 - 'Ⓐ' as u32 + 'A' as u32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_narrow_stand_in_is_one_column_everywhere() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_ambiguous(c) && c.width() == Some(1) {
                let n = narrow(c);
                assert!(
                    !is_ambiguous(n) && n.width() == Some(1),
                    "{c:?} U+{:04X} -> {n:?}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn stand_ins_keep_the_sense() {
        assert_eq!(
            narrow_str("“북러” ‘新’ 인물·기관 ¹²³⁴ ① Ⅱ …"),
            "\"북러\" '新' 인물.기관 1234 1 2 ~"
        );
        assert_eq!(narrow_str("┌─┐│└┘ ▶ ●"), "+-+|++ > *");
        assert_eq!(
            narrow_str("Лавров заявил · Ελλαδα · café"),
            "Лавров заявил . Ελλαδα . café"
        );
        assert!(matches!(
            narrow_str("북러 관계"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
