//! Citations in parentheses in the corpus (`(조선중앙통신, 2024.12.27.)`):
//! each one the keys list is a source linked to the paragraph that cites
//! it, in the text and the PDF, and no other parenthesis becomes a source.

mod common;

use brief::brief::Brief;
use brief::brief::load;
use brief::brief::overlay::Overlay;
use common::corpus;

fn import(name: &str, pdf: bool) -> Brief {
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    let (file, bytes) = if pdf {
        let path = corpus::dir().join(format!("pdf/{name}.pdf"));
        (
            format!("{name}.pdf"),
            std::fs::read(path).expect("the PDF reads"),
        )
    } else {
        (format!("{name}.txt"), corpus::text(name).into_bytes())
    };
    load::load(&bytes, &file, &overlay, "overlay")
        .unwrap_or_else(|e| panic!("{file} does not open: {e}"))
        .0
}

/// The key's citations, as printed (`(outlet, date)`), without its remarks.
fn listed(name: &str) -> Vec<String> {
    corpus::key(name)["citations_in_parentheses"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|c| c.as_str())
                .map(|c| c.trim_end_matches(" (twice)").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn check(name: &str, pdf: bool) -> usize {
    let b = import(name, pdf);
    let key = listed(name);
    let cited: Vec<_> = b
        .sources
        .iter()
        .filter(|s| !s.paragraphs.is_empty())
        .collect();
    for s in &cited {
        let outlet = &s.outlet;
        let printed = key.iter().find(|c| c.starts_with(&format!("({outlet}, ")));
        assert!(
            printed.is_some(),
            "{name}: {outlet:?} is not a citation of the key"
        );
        for id in &s.paragraphs {
            let p = b
                .paragraphs()
                .find(|p| p.id == *id)
                .expect("the paragraph exists");
            assert!(
                p.text.contains(&format!("({outlet},")),
                "{name}: {id} does not cite {outlet}"
            );
        }
    }
    for c in &key {
        let found = cited.iter().any(|s| {
            let date = s.date.as_deref().unwrap_or_default().replace('-', ".");
            let year_month = date.split('.').take(2).collect::<Vec<_>>().join(".");
            let squashed = c.replace(". ", ".").replace(".0", ".");
            c.starts_with(&format!("({}, ", s.outlet))
                && squashed.contains(&year_month.replace(".0", "."))
        });
        assert!(found, "{name}: {c} is not a source");
    }
    cited.len()
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn the_keys_citations_are_sources_and_nothing_else_is() {
    let mut total = 0;
    for name in corpus::names() {
        total += check(&name, false);
        total += check(&name, true);
    }
    assert!(total >= 12, "{total} citations in parentheses found");
}
