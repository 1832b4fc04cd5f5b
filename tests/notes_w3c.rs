//! W3C Web Annotation export, checked against the W3C test schemas, and the other formats.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use brief::notes::{
    Annotation, Highlight, PassageContext, Target, from_w3c, merge, to_csv, to_markdown, to_w3c,
    to_w3c_paged,
};
use serde_json::{Value, json};

const SCHEMAS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/w3c-annotation-schemas"
);
const DOC_URL: &str = "https://example.org/briefs/2025-09";
const DOC: &str =
    "북한과 러시아의 군사협력이 심화되고 있다.\n\n한국은 대북 \"제재\"를 강화해야 한다.";

/// The schema folder. Tests that use it are ignored when it is missing
/// (see `build.rs`), except in CI, where they fail here.
fn schema_dir() -> PathBuf {
    let dir = PathBuf::from(SCHEMAS);
    assert!(
        dir.join("MANIFEST.tsv").is_file(),
        "{SCHEMAS} is missing: it is required in CI"
    );
    dir
}

/// A highlight only, a Korean note with tags, and a coloured note with markup-like text.
fn sample() -> Vec<Annotation> {
    let target = |s, e| Target::from_document(DOC, s, e).expect("in range");
    vec![
        Annotation::new(target(0, 3), Some(Highlight::Yellow), ""),
        Annotation::new(target(4, 19), None, "협력 심화가 핵심이다. #북러 #안보"),
        Annotation::new(
            target(32, 41),
            Some(Highlight::Pink),
            "\"제재\"의 범위, <검토> 필요 #제재",
        ),
    ]
}

/// The export of a brief with pages: the second paragraph is on page 2, so its annotation
/// also has a `FragmentSelector`, and every W3C assertion below sees one.
fn exported() -> Value {
    let page = |pos: usize| Some(if pos < 24 { 1 } else { 2 });
    to_w3c_paged(
        &sample(),
        "2025-09",
        "2025년 9월 정책 브리프",
        DOC_URL,
        &page,
    )
}

#[test]
fn a_page_is_a_pdf_fragment_refined_by_the_quote() {
    let collection = exported();
    let selectors = items(&collection)[2]["target"]["selector"]
        .as_array()
        .expect("selectors");
    assert_eq!(selectors.len(), 3, "{selectors:?}");
    let page = &selectors[2];
    assert_eq!(page["type"], "FragmentSelector");
    assert_eq!(page["conformsTo"], "http://tools.ietf.org/rfc/rfc3778");
    assert_eq!(page["value"], "page=2");
    assert_eq!(page["refinedBy"], selectors[0], "the quote within the page");
    let plain = to_w3c(&sample(), "2025-09", "브리프", DOC_URL);
    assert_eq!(
        items(&plain)[2]["target"]["selector"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let back = from_w3c(&collection).expect("imports");
    assert_eq!(back[2].target.exact, "\"제재\"를 강화해");
}

fn items(collection: &Value) -> &Vec<Value> {
    collection["first"]["items"]
        .as_array()
        .expect("items array")
}

/// Serves `$ref`s such as `id.json#/definitions/...` from `definitions/`, never the network.
struct LocalDefinitions(PathBuf);

impl jsonschema::Retrieve for LocalDefinitions {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or_default();
        let name = name.split('#').next().unwrap_or_default();
        let text = fs::read_to_string(self.0.join("definitions").join(name))
            .map_err(|e| format!("{uri}: not a local definitions file ({e})"))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// One assertion schema with the JSONtest fields that say how to read its result.
struct Assertion {
    path: String,
    assertion_type: String,
    expect_valid: bool,
    /// `onUnexpectedResult` starts with `fail` (else `pass...`: tolerated).
    fail_on_unexpected: bool,
    validator: jsonschema::Validator,
}

fn load_assertion(dir: &Path, path: &str) -> Assertion {
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(dir.join(path)).expect("schema file"))
            .expect("schema JSON");
    let validator = jsonschema::options()
        .with_base_uri(format!("https://w3c-annotation-schemas.invalid/{path}"))
        .with_retriever(LocalDefinitions(dir.to_path_buf()))
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let field = |key: &str, default: &str| schema[key].as_str().unwrap_or(default).to_owned();
    Assertion {
        path: path.to_owned(),
        assertion_type: field("assertionType", "must"),
        expect_valid: field("expectedResult", "valid") == "valid",
        fail_on_unexpected: field("onUnexpectedResult", "failAndContinue").starts_with("fail"),
        validator,
    }
}

/// What a JSONtest run concluded about one document.
#[derive(Debug, Default)]
struct Outcome {
    /// Assertions whose unexpected result fails the test.
    failed: Vec<String>,
    /// Assertions with an unexpected result the test tolerates (`passAndContinue`, skipFailures).
    tolerated: Vec<String>,
}

/// Run a `.test` file's assertions on each of `docs`, honouring `expectedResult`,
/// `onUnexpectedResult` and the test's `skipFailures`.
fn run_test_file(dir: &Path, test: &str, docs: &[&Value]) -> Vec<Outcome> {
    let spec: Value = serde_json::from_str(&fs::read_to_string(dir.join(test)).expect("test file"))
        .expect("test JSON");
    let skip: Vec<&str> = spec["skipFailures"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut outcomes: Vec<Outcome> = docs.iter().map(|_| Outcome::default()).collect();
    for path in spec["assertions"].as_array().expect("assertions") {
        let path = path
            .as_str()
            .expect("this suite lists assertion files by path");
        let a = load_assertion(dir, path);
        for (doc, outcome) in docs.iter().zip(&mut outcomes) {
            if a.validator.is_valid(doc) == a.expect_valid {
                continue;
            }
            if a.fail_on_unexpected && !skip.contains(&a.assertion_type.as_str()) {
                let errors: Vec<String> = a
                    .validator
                    .iter_errors(doc)
                    .map(|e| e.to_string())
                    .collect();
                outcome
                    .failed
                    .push(format!("{path}: {}", errors.join("; ")));
            } else {
                outcome.tolerated.push(a.path.clone());
            }
        }
    }
    outcomes
}

fn manifest(dir: &Path) -> HashMap<String, String> {
    fs::read_to_string(dir.join("MANIFEST.tsv"))
        .expect("MANIFEST.tsv is readable")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.to_owned(), cols.next()?.to_owned()))
        })
        .collect()
}

#[test]
#[cfg_attr(
    schemas_missing,
    ignore = "../shared/w3c-annotation-schemas is missing"
)]
fn every_exported_annotation_passes_the_w3c_must_assertions() {
    let dir = schema_dir();
    let kinds = manifest(&dir);
    let musts = "tests/annotationMusts.test";
    let spec: Value = serde_json::from_str(&fs::read_to_string(dir.join(musts)).unwrap()).unwrap();
    for path in spec["assertions"].as_array().unwrap() {
        let path = path.as_str().unwrap();
        assert_eq!(
            kinds.get(path).map(String::as_str),
            Some("must"),
            "{path} in MANIFEST.tsv"
        );
    }
    let collection = exported();
    let docs: Vec<&Value> = items(&collection).iter().collect();
    for (item, outcome) in docs.iter().zip(run_test_file(&dir, musts, &docs)) {
        assert!(
            outcome.failed.is_empty(),
            "{}:\n{}",
            item["id"],
            outcome.failed.join("\n")
        );
        assert!(
            outcome.tolerated.is_empty(),
            "musts tolerate nothing: {:?}",
            outcome.tolerated
        );
    }
}

#[test]
#[cfg_attr(
    schemas_missing,
    ignore = "../shared/w3c-annotation-schemas is missing"
)]
fn the_collection_passes_the_w3c_collection_and_page_musts() {
    let dir = schema_dir();
    let collection = exported();
    let musts: Vec<String> = manifest(&dir)
        .into_iter()
        .filter(|(path, kind)| path.starts_with("collections/") && kind == "must")
        .map(|(path, _)| path)
        .collect();
    assert!(musts.len() > 20, "{musts:?}");
    for path in musts {
        let a = load_assertion(&dir, &path);
        assert_eq!(a.validator.is_valid(&collection), a.expect_valid, "{path}");
    }
}

#[test]
#[cfg_attr(
    schemas_missing,
    ignore = "../shared/w3c-annotation-schemas is missing"
)]
fn optional_features_are_recognised_and_bare_highlights_have_no_body() {
    let dir = schema_dir();
    let collection = exported();
    let [bare, note, coloured] = items(&collection).as_slice() else {
        panic!("three items")
    };
    let optionals = "tests/annotationOptionals.test";
    // A bare highlight deliberately has no body: the SHOULD assertion is unmet but tolerated.
    let mut outcomes = run_test_file(&dir, optionals, &[bare, note, coloured]).into_iter();
    let outcome = outcomes.next().unwrap();
    assert!(outcome.failed.is_empty(), "{:?}", outcome.failed);
    assert!(
        outcome
            .tolerated
            .contains(&"annotations/3.1-bodyKeyFound.json".to_owned())
    );
    for outcome in outcomes {
        assert!(outcome.failed.is_empty(), "{:?}", outcome.failed);
        for implemented in [
            "annotations/3.1-bodyKeyFound.json",
            "annotations/3.3.1-annotationCreatedImplemented.json",
            "annotations/3.3.1-annotationModifiedImplemented.json",
            "annotations/3.3.5-annotationSingleMotivationImplemented.json",
            "annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
            "annotations/bodiesTargets/3.2.1-bodySingleLanguage.json",
            "annotations/bodiesTargets/3.2.1-bodySingleFormat.json",
        ] {
            assert!(
                !outcome.tolerated.contains(&implemented.to_owned()),
                "{implemented}"
            );
        }
    }
    for selector in [
        "4.2.4-textQuoteSelector.json",
        "4.2.5-textPositionSelector.json",
    ] {
        let a = load_assertion(&dir, &format!("annotations/specificResource/{selector}"));
        assert!(
            a.validator.is_valid(bare) && a.validator.is_valid(coloured),
            "{selector}"
        );
    }
    let style = load_assertion(&dir, "annotations/4.4-annotationStylesheetImplemented.json");
    assert!(style.validator.is_valid(coloured) && !style.validator.is_valid(note));
}

#[test]
#[cfg_attr(
    schemas_missing,
    ignore = "../shared/w3c-annotation-schemas is missing"
)]
fn the_must_assertions_catch_broken_annotations() {
    let dir = schema_dir();
    let good = items(&exported())[1].clone();
    let mut both_bodies = good.clone();
    both_bodies["bodyValue"] = json!("plain");
    let mut bad_date = good.clone();
    bad_date["created"] = json!("yesterday");
    let mut no_target = good.clone();
    no_target.as_object_mut().unwrap().remove("target");
    let mut bad_context = good;
    bad_context["@context"] = json!("http://example.org/other.jsonld");
    let broken = [&both_bodies, &bad_date, &no_target, &bad_context];
    let outcomes = run_test_file(&dir, "tests/annotationMusts.test", &broken);
    for (doc, outcome) in broken.iter().zip(outcomes) {
        assert!(!outcome.failed.is_empty(), "not caught: {doc}");
    }
}

#[test]
fn export_shape_follows_the_model() {
    let collection = exported();
    assert_eq!(collection["type"], "AnnotationCollection");
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["total"], 3);
    assert_eq!(collection["first"]["type"], "AnnotationPage");
    let [bare, note, _] = items(&collection).as_slice() else {
        panic!("three items")
    };
    assert_eq!(bare["motivation"], "highlighting");
    assert!(
        bare.get("body").is_none(),
        "a bare highlight has no body key"
    );
    assert_eq!(note["motivation"], "commenting");
    assert_eq!(note["body"][0]["language"], "ko");
    assert_eq!(note["body"][0]["purpose"], "commenting");
    assert_eq!(
        note["body"][1],
        json!({"type": "TextualBody", "value": "북러", "purpose": "tagging"})
    );
    assert_eq!(note["target"]["source"], DOC_URL);
    assert_eq!(
        note["target"]["selector"][0]["exact"],
        "러시아의 군사협력이 심화되고"
    );
    assert_eq!(
        note["target"]["selector"][1],
        json!({"type": "TextPositionSelector", "start": 4, "end": 19})
    );
}

#[test]
fn import_round_trips_and_merge_deduplicates() {
    let original = sample();
    let imported = from_w3c(&to_w3c(&original, "2025-09", "브리프", DOC_URL)).unwrap();
    assert_eq!(imported.len(), 3);
    for (a, b) in original.iter().zip(&imported) {
        assert_eq!(
            (&a.id, &a.note, &a.tags, a.colour),
            (&b.id, &b.note, &b.tags, b.colour)
        );
        assert_eq!(
            (&a.target.exact, a.target.start, a.target.end),
            (&b.target.exact, b.target.start, b.target.end)
        );
        assert_eq!((&a.created, &a.modified), (&b.created, &b.modified));
    }
    let mut mine = original.clone();
    assert_eq!(merge(&mut mine, imported.clone()), 0, "same ids");
    let mut renamed = imported;
    renamed
        .iter_mut()
        .for_each(|a| a.id = format!("{}-copy", a.id));
    assert_eq!(merge(&mut mine, renamed), 0, "same quote, start and note");
    let other = Annotation::new(Target::from_document(DOC, 1, 4).unwrap(), None, "새 메모");
    assert_eq!(merge(&mut mine, vec![other.clone(), other]), 1);
    assert_eq!(mine.len(), 4);
}

#[test]
fn import_rejects_what_it_cannot_anchor() {
    assert!(from_w3c(&json!({"hello": 1})).is_err());
    let no_quote = json!({"type": "Annotation", "target": DOC_URL});
    let err = from_w3c(&json!([no_quote])).unwrap_err();
    assert!(err.to_string().contains("annotation 0"), "{err}");
    let page = json!({"type": "AnnotationPage", "items": []});
    assert!(from_w3c(&page).unwrap().is_empty());
}

#[test]
fn csv_has_readwise_columns() {
    let csv = to_csv(&sample(), "9월 브리프", "", DOC_URL);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("Highlight,Title,Author,URL,Note,Location,Location Type,Tags,Date")
    );
    let first = lines.next().expect("a row");
    assert!(
        first.starts_with(&format!("북한과,9월 브리프,,{DOC_URL},,0,order,,")),
        "{first}"
    );
    assert!(
        csv.contains(",\"\"\"제재\"\"의 범위, <검토> 필요 #제재\",32,order,제재,"),
        "{csv}"
    );
}

struct FakeBrief;

impl PassageContext for FakeBrief {
    fn section_title(&self, pos: usize) -> String {
        if pos < 24 {
            "1. 정세".into()
        } else {
            "2. 제언".into()
        }
    }
    fn sources_for(&self, start: usize, _end: usize) -> Vec<String> {
        if start >= 24 {
            vec!["외교부 보도자료 (2025)".into()]
        } else {
            Vec::new()
        }
    }
}

#[test]
fn markdown_groups_by_section_with_sources() {
    let md = to_markdown(&sample(), "9월 브리프", &FakeBrief);
    let expected = "# 9월 브리프\n\n## 1. 정세\n\n> 북한과\n\n> 러시아의 군사협력이 심화되고\n\n\
                    협력 심화가 핵심이다.\n\nTags: #북러 #안보\n\n## 2. 제언\n\n\
                    > \"제재\"를 강화해\n\n\"제재\"의 범위, <검토> 필요\n\nTags: #제재\n\n\
                    Sources:\n\n- 외교부 보도자료 (2025)\n";
    assert_eq!(md, expected);
}

#[test]
fn exports_hold_no_control_characters() {
    use brief::notes::{PassageContext, to_csv, to_markdown};
    struct Plain;
    impl PassageContext for Plain {
        fn section_title(&self, _: usize) -> String {
            "1. 절\u{1b}]0;title\u{7}".into()
        }
        fn sources_for(&self, _: usize, _: usize) -> Vec<String> {
            vec!["출처\u{9b}31m\u{202e}".into()]
        }
    }
    let doc = "북한과 러시아의 군사협력이 심화되고 있다.";
    let target = brief::notes::Target::from_document(doc, 0, 3).unwrap();
    let mut a = brief::notes::Annotation::new(target, None, "메모");
    a.note = "메모\u{1b}]52;c;ZXZpbA==\u{7}\u{90}q\u{9c}\u{85}\u{7}\u{202e}끝".into();
    a.target.exact = "북한과\u{1b}[2J".into();
    let hostile = |c: char| {
        (c.is_control() && c != '\n' && c != '\r') || ('\u{202a}'..='\u{202e}').contains(&c)
    };
    let md = to_markdown(std::slice::from_ref(&a), "제목\u{7}", &Plain);
    assert!(!md.chars().any(hostile), "{md:?}");
    assert!(md.contains("메모") && md.contains("끝"), "{md}");
    let csv = to_csv(
        std::slice::from_ref(&a),
        "제목\u{1b}[31m",
        "저자\u{85}",
        "urn:x",
    );
    assert!(!csv.chars().any(hostile), "{csv:?}");
    assert!(!csv.replace("\r\n", "\n").contains('\r'));
}

#[test]
fn import_refuses_huge_offsets_and_other_documents() {
    let v = serde_json::json!({
        "type": "Annotation",
        "id": "urn:uuid:1",
        "bodyValue": "메모\u{9b}31m\u{202e}",
        "target": {
            "source": "urn:brief:other",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "북한과"},
                {"type": "TextPositionSelector", "start": 18_446_744_073_709_551_610_u64, "end": 18_446_744_073_709_551_615_u64}
            ]
        }
    });
    let list = brief::notes::from_w3c(&v).unwrap();
    assert_eq!(
        list[0].target.start, 0,
        "an offset near 2^64 is ignored, not wrapped"
    );
    assert!(list[0].target.end >= list[0].target.start);
    assert_eq!(list[0].note, "메모");
    assert_eq!(
        brief::notes::foreign_sources(&v, "urn:brief:2025-09"),
        ["urn:brief:other"]
    );
    assert!(brief::notes::foreign_sources(&v, "urn:brief:other").is_empty());
}
