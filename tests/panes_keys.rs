//! The linked panes and search, driven by key strings without a terminal.

use brief::app::document::BlockKind;
use brief::app::{App, Popup, Tab};
use brief::brief::{Index, load};

fn app(width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), width, height)
}

/// The kind of block the current search match is in.
fn match_kind(a: &App) -> Option<BlockKind> {
    let m = a.search().current_match()?;
    Some(a.doc().blocks[m.block].kind)
}

#[test]
fn search_finds_footnote_text_and_opens_the_footnote() {
    for (query, note) in [
        ("연합뉴스", Some(8)),
        ("Refined", Some(20)),
        ("Лавров", None),
    ] {
        let mut a = app(120, 40);
        a.type_keys(&format!("/{query}<Enter>"));
        let total = a.search().matches.len();
        assert!(total > 0, "{query}: no match");
        // Лавров also finds 라브로프 in the body (an alias): step to the footnotes.
        for _ in 0..total {
            if matches!(match_kind(&a), Some(BlockKind::Footnote(_))) {
                break;
            }
            assert_eq!(a.popup(), None, "{query}: a body match opens nothing");
            a.type_keys("n");
        }
        let Some(BlockKind::Footnote(n)) = match_kind(&a) else {
            panic!("{query}: no match in a footnote");
        };
        assert_eq!(a.popup(), Some(Popup::Footnote(n)), "{query}");
        if let Some(note) = note {
            assert_eq!(n, note, "{query}");
        }
    }
}

#[test]
fn n_steps_from_footnote_to_footnote_through_the_popup() {
    let mut a = app(120, 40);
    a.type_keys("/RFA<Enter>");
    let total = a.search().matches.len();
    assert!(total >= 2, "RFA is cited more than once");
    let first = a.search().current;
    a.type_keys("n");
    assert_ne!(a.search().current, first, "n works with the popup open");
    assert!(matches!(a.popup(), Some(Popup::Footnote(_))));
    a.type_keys("N");
    assert_eq!(a.search().current, first);
    a.type_keys("<Esc>");
    assert_eq!(a.popup(), None);
}

#[test]
fn body_matches_stay_in_the_reader() {
    let mut a = app(120, 40);
    a.type_keys("/SWIFT<Enter>");
    assert_eq!(a.popup(), None);
    assert_eq!(match_kind(&a), Some(BlockKind::Paragraph));
}

#[test]
fn a_source_outlet_is_found_at_its_footnote() {
    let mut a = app(120, 40);
    a.type_keys("/RFA");
    assert_ne!(a.search().count(), "0/0");
    assert!(
        a.search()
            .matches
            .iter()
            .any(|m| matches!(a.doc().blocks[m.block].kind, BlockKind::Footnote(_)))
    );
}

/// Focus the side pane and show the tab `want`.
fn tab(a: &mut App, want: Tab) {
    a.type_keys("<Tab>");
    for _ in 0..4 {
        if a.tab() == want {
            return;
        }
        a.type_keys("t");
    }
    panic!("no tab {want:?}");
}

#[test]
fn enter_on_a_recommendation_opens_its_view_and_digits_reach_each_passage() {
    let mut a = app(120, 40);
    tab(&mut a, Tab::Recommendations);
    let recs = &a.index().brief.recommendations;
    // A recommendation stated in two places, if the brief has one; else the first.
    let i = recs
        .iter()
        .position(|r| r.paragraphs.len() > 1)
        .unwrap_or(0);
    let r = recs[i].clone();
    for _ in 0..i {
        a.type_keys("j");
    }
    a.type_keys("<Enter>");
    assert_eq!(a.popup(), Some(Popup::Recommendation(i)));
    let passages = brief::app::recommend::passages(&a, &r);
    assert!(!passages.is_empty());
    for (k, p) in passages.iter().enumerate().take(9) {
        a.type_keys(&format!("{}", k + 1));
        assert_eq!(a.popup(), None, "a digit leaves the view for the passage");
        let (block, range) = a.flash().cloned().expect("the sentence is highlighted");
        let text = &a.doc().blocks[block].text;
        let shown: String = text
            .chars()
            .skip(range.start)
            .take(range.end - range.start)
            .collect();
        let paragraph = &a.index().paragraph(&p.paragraph).expect("paragraph").text;
        let one_sentence = !paragraph.trim_end_matches('.').contains(". ");
        assert!(
            shown.chars().count() < paragraph.chars().count() || one_sentence,
            "the sentence, not the paragraph: {shown}"
        );
        assert!(
            shown.ends_with('.') || shown.ends_with('다') || shown.ends_with('”'),
            "a whole sentence is highlighted: {shown}"
        );
        let line = a.doc().line_of(brief::app::document::Pos {
            block,
            offset: range.start,
        });
        assert!(
            a.visible_lines().contains(&line),
            "the passage is on screen"
        );
        a.type_keys("<Enter>");
        assert_eq!(
            a.popup(),
            Some(Popup::Recommendation(i)),
            "Enter reopens it"
        );
    }
}

#[test]
fn a_recommendation_sentence_not_the_paragraph_is_highlighted() {
    let mut a = app(120, 40);
    tab(&mut a, Tab::Recommendations);
    a.type_keys("<Enter>1");
    let (block, range) = a.flash().cloned().expect("highlighted");
    let len = a.doc().blocks[block].text.chars().count();
    let r = &a.index().brief.recommendations[0];
    let shown: String = a.doc().blocks[block]
        .text
        .chars()
        .skip(range.start)
        .take(range.len())
        .collect();
    assert!(range.len() < len, "not the whole paragraph");
    // The curated text paraphrases the brief: the sentence found is the one that says it.
    assert!(shown.contains("모니터링해야"), "{shown} for {}", r.text);
    assert!(shown.ends_with('.'), "{shown}");
}

#[test]
fn entity_mentions_are_visited_both_ways_with_a_position() {
    let mut a = app(120, 40);
    tab(&mut a, Tab::Entities);
    a.type_keys("/라브로프<Enter>");
    let e = a.selected_entity().expect("라브로프 is listed");
    assert_eq!(a.index().brief.entities[e].name, "라브로프");
    let n = a.entity_mentions(e).len();
    let footnotes = a.index().brief.entities[e]
        .mentions
        .iter()
        .filter(|m| m.footnote.is_some())
        .count();
    assert!(footnotes > 0, "라브로프 is named in footnotes too");
    assert_eq!(n, a.index().brief.entities[e].mentions.len());
    a.type_keys("<Enter>");
    assert!(
        a.message().starts_with(&format!("라브로프 1/{n}")),
        "{}",
        a.message()
    );
    a.type_keys("nn");
    assert!(
        a.message().starts_with(&format!("라브로프 3/{n}")),
        "{}",
        a.message()
    );
    a.type_keys("N");
    assert!(
        a.message().starts_with(&format!("라브로프 2/{n}")),
        "{}",
        a.message()
    );
    a.type_keys("NN");
    assert!(
        a.message().starts_with(&format!("라브로프 {n}/{n}")),
        "{}",
        a.message()
    );
    let mut in_footnote = false;
    for _ in 0..n {
        a.type_keys("n");
        let (block, _) = a.flash().cloned().expect("the mention is highlighted");
        in_footnote |= matches!(a.doc().blocks[block].kind, BlockKind::Footnote(_));
        assert_eq!(
            a.selected_entity(),
            Some(e),
            "the selection stays on the name"
        );
    }
    assert!(in_footnote, "footnote mentions are visited");
}

#[test]
fn entities_filter_as_you_type_and_escape_clears() {
    let mut a = app(120, 40);
    tab(&mut a, Tab::Entities);
    let all = a.entity_order().len();
    a.type_keys("/ㄹㅂㄹ");
    let some = a.entity_order();
    assert!(
        !some.is_empty() && some.len() < all,
        "{} of {all}",
        some.len()
    );
    assert!(
        some.iter()
            .any(|e| a.index().brief.entities[*e].name == "라브로프")
    );
    a.type_keys("<Esc>");
    assert_eq!(a.entity_order().len(), all);
}

#[test]
fn entities_on_screen_come_first() {
    let mut a = app(120, 40);
    let screen = a.visible_blocks();
    let order = a.entity_order();
    let first = order[0];
    assert_eq!(
        a.entity_standing(first, &screen),
        Some(brief::app::entities::Standing::OnScreen)
    );
    a.type_keys("G");
    let later = a.entity_order();
    assert_ne!(order, later, "the list follows the reading position");
}

#[test]
fn unsure_names_are_apart_and_can_be_confirmed_or_dropped() {
    let mut a = app(120, 40);
    tab(&mut a, Tab::Entities);
    let order = a.entity_order();
    let last = *order.last().expect("names");
    assert!(a.entity_in_doubt(last), "the unsure names come last");
    let unsure = order.iter().filter(|e| a.entity_in_doubt(**e)).count();
    a.type_keys("G");
    assert_eq!(a.selected_entity(), Some(last));
    let effects = a.type_keys("-");
    assert_eq!(effects, vec![brief::app::Effect::SaveNotes]);
    assert!(
        !a.entity_order().contains(&last),
        "dropped names are hidden"
    );
    assert_eq!(a.entity_verdict(last), Some(brief::notes::Verdict::Dropped));
    if unsure > 1 {
        a.type_keys("G+");
        let kept = a.selected_entity().expect("a name");
        assert!(!a.entity_in_doubt(kept) || a.entity_verdict(kept).is_some());
    }
    a.type_keys("g+");
    assert!(a.message().contains("not in doubt"), "{}", a.message());
}

#[test]
fn outline_lists_summary_sections_and_notes_and_scrolls() {
    let mut a = app(120, 24);
    let entries = a.outline_entries();
    let titles: Vec<&str> = entries
        .iter()
        .map(|b| a.doc().blocks[*b].text.as_str())
        .collect();
    assert_eq!(titles.first(), Some(&"요약"));
    assert_eq!(titles.last(), Some(&"주"));
    assert_eq!(entries.len(), a.index().brief.sections.len() + 2);
    a.type_keys("<S-Tab>");
    a.type_keys("G<Enter>");
    let notes = *entries.last().expect("entries");
    let shown: Vec<usize> = a.visible_lines().map(|l| a.doc().lines[l].block).collect();
    assert!(shown.contains(&notes), "Enter on 주 goes to the notes");
    a.type_keys("g<Enter>");
    assert_eq!(a.doc().lines[a.top()].block, entries[0]);
}
