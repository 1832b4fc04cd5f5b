//! The command line through the real binary: search, dump, check, help.

use std::collections::HashSet;
use std::process::{Command, Output};

use serde_json::Value;

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        // English messages, and no config file of the user's.
        .env("LC_ALL", "C.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent/brief-tests")
        .output()
        .expect("the brief binary runs")
}

fn stdout_ok(args: &[&str]) -> String {
    let out = brief(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "brief {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_ok(args)).expect("stdout is JSON")
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    k.sort_unstable();
    k
}

fn has_keys(v: &Value, expected: &[&str], what: &str) {
    let k = keys(v);
    for e in expected {
        assert!(k.contains(e), "{what} lacks `{e}`: {k:?}");
    }
}

#[test]
fn search_json_lists_hits() {
    let hits = json(&["search", "ㅂㄹ", "--json"]);
    let hits = hits.as_array().expect("a JSON array");
    assert!(hits.len() >= 50);
    for h in hits {
        let want: &[&str] = match h["in"].as_str() {
            Some("body") => &["end", "in", "paragraph", "snippet", "start"],
            Some("footnote") => &["end", "footnote", "in", "snippet", "start"],
            Some("source") => &["end", "field", "in", "snippet", "source", "start"],
            other => panic!("a hit in {other:?}"),
        };
        assert_eq!(keys(h), want);
        let (start, end) = (
            h["start"].as_u64().expect("start"),
            h["end"].as_u64().expect("end"),
        );
        assert!(start < end);
    }
    assert!(
        hits.iter()
            .any(|h| h["snippet"].as_str().is_some_and(|s| s.contains("북러")))
    );
}

#[test]
fn search_by_alias_prints_korean_passages() {
    let out = stdout_ok(&["search", "Lavrov"]);
    assert!(out.contains("라브로프"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("p1:")), "{out}");
    let none = stdout_ok(&["search", "양자컴퓨터"]);
    assert!(none.contains("0 match"), "{none}");
}

#[test]
fn search_in_a_file() {
    let out = stdout_ok(&[
        "search",
        "tests/fixtures/second_brief.txt",
        "카자흐스탄",
        "--json",
    ]);
    let hits: Value = serde_json::from_str(&out).expect("JSON");
    assert!(hits.as_array().is_some_and(|a| a.len() >= 5));
}

#[test]
fn dump_json_has_the_documented_schema() {
    let dump = json(&["dump", "--format", "json"]);
    has_keys(
        &dump,
        &[
            "meta",
            "summary",
            "sections",
            "footnotes",
            "sources",
            "entities",
            "claims",
            "unsourced_claims",
            "recommendations",
        ],
        "dump",
    );
    has_keys(
        &dump["meta"],
        &["series", "number", "title", "author", "affiliation", "date"],
        "meta",
    );
    has_keys(&dump["summary"][0], &["id", "text"], "summary point");
    let section = &dump["sections"][1];
    has_keys(
        section,
        &["id", "number", "title", "level", "paragraphs"],
        "section",
    );
    has_keys(
        &section["paragraphs"][0],
        &["id", "text", "footnotes"],
        "paragraph",
    );
    has_keys(
        &dump["footnotes"][0],
        &["number", "text", "sources", "claims"],
        "footnote",
    );
    has_keys(
        &dump["sources"][0],
        &["id", "outlet", "title", "date", "url", "lang", "footnotes"],
        "source",
    );
    has_keys(
        &dump["entities"][0],
        &["id", "kind", "name", "aliases", "mentions"],
        "entity",
    );
    has_keys(
        &dump["entities"][0]["mentions"][0],
        &["start", "end"],
        "mention",
    );
    has_keys(
        &dump["claims"][0],
        &["paragraph", "text", "footnotes"],
        "claim",
    );
    has_keys(
        &dump["unsourced_claims"][0],
        &["paragraph", "text", "footnotes"],
        "unsourced claim",
    );
    has_keys(
        &dump["recommendations"][0],
        &[
            "id",
            "title",
            "actor",
            "condition",
            "area",
            "text",
            "paragraphs",
        ],
        "recommendation",
    );
    let levels: HashSet<u64> = dump["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["level"].as_u64())
        .collect();
    assert_eq!(levels, HashSet::from([1, 2]));
}

#[test]
fn dump_json_links_all_resolve() {
    let dump = json(&["dump", "--format", "json"]);
    let list = |k: &str| dump[k].as_array().cloned().unwrap_or_default();
    let mut paragraphs: HashSet<String> = list("summary")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .map(str::to_string)
        .collect();
    for s in list("sections") {
        for p in s["paragraphs"].as_array().expect("paragraphs") {
            assert!(
                paragraphs.insert(p["id"].as_str().expect("id").to_string()),
                "paragraph ids are unique"
            );
        }
    }
    let footnotes: HashSet<u64> = list("footnotes")
        .iter()
        .filter_map(|f| f["number"].as_u64())
        .collect();
    let sources: HashSet<&str> = dump["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    for f in list("footnotes") {
        let n = f["number"].as_u64().expect("number");
        for s in strs(&f["sources"]) {
            assert!(sources.contains(s), "footnote {n}: source {s}");
            let src = dump["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .find(|x| x["id"] == s)
                .expect("source");
            assert!(
                src["footnotes"]
                    .as_array()
                    .expect("footnotes")
                    .iter()
                    .any(|x| x.as_u64() == Some(n)),
                "{s} lists footnote {n}"
            );
        }
        for p in strs(&f["claims"]) {
            assert!(paragraphs.contains(p), "footnote {n}: claim paragraph {p}");
        }
    }
    for s in list("sources") {
        for n in s["footnotes"].as_array().expect("footnotes") {
            assert!(
                footnotes.contains(&n.as_u64().expect("n")),
                "source {}: footnote {n}",
                s["id"]
            );
        }
    }
    for c in list("claims").iter().chain(&list("unsourced_claims")) {
        assert!(
            paragraphs.contains(c["paragraph"].as_str().expect("paragraph")),
            "claim {c}"
        );
        for n in c["footnotes"].as_array().expect("footnotes") {
            assert!(
                footnotes.contains(&n.as_u64().expect("n")),
                "claim cites {n}"
            );
        }
    }
    for r in list("recommendations") {
        assert!(
            !strs(&r["paragraphs"]).is_empty(),
            "recommendation {} has passages",
            r["id"]
        );
        for p in strs(&r["paragraphs"]) {
            assert!(
                paragraphs.contains(p),
                "recommendation {}: paragraph {p}",
                r["id"]
            );
        }
    }
    for e in list("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            match (m["paragraph"].as_str(), m["footnote"].as_u64()) {
                (Some(p), _) => {
                    assert!(paragraphs.contains(p), "entity {}: paragraph {p}", e["id"])
                }
                (None, Some(n)) => {
                    assert!(footnotes.contains(&n), "entity {}: footnote {n}", e["id"])
                }
                _ => panic!("entity {}: a mention without a place", e["id"]),
            }
        }
    }
}

#[test]
fn dump_fed_back_checks_and_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dump.json");
    let dump = stdout_ok(&["dump", "--format", "json"]);
    std::fs::write(&path, &dump).expect("write the dump");
    let file = path.to_str().expect("a UTF-8 path");
    let check = stdout_ok(&["check", file]);
    assert!(check.starts_with("ok:"), "{check}");
    assert_eq!(
        stdout_ok(&["dump", file, "--format", "json"]),
        dump,
        "JSON -> JSON is the identity"
    );
    assert!(stdout_ok(&["search", file, "Lavrov"]).contains("라브로프"));
}

#[test]
fn dump_text_and_markdown() {
    let text = stdout_ok(&["dump", "--format", "text"]);
    assert!(text.starts_with("2025년 북러 관계 전망과 한국의 대응"));
    assert!(text.contains("강조하였다.¹"), "markers are put back");
    let md = stdout_ok(&["dump", "--format", "markdown"]);
    assert!(md.starts_with("# 2025년 북러 관계 전망과 한국의 대응"));
    assert!(md.contains("강조하였다.[^1]") && md.contains("[^25]: "));
}

#[test]
fn help_and_version() {
    let help = stdout_ok(&["--help"]);
    for word in ["check", "dump", "search", "--overlay"] {
        assert!(help.contains(word), "--help mentions {word}: {help}");
    }
    let version = stdout_ok(&["--version"]);
    assert_eq!(
        version.trim(),
        format!("brief {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(stdout_ok(&["search", "--help"]).contains("--json"));
}

/// `brief dump | head`: the reader of the pipe stops early; brief exits 0 without a word.
/// (The JSON dump is far larger than a pipe's buffer, so its writes meet the closed pipe.)
#[test]
fn dump_into_a_closed_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    for format in ["json", "text", "markdown"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["dump", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("brief runs");
        let mut out = child.stdout.take().expect("stdout");
        let mut head = [0u8; 16];
        out.read_exact(&mut head).expect("the first bytes");
        drop(out);
        let done = child.wait_with_output().expect("brief ends");
        assert!(done.status.success(), "{format}: {:?}", done.status);
        assert!(
            done.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
}
