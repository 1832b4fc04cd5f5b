//! Property tests of the importer: it never panics, and on brief-like input
//! it loses no character of the body (apart from markers), in order.

use brief::brief::import;
use brief::brief::load;
use brief::brief::overlay::Overlay;
use proptest::prelude::*;

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| SUPERSCRIPTS[d as usize])
        .collect()
}

fn overlay() -> Overlay {
    Overlay::builtin().expect("the built-in overlay parses")
}

/// Pieces that steer the importer into its corners.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[가-힣 ]{0,12}",
        "[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}",
        "[-–— ]{1,3}",
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        "[\u{0}-\u{1f}\u{7f}-\u{9f}\u{1b}\u{202e}\u{feff}]{1,4}",
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]0;title\u{7}".to_string()),
        Just("이슈브리프\n\nNo. 2024-01\n\n제목\n\n저자\n\n소속\n\n2024-01-01\n\n".to_string()),
        Just("1. 제목\n\n".to_string()),
        Just("2) 소제목\n\n".to_string()),
        Just("- ¹ “제목”, 연합뉴스, 2024. 1. 1.\n".to_string()),
        Just("¹² Title, Outlet, March 5, 2024. https://example.org/x\n".to_string()),
        Just("金正은".to_string()),
        Just("「보고서」, 2024.".to_string()),
        Just("Ⅱ. 실태\n\n가. 하위\n".to_string()),
        Just("□ 요점임\n○ 세부임\n- 더 세부\n※ 참고\n".to_string()),
        Just("본문이다.1) 다음\n\n1) 출처, 2024.\n\u{c}".to_string()),
        Just("했다.[2] 다음.\n\n주\n\n[2] 출처\n".to_string()),
        Just("- 3 -\n\u{c}정세와 정책 | 연구소\n".to_string()),
        Just("      <표 1> 표\n  가   나   다\n  1    2    3\n  자료: 출처.\n".to_string()),
        Just("요 약\n▶ 요점\n".to_string()),
        Just("Editor's Note\n\nIntroduction\n\nText runs on-\nward.\n".to_string()),
    ]
}

/// Lines of ordinary readable text: Hangul words, figures, punctuation.
fn readable_line() -> impl Strategy<Value = String> {
    "[가-힣a-zA-Z0-9 ,.()%·]{1,60}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn import_never_panics(parts in prop::collection::vec(fragment(), 0..40)) {
        let raw: String = parts.concat();
        let _ = import::import(&raw, "prop.txt", &overlay(), "content/overlay.json");
    }

    /// A readable text always opens: whatever its layout, the worst it
    /// gets is warnings, and no line's words are dropped.
    #[test]
    fn any_readable_text_opens(lines in prop::collection::vec(readable_line(), 1..30)) {
        let raw = lines.join("\n\n");
        prop_assume!(raw.chars().any(char::is_alphabetic));
        let (brief, _) = import::import(&raw, "prop.txt", &overlay(), "content/overlay.json")
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let mut seen: String = brief.paragraphs().map(|p| p.text.as_str()).collect();
        for s in &brief.sections {
            seen.push_str(&s.title);
        }
        let m = &brief.meta;
        for field in [&m.institute, &m.series, &m.number, &m.title, &m.author, &m.affiliation, &m.disclaimer] {
            seen.push_str(field);
        }
        seen.extend(brief.footnotes.iter().map(|f| f.text.as_str()));
        seen.extend(m.emails.iter().map(String::as_str));
        let mut kept = std::collections::HashMap::new();
        for c in seen.chars().filter(|c| c.is_alphabetic()) {
            *kept.entry(c).or_insert(0usize) += 1;
        }
        // Letters may move into the header, a heading or a note, but not vanish;
        // digits may become dates or footnote numbers, so letters are what is counted
        // (less the words a date or a number is written with: `May 5, 2024`, `No. 3`).
        let header_words = ["No", "Vol", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let mut wanted = std::collections::HashMap::new();
        for word in lines.iter().flat_map(|l| l.split_whitespace()) {
            let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
            if header_words.iter().any(|w| letters.starts_with(w)) {
                continue;
            }
            for c in letters.chars() {
                *wanted.entry(c).or_insert(0usize) += 1;
            }
        }
        for (c, n) in wanted {
            let have = kept.get(&c).copied().unwrap_or(0);
            prop_assert!(have >= n, "{c:?}: {n} in the text, {have} kept");
        }
    }

    #[test]
    fn loading_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = load::load(&bytes, "prop.bin", &overlay(), "content/overlay.json");
    }
}

/// A generated brief: its raw text and the body text the reader must see.
#[derive(Debug, Clone)]
struct Generated {
    raw: String,
    body: String,
    markers: usize,
}

fn eojeol() -> impl Strategy<Value = String> {
    (
        "[가-힣]{1,4}",
        prop::sample::select(vec![
            "", "은", "는", "이", "가", "을", "를", "의", "에서", "으로", "과",
        ]),
    )
        .prop_map(|(stem, particle)| format!("{stem}{particle}"))
}

/// Eojeol, each flagged when a marker follows it; and whether one follows the full stop.
type Sentence = (Vec<(String, bool)>, bool);
/// Sentences, and the gaps between eojeol (0: page break, 1: line wrap, else a space).
type Para = (Vec<Sentence>, Vec<u8>);

/// A sentence of eojeol ending in `다.`; `true` flags where a marker goes:
/// after an eojeol mid-sentence, or after the full stop.
fn sentence() -> impl Strategy<Value = Sentence> {
    (
        prop::collection::vec((eojeol(), prop::bool::weighted(0.1)), 2..9),
        prop::bool::weighted(0.3),
    )
}

/// Paragraphs of sentences, and where the page breaks and line wraps fall.
fn paragraph() -> impl Strategy<Value = Para> {
    (
        prop::collection::vec(sentence(), 1..4),
        prop::collection::vec(0u8..20, 40),
    )
}

/// Sections of groups of paragraphs: the first group under the `1.` heading,
/// the others under `1)` sub-section headings.
fn sections() -> impl Strategy<Value = Vec<Vec<Vec<Para>>>> {
    let group = prop::collection::vec(paragraph(), 1..3);
    prop::collection::vec(prop::collection::vec(group, 1..3), 1..4)
}

struct Writer {
    raw: String,
    body: String,
    footnotes: Vec<String>,
}

impl Writer {
    /// Write one paragraph: eojeol joined by a space, a line wrap or a page break.
    fn paragraph(&mut self, sentences: &[Sentence], breaks: &[u8]) {
        let mut gaps = breaks.iter().cycle();
        let mut first = true;
        for (words, marked_end) in sentences {
            for (i, (word, marked)) in words.iter().enumerate() {
                if !first {
                    self.raw.push_str(match gaps.next() {
                        Some(0) => "\n\n",
                        Some(1) => "\n",
                        _ => " ",
                    });
                }
                first = false;
                self.raw.push_str(word);
                self.body.push_str(word);
                if i + 1 == words.len() {
                    self.raw.push_str("다.");
                    self.body.push_str("다.");
                }
                let last = i + 1 == words.len();
                if (*marked && !last) || (last && *marked_end) {
                    let n = self.footnotes.len() + 1;
                    self.raw.push_str(&superscript(n));
                    self.footnotes.push(format!(
                        "- {} “각주 {n}번 제목”, 연합뉴스, 2024. 1. {}.",
                        superscript(n),
                        n % 28 + 1
                    ));
                }
            }
        }
        self.raw.push_str("\n\n");
        self.body.push('\n');
    }
}

fn brief_like() -> impl Strategy<Value = Generated> {
    (prop::collection::vec(paragraph(), 1..4), sections()).prop_map(|(summary, sections)| {
        let mut w = Writer {
            raw: "\n이슈브리프\n\nNo. 2024-03\n\n생성된 브리프의 제목\n\n홍길동\n\n가상연구소 연구위원\n\n2024-03-01\n\n".to_string(),
            body: String::new(),
            footnotes: Vec::new(),
        };
        for (p, breaks) in &summary {
            w.paragraph(p, breaks);
        }
        for (s, groups) in sections.iter().enumerate() {
            w.raw.push_str(&format!("{}. 섹션 제목\n\n", s + 1));
            for (g, paragraphs) in groups.iter().enumerate() {
                if g > 0 {
                    w.raw.push_str(&format!("{g}) 소제목\n\n"));
                }
                for (p, breaks) in paragraphs {
                    w.paragraph(p, breaks);
                }
            }
        }
        let markers = w.footnotes.len();
        let raw = w.raw + &w.footnotes.join("\n") + "\n";
        Generated { raw, body: w.body, markers }
    })
}

fn non_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_character_is_lost(g in brief_like()) {
        let (brief, _) = import::import(&g.raw, "gen.txt", &overlay(), "content/overlay.json")
            .map_err(|e| TestCaseError::fail(format!("{e}\n{}", g.raw)))?;
        let out: String = brief.paragraphs().map(|p| p.text.as_str()).collect();
        prop_assert_eq!(non_whitespace(&out), non_whitespace(&g.body));
        let placed: usize = brief.paragraphs().map(|p| p.markers.len()).sum();
        prop_assert_eq!(placed, g.markers);
        prop_assert_eq!(brief.footnotes.len(), g.markers);
        prop_assert!(brief.footnotes.iter().all(|f| f.sources.len() == 1 && f.claims.len() == 1));
    }
}
