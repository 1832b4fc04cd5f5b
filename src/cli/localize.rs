//! The command line in the interface language: the language is settled before clap reads the
//! arguments (from `--lang`, the config file and the locale), and the help texts come from the
//! catalogue.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::i18n::text;

/// The value of `--name VALUE` or `--name=VALUE`, read before clap parses (the last one wins,
/// as with clap). Everything after `--` is an operand.
pub fn prescan(args: &[OsString], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let joined = format!("--{name}=");
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == long {
            found = args.next().map(|v| v.into_owned());
        } else if let Some(value) = arg.strip_prefix(&joined) {
            found = Some(value.to_owned());
        }
    }
    found
}

/// The `brief` command with its help in the current language.
pub fn command() -> Command {
    let arg_help = |cmd: Command, arg: &'static str, key: &str| {
        let help = text(key, &[]);
        cmd.mut_arg(arg, |a| a.help(help))
    };
    let mut cmd = super::Cli::command()
        .about(text("cli.about", &[]))
        .subcommand_help_heading(text("cli.commands", &[]));
    for (arg, key) in [
        ("file", "cli.file"),
        ("overlay", "cli.overlay"),
        ("annotations", "cli.annotations"),
        ("lang", "cli.lang"),
        ("config", "cli.config"),
    ] {
        cmd = arg_help(cmd, arg, key);
    }
    for sub in ["check", "dump", "cite"] {
        cmd = cmd.mut_subcommand(sub, |c| arg_help(c, "file", "cli.file"));
    }
    let cmd = cmd
        .mut_subcommand("check", |c| {
            arg_help(
                c.about(text("cli.cmd_check", &[])),
                "joins",
                "cli.cmd_check_joins",
            )
        })
        .mut_subcommand("dump", |c| c.about(text("cli.cmd_dump", &[])))
        .mut_subcommand("search", |c| {
            let c = arg_help(
                c.about(text("cli.cmd_search", &[])),
                "args",
                "cli.cmd_search_args",
            );
            let c = arg_help(c, "json", "cli.cmd_search_json");
            arg_help(c, "library", "cli.cmd_search_library")
        })
        .mut_subcommand("cite", |c| {
            let c = arg_help(
                c.about(text("cli.cmd_cite", &[])),
                "page",
                "cli.cmd_cite_page",
            );
            let c = arg_help(c, "paragraph", "cli.cmd_cite_paragraph");
            arg_help(c, "copy", "cli.cmd_cite_copy")
        })
        .mut_subcommand("annotations", annotations)
        .mut_subcommand("library", library);
    headings(cmd, true)
}

/// clap's own words in the current language: the usage line, the argument and option
/// headings, and the help and version flags (replaced by ones with translated help).
fn headings(cmd: Command, top: bool) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let (arguments, options) = (text("cli.arguments", &[]), text("cli.options", &[]));
    let mut cmd = cmd
        .subcommand_help_heading(text("cli.commands", &[]))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            text("cli.usage", &[])
        ))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text("cli.help", &[])),
        )
        .mut_args(|a| {
            let heading = if a.is_positional() {
                &arguments
            } else {
                &options
            };
            a.help_heading(heading.clone())
        });
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("cli.version", &[]))
                .help_heading(options.clone()),
        );
    }
    for name in names {
        cmd = cmd.mut_subcommand(name, |c| headings(c, false));
    }
    cmd
}

fn library(c: Command) -> Command {
    let arg_help = |cmd: Command, arg: &'static str, key: &str| {
        let help = text(key, &[]);
        cmd.mut_arg(arg, |a| a.help(help))
    };
    c.about(text("cli.cmd_library", &[]))
        .mut_subcommand("add", |c| {
            arg_help(c.about(text("cli.lib_add", &[])), "files", "cli.lib_files")
        })
        .mut_subcommand("list", |c| {
            arg_help(c.about(text("cli.lib_list", &[])), "json", "cli.lib_json")
        })
        .mut_subcommand("open", |c| {
            arg_help(c.about(text("cli.lib_open", &[])), "id", "cli.lib_id")
        })
        .mut_subcommand("remove", |c| {
            arg_help(c.about(text("cli.lib_remove", &[])), "id", "cli.lib_id")
        })
        .mut_subcommand("entities", |c| {
            let c = arg_help(
                c.about(text("cli.lib_entities", &[])),
                "name",
                "cli.lib_name",
            );
            arg_help(c, "json", "cli.lib_json")
        })
        .mut_subcommand("sources", |c| {
            let c = arg_help(
                c.about(text("cli.lib_sources", &[])),
                "query",
                "cli.lib_query",
            );
            arg_help(c, "json", "cli.lib_json")
        })
}

fn annotations(c: Command) -> Command {
    let arg_help = |cmd: Command, arg: &'static str, key: &str| {
        let help = text(key, &[]);
        cmd.mut_arg(arg, |a| a.help(help))
    };
    c.about(text("cli.cmd_annotations", &[]))
        .mut_subcommand("export", |e| {
            let e = arg_help(
                e.about(text("cli.cmd_export", &[])),
                "format",
                "cli.cmd_export_format",
            );
            let e = arg_help(e, "file", "cli.file");
            let e = arg_help(e, "bibliography", "cli.cmd_export_bibliography");
            let e = arg_help(e, "library", "cli.cmd_export_library");
            arg_help(e, "bom", "cli.cmd_export_bom")
        })
        .mut_subcommand("import", |i| {
            let i = arg_help(
                i.about(text("cli.cmd_import", &[])),
                "input",
                "cli.cmd_import_input",
            );
            let i = arg_help(i, "brief", "cli.cmd_import_brief");
            arg_help(i, "any_brief", "cli.cmd_import_any")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn finds_a_flag_in_either_spelling_before_the_operands_end() {
        let a = args(&["brief", "--lang", "ko", "dump"]);
        assert_eq!(prescan(&a, "lang").as_deref(), Some("ko"));
        let b = args(&["brief", "check", "--lang=en", "x.txt"]);
        assert_eq!(prescan(&b, "lang").as_deref(), Some("en"));
        let c = args(&["brief", "--", "--lang", "ko"]);
        assert_eq!(prescan(&c, "lang"), None);
        assert_eq!(prescan(&args(&["brief", "--lang"]), "lang"), None);
    }

    #[test]
    fn every_localised_argument_exists() {
        // mut_arg and mut_subcommand panic on a name the command lacks.
        command().debug_assert();
    }
}
