//! Citations as research writing prints them: `이상준, 「제목」, 이슈브리프 No. 2025-09
//! (2025. 3. 24.), p. 3.` in Korean, `Lee, “Title,” Issue Brief No. 2025-09 (March 24,
//! 2025), p. 3.` in English.

use crate::brief::model::Meta;
use crate::i18n::{Lang, tr};

/// Where in the brief a citation points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A page of a brief with pages.
    Page(u32),
    /// A passage running over pages.
    Pages(u32, u32),
    /// A section, where the brief has no pages.
    Section(String),
    /// The brief as a whole.
    Whole,
}

/// The citation of a passage of the brief at `place`.
pub fn citation(meta: &Meta, lang: Lang, place: &Place) -> String {
    let place = match place {
        Place::Page(p) => tr(lang, "cite.page", &[("page", p)]),
        Place::Pages(a, b) if a == b => tr(lang, "cite.page", &[("page", a)]),
        Place::Pages(a, b) => tr(lang, "cite.pages", &[("first", a), ("last", b)]),
        Place::Section(s) if !s.trim().is_empty() => {
            tr(lang, "cite.section", &[("section", &one_line(s))])
        }
        _ => String::new(),
    };
    let date = date(&meta.date, lang);
    let fields = fields(meta, lang);
    let args: [(&str, &dyn std::fmt::Display); 6] = [
        ("author", &fields[0]),
        ("title", &fields[1]),
        ("series", &fields[2]),
        ("number", &fields[3]),
        ("date", &date),
        ("place", &place),
    ];
    tidy(&tr(lang, "cite.passage", &args))
}

/// The brief's full reference, with its institute: the header of an export.
pub fn reference(meta: &Meta, lang: Lang) -> String {
    let date = date(&meta.date, lang);
    let publisher = match one_line(&meta.institute) {
        i if i.is_empty() || date.is_empty() => i,
        i => format!("{i}, "),
    };
    let fields = fields(meta, lang);
    let args: [(&str, &dyn std::fmt::Display); 6] = [
        ("author", &fields[0]),
        ("title", &fields[1]),
        ("series", &fields[2]),
        ("number", &fields[3]),
        ("publisher", &publisher),
        ("date", &date),
    ];
    tidy(&tr(lang, "cite.reference", &args))
}

/// Several authors as each language lists them: `조한나·마커스` / `Cho, Lee and Kim`.
fn authors(meta: &Meta, lang: Lang) -> String {
    let names: Vec<String> = meta
        .authors
        .iter()
        .map(|a| one_line(a))
        .filter(|a| !a.is_empty())
        .collect();
    match (names.as_slice(), lang) {
        ([] | [_], _) => names
            .first()
            .cloned()
            .unwrap_or_else(|| one_line(&meta.author)),
        (_, Lang::Ko) => names.join("·"),
        ([first @ .., last], Lang::En) => format!("{} and {last}", first.join(", ")),
    }
}

fn fields(meta: &Meta, lang: Lang) -> [String; 4] {
    let number = one_line(&meta.number);
    // The series' own "No." is printed by the template.
    let number = number
        .strip_prefix("No.")
        .map_or(number.clone(), |n| n.trim().to_owned());
    let number = if number.is_empty() {
        String::new()
    } else {
        format!("No. {number}")
    };
    [
        authors(meta, lang),
        one_line(&meta.title),
        one_line(&meta.series),
        number,
    ]
}

/// `2025-03-24` as `2025. 3. 24.` (Korean) or `March 24, 2025` (English); anything else as
/// it is.
pub fn date(iso: &str, lang: Lang) -> String {
    let parts: Vec<u32> = iso
        .trim()
        .splitn(3, '-')
        .filter_map(|p| p.parse().ok())
        .collect();
    let [year, month, day] = parts[..] else {
        return one_line(iso);
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return one_line(iso);
    }
    match lang {
        Lang::Ko => format!("{year}. {month}. {day}."),
        Lang::En => {
            let months = tr(lang, "cite.months", &[]);
            let name = months
                .split(',')
                .nth(month as usize - 1)
                .unwrap_or_default();
            format!("{name} {day}, {year}")
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drop what missing fields leave behind: `, ,`, `()`, a space before a comma.
fn tidy(s: &str) -> String {
    let mut out = s.replace(" ()", "").replace("「」", "").replace("“,”", "");
    let gaps = [
        (", ,", ","),
        (" ,", ","),
        (",,", ","),
        ("  ", " "),
        (", .", "."),
        (" .", "."),
    ];
    for (from, to) in gaps {
        while out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out.trim_start_matches([',', ' ']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta {
            series: "이슈브리프".into(),
            number: "No. 2025-09".into(),
            title: "2025년 북러 관계 전망과 한국의 대응".into(),
            author: "이상준".into(),
            date: "2025-03-24".into(),
            institute: "국립외교원 외교안보연구소".into(),
            ..Meta::default()
        }
    }

    #[test]
    fn korean_research_style() {
        assert_eq!(
            citation(&meta(), Lang::Ko, &Place::Page(3)),
            "이상준, 「2025년 북러 관계 전망과 한국의 대응」, 이슈브리프 No. 2025-09 (2025. 3. 24.), p. 3."
        );
        assert_eq!(
            citation(&meta(), Lang::Ko, &Place::Pages(3, 4)),
            "이상준, 「2025년 북러 관계 전망과 한국의 대응」, 이슈브리프 No. 2025-09 (2025. 3. 24.), pp. 3-4."
        );
        assert_eq!(
            reference(&meta(), Lang::Ko),
            "이상준, 「2025년 북러 관계 전망과 한국의 대응」, 이슈브리프 No. 2025-09 (국립외교원 외교안보연구소, 2025. 3. 24.)."
        );
    }

    #[test]
    fn english_equivalent() {
        let m = Meta {
            series: "Issue Brief".into(),
            number: "2025-09".into(),
            title: "North Korea–Russia Relations in 2025".into(),
            author: "Lee Sang-jun".into(),
            date: "2025-03-24".into(),
            ..Meta::default()
        };
        let several = Meta {
            authors: vec!["Hannah Cho".into(), "Kim Min".into(), "Marcus Lind".into()],
            ..m.clone()
        };
        assert!(
            citation(&several, Lang::En, &Place::Page(2))
                .starts_with("Hannah Cho, Kim Min and Marcus Lind, “North")
        );
        assert!(citation(&several, Lang::Ko, &Place::Whole).starts_with("Hannah Cho·Kim Min·"));
        assert_eq!(
            citation(&m, Lang::En, &Place::Section("2. Outlook".into())),
            "Lee Sang-jun, “North Korea–Russia Relations in 2025,” Issue Brief No. 2025-09 (March 24, 2025), 2. Outlook."
        );
    }

    #[test]
    fn missing_fields_leave_no_gaps() {
        let m = Meta {
            title: "제목".into(),
            ..Meta::default()
        };
        assert_eq!(citation(&m, Lang::Ko, &Place::Whole), "「제목」.");
        assert_eq!(date("2025년 3월", Lang::Ko), "2025년 3월");
        assert_eq!(date("2025-13-01", Lang::En), "2025-13-01");
    }
}
