//! Renders 200 one-line scrolls at 200x50, for profiling the frame path.
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let (brief, _) = brief::brief::load::builtin().expect("brief");
    let mut app = brief::app::App::new(brief::brief::Index::new(brief), 200, 50);
    let mut t = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    for _ in 0..200 {
        app.type_keys("j");
        t.draw(|f| {
            brief::ui::draw(&app, f);
        })
        .expect("draw");
    }
}
