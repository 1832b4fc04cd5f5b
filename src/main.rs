//! `brief`: parse arguments, load, run; errors are printed after the
//! terminal is restored.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = brief::cli::Cli::parse();
    if let Some(code) = brief::cli::run(&cli) {
        return code;
    }
    brief::cli::open_reader(&cli)
}
