//! Marks the build `no_tmux` when tmux is missing (outside CI), so the
//! end-to-end tests are listed as ignored with the reason instead of
//! passing without running. Under `CI=true` they always run.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_tmux)");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=CI");
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
    if found.is_none() && std::env::var("CI").as_deref() != Ok("true") {
        println!("cargo::rustc-cfg=no_tmux");
    }
}
