//! Tells the tests whether the shared test corpus is beside the project:
//! without it the corpus tests are ignored (with the reason), except in CI,
//! where they run and fail.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(corpus_missing)");
    println!("cargo::rerun-if-changed=../shared/briefs");
    println!("cargo::rerun-if-env-changed=CI");
    let present = std::path::Path::new("../shared/briefs").is_dir();
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if !present && !ci {
        println!("cargo::rustc-cfg=corpus_missing");
    }
}
