//! ToUnicode CMaps: the table from a font's character codes to the text
//! they stand for (`bfchar` and `bfrange` entries, UTF-16BE targets).

use std::collections::HashMap;

/// Bounds a hostile CMap: no range expands past this many codes in total.
const MAX_ENTRIES: usize = 1 << 20;

/// A parsed ToUnicode map.
#[derive(Debug, Default)]
pub(super) struct UnicodeMap {
    map: HashMap<u32, String>,
    /// Bytes per code, from the first codespace range (1 for simple fonts).
    pub(super) code_len: usize,
}

impl UnicodeMap {
    /// The text of one code, if the map has it.
    pub(super) fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }

    /// Every code and its text.
    pub(super) fn entries(&self) -> impl Iterator<Item = (u32, &str)> {
        self.map.iter().map(|(&c, t)| (c, t.as_str()))
    }

    /// Parses a CMap stream; unknown syntax is skipped, never an error.
    pub(super) fn parse(data: &[u8]) -> UnicodeMap {
        let tokens = tokens(data);
        let mut cmap = UnicodeMap::default();
        let mut i = 0;
        while i < tokens.len() {
            i = match &tokens[i] {
                Token::Word(w) if w == "begincodespacerange" => cmap.codespace(&tokens, i + 1),
                Token::Word(w) if w == "beginbfchar" => cmap.bfchar(&tokens, i + 1),
                Token::Word(w) if w == "beginbfrange" => cmap.bfrange(&tokens, i + 1),
                _ => i + 1,
            };
        }
        if cmap.code_len == 0 {
            cmap.code_len = 2;
        }
        cmap
    }

    fn codespace(&mut self, t: &[Token], mut i: usize) -> usize {
        while let Some(Token::Hex(lo)) = t.get(i) {
            if self.code_len == 0 {
                self.code_len = lo.len().clamp(1, 4);
            }
            i += 2;
        }
        i
    }

    fn bfchar(&mut self, t: &[Token], mut i: usize) -> usize {
        while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) = (t.get(i), t.get(i + 1)) {
            if self.map.len() < MAX_ENTRIES {
                self.map.insert(code(src), utf16(dst));
            }
            i += 2;
        }
        i
    }

    fn bfrange(&mut self, t: &[Token], mut i: usize) -> usize {
        while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (t.get(i), t.get(i + 1)) {
            let (lo, hi) = (code(lo), code(hi));
            match t.get(i + 2) {
                Some(Token::Hex(dst)) => self.range_from(lo, hi, dst),
                Some(Token::Array(dsts)) => {
                    for (c, dst) in (lo..=hi).zip(dsts) {
                        if self.map.len() < MAX_ENTRIES {
                            self.map.insert(c, utf16(dst));
                        }
                    }
                }
                _ => return i + 2,
            }
            i += 3;
        }
        i
    }

    /// `lo..=hi` onto consecutive targets: the last UTF-16 unit counts up.
    fn range_from(&mut self, lo: u32, hi: u32, dst: &[u8]) {
        let mut units = units(dst);
        let Some(last) = units.last().copied() else {
            return;
        };
        for (step, c) in (lo..=hi).enumerate() {
            if self.map.len() >= MAX_ENTRIES {
                return;
            }
            if let Some(u) = units.last_mut() {
                *u = last.wrapping_add(step as u16);
            }
            self.map.insert(
                c,
                char::decode_utf16(units.iter().copied())
                    .map(|r| r.unwrap_or('\u{FFFD}'))
                    .collect(),
            );
        }
    }
}

#[derive(Debug)]
enum Token {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
    Word(String),
}

/// Hex strings, arrays of hex strings and bare words; the rest is skipped.
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut array: Option<Vec<Vec<u8>>> = None;
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                let hex = hex_bytes(&data[i + 1..end]);
                match array.as_mut() {
                    Some(a) => a.push(hex),
                    None => out.push(Token::Hex(hex)),
                }
                i = end + 1;
            }
            b'[' => {
                array = Some(Vec::new());
                i += 1;
            }
            b']' => {
                out.extend(array.take().map(Token::Array));
                i += 1;
            }
            b'%' => {
                i += data[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(data.len() - i)
            }
            b if b.is_ascii_alphabetic() => {
                let len = data[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                out.push(Token::Word(
                    String::from_utf8_lossy(&data[i..i + len]).into_owned(),
                ));
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

fn hex_bytes(hex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = hex
        .iter()
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

fn code(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0, |acc, &b| acc << 8 | u32::from(b))
}

fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    char::decode_utf16(units(bytes))
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_ranges_and_arrays() {
        let src = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0010> <D55C> endbfchar
            2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<AC00> <0066006C>] endbfrange";
        let m = UnicodeMap::parse(src);
        assert_eq!(m.code_len, 2);
        assert_eq!(m.get(3), Some(" "));
        assert_eq!(m.get(0x10), Some("한"));
        assert_eq!(m.get(0x22), Some("C"));
        assert_eq!(m.get(0x30), Some("가"));
        assert_eq!(m.get(0x31), Some("fl"));
        assert_eq!(m.get(0x23), None);
    }

    #[test]
    fn a_huge_range_is_bounded() {
        let m = UnicodeMap::parse(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(m.map.len() <= MAX_ENTRIES);
    }
}
