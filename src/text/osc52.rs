//! OSC 52: text for the system clipboard, sent through the terminal (`ESC ] 52 ; c ; <base64>
//! BEL`). Terminals that do not allow it ignore the sequence, so the text is shown as well.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Terminals cap what they accept (xterm's default is about 100 kB of base64); past this the
/// text is not sent at all rather than cut in the middle of a character.
pub const MAX_BYTES: usize = 74_000;

/// The escape sequence that puts `text` on the clipboard, or `None` when it is too long. Inside
/// tmux (`in_tmux`), the sequence is wrapped in tmux's passthrough so it reaches the outer
/// terminal even where tmux's own `set-clipboard` is off.
pub fn copy(text: &str, in_tmux: bool) -> Option<String> {
    if text.len() > MAX_BYTES {
        return None;
    }
    let sequence = format!("\u{1b}]52;c;{}\u{7}", STANDARD.encode(text));
    if !in_tmux {
        return Some(sequence);
    }
    // tmux passes through `ESC P tmux; … ESC \`, with each ESC inside doubled.
    Some(format!(
        "\u{1b}Ptmux;{}\u{1b}\\",
        sequence.replace('\u{1b}', "\u{1b}\u{1b}")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_utf8_as_base64_between_osc_52_and_bel() {
        assert_eq!(copy("hi", false).as_deref(), Some("\u{1b}]52;c;aGk=\u{7}"));
        // "이상준" is nine UTF-8 bytes: three base64 quads, no padding.
        assert_eq!(
            copy("이상준", false).as_deref(),
            Some("\u{1b}]52;c;7J207IOB7KSA\u{7}")
        );
    }

    #[test]
    fn tmux_gets_a_passthrough_with_doubled_escapes() {
        assert_eq!(
            copy("hi", true).as_deref(),
            Some("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aGk=\u{7}\u{1b}\\")
        );
    }

    #[test]
    fn nothing_past_the_limit() {
        assert!(copy(&"가".repeat(MAX_BYTES), false).is_none());
        assert!(copy(&"a".repeat(MAX_BYTES), false).is_some());
    }
}
