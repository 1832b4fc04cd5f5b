//! Everything the user can ask of the reader.

/// One thing to do, produced by the keymap or the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move down one line (the reader scrolls; a list moves its selection).
    LineDown,
    /// Move up one line.
    LineUp,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Go to the beginning.
    Top,
    /// Go to the end.
    Bottom,
    /// Go that many percent into the text (the count typed before `%`).
    Percent(usize),
    /// Go to the next section heading.
    NextSection,
    /// Go to the previous section heading.
    PrevSection,
    /// Put the marker cursor on the next footnote marker.
    NextMarker,
    /// Put the marker cursor on the previous footnote marker.
    PrevMarker,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Show the next tab of the side pane.
    NextTab,
    /// Show the previous tab of the side pane.
    PrevTab,
    /// Follow what is selected: open a marker's footnote, jump to an item.
    Follow,
    /// Go back in the jump history.
    Back,
    /// Go forward in the jump history.
    Forward,
    /// Set mark `a`–`z` at the reading position.
    SetMark(char),
    /// Jump to mark `a`–`z`.
    JumpMark(char),
    /// Start an incremental search.
    SearchStart,
    /// Go to the next search match.
    SearchNext,
    /// Go to the previous search match.
    SearchPrev,
    /// Type a character into the search.
    SearchChar(char),
    /// Delete the last character of the search.
    SearchBackspace,
    /// Land on the current match.
    SearchConfirm,
    /// Abandon the search and return to where it started.
    SearchCancel,
    /// Highlight named entities in the text (toggle).
    ToggleEntities,
    /// Flag claims stating figures without a source (toggle).
    ToggleUnsourced,
    /// Focus mode: the reading pane alone at full width, side panes hidden (toggle).
    ToggleFocusMode,
    /// Show the help screen with every key.
    Help,
    /// Show every message the status bar has shown.
    Messages,
    /// Show what the importer doubted about this brief (its warnings).
    Warnings,
    /// Close the popup, help or search; clear the marker cursor.
    Close,
    /// Quit the reader.
    Quit,
    /// Suspend the reader to the shell (Ctrl-Z); `fg` brings it back.
    Suspend,
    /// Move the reading cursor (the selection follows it while selecting).
    Cursor(super::cursor::Motion),
    /// Move the cursor a line down (selecting).
    CursorDown,
    /// Move the cursor a line up (selecting).
    CursorUp,
    /// Start a selection at the cursor (`v`); again, or Esc, cancels it.
    Select,
    /// Highlight the selection, or change the colour of the annotation under the cursor.
    Highlight,
    /// Write a note on the selection, or edit the note under the cursor.
    Annotate,
    /// Edit the annotation under the cursor, else move to the end of the word.
    EditOrWordEnd,
    /// Delete the annotation under the cursor.
    DeleteAnnotation,
    /// Bring back the last deleted annotation.
    Undo,
    /// Re-attach the orphan selected in the Annotations tab to the selection.
    Reattach,
    /// Accept where an approximately re-anchored annotation now sits.
    AcceptAnchor,
    /// Put the cursor on the next annotation.
    NextAnnotation,
    /// Put the cursor on the previous annotation.
    PrevAnnotation,
    /// In the recommendation view: go to passage 1–9, its sentence highlighted.
    Passage(u8),
    /// Keep a name the import was unsure of with the others (Entities tab).
    ConfirmEntity,
    /// Hide a name the import was unsure of (Entities tab).
    DropEntity,
    /// Copy the citation of the passage under the reading cursor (OSC 52) and show it.
    Cite,
    /// Open the export dialog: a format, then a file to write the annotations to.
    Export,
    /// Save the note being written (Ctrl-S in the editor).
    SaveNote,
    /// Ctrl-C while writing a note: never quits, says how to save or close instead.
    EditorInterrupt,
    /// Mouse drag to the cell (x, y): selects text in the reader.
    Drag { x: u16, y: u16 },
    /// Mouse wheel over the cell (x, y): positive scrolls down.
    Wheel { x: u16, y: u16, down: bool },
    /// Double click on the cell (x, y): selects the word there.
    DoubleClick { x: u16, y: u16 },
    /// Triple click on the cell (x, y): selects the sentence there.
    TripleClick { x: u16, y: u16 },
    /// Mouse click on the cell (x, y).
    Click { x: u16, y: u16 },
    /// The terminal is now this size.
    Resize { width: u16, height: u16 },
}
