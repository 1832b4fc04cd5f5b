//! Times the import stages of the built-in brief (a rough profile; the
//! criterion benches are the figures to quote).

use std::time::Instant;

use brief::brief::import::{classify, furniture, header, notes, source};
use brief::brief::load;

/// `import_profile repeat N`: only N whole imports after one warm-up
/// (for callgrind, where one-time set-up would drown the per-import cost).
fn repeat(n: u32) {
    let _ = load::builtin();
    let (t, cpu) = (Instant::now(), cpu_ticks());
    for _ in 0..n {
        let _ = std::hint::black_box(load::builtin());
    }
    println!("whole import: {:?}", t.elapsed() / n.max(1));
    // CPU time is what a loaded machine's wall clock hides (ticks of 10 ms).
    if let (Some(a), Some(b)) = (cpu, cpu_ticks()) {
        println!(
            "whole import, CPU time: {:.2} ms",
            (b - a) as f64 * 10.0 / f64::from(n.max(1))
        );
    }
}

/// User and system CPU time of this process, in clock ticks (Linux).
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
    Some(tick(11)? + tick(12)?)
}

/// `import_profile files FILE…`: each file imported 20 times after one warm-up.
fn files(paths: &[String]) {
    let overlay = brief::brief::overlay::Overlay::builtin().expect("overlay");
    let _ = load::builtin();
    for path in paths {
        let Ok(bytes) = std::fs::read(path) else {
            println!("{path}: unreadable");
            continue;
        };
        let t = Instant::now();
        for _ in 0..20 {
            let _ = std::hint::black_box(load::load(&bytes, path, &overlay, "overlay"));
        }
        println!("{path}: {:?}", t.elapsed() / 20);
    }
}

/// `import_profile lines FILE.pdf`: the PDF's lines as the pipeline gets them.
fn pdf_lines(paths: &[String]) {
    use brief::brief::import::pdf;
    for path in paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(lines) = pdf::lines(&bytes) else {
            continue;
        };
        for l in pdf::blank_lines_at_gaps(pdf::superscript_markers(lines)) {
            let h = l.layout.unwrap_or_default();
            println!(
                "{:>4} p{:?} y{:>6.1} x{:>5.1} s{:>4.1} {}",
                l.number, l.page, h.y, h.x, h.font_size, l.text
            );
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("repeat") => {
            repeat(args.get(2).and_then(|n| n.parse().ok()).unwrap_or(20));
            return;
        }
        Some("lines") => {
            pdf_lines(&args[2..]);
            return;
        }
        Some("files") => {
            files(&args[2..]);
            return;
        }
        _ => {}
    }
    let raw = load::DEFAULT_BRIEF;
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        let _ = load::builtin();
    }
    println!("whole import: {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let lines = source::text_lines(raw);
        let (rows, _) = furniture::strip(&lines);
        let head = header::parse(&rows);
        let found = notes::extract(rows[head.body_starts..].to_vec());
        let _ = classify::classify(&found.rows, &[]);
    }
    println!("lines to blocks: {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let lines = source::text_lines(raw);
        let _ = furniture::strip(&lines);
    }
    println!("lines and furniture: {:?}", t.elapsed() / n);
    let lines = source::text_lines(raw);
    let (rows, _) = furniture::strip(&lines);
    let t = Instant::now();
    for _ in 0..n {
        let _ = header::parse(&rows);
    }
    println!("header: {:?}", t.elapsed() / n);
    let head = header::parse(&rows);
    let t = Instant::now();
    for _ in 0..n {
        let _ = notes::extract(rows[head.body_starts..].to_vec());
    }
    println!("notes: {:?}", t.elapsed() / n);
    let found = notes::extract(rows[head.body_starts..].to_vec());
    let t = Instant::now();
    for _ in 0..n {
        let _ = classify::classify(&found.rows, &[]);
    }
    println!("classify: {:?}", t.elapsed() / n);
    let (b, _) = load::builtin().expect("the built-in brief");
    let gazetteer = brief::brief::import::enrich::Gazetteer::builtin();
    let t = Instant::now();
    for _ in 0..n {
        let _ = brief::brief::import::enrich::entities(&b, gazetteer);
    }
    println!("enrich entities: {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let _ = brief::brief::import::enrich::recommendations(&b);
    }
    println!("enrich recommendations: {:?}", t.elapsed() / n);
    let overlay = brief::brief::overlay::Overlay::builtin().expect("overlay");
    let t = Instant::now();
    for _ in 0..n {
        let _ = brief::brief::overlay::Overlay::builtin();
    }
    println!("overlay parse: {:?}", t.elapsed() / n);
    let _ = overlay;
}
