//! The library screen in process: sorting, filtering, opening a brief and coming back, the
//! search across the library, every note in one list (the harness is `common::library`).

mod common;

use brief::app::Effect;
use brief::app::library_screen::View;
use brief::i18n::Lang;
use common::library::{PORT, Reading, SEED, with_notes};

#[test]
fn the_list_is_sorted_by_date_and_s_cycles_the_order() {
    let mut r = Reading::screen_alone(Lang::En, 120, 40);
    let by_date = r.listed();
    assert_eq!(by_date.len(), 4);
    let screen = r.app.library().expect("shown");
    let dates: Vec<&str> = screen
        .listed()
        .into_iter()
        .map(|i| screen.rows[i].date.as_str())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
    r.keys("s");
    let by_title = r.listed();
    let mut sorted = by_title.clone();
    sorted.sort();
    assert_eq!(by_title, sorted, "by title");
    assert_ne!(by_title, by_date, "the order changed");
    assert!(r.screen().contains("sorted by title"));
    r.keys("ss");
    assert!(r.screen().contains("sorted by notes"));
    r.keys("s");
    assert_eq!(r.listed(), by_date, "s comes back to the date");
    let wheel = brief::app::Action::Wheel {
        x: 5,
        y: 5,
        down: true,
    };
    r.app.update(wheel);
    let screen = r.app.library().expect("shown");
    assert_eq!(
        screen.selected(),
        3,
        "the wheel moves the selection, within the list"
    );
}

#[test]
fn the_filter_is_korean_aware() {
    let mut r = Reading::screen_alone(Lang::En, 120, 40);
    r.keys("fㄴㅈㅎ");
    assert_eq!(r.listed(), vec![PORT.to_string()], "initial consonants");
    r.keys("<Esc>");
    assert_eq!(r.listed().len(), 4, "Esc clears the filter");
    // 나진 typed decomposed (NFD).
    r.keys("f\u{1102}\u{1161}\u{110C}\u{1175}\u{11AB}<Enter>");
    assert_eq!(r.listed(), vec![PORT.to_string()], "NFD");
    let text = r.screen();
    assert!(
        text.contains("나진항") && text.contains("│ filter: "),
        "{text}"
    );
    r.keys("j");
    assert_eq!(r.listed().len(), 1, "j moves once typing ended");
    r.keys("f<Esc>fㅂㄹ ㄱㄱx<Backspace>");
    assert_eq!(r.listed(), vec![SEED.to_string()]);
    r.keys("<Esc>fzzzz");
    assert!(r.listed().is_empty());
    assert!(r.screen().contains("nothing matches zzzz"));
}

#[test]
fn enter_opens_a_brief_and_back_returns_to_the_screen_then_to_the_brief_read_before() {
    let mut r = Reading::new(Lang::En, 120, 40);
    r.keys("]]]]jjj");
    let (top, cursor) = (r.app.position(), r.app.cursor());
    r.keys("L");
    assert!(r.app.library_shown());
    r.keys("fㄴㅈㅎ<Enter><Enter>");
    assert_eq!(r.title(), PORT);
    assert!(r.app.from_library() && !r.app.library_shown());
    // A highlight made here is saved in this brief's own notes file.
    r.keys("/석탄<Enter>vwH");
    assert_eq!(r.app.notes().list.len(), 1, "{}", r.app.message());
    r.keys("]]<C-o><C-o>");
    let left_at = r.app.position();
    r.keys("<C-o>");
    assert!(
        r.app.library_shown(),
        "back past the jump history: the library"
    );
    assert_eq!(r.title(), SEED);
    let port = r
        .app
        .library()
        .expect("shown")
        .rows
        .iter()
        .find(|row| row.title == PORT);
    assert_eq!(port.map(|row| row.notes), Some(1), "its note is counted");
    r.keys("<Esc>");
    assert!(!r.app.library_shown());
    assert_eq!(
        (r.app.position(), r.app.cursor()),
        (top, cursor),
        "where it was"
    );
    // Opened again, the brief is at its remembered place with its note.
    r.keys("L<Enter>");
    assert_eq!(r.title(), PORT);
    assert_eq!(r.app.notes().list.len(), 1);
    assert_eq!(r.app.position(), left_at);
    r.keys("L");
    assert!(
        r.app.library_shown() && r.title() == SEED,
        "L goes back too"
    );
}

#[test]
fn the_library_alone_stays_on_back_and_q_quits() {
    let mut r = Reading::screen_alone(Lang::Ko, 80, 24);
    r.keys("<Esc>");
    assert!(r.app.library_shown(), "nothing behind it");
    assert!(r.screen().contains("q로 끝냅니다"));
    r.keys("?");
    assert_eq!(r.app.popup(), Some(brief::app::Popup::Help));
    r.keys("<Esc>");
    assert!(
        r.app.popup().is_none() && r.app.library_shown(),
        "help closes to the screen"
    );
    let last = r.listed().last().cloned();
    r.keys("G<Enter>");
    assert_eq!(Some(r.title()), last);
    r.keys("L");
    assert!(r.app.library_shown());
    let effects = r.app.type_keys("q");
    assert!(effects.contains(&Effect::Quit));
}

#[test]
fn a_search_across_the_library_opens_a_brief_at_its_hit() {
    let mut r = Reading::screen_alone(Lang::En, 120, 40);
    r.keys("/나진항<Enter>");
    let screen = r.app.library().expect("shown");
    assert_eq!(screen.view, View::Hits);
    assert!(!screen.hits.is_empty());
    assert!(
        screen.hits.iter().all(|b| b.title == PORT),
        "only the port brief"
    );
    let text = r.screen();
    assert!(text.contains(PORT) && text.contains("나진항"), "{text}");
    r.keys("<Enter>");
    assert_eq!(r.title(), PORT);
    let (block, range) = r.app.flash().cloned().expect("the hit is highlighted");
    let shown: String = r.app.doc().blocks[block]
        .text
        .chars()
        .skip(range.start)
        .take(range.len())
        .collect();
    assert_eq!(shown, "나진항");
    assert_eq!(r.app.cursor().block, block);
    let search = r.app.search();
    assert!(
        search.matches.len() > 1 && search.current == Some(0),
        "n goes on"
    );
    r.keys("n");
    assert_eq!(r.app.search().current, Some(1));
}

#[test]
fn every_note_in_one_list_filtered_by_text_and_tag() {
    let mut r = with_notes(Lang::En, 120, 40);
    r.keys("<Tab><Tab>");
    let notes = |r: &Reading| {
        let s = r.app.library().expect("shown");
        let all = s.notes.as_ref().expect("read");
        s.note_list()
            .into_iter()
            .map(|i| all[i].note.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(notes(&r).len(), 3);
    r.keys("f#제재");
    assert_eq!(notes(&r).len(), 2, "by tag");
    r.keys(" lavrov");
    assert_eq!(
        notes(&r),
        vec!["Lavrov's visit, October".to_string()],
        "tag and text"
    );
    r.keys("<Esc>f#nor<Enter>");
    assert_eq!(notes(&r), vec!["the port the rail link serves".to_string()]);
    r.keys("<Enter>");
    assert_eq!(r.title(), PORT);
    let (block, _) = r.app.flash().cloned().expect("the note is highlighted");
    assert!(r.app.doc().blocks[block].text.contains("나진항"));
}

fn snapshot(r: &mut Reading, name: &str) {
    let text = r.screen();
    insta::assert_snapshot!(name, text);
}

#[test]
fn screens_in_both_languages_and_two_sizes() {
    for (lang, code) in [(Lang::Ko, "ko"), (Lang::En, "en")] {
        for (w, h) in [(80, 24), (200, 50)] {
            let mut r = with_notes(lang, w, h);
            snapshot(&mut r, &format!("library_{code}_{w}x{h}"));
            r.keys("<Tab><Tab>");
            snapshot(&mut r, &format!("notes_{code}_{w}x{h}"));
        }
    }
}
