//! Keys typed with a Korean 2-set (두벌식) layout: a jamo arrives where a Latin letter was
//! meant (ㅓ for `j`). Outside text entry each jamo stands for the key at its place on a
//! QWERTY keyboard, so `j`, `k`, `q`, `]f` work without switching the layout.

use crossterm::event::{KeyCode, KeyEvent};

/// Each jamo of the 2-set layout and the QWERTY key at its place; the shifted double
/// consonants and the two shifted vowels map to the capital letter.
const LAYOUT: &[(char, char)] = &[
    ('ㅂ', 'q'),
    ('ㅈ', 'w'),
    ('ㄷ', 'e'),
    ('ㄱ', 'r'),
    ('ㅅ', 't'),
    ('ㅛ', 'y'),
    ('ㅕ', 'u'),
    ('ㅑ', 'i'),
    ('ㅐ', 'o'),
    ('ㅔ', 'p'),
    ('ㅁ', 'a'),
    ('ㄴ', 's'),
    ('ㅇ', 'd'),
    ('ㄹ', 'f'),
    ('ㅎ', 'g'),
    ('ㅗ', 'h'),
    ('ㅓ', 'j'),
    ('ㅏ', 'k'),
    ('ㅣ', 'l'),
    ('ㅋ', 'z'),
    ('ㅌ', 'x'),
    ('ㅊ', 'c'),
    ('ㅍ', 'v'),
    ('ㅠ', 'b'),
    ('ㅜ', 'n'),
    ('ㅡ', 'm'),
    ('ㅃ', 'Q'),
    ('ㅉ', 'W'),
    ('ㄸ', 'E'),
    ('ㄲ', 'R'),
    ('ㅆ', 'T'),
    ('ㅒ', 'O'),
    ('ㅖ', 'P'),
];

/// What a key typed with the Korean layout means outside text entry: a jamo becomes the
/// QWERTY key at its place; every other key is left as it is.
pub fn to_qwerty(key: KeyEvent) -> KeyEvent {
    let KeyCode::Char(c) = key.code else {
        return key;
    };
    match LAYOUT.iter().find(|(jamo, _)| *jamo == c) {
        Some((_, latin)) => KeyEvent::new(KeyCode::Char(*latin), key.modifiers),
        None => key,
    }
}

/// True for a Hangul syllable or jamo: typed outside text entry, the layout is Korean.
pub fn is_hangul(key: KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(c) if ('\u{3131}'..='\u{318E}').contains(&c)
        || ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn jamo_become_the_keys_at_their_place() {
        assert_eq!(to_qwerty(key('ㅓ')), key('j'));
        assert_eq!(to_qwerty(key('ㅏ')), key('k'));
        assert_eq!(to_qwerty(key('ㅂ')), key('q'));
        assert_eq!(to_qwerty(key('ㅃ')), key('Q'));
        assert_eq!(to_qwerty(key(']')), key(']'));
        assert_eq!(to_qwerty(key('가')), key('가'), "a syllable is left alone");
        assert!(is_hangul(key('가')) && !is_hangul(key('j')));
    }
}
