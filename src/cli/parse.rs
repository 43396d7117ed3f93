//! Parsing the process's command line with only the subcommand it names: clap copies every
//! global flag into each top-level subcommand when it builds the top level, which for ~80
//! subcommands and 15 global flags was most of the start-up of every short hutch command.

use super::Cli;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Subcommand};
use std::cell::RefCell;
use std::ffi::OsString;

thread_local! {
    /// The one top-level subcommand to define while [`parse`] builds the tree; None: all.
    static ONLY: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The top-level subcommands (`T`), all of them or, while [`parse`] builds the tree for a
/// command line that names one, that one alone.
#[derive(Debug)]
pub struct Chosen<T>(pub T);

impl<T: Subcommand> Subcommand for Chosen<T> {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        match ONLY.with(|o| o.borrow().clone()) {
            // `hutch --version` prints the top level's version: no subcommand is needed.
            Some(n) if n.is_empty() => cmd,
            Some(n) => match one_of(T::augment_subcommands, &n) {
                Some(one) => cmd.subcommand(one),
                None => T::augment_subcommands(cmd),
            },
            None => T::augment_subcommands(cmd),
        }
    }
    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        T::augment_subcommands_for_update(cmd)
    }
    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

impl<T: FromArgMatches> FromArgMatches for Chosen<T> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(m).map(Chosen)
    }
    fn from_arg_matches_mut(m: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(m).map(Chosen)
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }
    fn update_from_arg_matches_mut(&mut self, m: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(m)
    }
}

/// The subcommand called or aliased `name` among those `augment` defines, if any (its siblings
/// are dropped undefined: each is deferred, see `Lazy`).
fn one_of(augment: fn(clap::Command) -> clap::Command, name: &str) -> Option<clap::Command> {
    let mut kept = None;
    let _ = augment(clap::Command::new("hutch")).mut_subcommands(|sc| {
        if kept.is_none() && (sc.get_name() == name || sc.get_all_aliases().any(|a| a == name)) {
            kept = Some(sc);
            clap::Command::new("")
        } else {
            sc
        }
    });
    kept
}

/// Parses the process's command line as [`clap::Parser::try_parse`] does.
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os().collect())
}

/// Parses `args` (with the program name first). When they name a top-level subcommand after
/// nothing but global flags, only that subcommand is defined: its parsing, help and errors are
/// the same as with the whole tree. Anything else (`--help`, `--version`, no subcommand, an
/// unknown word) is parsed with the whole tree, so that the top level's help and errors, which
/// list or suggest the subcommands, stay as they are.
pub fn parse_from(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let only = subcommand_of(&args);
    ONLY.with(|o| *o.borrow_mut() = only);
    let cmd = Cli::command();
    ONLY.with(|o| *o.borrow_mut() = None);
    let mut m = cmd.try_get_matches_from(args)?;
    // As clap's derive: an error here is rendered against the whole tree.
    Cli::from_arg_matches_mut(&mut m).map_err(|e| e.format(&mut Cli::command()))
}

/// The word of `args` that names the top-level subcommand, when only global flags (and their
/// values) come before it; empty when the line only asks for the version.
fn subcommand_of(args: &[OsString]) -> Option<String> {
    let globals = super::GlobalOpts::augment_args(clap::Command::new("hutch"));
    let flag = |word: &str| {
        globals.get_arguments().find(|a| {
            if let Some(long) = word.strip_prefix("--") {
                a.get_long() == Some(long)
            } else {
                let mut c = word.chars();
                c.next() == Some('-')
                    && c.next().is_some_and(|s| a.get_short() == Some(s))
                    && c.next().is_none()
            }
        })
    };
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        let word = word.to_str()?;
        if !word.starts_with('-') {
            return Some(word.to_string());
        }
        if matches!(word, "--version" | "-V") && words.len() == 0 {
            return Some(String::new());
        }
        let (name, inline_value) = match word.split_once('=') {
            Some((n, _)) if n.starts_with("--") => (n, true),
            _ => (word, false),
        };
        let arg = flag(name)?;
        if arg.get_action().takes_values() && !inline_value {
            // A value that looks like a flag is an error clap reports: let it, with every name.
            let value = words.next()?.to_str()?;
            if value.starts_with('-') {
                return None;
            }
        } else if !arg.get_action().takes_values() && inline_value {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(line: &str) -> Option<String> {
        subcommand_of(&line.split(' ').map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn the_subcommand_after_global_flags_is_found() {
        assert_eq!(named("hutch create bb").as_deref(), Some("create"));
        assert_eq!(
            named("hutch --root /r --runroot=/rr ps -a").as_deref(),
            Some("ps")
        );
        assert_eq!(named("hutch -r --noout image ls").as_deref(), Some("image"));
        // A global flag's value is not the subcommand, even when it is a subcommand's name.
        assert_eq!(
            named("hutch --runtime run create").as_deref(),
            Some("create")
        );
        assert_eq!(
            named("hutch --log-level debug container ls").as_deref(),
            Some("container")
        );
        assert_eq!(named("hutch --root /r --version").as_deref(), Some(""));
        assert_eq!(named("hutch -V").as_deref(), Some(""));
    }

    #[test]
    fn anything_else_gets_the_whole_tree() {
        for line in [
            "hutch",
            "hutch --help",
            "hutch --version create",
            "hutch --version --root /r",
            "hutch -h ps",
            "hutch --root",
            "hutch --root --runroot ps",
            "hutch --noout=1 ps",
            "hutch --nosuchflag ps",
            "hutch -- ps",
        ] {
            assert_eq!(named(line), None, "{line}");
        }
    }

    #[test]
    fn an_alias_names_its_subcommand() {
        // Whatever aliases the top level has are found as the subcommand they stand for.
        let cmd = Cli::command();
        for sc in cmd.get_subcommands() {
            for alias in sc.get_all_aliases() {
                let only = one_of(
                    <super::super::Command as Subcommand>::augment_subcommands,
                    alias,
                );
                assert_eq!(
                    only.map(|o| o.get_name().to_string()).as_deref(),
                    Some(sc.get_name())
                );
            }
        }
    }

    #[test]
    fn parsing_with_one_subcommand_gives_the_same_result() {
        for line in [
            "hutch --root /r create --name a bb true",
            "hutch ps -a --format {{.ID}}",
            "hutch container ls -a",
            "hutch image rm -f x",
        ] {
            let args: Vec<OsString> = line.split(' ').map(OsString::from).collect();
            let pruned = parse_from(args.clone()).expect(line);
            let full = <Cli as clap::Parser>::try_parse_from(args).expect(line);
            assert_eq!(format!("{pruned:?}"), format!("{full:?}"), "{line}");
        }
    }

    #[test]
    fn errors_and_help_read_the_same() {
        for line in [
            "hutch create",
            "hutch create --nosuch bb",
            "hutch create --help",
            "hutch ps --format",
            "hutch image --help",
            "hutch image nosuch",
            "hutch craete bb",
            "hutch --root /r nosuch",
            "hutch container",
            "hutch --root /r run --rm",
            "hutch --version",
            "hutch -V",
            "hutch --root /r --version",
        ] {
            let args: Vec<OsString> = line.split(' ').map(OsString::from).collect();
            let pruned = parse_from(args.clone()).expect_err(line);
            let full = <Cli as clap::Parser>::try_parse_from(args).expect_err(line);
            assert_eq!(pruned.kind(), full.kind(), "{line}");
            assert_eq!(pruned.to_string(), full.to_string(), "{line}");
            assert_eq!(pruned.exit_code(), full.exit_code(), "{line}");
        }
    }
}
