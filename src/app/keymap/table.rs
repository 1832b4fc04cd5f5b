//! The table itself: every binding of every context, and the help screen's
//! sections.

use super::super::action::Action;
use super::super::cursor::Motion;
use super::{Binding, Context};
use Context::{Editor, Normal, Popup, Recommendation, Search, Visual};

const fn bind(context: Context, keys: &'static str, action: Action, help: &'static str) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

/// Every key the reader knows. `{a-z}` stands for any lower-case letter.
pub const KEYMAP: &[Binding] = &[
    bind(
        Normal,
        "j <Down>",
        Action::LineDown,
        "down a line / next item",
    ),
    bind(
        Normal,
        "k <Up>",
        Action::LineUp,
        "up a line / previous item",
    ),
    bind(
        Normal,
        "<Space> <PgDn> f <C-f>",
        Action::PageDown,
        "down a page",
    ),
    bind(Normal, "b <PgUp> <C-b>", Action::PageUp, "up a page"),
    bind(Normal, "<C-d>", Action::HalfPageDown, "down half a page"),
    bind(Normal, "<C-u>", Action::HalfPageUp, "up half a page"),
    bind(Normal, "g <Home>", Action::Top, "beginning"),
    bind(Normal, "G <End>", Action::Bottom, "end"),
    bind(
        Normal,
        "%",
        Action::Percent(0),
        "with a count: that far in (50% halfway)",
    ),
    bind(Normal, "]]", Action::NextSection, "next section"),
    bind(Normal, "[[", Action::PrevSection, "previous section"),
    bind(Normal, "]f", Action::NextMarker, "next footnote marker"),
    bind(Normal, "[f", Action::PrevMarker, "previous footnote marker"),
    bind(Normal, "<Tab>", Action::FocusNext, "focus next pane"),
    bind(Normal, "<S-Tab>", Action::FocusPrev, "focus previous pane"),
    bind(Normal, "t >", Action::NextTab, "next side-pane tab"),
    bind(Normal, "T <", Action::PrevTab, "previous side-pane tab"),
    bind(
        Normal,
        "<Enter>",
        Action::Follow,
        "follow: footnote, section, recommendation, next mention",
    ),
    bind(
        Normal,
        "<C-o> <Backspace>",
        Action::Back,
        "back in jump history",
    ),
    bind(Normal, "<C-n>", Action::Forward, "forward in jump history"),
    bind(Normal, "m{a-z}", Action::SetMark('a'), "set mark"),
    bind(Normal, "'{a-z}", Action::JumpMark('a'), "jump to mark"),
    bind(
        Normal,
        "/",
        Action::SearchStart,
        "search (as you type; Enter alone repeats the last)",
    ),
    bind(
        Normal,
        "n",
        Action::SearchNext,
        "next match (Entities tab: the name's next mention)",
    ),
    bind(
        Normal,
        "N",
        Action::SearchPrev,
        "previous match (Entities tab: previous mention)",
    ),
    bind(
        Normal,
        "+",
        Action::ConfirmEntity,
        "Entities tab: confirm an unsure (?) name, listed with the others from now on",
    ),
    bind(
        Normal,
        "-",
        Action::DropEntity,
        "Entities tab: drop an unsure (?) name, hidden from now on",
    ),
    bind(
        Normal,
        "h <Left>",
        Action::Cursor(Motion::CharPrev),
        "cursor: previous character",
    ),
    bind(
        Normal,
        "l <Right>",
        Action::Cursor(Motion::CharNext),
        "cursor: next character",
    ),
    bind(
        Normal,
        "w",
        Action::Cursor(Motion::WordNext),
        "cursor: next word (eojeol)",
    ),
    bind(
        Normal,
        "B",
        Action::Cursor(Motion::WordPrev),
        "cursor: previous word",
    ),
    bind(
        Normal,
        "e",
        Action::EditOrWordEnd,
        "edit the note (selected in a list, else under the cursor) / end of word",
    ),
    bind(
        Normal,
        ")",
        Action::Cursor(Motion::SentenceEnd),
        "cursor: end of sentence",
    ),
    bind(
        Normal,
        "(",
        Action::Cursor(Motion::SentenceStart),
        "cursor: start of sentence",
    ),
    bind(Normal, "v", Action::Select, "start selecting at the cursor"),
    bind(
        Normal,
        "H",
        Action::Highlight,
        "change the colour of the annotation (selected in a list, else under the cursor)",
    ),
    bind(
        Normal,
        "a",
        Action::Annotate,
        "edit the note (selected in a list, else under the cursor)",
    ),
    bind(
        Normal,
        "d",
        Action::DeleteAnnotation,
        "delete the annotation (selected in a list, else under the cursor)",
    ),
    bind(Normal, "u", Action::Undo, "undo the last delete"),
    bind(
        Normal,
        "A",
        Action::AcceptAnchor,
        "accept where an approximate (≈) annotation now sits",
    ),
    bind(Normal, "]a", Action::NextAnnotation, "next annotation"),
    bind(Normal, "[a", Action::PrevAnnotation, "previous annotation"),
    bind(
        Normal,
        "c",
        Action::Cite,
        "copy the citation of the passage under the cursor",
    ),
    bind(
        Normal,
        "x",
        Action::Export,
        "export the annotations (format, file)",
    ),
    bind(Normal, "E", Action::ToggleEntities, "highlight entities"),
    bind(
        Normal,
        "U",
        Action::ToggleUnsourced,
        "flag unsourced figures",
    ),
    bind(
        Normal,
        "z",
        Action::ToggleFocusMode,
        "focus mode: the text alone, full width (Tab still shows the panes)",
    ),
    bind(Normal, "? <F1>", Action::Help, "help"),
    bind(
        Normal,
        "M",
        Action::Messages,
        "every message the status bar showed",
    ),
    bind(
        Normal,
        "W",
        Action::Warnings,
        "the importer's warnings about this brief (their count shows in the status bar)",
    ),
    bind(
        Normal,
        "<Esc>",
        Action::Close,
        "clear marker / search highlight",
    ),
    bind(Normal, "q <C-c>", Action::Quit, "quit"),
    bind(
        Normal,
        "<C-z>",
        Action::Suspend,
        "suspend to the shell (fg resumes)",
    ),
    bind(
        Search,
        "<Enter>",
        Action::SearchConfirm,
        "land on the match",
    ),
    bind(
        Search,
        "<Esc>",
        Action::SearchCancel,
        "cancel, back to the start",
    ),
    bind(
        Search,
        "<Backspace>",
        Action::SearchBackspace,
        "delete a character",
    ),
    bind(Search, "<C-c>", Action::Quit, "quit"),
    bind(Search, "<C-z>", Action::Suspend, "suspend to the shell"),
    bind(
        Visual,
        "h <Left>",
        Action::Cursor(Motion::CharPrev),
        "extend by a character back",
    ),
    bind(
        Visual,
        "l <Right>",
        Action::Cursor(Motion::CharNext),
        "extend by a character",
    ),
    bind(
        Visual,
        "w",
        Action::Cursor(Motion::WordNext),
        "extend to the next word",
    ),
    bind(
        Visual,
        "b B",
        Action::Cursor(Motion::WordPrev),
        "extend to the previous word",
    ),
    bind(
        Visual,
        "e",
        Action::Cursor(Motion::WordEnd),
        "extend to the end of the word",
    ),
    bind(
        Visual,
        ")",
        Action::Cursor(Motion::SentenceEnd),
        "extend to the end of the sentence",
    ),
    bind(
        Visual,
        "(",
        Action::Cursor(Motion::SentenceStart),
        "extend to the start of the sentence",
    ),
    bind(Visual, "j <Down>", Action::CursorDown, "extend a line down"),
    bind(Visual, "k <Up>", Action::CursorUp, "extend a line up"),
    bind(Visual, "H", Action::Highlight, "highlight the selection"),
    bind(
        Visual,
        "a",
        Action::Annotate,
        "write a note on the selection",
    ),
    bind(
        Visual,
        "R",
        Action::Reattach,
        "re-attach the orphan or approximate (≈) note chosen in the Annotations tab here",
    ),
    bind(Visual, "<Esc> v", Action::Close, "cancel the selection"),
    bind(Visual, "<C-c>", Action::Quit, "quit"),
    bind(Visual, "<C-z>", Action::Suspend, "suspend to the shell"),
    bind(Editor, "<C-s>", Action::SaveNote, "save the note"),
    bind(
        Editor,
        "<C-c>",
        Action::EditorInterrupt,
        "does not quit: says how to save or close",
    ),
    bind(
        Editor,
        "<Esc>",
        Action::Close,
        "close (asks before discarding typed text)",
    ),
    bind(Popup, "j <Down>", Action::LineDown, "scroll down"),
    bind(Popup, "k <Up>", Action::LineUp, "scroll up"),
    bind(
        Popup,
        "<Space> <PgDn>",
        Action::PageDown,
        "scroll down a page",
    ),
    bind(Popup, "b <PgUp>", Action::PageUp, "scroll up a page"),
    bind(Popup, "<Esc> q <Enter> ? <F1>", Action::Close, "close"),
    bind(
        Popup,
        "n",
        Action::SearchNext,
        "next search match (the body, footnotes, sources)",
    ),
    bind(Popup, "N", Action::SearchPrev, "previous search match"),
    bind(Popup, "<C-c>", Action::Quit, "quit"),
    bind(Popup, "<C-z>", Action::Suspend, "suspend to the shell"),
    bind(
        Recommendation,
        "{1-9}",
        Action::Passage(1),
        "go to passage 1–9, its sentence highlighted",
    ),
    bind(Recommendation, "j <Down>", Action::LineDown, "scroll down"),
    bind(Recommendation, "k <Up>", Action::LineUp, "scroll up"),
    bind(
        Recommendation,
        "<Space> <PgDn>",
        Action::PageDown,
        "scroll down a page",
    ),
    bind(
        Recommendation,
        "b <PgUp>",
        Action::PageUp,
        "scroll up a page",
    ),
    bind(Recommendation, "<Esc> q <Enter>", Action::Close, "close"),
    bind(Recommendation, "<C-c>", Action::Quit, "quit"),
    bind(
        Recommendation,
        "<C-z>",
        Action::Suspend,
        "suspend to the shell",
    ),
];

/// Which keys the status bar hints at: a mode, or in reading mode the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hints {
    Reader,
    Outline,
    Side,
    /// The side pane on its Entities tab.
    Entities,
    Visual,
    Search,
    Popup,
    /// The recommendation view.
    Recommendation,
    Editor,
}

/// An action hinted at, with its short word.
pub type Hint = (Action, &'static str);

/// The status bar's key hints: the actions shown, each with a short word; the keys come from
/// [`KEYMAP`], so a hint can never name a key that does something else.
pub const HINTS: &[(Hints, Context, &[Hint])] = &[
    (
        Hints::Reader,
        Normal,
        &[
            (Action::Help, "help"),
            (Action::SearchStart, "search"),
            (Action::NextMarker, "footnote"),
            (Action::Select, "select"),
            (Action::Back, "back"),
            (Action::FocusNext, "panes"),
            (Action::Messages, "messages"),
            (Action::Quit, "quit"),
        ],
    ),
    (
        Hints::Outline,
        Normal,
        &[
            (Action::LineDown, "next"),
            (Action::LineUp, "previous"),
            (Action::Follow, "go to section"),
            (Action::FocusNext, "panes"),
            (Action::Help, "help"),
        ],
    ),
    (
        Hints::Side,
        Normal,
        &[
            (Action::LineDown, "next"),
            (Action::Follow, "follow"),
            (Action::NextTab, "tab"),
            (Action::FocusNext, "panes"),
            (Action::Back, "back"),
            (Action::Help, "help"),
        ],
    ),
    (
        Hints::Entities,
        Normal,
        &[
            (Action::SearchNext, "next mention"),
            (Action::SearchPrev, "previous"),
            (Action::SearchStart, "filter"),
            (Action::ConfirmEntity, "confirm"),
            (Action::DropEntity, "drop"),
            (Action::NextTab, "tab"),
            (Action::Back, "back"),
        ],
    ),
    (
        Hints::Visual,
        Visual,
        &[
            (Action::Cursor(Motion::WordNext), "extend"),
            (Action::Highlight, "highlight"),
            (Action::Annotate, "note"),
            (Action::Close, "cancel"),
        ],
    ),
    (
        Hints::Search,
        Search,
        &[
            (Action::SearchConfirm, "land"),
            (Action::SearchCancel, "back to the start"),
        ],
    ),
    (
        Hints::Popup,
        Popup,
        &[(Action::LineDown, "scroll"), (Action::Close, "close")],
    ),
    (
        Hints::Recommendation,
        Recommendation,
        &[
            (Action::Passage(1), "passage"),
            (Action::LineDown, "scroll"),
            (Action::Close, "close"),
        ],
    ),
    (
        Hints::Editor,
        Editor,
        &[(Action::SaveNote, "save"), (Action::Close, "cancel")],
    ),
];

/// The help screen's sections: every context, in the order shown.
pub const HELP_SECTIONS: &[(Context, &str)] = &[
    (Normal, "Reading"),
    (Visual, "Selecting (v)"),
    (
        Search,
        "Searching (/ searches the text, footnotes and sources; in the Entities and Annotations tabs, / filters the list)",
    ),
    (Popup, "Popups"),
    (
        Recommendation,
        "Recommendation view (Enter on a recommendation)",
    ),
    (Editor, "Writing a note (a)"),
];
