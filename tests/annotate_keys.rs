//! Annotating with the keyboard, without a terminal: keys -> state.

use brief::app::{App, Effect, Tab};
use brief::brief::{Index, load};
use brief::notes::Highlight;

fn app() -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), 120, 40)
}

#[test]
fn marker_select_sentence_note_with_tags() {
    let mut a = app();
    a.type_keys("]f]fv)a");
    assert!(a.editor().is_some(), "{}", a.message());
    a.type_keys("북러 정상회담 #정상회담 #모스크바");
    let effects = a.type_keys("<C-s>");
    assert_eq!(effects, vec![Effect::SaveNotes]);
    assert!(a.editor().is_none());
    let n = &a.notes().list[0];
    assert_eq!(n.note, "북러 정상회담 #정상회담 #모스크바");
    assert_eq!(n.tags, ["정상회담", "모스크바"]);
    assert!(
        n.target
            .exact
            .starts_with("이를 축하하기 위해 김정은의 모스크바 방문과"),
        "{}",
        n.target.exact
    );
    assert!(
        n.target.exact.ends_with("거론되고 있다."),
        "{}",
        n.target.exact
    );
    let doc: Vec<char> = a.notes().document.chars().collect();
    let quoted: String = doc[n.target.start..n.target.end].iter().collect();
    assert_eq!(quoted, n.target.exact);
}

#[test]
fn highlight_cycle_delete_undo() {
    let mut a = app();
    a.type_keys("]fwvwwH");
    assert_eq!(a.notes().list.len(), 1);
    assert_eq!(a.notes().list[0].colour, Some(Highlight::Yellow));
    assert!(a.notes().list[0].note.is_empty());
    a.type_keys("[a");
    assert!(a.annotation_at_cursor().is_some());
    a.type_keys("H");
    assert_eq!(a.notes().list[0].colour, Some(Highlight::Green));
    a.type_keys("d");
    assert!(a.notes().list.is_empty());
    a.type_keys("u");
    assert_eq!(a.notes().list.len(), 1);
}

#[test]
fn escape_cancels_selection_and_editor() {
    let mut a = app();
    a.type_keys("]fvw<Esc>");
    assert!(a.select_from().is_none());
    a.type_keys("vwa<Esc>");
    assert!(a.editor().is_none(), "Esc closes an empty editor at once");
    a.type_keys("a한글<Esc>");
    assert!(a.editor().is_some(), "Esc on typed text asks first");
    a.type_keys("<Esc>");
    assert!(a.editor().is_none());
    assert!(a.notes().list.is_empty(), "a second Esc discards the note");
}

#[test]
fn escape_then_typing_goes_on_and_ctrl_s_saves() {
    let mut a = app();
    a.type_keys("]fvwa한<Esc>글");
    let editor = a.editor().expect("still writing");
    assert!(!editor.confirm_discard, "typing withdraws the question");
    a.type_keys("<Esc><C-s>");
    assert_eq!(a.notes().list.len(), 1, "{}", a.message());
    assert_eq!(a.notes().list[0].note, "한글");
}

#[test]
fn ctrl_c_in_the_editor_never_quits() {
    let mut a = app();
    let effects = a.type_keys("]fvwa메모<C-c>");
    assert!(!effects.contains(&Effect::Quit));
    let editor = a.editor().expect("the editor stays open");
    assert_eq!(editor.text(), "메모");
    a.type_keys("<C-s>");
    assert_eq!(a.notes().list[0].note, "메모");
}

#[test]
fn draft_follows_the_editor_and_comes_back() {
    use brief::notes::draft::DraftFor;
    let mut a = app();
    assert!(a.draft().is_none());
    a.type_keys("]fvwa초안 #메모");
    let draft = a.draft().expect("a draft while writing");
    assert_eq!(draft.text, "초안 #메모");
    let DraftFor::New { start, end, quote } = &draft.target else {
        panic!("a new note: {:?}", draft.target);
    };
    let doc: Vec<char> = a.notes().document.chars().collect();
    assert_eq!(doc[*start..*end].iter().collect::<String>(), *quote);

    let mut b = app();
    assert!(b.offer_draft(draft.clone()));
    b.type_keys("<C-s>");
    assert_eq!(b.notes().list.len(), 1, "{}", b.message());
    assert_eq!(b.notes().list[0].note, "초안 #메모");
    assert_eq!(b.notes().list[0].target.exact, *quote);
}

#[test]
fn draft_on_a_vanished_passage_is_not_offered() {
    use brief::notes::draft::{Draft, DraftFor};
    let mut a = app();
    let draft = Draft {
        brief: "2025-09".into(),
        target: DraftFor::New {
            start: 0,
            end: 3,
            quote: "이 글은 이 브리프에 없다".into(),
        },
        text: "x".into(),
    };
    assert!(!a.offer_draft(draft));
    assert!(a.editor().is_none());
    let gone = Draft {
        brief: "2025-09".into(),
        target: DraftFor::Existing {
            id: "urn:uuid:none".into(),
        },
        text: "x".into(),
    };
    assert!(!a.offer_draft(gone));
}

#[test]
fn edit_existing_note_and_move_between() {
    let mut a = app();
    a.type_keys("]fvwa첫째<C-s>");
    a.type_keys("]f]f]fvwa둘째<C-s>");
    assert_eq!(a.notes().list.len(), 2);
    a.type_keys("[a[a[a");
    let first = a.annotation_at_cursor().expect("on the first annotation");
    assert_eq!(a.notes().list[first].note, "첫째");
    a.type_keys("e 고침<C-s>");
    assert_eq!(a.notes().list[first].note, "첫째 고침");
    a.type_keys("]a");
    let second = a.annotation_at_cursor().expect("on the second");
    assert_eq!(a.notes().list[second].note, "둘째");
}

#[test]
fn annotations_tab_lists_filters_and_jumps() {
    let mut a = app();
    a.type_keys("]fvwa하나 #alpha<C-s>G");
    a.type_keys("<Tab>ttt");
    assert_eq!(a.tab(), Tab::Annotations);
    assert_eq!(a.annotation_order().len(), 1);
    a.type_keys("/beta");
    assert_eq!(a.annotation_order().len(), 0);
    a.type_keys("<Esc>/#alp<Enter>");
    assert_eq!(a.annotation_order().len(), 1);
    a.type_keys("<Enter>");
    let line = a.doc().line_of(a.cursor());
    assert!(
        a.visible_lines().contains(&line),
        "jumped to the annotation"
    );
}

#[test]
fn orphan_is_listed_and_reattached() {
    let mut a = app();
    a.type_keys("]fvwH");
    // The passage is gone from the brief: re-anchoring leaves the note an orphan.
    let mut list = a.notes().list.clone();
    list[0].target.exact = "Quux zyzzyva qwerty".into();
    assert!(a.notes_merged(list));
    assert!(a.notes().list[0].orphan);
    a.type_keys("<Tab>ttt");
    assert_eq!(a.tab(), Tab::Annotations);
    assert_eq!(a.annotation_order(), vec![0]);
    a.type_keys("<Esc><Tab><Tab>");
    // `]f` starts from the reading cursor, which the highlight left after the first marker.
    a.type_keys("]fvwwR");
    assert!(!a.notes().list[0].orphan, "{}", a.message());
    assert!(
        a.notes().list[0].target.exact.starts_with("이를"),
        "{}",
        a.notes().list[0].target.exact
    );
}

#[test]
fn long_korean_note_keeps_caret_and_end_visible() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut a = App::new(Index::new(brief), 80, 24);
    a.type_keys("]fvwa");
    let note = "북한과 러시아의 군사 협력이 한반도 안보에 미치는 영향을 장기적으로 추적해야 한다는 점을 다시 확인함 #안보 #끝말";
    a.type_keys(note);
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| {
        brief::ui::draw(&a, f);
    })
    .expect("draw");
    let buf = t.backend().buffer().clone();
    let rows: Vec<String> = (0..24)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < 80 {
                let s = buf[(x, y)].symbol();
                row.push_str(s);
                x += brief::text::str_width(s).max(1) as u16;
            }
            row
        })
        .collect();
    let screen = rows.join("\n");
    assert!(
        screen.contains("#끝말"),
        "the end of a long Hangul note stays visible:\n{screen}"
    );
    assert!(
        screen.contains("북한과"),
        "the note wraps instead of scrolling sideways:\n{screen}"
    );
    let caret = t.get_cursor_position().expect("cursor");
    assert_eq!(
        buf[(caret.x - 2, caret.y)].symbol(),
        "말",
        "the terminal cursor sits right after the last character typed"
    );
}

/// Two highlights, then the Annotations list with the first selected.
fn two_highlights_first_selected() -> App {
    let mut a = app();
    a.type_keys("]]lv)H))(v)H<Tab>T");
    assert_eq!(a.notes().list.len(), 2, "{}", a.message());
    assert_eq!(a.tab(), Tab::Annotations);
    a.type_keys("k");
    assert_eq!(a.selected(), 0);
    a
}

fn first_in_reading_order(a: &App) -> String {
    a.notes().list[a.annotation_order()[0]].id.clone()
}

#[test]
fn list_delete_acts_on_the_selected_item() {
    let mut a = two_highlights_first_selected();
    let first = first_in_reading_order(&a);
    let effects = a.type_keys("d");
    assert_eq!(effects, vec![Effect::SaveNotes], "{}", a.message());
    assert_eq!(a.notes().list.len(), 1);
    assert!(
        a.notes().list.iter().all(|n| n.id != first),
        "the selected (first) note is the one deleted"
    );
}

#[test]
fn list_colour_and_edit_act_on_the_selected_item() {
    let mut a = two_highlights_first_selected();
    let first = first_in_reading_order(&a);
    a.type_keys("H");
    let colour_of = |a: &App, id: &str| a.notes().list.iter().find(|n| n.id == id).unwrap().colour;
    assert_eq!(colour_of(&a, &first), Some(Highlight::Green));
    a.type_keys("j");
    let second = a.notes().list[a.annotation_order()[1]].id.clone();
    a.type_keys("e둘<C-s>");
    let note_of = |a: &App, id: &str| {
        a.notes()
            .list
            .iter()
            .find(|n| n.id == id)
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(note_of(&a, &second), "둘");
    assert_eq!(note_of(&a, &first), "");
}

#[test]
fn list_actions_work_with_no_note_under_the_cursor() {
    let mut a = two_highlights_first_selected();
    a.type_keys("<S-Tab>))))<Tab>");
    assert!(a.annotation_at_cursor().is_none());
    a.type_keys("k");
    a.type_keys("d");
    assert_eq!(a.notes().list.len(), 1, "{}", a.message());
}

#[test]
fn text_actions_act_on_the_note_under_the_cursor() {
    let mut a = two_highlights_first_selected();
    a.type_keys("<S-Tab>");
    let under = a
        .annotation_at_cursor()
        .map(|i| a.notes().list[i].id.clone());
    let under = under.expect("the cursor sits on the second highlight");
    a.type_keys("d");
    assert!(a.notes().list.iter().all(|n| n.id != under));
}

#[test]
fn quitting_with_unsaved_notes_asks_first() {
    let mut a = app();
    assert!(a.type_keys("q").contains(&Effect::Quit), "nothing unsaved");
    let mut a = app();
    a.type_keys("]fvwH");
    a.notes_saved(Err("the disk is full".into()));
    assert!(!a.type_keys("q").contains(&Effect::Quit));
    assert!(a.message().contains("NOT saved"), "{}", a.message());
    assert!(
        !a.type_keys("j<C-c>").contains(&Effect::Quit),
        "asks again after another key"
    );
    assert!(
        a.type_keys("<C-c>").contains(&Effect::Quit),
        "the second quit goes on"
    );
}

#[test]
fn an_approximate_note_is_accepted_from_the_list() {
    let mut a = app();
    a.type_keys("]fvwH");
    let mut list = a.notes().list.clone();
    list[0].approximate = Some("원래 인용".into());
    assert!(a.notes_merged(list));
    a.type_keys("<Tab>T");
    assert_eq!(a.tab(), Tab::Annotations);
    assert_eq!(a.type_keys("A"), vec![Effect::SaveNotes], "{}", a.message());
    assert!(a.notes().list[0].approximate.is_none());
    assert!(a.type_keys("A").is_empty(), "nothing left to accept");
}
