//! Reader costs per frame: first frame, a one-line scroll, a search keystroke.

use brief::app::App;
use brief::brief::{Index, load};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), width, height)
}

fn frames(c: &mut Criterion) {
    c.bench_function("startup_to_first_frame_120x40", |b| {
        b.iter(|| {
            let a = app(120, 40);
            let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            t.draw(|f| {
                brief::ui::draw(&a, f);
            })
            .expect("draw");
        })
    });
    let mut a = app(120, 40);
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut down = true;
    c.bench_function("keystroke_j_to_frame_120x40", |b| {
        b.iter(|| {
            if a.top() >= a.max_top() || a.top() == 0 {
                down = a.top() == 0;
            }
            a.type_keys(if down { "j" } else { "k" });
            t.draw(|f| {
                brief::ui::draw(&a, f);
            })
            .expect("draw");
        })
    });
    let mut s = app(120, 40);
    s.type_keys("/북");
    c.bench_function("search_two_keystrokes_to_frames_120x40", |b| {
        b.iter(|| {
            s.type_keys("러");
            t.draw(|f| {
                brief::ui::draw(&s, f);
            })
            .expect("draw");
            s.type_keys("<Backspace>");
            t.draw(|f| {
                brief::ui::draw(&s, f);
            })
            .expect("draw");
        })
    });
    let mut n = app(120, 40);
    let document = n.notes().document.clone();
    let len = document.chars().count();
    let list = (0..1000)
        .map(|i| {
            let start = (i * 13) % (len - 20);
            let target =
                brief::notes::Target::from_document(&document, start, start + 8).expect("target");
            brief::notes::Annotation::new(
                target,
                Some(brief::notes::Highlight::Yellow),
                "note #tag",
            )
        })
        .collect();
    n.attach_notes(list);
    c.bench_function("keystroke_j_to_frame_1000_annotations", |b| {
        b.iter(|| {
            n.type_keys(if n.top() >= 200 { "g" } else { "j" });
            t.draw(|f| {
                brief::ui::draw(&n, f);
            })
            .expect("draw");
        })
    });
}

/// One `j` (or `k` at the ends) and its frame at a size, drawn as the loop
/// draws it: with the side panes, and in focus mode scrolling in place.
fn keystrokes(c: &mut Criterion) {
    for (w, h) in [(80, 24), (200, 50)] {
        for (name, setup) in [("panes", ""), ("focus_mode", "z")] {
            let mut a = app(w, h);
            a.type_keys(setup);
            let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            let mut last = brief::tui::scroll::LastFrame::default();
            let mut down = true;
            c.bench_function(&format!("keystroke_j_to_frame_{name}_{w}x{h}"), |b| {
                b.iter(|| {
                    if a.top() >= a.max_top() || a.top() == 0 {
                        down = a.top() == 0;
                    }
                    a.type_keys(if down { "j" } else { "k" });
                    last.draw(&mut t, &mut a).expect("draw");
                })
            });
        }
    }
}

criterion_group!(benches, frames, keystrokes);
criterion_main!(benches);
