//! The keymap table is the one source: every binding is reachable from a
//! key event a terminal really sends, and the help screen lists it.

use brief::app::keymap::{Context, HELP_SECTIONS, KEYMAP, Pending, resolve};
use brief::app::keys;
use brief::app::{Action, Effect};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The event a terminal delivers for a key: control letters that share a
/// code with a named key arrive as that key (Ctrl-I is Tab), capitals
/// come with Shift.
fn as_sent(key: KeyEvent) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match (key.code, key.modifiers) {
        (KeyCode::Char('i'), KeyModifiers::CONTROL) => plain(KeyCode::Tab),
        (KeyCode::Char('m' | 'j'), KeyModifiers::CONTROL) => plain(KeyCode::Enter),
        (KeyCode::Char('h'), KeyModifiers::CONTROL) => plain(KeyCode::Backspace),
        (KeyCode::Char('['), KeyModifiers::CONTROL) => plain(KeyCode::Esc),
        (KeyCode::Char(c), KeyModifiers::NONE) if c.is_ascii_uppercase() => {
            KeyEvent::new(key.code, KeyModifiers::SHIFT)
        }
        _ => key,
    }
}

/// What typing `keys` in `context` resolves to.
fn typed(context: Context, keys: &str) -> Option<Action> {
    let mut pending = Pending::default();
    let mut last = None;
    for k in keys::parse(keys) {
        last = resolve(context, as_sent(k), &mut pending);
    }
    last
}

/// The binding's action for a key alternative (`m{a-z}` typed as `mq`).
fn expected(action: Action, keys: &str) -> (String, Action) {
    if let Some(lead) = keys.strip_suffix("{1-9}") {
        return (format!("{lead}7"), Action::Passage(7));
    }
    match keys.strip_suffix("{a-z}") {
        Some(lead) => {
            let typed = format!("{lead}q");
            let action = match action {
                Action::SetMark(_) => Action::SetMark('q'),
                Action::JumpMark(_) => Action::JumpMark('q'),
                other => other,
            };
            (typed, action)
        }
        None => (keys.to_string(), action),
    }
}

#[test]
fn every_binding_is_reachable_from_a_real_key() {
    let mut unreachable = Vec::new();
    for b in KEYMAP {
        for alternative in b.keys.split(' ') {
            let (keys, action) = expected(b.action, alternative);
            let got = typed(b.context, &keys);
            if got != Some(action) {
                unreachable.push(format!("{:?} {alternative}: {got:?}", b.context));
            }
        }
    }
    assert!(
        unreachable.is_empty(),
        "unreachable bindings: {unreachable:#?}"
    );
}

#[test]
fn ctrl_i_would_be_tab() {
    assert_eq!(typed(Context::Normal, "<C-i>"), Some(Action::FocusNext));
}

#[test]
fn help_lists_every_binding_of_every_context() {
    let theme = brief::ui::Theme::get(true);
    let en = brief::i18n::Lang::En;
    let help = brief::ui::popup::help_lines(en, theme, 200)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    for (context, title) in HELP_SECTIONS {
        let heading = brief::app::keymap::section_text(*context, title, en);
        assert!(help.contains(&heading), "section {heading}");
    }
    for b in KEYMAP {
        assert!(
            HELP_SECTIONS.iter().any(|(c, _)| *c == b.context),
            "{:?} has a help section",
            b.context
        );
        let row = help
            .lines()
            .find(|l| l.contains(&brief::app::keymap::help_text(b, en)) && l.contains(b.keys));
        assert!(row.is_some(), "help shows {} {}", b.keys, b.help);
    }
}

/// The editor dispatches through the same table: each Editor binding, typed into a note being
/// written, does its action and never reaches the text as input.
#[test]
fn editor_keys_dispatch_through_the_table() {
    let (brief, _) = brief::brief::load::builtin().expect("built-in brief");
    let fresh = || {
        let mut a = brief::app::App::new(brief::brief::Index::new(brief.clone()), 120, 40);
        a.type_keys("]fvwa메모");
        assert_eq!(a.editor().map(|e| e.text()).as_deref(), Some("메모"));
        a
    };
    let bindings: Vec<_> = KEYMAP
        .iter()
        .filter(|b| b.context == Context::Editor)
        .collect();
    assert!(
        bindings.len() >= 3,
        "Esc, Ctrl-S and Ctrl-C are in the table"
    );
    for b in bindings {
        for alternative in b.keys.split(' ') {
            let mut a = fresh();
            let effects = a.type_keys(alternative);
            assert!(!effects.contains(&Effect::Quit), "{alternative} quits");
            match b.action {
                Action::SaveNote => {
                    assert_eq!(effects, vec![Effect::SaveNotes], "{alternative}");
                    assert!(a.editor().is_none());
                    assert_eq!(a.notes().list[0].note, "메모");
                }
                Action::Close => {
                    let e = a.editor().expect("a changed note asks before closing");
                    assert!(e.confirm_discard, "{alternative}");
                    assert_eq!(e.text(), "메모");
                }
                Action::EditorInterrupt => {
                    assert_eq!(a.editor().map(|e| e.text()).as_deref(), Some("메모"));
                    assert!(a.message().contains("does not quit"), "{}", a.message());
                }
                other => panic!("an Editor binding with no check: {other:?}"),
            }
        }
    }
}
