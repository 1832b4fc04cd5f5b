//! `brief`: settle the language, parse arguments, load, run; errors are printed after the
//! terminal is restored.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let settings = match brief::cli::settle(&args) {
        Ok(settings) => settings,
        Err(code) => return code,
    };
    let cli = match brief::cli::parse(args) {
        Ok(cli) => cli,
        Err(e) => return brief::cli::parse_failed(&e),
    };
    if let Some(code) = brief::cli::run(&cli, &settings) {
        return code;
    }
    brief::cli::open_reader(&cli, &settings)
}
