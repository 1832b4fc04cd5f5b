//! Hangul syllable arithmetic: decomposition into compatibility jamo and the jamo sequences used
//! for incremental (still-being-typed) matching.

use std::ops::Deref;

const SYLLABLE_FIRST: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
const MEDIALS: u32 = 21;
const FINALS: u32 = 28;

/// Compatibility jamo for the 19 initial consonants, in Unicode syllable order.
const INITIAL_JAMO: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// Compatibility jamo for the 27 final consonants (index 0 of the syllable means "no final").
const FINAL_JAMO: [char; 27] = [
    'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ',
    'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// The first compatibility vowel (ㅏ); the 21 medials follow it contiguously.
const FIRST_VOWEL: u32 = 0x314F;

/// Whether `c` is a precomposed Hangul syllable (가..힣).
pub fn is_syllable(c: char) -> bool {
    (SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&u32::from(c))
}

/// Whether `c` is a compatibility consonant jamo (ㄱ..ㅎ, U+3131–U+314E), compounds included.
pub fn is_compat_consonant(c: char) -> bool {
    ('\u{3131}'..='\u{314E}').contains(&c)
}

/// Splits a precomposed syllable into compatibility jamo: (initial, medial, optional final).
pub fn decompose(c: char) -> Option<(char, char, Option<char>)> {
    if !is_syllable(c) {
        return None;
    }
    let index = u32::from(c) - SYLLABLE_FIRST;
    let initial = INITIAL_JAMO[(index / (MEDIALS * FINALS)) as usize];
    let medial = char::from_u32(FIRST_VOWEL + (index % (MEDIALS * FINALS)) / FINALS)?;
    let final_index = (index % FINALS) as usize;
    let fin = final_index.checked_sub(1).map(|i| FINAL_JAMO[i]);
    Some((initial, medial, fin))
}

/// The syllables whose initial consonant is `c` (ㅂ → 바..빟), as a range
/// of code points, when `c` is one of the 19 initials.
pub fn syllables_with_initial(c: char) -> Option<std::ops::RangeInclusive<u32>> {
    let index = INITIAL_JAMO.iter().position(|&j| j == c)? as u32;
    let first = SYLLABLE_FIRST + index * MEDIALS * FINALS;
    Some(first..=first + MEDIALS * FINALS - 1)
}

/// The initial consonant of a syllable as a compatibility jamo (북 → ㅂ).
pub fn initial(c: char) -> Option<char> {
    if !is_syllable(c) {
        return None;
    }
    let index = (u32::from(c) - SYLLABLE_FIRST) / (MEDIALS * FINALS);
    Some(INITIAL_JAMO[index as usize])
}

/// Maps a modern conjoining jamo (U+1100 block, as in NFD text) to its compatibility jamo.
pub fn to_compat(c: char) -> char {
    let code = u32::from(c);
    let mapped = match code {
        0x1100..=0x1112 => Some(INITIAL_JAMO[(code - 0x1100) as usize]),
        0x1161..=0x1175 => char::from_u32(FIRST_VOWEL + code - 0x1161),
        0x11A8..=0x11C2 => Some(FINAL_JAMO[(code - 0x11A8) as usize]),
        _ => None,
    };
    mapped.unwrap_or(c)
}

/// Case folding used for both text and query: the first char of the lowercase mapping.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// Splits a compound jamo into the keys typed to produce it on a 2-beolsik keyboard.
///
/// Tense consonants (ㄲ ㄸ ㅃ ㅆ ㅉ) are one shifted key, so they are not split; splitting
/// them would make 갓 a prefix of 갔.
fn split_compound(c: char) -> (char, Option<char>) {
    let second = match c {
        'ㄳ' => ('ㄱ', 'ㅅ'),
        'ㄵ' => ('ㄴ', 'ㅈ'),
        'ㄶ' => ('ㄴ', 'ㅎ'),
        'ㄺ' => ('ㄹ', 'ㄱ'),
        'ㄻ' => ('ㄹ', 'ㅁ'),
        'ㄼ' => ('ㄹ', 'ㅂ'),
        'ㄽ' => ('ㄹ', 'ㅅ'),
        'ㄾ' => ('ㄹ', 'ㅌ'),
        'ㄿ' => ('ㄹ', 'ㅍ'),
        'ㅀ' => ('ㄹ', 'ㅎ'),
        'ㅄ' => ('ㅂ', 'ㅅ'),
        'ㅘ' => ('ㅗ', 'ㅏ'),
        'ㅙ' => ('ㅗ', 'ㅐ'),
        'ㅚ' => ('ㅗ', 'ㅣ'),
        'ㅝ' => ('ㅜ', 'ㅓ'),
        'ㅞ' => ('ㅜ', 'ㅔ'),
        'ㅟ' => ('ㅜ', 'ㅣ'),
        'ㅢ' => ('ㅡ', 'ㅣ'),
        _ => return (c, None),
    };
    (second.0, Some(second.1))
}

/// A char's jamo sequence, at most five jamo long (initial + split medial + split final).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JamoSeq {
    buf: [char; 5],
    len: u8,
}

impl JamoSeq {
    fn push_split(&mut self, c: char) {
        let (first, second) = split_compound(c);
        self.push(first);
        if let Some(second) = second {
            self.push(second);
        }
    }

    fn push(&mut self, c: char) {
        // Capacity is 5 and no input produces more than 1 + 2 + 2 jamo.
        if let Some(slot) = self.buf.get_mut(usize::from(self.len)) {
            *slot = c;
            self.len += 1;
        }
    }
}

impl Deref for JamoSeq {
    type Target = [char];

    fn deref(&self) -> &[char] {
        &self.buf[..usize::from(self.len)]
    }
}

/// The jamo sequence of a char: a syllable gives its initial, medial and final with compound
/// medials/finals split (닭 → ㄷㅏㄹㄱ, 과 → ㄱㅗㅏ); a compatibility jamo gives itself, split if
/// compound; any other char gives itself case-folded.
pub fn jamo_seq(c: char) -> JamoSeq {
    let mut seq = JamoSeq {
        buf: ['\0'; 5],
        len: 0,
    };
    match decompose(c) {
        Some((initial, medial, fin)) => {
            seq.push(initial);
            seq.push_split(medial);
            if let Some(fin) = fin {
                seq.push_split(fin);
            }
        }
        None if ('\u{3131}'..='\u{3163}').contains(&c) => seq.push_split(c),
        None => seq.push(fold(c)),
    }
    seq
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposes_syllables() {
        assert_eq!(decompose('가'), Some(('ㄱ', 'ㅏ', None)));
        assert_eq!(decompose('북'), Some(('ㅂ', 'ㅜ', Some('ㄱ'))));
        assert_eq!(decompose('힣'), Some(('ㅎ', 'ㅣ', Some('ㅎ'))));
        assert_eq!(decompose('닭'), Some(('ㄷ', 'ㅏ', Some('ㄺ'))));
        assert_eq!(decompose('a'), None);
        assert_eq!(decompose('ㄱ'), None);
    }

    #[test]
    fn initials() {
        assert_eq!(initial('북'), Some('ㅂ'));
        assert_eq!(initial('러'), Some('ㄹ'));
        assert_eq!(initial('까'), Some('ㄲ'));
        assert_eq!(initial('ㄹ'), None);
        assert!(is_compat_consonant('ㄱ') && is_compat_consonant('ㅎ'));
        assert!(!is_compat_consonant('ㅏ') && !is_compat_consonant('가'));
    }

    #[test]
    fn every_syllable_round_trips_through_its_jamo() {
        for code in SYLLABLE_FIRST..=SYLLABLE_LAST {
            let c = char::from_u32(code).unwrap();
            let (i, m, f) = decompose(c).unwrap();
            assert!(is_compat_consonant(i));
            assert!(('ㅏ'..='ㅣ').contains(&m));
            assert!(f.is_none_or(is_compat_consonant));
            assert_eq!(initial(c), Some(i));
        }
    }

    #[test]
    fn jamo_sequences_split_compounds() {
        assert_eq!(&*jamo_seq('닭'), &['ㄷ', 'ㅏ', 'ㄹ', 'ㄱ']);
        assert_eq!(&*jamo_seq('과'), &['ㄱ', 'ㅗ', 'ㅏ']);
        assert_eq!(&*jamo_seq('괜'), &['ㄱ', 'ㅗ', 'ㅐ', 'ㄴ']);
        assert_eq!(&*jamo_seq('ㄺ'), &['ㄹ', 'ㄱ']);
        assert_eq!(&*jamo_seq('ㅘ'), &['ㅗ', 'ㅏ']);
        assert_eq!(&*jamo_seq('ㅆ'), &['ㅆ']);
        assert_eq!(&*jamo_seq('Q'), &['q']);
        assert_eq!(&*jamo_seq('뷁'), &['ㅂ', 'ㅜ', 'ㅔ', 'ㄹ', 'ㄱ']);
    }

    #[test]
    fn conjoining_to_compat() {
        assert_eq!(to_compat('\u{1100}'), 'ㄱ');
        assert_eq!(to_compat('\u{1175}'), 'ㅣ');
        assert_eq!(to_compat('\u{11AA}'), 'ㄳ');
        assert_eq!(to_compat('\u{11C2}'), 'ㅎ');
        assert_eq!(to_compat('x'), 'x');
    }

    #[test]
    fn folds_case() {
        assert_eq!(fold('S'), 's');
        assert_eq!(fold('Д'), 'д');
        assert_eq!(fold('İ'), 'i');
        assert_eq!(fold('한'), '한');
    }
}
