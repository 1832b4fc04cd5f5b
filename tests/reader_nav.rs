//! The reading cursor and its jumps, counts, the Korean layout, the status bar's hints and
//! message log, and the mouse's word and sentence selection, driven by key strings.

use brief::app::{Action, App, Popup};
use brief::brief::{Index, load};

fn app(width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), width, height)
}

fn cursor_on_screen(a: &App) -> bool {
    a.visible_lines().contains(&a.doc().line_of(a.cursor()))
}

/// The screen as rows of text, drawn as the real loop draws it.
fn screen(a: &mut App, width: u16, height: u16) -> Vec<String> {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("terminal");
    brief::tui::draw(&mut t, a).expect("draw");
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn scrolling_carries_the_cursor() {
    let mut a = app(80, 24);
    for keys in ["<C-d>", "<Space>", "G", "b", "<C-u>", "g", "jjj"] {
        a.type_keys(keys);
        assert!(cursor_on_screen(&a), "after {keys}: {:?}", a.cursor());
    }
    a.type_keys("G");
    assert_eq!(
        a.cursor().block,
        a.doc().blocks.len() - 1,
        "G puts it on the end"
    );
}

#[test]
fn footnote_steps_start_from_the_cursor() {
    let mut a = app(120, 40);
    a.type_keys("G]f");
    assert_eq!(
        a.message(),
        "no further footnote marker",
        "nothing after the end"
    );
    a.type_keys("g]f");
    assert_eq!(
        a.message(),
        "footnote 1: Enter opens it",
        "g ]f reaches footnote 1"
    );
    a.type_keys("]f]f[f");
    assert_eq!(a.message(), "footnote 2: Enter opens it");
}

#[test]
fn footnote_steps_and_follows_are_jumps() {
    let mut a = app(120, 40);
    a.type_keys("]f]f]f");
    let third = a.cursor();
    a.type_keys("<Enter><Esc>");
    a.type_keys("<C-o>");
    assert_ne!(a.cursor(), third, "back to before the third ]f");
    a.type_keys("<C-o><C-o>");
    assert_eq!(a.top(), 0);
    a.type_keys("<C-n><C-n><C-n>");
    assert_eq!(a.cursor(), third);
    a.type_keys("<C-n>");
    assert_eq!(a.message(), "no later jump");
}

#[test]
fn top_end_and_percentage_are_jumps() {
    let mut a = app(80, 24);
    a.type_keys("G");
    assert_eq!(a.top(), a.max_top());
    a.type_keys("<C-o>");
    assert_eq!(a.top(), 0, "G is a jump");
    a.type_keys("50%");
    let half = a.doc().lines.len() / 2;
    assert!(a.visible_lines().contains(&half), "{:?}", a.visible_lines());
    a.type_keys("g");
    assert_eq!(a.top(), 0);
    a.type_keys("<C-o>");
    assert!(a.visible_lines().contains(&half), "g is a jump");
    a.type_keys("%");
    assert!(a.message().contains("50%"), "{}", a.message());
}

#[test]
fn counts_repeat_motions() {
    let mut a = app(80, 24);
    a.type_keys("5j");
    assert_eq!(a.top(), 5);
    a.type_keys("12k");
    assert_eq!(a.top(), 0);
    let mut b = app(120, 40);
    b.type_keys("]]]]]]");
    let third = b.current_section();
    let mut c = app(120, 40);
    c.type_keys("3]]");
    assert_eq!(c.current_section(), third);
    c.type_keys("<C-o>");
    assert_eq!(c.top(), 0, "a counted jump is one jump");
}

#[test]
fn ctrl_f_and_ctrl_b_page() {
    let mut a = app(80, 24);
    a.type_keys("<C-f>");
    assert_eq!(a.top(), a.page() - 1);
    a.type_keys("<C-f><C-b>");
    assert_eq!(a.top(), a.page() - 1);
}

#[test]
fn enter_alone_repeats_the_last_search() {
    let mut a = app(80, 24);
    a.type_keys("/북러<Enter>");
    let first = a.cursor();
    a.type_keys("/<Enter>");
    assert_eq!(a.search().query, "북러");
    assert!(a.cursor() > first, "the next match after the cursor");
    let mut b = app(80, 24);
    b.type_keys("/<Enter>");
    assert_eq!(b.top(), 0);
    assert!(b.message().is_empty(), "{}", b.message());
}

#[test]
fn n_starts_from_the_cursor() {
    let mut a = app(80, 24);
    a.type_keys("/북러<Enter>");
    a.type_keys("G");
    let end = a.cursor();
    a.type_keys("N");
    assert!(a.cursor() < end, "N from the end finds the last match");
    let n = a.search().matches.len();
    assert_eq!(a.search().count(), format!("{n}/{n}"));
}

#[test]
fn toggles_say_what_they_did() {
    let mut a = app(80, 24);
    a.type_keys("E");
    assert!(a.show_entities() && a.message().contains("entities highlighted"));
    a.type_keys("E");
    assert!(!a.show_entities() && a.message().contains("no longer"));
    a.type_keys("U");
    assert!(a.show_unsourced() && a.message().contains("flagged"));
}

#[test]
fn korean_layout_keys_act_as_their_qwerty_places() {
    let mut a = app(80, 24);
    a.type_keys("ㅓㅓㅓㅏ");
    assert_eq!(a.top(), 2, "ㅓ is j and ㅏ is k");
    a.type_keys("ㅎ");
    assert_eq!(a.top(), 0, "ㅎ is g");
    a.type_keys("]ㄹ");
    assert_eq!(a.message(), "footnote 1: Enter opens it", "]ㄹ is ]f");
    a.type_keys("/ㅓ");
    assert_eq!(a.search().query, "ㅓ", "text entry keeps the jamo");
    a.type_keys("<Esc>");
    a.type_keys("가");
    assert!(a.message().contains("English layout"), "{}", a.message());
    let quit = a.type_keys("ㅂ");
    assert!(quit.contains(&brief::app::Effect::Quit), "ㅂ is q");
}

#[test]
fn the_status_bar_hints_at_the_focused_panes_keys() {
    let mut a = app(120, 40);
    let status = |a: &mut App| screen(a, 120, 40)[39].clone();
    let reading = status(&mut a);
    assert!(reading.contains(" READ "), "{reading}");
    assert!(
        reading.contains("]f footnote") && reading.contains("M messages"),
        "{reading}"
    );
    a.type_keys("<Tab>");
    let side = status(&mut a);
    assert!(
        side.contains("Enter follow") && side.contains("t tab"),
        "{side}"
    );
    assert!(!side.contains("]f footnote"), "{side}");
    a.type_keys("<Tab>");
    assert!(status(&mut a).contains("Enter go to section"));
    a.type_keys("<Tab>v");
    let visual = status(&mut a);
    assert!(
        visual.contains("VISUAL") && visual.contains("H highlight"),
        "{visual}"
    );
    a.type_keys("w");
    assert!(
        status(&mut a).contains("H highlight"),
        "the hint stays after a motion"
    );
}

#[test]
fn a_cut_message_ends_in_an_ellipsis_and_stays_in_the_log() {
    let mut a = app(80, 24);
    let long = format!("{} end of the message", "긴 메시지 ".repeat(20));
    a.say(long.clone());
    let status = screen(&mut a, 80, 24)[23].clone();
    assert!(status.contains('…'), "{status}");
    assert!(!status.contains("end of the message"), "{status}");
    a.type_keys("j]fM");
    assert_eq!(a.popup(), Some(Popup::Messages));
    assert_eq!(a.message_log().first(), Some(&long));
    let shown = screen(&mut a, 80, 24).join("\n");
    assert!(shown.contains("footnote 1: Enter opens it"), "{shown}");
    assert!(shown.contains("end of the"), "the whole message: {shown}");
}

#[test]
fn double_click_selects_a_word_and_triple_click_a_sentence() {
    let mut a = app(120, 40);
    screen(&mut a, 120, 40);
    let text = a.areas().reader_text;
    // The first paragraph's first line (under the title, byline and heading).
    let row = (0..text.height)
        .find(|r| {
            let line = &a.doc().lines[a.top() + *r as usize];
            a.doc().blocks[line.block].paragraph.is_some() && !line.bytes.is_empty()
        })
        .expect("a paragraph on screen");
    let (x, y) = (text.x + 1, text.y + row);
    a.update(Action::Click { x, y });
    a.update(Action::DoubleClick { x, y });
    let (from, to) = a.selection().expect("a word selected");
    let block: Vec<char> = a.doc().blocks[from.block].text.chars().collect();
    let word: String = block[from.offset..=to.offset].iter().collect();
    assert!(!word.contains(' ') && !word.is_empty(), "{word:?}");
    assert!(block.get(to.offset + 1).is_none_or(|c| c.is_whitespace()));
    a.update(Action::TripleClick { x, y });
    let (from, to) = a.selection().expect("a sentence selected");
    let sentence: String = block[from.offset..=to.offset].iter().collect();
    assert!(sentence.len() > word.len(), "{sentence}");
    assert!(
        sentence.ends_with('.') || sentence.ends_with('다'),
        "{sentence}"
    );
}
