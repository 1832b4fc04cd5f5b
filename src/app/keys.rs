//! Key strings for tests and scripts: `"]f<Enter>/SWIFT<Enter><C-o>"`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn named(name: &str) -> Option<KeyEvent> {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match name {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "S-Tab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "Backspace" => plain(KeyCode::Backspace),
        "Space" => plain(KeyCode::Char(' ')),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PgUp" => plain(KeyCode::PageUp),
        "PgDn" => plain(KeyCode::PageDown),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        _ if name.starts_with('F') => {
            let n = name[1..]
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=12).contains(n))?;
            plain(KeyCode::F(n))
        }
        _ => {
            let c = name.strip_prefix("C-")?.chars().next()?;
            Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
        }
    }
}

/// Parse a key string: plain characters, and `<Name>` for named keys.
pub fn parse(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>').filter(|e| *e > 1)
            && let Some(k) = named(&rest[1..end])
        {
            out.push(k);
            rest = &rest[end + 1..];
            continue;
        }
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_named_and_plain() {
        let k = parse("]f<Enter><C-o>/푸<");
        assert_eq!(k.len(), 7);
        assert_eq!(k[2].code, KeyCode::Enter);
        assert_eq!(
            k[3],
            KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL)
        );
        assert_eq!(k[6].code, KeyCode::Char('<'));
    }
}
