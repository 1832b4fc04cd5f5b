//! Extraction artifacts repaired in code: Hanja readings of names the
//! gazetteer knows (`金正은` is 김정은), and footnote markers lifted out.

use super::blocks::superscript_value;
use crate::brief::model::Marker;

/// Hangul readings of Hanja that PDF extraction leaves inside Korean names.
const READINGS: &[(char, char)] = &[
    ('金', '김'),
    ('正', '정'),
    ('恩', '은'),
    ('日', '일'),
    ('成', '성'),
    ('與', '여'),
    ('正', '정'),
    ('北', '북'),
    ('新', '신'),
    ('韓', '한'),
    ('朝', '조'),
    ('鮮', '선'),
    ('美', '미'),
    ('中', '중'),
    ('露', '로'),
    ('李', '이'),
    ('朴', '박'),
    ('崔', '최'),
    ('善', '선'),
    ('姬', '희'),
    ('文', '문'),
];

fn reading(c: char) -> Option<char> {
    READINGS.iter().find(|(h, _)| *h == c).map(|(_, r)| *r)
}

fn is_hanja(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Replace a Hanja run whose reading (with the Hangul after it) starts a
/// known name; a space is restored where extraction glued it to a word.
pub fn hanja_names(text: &str, names: &[String]) -> (String, usize) {
    if !text.chars().any(is_hanja) {
        return (text.to_string(), 0);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| is_hanja(**c)).count();
        if run == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let read: Option<String> = chars[i..i + run].iter().map(|c| reading(*c)).collect();
        let tail: String = chars[i + run..]
            .iter()
            .take_while(|c| is_hangul(**c))
            .collect();
        match read.filter(|r| {
            names
                .iter()
                .any(|n| n.chars().count() > run && (r.clone() + &tail).starts_with(n.as_str()))
        }) {
            Some(r) => {
                if out.chars().next_back().is_some_and(is_hangul) {
                    out.push(' ');
                }
                out.push_str(&r);
                repaired += 1;
            }
            None => out.extend(&chars[i..i + run]),
        }
        i += run;
    }
    (out, repaired)
}

/// Text without superscript markers, and where each marker stood.
pub fn lift_markers(text: &str) -> (String, Vec<Marker>) {
    let mut out = String::with_capacity(text.len());
    let mut markers = Vec::new();
    let mut count = 0usize;
    let mut number: Option<u32> = None;
    for c in text.chars() {
        if let Some(d) = superscript_value(c) {
            number = Some(number.unwrap_or(0).saturating_mul(10).saturating_add(d));
            continue;
        }
        if let Some(n) = number.take() {
            markers.push(Marker {
                footnote: n,
                at: count,
            });
        }
        out.push(c);
        count += 1;
    }
    if let Some(n) = number {
        markers.push(Marker {
            footnote: n,
            at: count,
        });
    }
    (out, markers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kim_jong_un_artifact() {
        let names = vec!["김정은".to_string()];
        let (s, n) = hanja_names("위해金正은의 방문과 新조약, 北김여정", &names);
        assert_eq!(s, "위해 김정은의 방문과 新조약, 北김여정");
        assert_eq!(n, 1);
    }

    #[test]
    fn markers_lifted() {
        let (s, m) = lift_markers("강조하였다.¹ 높으며² 이를 발언²⁵이");
        assert_eq!(s, "강조하였다. 높으며 이를 발언이");
        assert_eq!(
            m,
            vec![
                Marker { footnote: 1, at: 6 },
                Marker {
                    footnote: 2,
                    at: 10
                },
                Marker {
                    footnote: 25,
                    at: 16
                }
            ]
        );
    }
}
