//! Tells the tests what this machine lacks, so that a test which cannot run
//! here is listed as ignored with the reason instead of passing without
//! running. Under `CI=true` nothing is marked: every test runs, and a
//! missing tool or corpus fails it.
//! - `no_tmux`: tmux is not installed (the end-to-end tests need it);
//! - `corpus_missing`: the shared test corpus `../shared/briefs` is absent;
//! - `schemas_missing`: the W3C Web Annotation test schemas are absent.
//!
//! It also fingerprints the importer's sources (`BRIEF_IMPORTER_FINGERPRINT`):
//! a brief imported by another importer is never read back from the cache.

use std::path::PathBuf;

/// The folders and files whose content decides what an import produces.
const IMPORTER_SOURCES: &[&str] = &[
    "src/brief/import",
    "src/brief/model.rs",
    "src/brief/message.rs",
    "src/brief/validate.rs",
    "src/text",
    "assets/gazetteer.json",
];

/// Every file under `path`, sorted, so the fingerprint does not depend on
/// the order the file system lists them in.
fn files_under(path: &std::path::Path, out: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> =
                entries.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                files_under(&p, out);
            }
        }
        Err(_) if path.is_file() => out.push(path.to_path_buf()),
        Err(_) => {}
    }
}

/// FNV-1a over the names and contents of the importer's sources.
fn importer_fingerprint() -> String {
    let mut files = Vec::new();
    for source in IMPORTER_SOURCES {
        println!("cargo::rerun-if-changed={source}");
        files_under(std::path::Path::new(source), &mut files);
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let name = file.to_string_lossy().into_owned().into_bytes();
        let bytes = std::fs::read(&file).unwrap_or_default();
        for b in name.iter().chain(&bytes) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn main() {
    println!(
        "cargo::rustc-env=BRIEF_IMPORTER_FINGERPRINT={}",
        importer_fingerprint()
    );
    println!("cargo::rustc-check-cfg=cfg(no_tmux)");
    println!("cargo::rustc-check-cfg=cfg(corpus_missing)");
    println!("cargo::rustc-check-cfg=cfg(schemas_missing)");
    println!("cargo::rerun-if-changed=../shared/w3c-annotation-schemas");
    println!("cargo::rerun-if-env-changed=PATH");
    // The message catalogues are compiled in by a macro that cargo cannot see read them.
    println!("cargo::rerun-if-changed=assets/locales");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-changed=../shared/briefs");
    let ci = std::env::var("CI").as_deref() == Ok("true");
    let candidates: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join("tmux")).collect())
        .unwrap_or_default();
    let found = candidates.iter().find(|c| c.is_file());
    match found {
        Some(tmux) => println!("cargo::rerun-if-changed={}", tmux.display()),
        // Installing tmux changes one of these folders.
        None => candidates
            .iter()
            .filter_map(|c| c.parent())
            .filter(|d| d.is_dir())
            .for_each(|d| println!("cargo::rerun-if-changed={}", d.display())),
    }
    if found.is_none() && !ci {
        println!("cargo::rustc-cfg=no_tmux");
    }
    if !std::path::Path::new("../shared/briefs").is_dir() && !ci {
        println!("cargo::rustc-cfg=corpus_missing");
    }
    if !std::path::Path::new("../shared/w3c-annotation-schemas/MANIFEST.tsv").is_file() && !ci {
        println!("cargo::rustc-cfg=schemas_missing");
    }
}
