#[test]
fn show() {
    let raw = std::fs::read_to_string("tests/fixtures/second_brief.txt").unwrap();
    let o = brief::brief::overlay::Overlay::builtin().unwrap();
    let (b, r) = brief::brief::import::import(&raw, "x", &o, "content/overlay.json").unwrap();
    for j in &r.joins { println!("{} {:?}", j.line, j.joined()); }
    println!("{}", r.hanja_repairs);
    for c in &b.claims { println!("C {:?} {}", c.footnotes, c.text); }
}
