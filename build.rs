//! Tells the tests what this machine lacks, so that a test which cannot run
//! here is listed as ignored with the reason instead of passing without
//! running. Under `CI=true` nothing is marked: every test runs, and a
//! missing tool or corpus fails it.
//! - `no_tmux`: tmux is not installed (the end-to-end tests need it);
//! - `corpus_missing`: the shared test corpus `../shared/briefs` is absent;
//! - `schemas_missing`: the W3C Web Annotation test schemas are absent.

use std::path::PathBuf;

fn main() {
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
