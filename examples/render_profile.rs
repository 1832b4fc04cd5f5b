//! Renders one-line scrolls at a size as the loop draws them (the last frame
//! kept for scrolling in place, escapes written to a sink), for profiling the
//! frame path: `render_profile [KEYS] [WIDTH] [HEIGHT] [focus]` (1200 j at
//! 200x50; `focus`: in focus mode, the text alone at full width).
use ratatui::Terminal;

fn main() {
    let arg = |n: usize, default: usize| {
        std::env::args()
            .nth(n)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (keys, w, h) = (arg(1, 1200), arg(2, 200) as u16, arg(3, 50) as u16);
    let (brief, _) = brief::brief::load::builtin().expect("brief");
    let mut app = brief::app::App::new(brief::brief::Index::new(brief), w, h);
    if std::env::args().nth(4).as_deref() == Some("focus") {
        app.type_keys("z");
    }
    let backend = brief::tui::backend::WideBackend::new(std::io::sink());
    let mut t = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
        },
    )
    .expect("terminal");
    let mut last = brief::tui::scroll::LastFrame::default();
    let mut down = true;
    let start = std::time::Instant::now();
    for _ in 0..keys {
        if app.top() >= app.max_top() || app.top() == 0 {
            down = app.top() == 0;
        }
        app.type_keys(if down { "j" } else { "k" });
        last.draw(&mut t, &mut app).expect("draw");
        last.prepare(&app);
    }
    let per_key = start.elapsed().as_secs_f64() * 1e6 / keys as f64;
    let (drawn, copied) = brief::ui::kept::counts();
    println!(
        "{keys} keys at {w}x{h}: {per_key:.0} µs per key ({drawn} panes drawn, {copied} copied)"
    );
}
