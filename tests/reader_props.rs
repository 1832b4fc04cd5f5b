//! The real reader in process, driven at random: keys through the keymap
//! and `update`, mouse actions, resizes from 1x1 to 300x100, and a frame
//! drawn into a `TestBackend` after every step, on every brief at hand.
//! Nothing may panic and every position must stay in range. Corpus briefs
//! the importer refuses are left out (the reader never sees them).

use std::path::PathBuf;
use std::sync::OnceLock;

use brief::app::{Action, App};
use brief::brief::overlay::Overlay;
use brief::brief::{Brief, Index, load};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/briefs");

/// One thing a user can do.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Resize(u16, u16),
    Mouse(Action),
}

/// The seed, the test fixtures and (when present) the shared corpus.
fn briefs() -> &'static [Brief] {
    static BRIEFS: OnceLock<Vec<Brief>> = OnceLock::new();
    BRIEFS.get_or_init(|| {
        let overlay = Overlay::builtin().expect("the built-in overlay parses");
        let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let read = |f: &PathBuf| {
            let bytes = std::fs::read(f).expect("a test brief is readable");
            load::load(
                &bytes,
                &f.display().to_string(),
                &overlay,
                "content/overlay.json",
            )
        };
        let mut out = vec![load::builtin().expect("the built-in brief").0];
        for f in ["hostile_brief.txt", "second_brief.txt"] {
            out.push(read(&fixtures.join(f)).expect("a fixture loads").0);
        }
        // The importer may refuse a corpus brief; the reader only sees what loads.
        out.extend(corpus().iter().filter_map(|f| read(f).ok()).map(|(b, _)| b));
        out
    })
}

fn corpus() -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(CORPUS) else {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{CORPUS} is missing on CI"
        );
        println!("skipped the corpus: {CORPUS} not found");
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let plain = "jkhlwbBeEfgGnNqvaHdUuRtT[]()/?'m~ 0123456789%M러북라브로프#ㅓㅏㅎㅗ"
        .chars()
        .map(KeyCode::Char)
        .collect::<Vec<_>>();
    let special = vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::F(1),
    ];
    let ctrl = "dunoiszfb".chars().collect::<Vec<_>>();
    prop_oneof![
        6 => proptest::sample::select(plain).prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        2 => proptest::sample::select(special).prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE)),
        1 => proptest::sample::select(ctrl)
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let mouse = (0u16..310, 0u16..110, 0u8..6).prop_map(|(x, y, kind)| match kind {
        0 => Action::Click { x, y },
        1 => Action::Drag { x, y },
        2 => Action::DoubleClick { x, y },
        3 => Action::TripleClick { x, y },
        k => Action::Wheel { x, y, down: k == 4 },
    });
    prop_oneof![
        40 => key().prop_map(Step::Key),
        2 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        3 => mouse.prop_map(Step::Mouse),
    ]
}

/// Every invariant that must hold after a frame.
fn check(a: &App) -> Result<(), TestCaseError> {
    prop_assert!(a.top() <= a.max_top(), "top {} > {}", a.top(), a.max_top());
    for pos in std::iter::once(a.cursor()).chain(a.select_from()) {
        let block = a.doc().blocks.get(pos.block);
        prop_assert!(block.is_some(), "position {pos:?} past the last block");
        let len = block.map_or(0, |b| b.text.chars().count());
        prop_assert!(
            pos.offset < len.max(1),
            "position {pos:?} past its text ({len})"
        );
    }
    // The cursor is on screen, unless the screen shows only blank lines between blocks.
    let text_shown = a.visible_lines().any(|l| {
        let line = &a.doc().lines[l];
        !line.bytes.is_empty() || a.doc().blocks[line.block].text.is_empty()
    });
    if !a.search().active && text_shown {
        let line = a.doc().line_of(a.cursor());
        prop_assert!(
            a.visible_lines().contains(&line),
            "the cursor (line {line}) is off screen {:?}",
            a.visible_lines()
        );
    }
    prop_assert!(a.popup_scroll() <= a.popup_max_scroll(), "popup scroll");
    let entries = a.outline_len();
    prop_assert!(a.outline_selected() < entries.max(1), "outline selection");
    prop_assert!(a.selected() < a.side_len().max(1), "side selection");
    if let Some(m) = a.marker() {
        let markers = a.doc().blocks.get(m.block).map_or(0, |b| b.markers.len());
        prop_assert!(m.marker < markers, "marker {m:?}");
    }
    if let Some(i) = a.search().current {
        prop_assert!(i < a.search().matches.len(), "search match {i}");
    }
    Ok(())
}

fn run(which: usize, size: (u16, u16), steps: &[Step]) -> Result<(), TestCaseError> {
    let all = briefs();
    let brief = all[which % all.len()].clone();
    let (mut w, mut h) = size;
    let mut app = App::new(Index::new(brief), w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    for s in steps {
        match s {
            Step::Key(k) => {
                app.key(*k);
            }
            Step::Resize(nw, nh) => {
                (w, h) = (*nw, *nh);
                term.backend_mut().resize(w, h);
                app.update(Action::Resize {
                    width: w,
                    height: h,
                });
            }
            Step::Mouse(m) => {
                app.update(*m);
            }
        }
        let Ok(()) = brief::tui::draw(&mut term, &mut app);
        check(&app)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        max_shrink_iters: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_and_resizes_never_break_the_reader(
        which in 0usize..64,
        size in (1u16..=300, 1u16..=100),
        steps in proptest::collection::vec(step(), 100..400),
    ) {
        run(which, size, &steps)?;
    }
}
