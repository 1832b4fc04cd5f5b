//! The kind of a name, guessed from how it ends.

const ENDINGS: &[(&str, &str)] = &[
    ("조약", "treaty"),
    ("협정", "treaty"),
    ("협약", "treaty"),
    ("합의서", "treaty"),
    ("합의", "treaty"),
    ("선언", "treaty"),
    ("공동성명", "treaty"),
    ("헌장", "treaty"),
    ("조례", "treaty"),
    ("체제", "treaty"),
    ("파트너십", "treaty"),
    ("법", "treaty"),
    ("Treaty", "treaty"),
    ("Agreement", "treaty"),
    ("Convention", "treaty"),
    ("Act", "treaty"),
    ("Declaration", "treaty"),
    ("Partnership", "treaty"),
    ("Regime", "treaty"),
    ("조선소", "place"),
    ("발사장", "place"),
    ("기지", "place"),
    ("우주기지", "place"),
    ("항", "place"),
    ("해협", "place"),
    ("반도", "place"),
    ("열도", "place"),
    ("수역", "place"),
    ("구역", "place"),
    ("Sea", "place"),
    ("Zone", "place"),
    ("Strait", "place"),
    ("Island", "place"),
    ("Islands", "place"),
    ("Shipyard", "place"),
    ("Province", "place"),
    ("County", "place"),
    ("함", "weapon"),
    ("호", "weapon"),
    ("미사일", "weapon"),
    ("기구", "organisation"),
    ("연합", "organisation"),
    ("위원회", "organisation"),
    ("은행", "organisation"),
    ("통신", "organisation"),
    ("연구원", "organisation"),
    ("연구소", "organisation"),
    ("공사", "organisation"),
    ("공단", "organisation"),
    ("총국", "organisation"),
    ("협회", "organisation"),
    ("재단", "organisation"),
    ("함대", "organisation"),
    ("그룹", "organisation"),
    ("거래소", "organisation"),
    ("신문", "organisation"),
    ("Agency", "organisation"),
    ("Institute", "organisation"),
    ("Bank", "organisation"),
    ("Ministry", "organisation"),
    ("Guard", "organisation"),
    ("Council", "organisation"),
    ("Commission", "organisation"),
    ("Office", "organisation"),
    ("Department", "organisation"),
    ("Service", "organisation"),
    ("Times", "organisation"),
    ("News", "organisation"),
    ("Organization", "organisation"),
    ("Association", "organisation"),
    ("Group", "organisation"),
    ("Team", "organisation"),
    ("LLC", "organisation"),
    ("Ltd", "organisation"),
    ("Corporation", "organisation"),
];

/// The kind a name's ending suggests (`청진조선소` -> place), if any.
pub fn kind_of(name: &str) -> Option<&'static str> {
    let last_word = name.split_whitespace().next_back().unwrap_or(name);
    let first_word = name.split_whitespace().next().unwrap_or(name);
    if matches!(first_word, "Ministry" | "Department" | "Bureau" | "Office") {
        return Some("organisation");
    }
    ENDINGS
        .iter()
        .filter(|(end, _)| {
            if end.is_ascii() {
                last_word.trim_end_matches('.') == *end
            } else {
                name.ends_with(end) && name.chars().count() > end.chars().count()
            }
        })
        .max_by_key(|(end, _)| end.len())
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_say_the_kind() {
        assert_eq!(kind_of("청진조선소"), Some("place"));
        assert_eq!(kind_of("김군옥영웅함"), Some("weapon"));
        assert_eq!(kind_of("통일정책연구원"), Some("organisation"));
        assert_eq!(kind_of("Korea Coast Guard"), Some("organisation"));
        assert_eq!(
            kind_of("Ministry of Oceans and Fisheries"),
            Some("organisation")
        );
        assert_eq!(kind_of("Fisheries Agreement"), Some("treaty"));
        assert_eq!(kind_of("라브로프"), None);
    }
}
