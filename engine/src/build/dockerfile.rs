//! A Dockerfile parsed by the `parse-dockerfile` crate and mapped onto hutch's own typed
//! instructions: stages with their base, steps with their line and source text, flags kept as
//! written (their values are expanded when the step runs, where build args are known).

use super::heredoc::RunDocs;
use super::BuildError;
use parse_dockerfile as pd;

/// A whole Dockerfile.
#[derive(Debug, Clone)]
pub struct Dockerfile {
    /// The file's name, for errors.
    pub file: String,
    /// `# escape=` (default `\`).
    pub escape: char,
    /// ARGs before the first FROM.
    pub global_args: Vec<Step>,
    pub stages: Vec<StageDef>,
    /// Notes for the user (an ignored `# syntax=` directive).
    pub notes: Vec<String>,
}

/// One `FROM ... [AS name]` and the steps after it.
#[derive(Debug, Clone)]
pub struct StageDef {
    pub index: usize,
    /// `AS name`, lowercased as Docker matches stage names.
    pub name: Option<String>,
    /// The base as written (build args not yet expanded).
    pub base: String,
    /// `--platform=` as written.
    pub platform: Option<String>,
    pub line: usize,
    pub text: String,
    pub steps: Vec<Step>,
}

/// One instruction: where it is, how it reads, what it is.
#[derive(Debug, Clone)]
pub struct Step {
    pub line: usize,
    /// The instruction as written (continuations joined), for progress and errors.
    pub text: String,
    pub inst: Inst,
}

/// A `--name[=value]` flag as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub name: String,
    pub value: Option<String>,
}

/// Shell or exec form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Exec(Vec<String>),
    Shell(String),
}

/// A COPY/ADD source: a path (or URL) as written, or a here-document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Path(String),
    HereDoc {
        /// The delimiter, which names the file when the destination is a directory.
        name: String,
        content: String,
        /// False when the delimiter was quoted (no variable expansion).
        expand: bool,
    },
}

pub use super::heredoc::RunDoc as HereDoc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inst {
    Run {
        flags: Vec<Flag>,
        command: Command,
        heredocs: Vec<HereDoc>,
    },
    Copy {
        add: bool,
        flags: Vec<Flag>,
        sources: Vec<Source>,
        dest: String,
    },
    Env(String),
    Arg(String),
    Label(String),
    Workdir(String),
    User(String),
    Cmd(Command),
    Entrypoint(Command),
    Expose(Vec<String>),
    Volume(Vec<String>),
    Shell(Vec<String>),
    StopSignal(String),
    Healthcheck {
        flags: Vec<Flag>,
        /// None: `HEALTHCHECK NONE`.
        command: Option<Command>,
    },
    /// The trigger instruction's text, stored in the image's OnBuild.
    OnBuild(String),
    Maintainer(String),
}

impl Inst {
    /// The instruction's keyword, for messages and history.
    pub fn keyword(&self) -> &'static str {
        match self {
            Inst::Run { .. } => "RUN",
            Inst::Copy { add: true, .. } => "ADD",
            Inst::Copy { add: false, .. } => "COPY",
            Inst::Env(_) => "ENV",
            Inst::Arg(_) => "ARG",
            Inst::Label(_) => "LABEL",
            Inst::Workdir(_) => "WORKDIR",
            Inst::User(_) => "USER",
            Inst::Cmd(_) => "CMD",
            Inst::Entrypoint(_) => "ENTRYPOINT",
            Inst::Expose(_) => "EXPOSE",
            Inst::Volume(_) => "VOLUME",
            Inst::Shell(_) => "SHELL",
            Inst::StopSignal(_) => "STOPSIGNAL",
            Inst::Healthcheck { .. } => "HEALTHCHECK",
            Inst::OnBuild(_) => "ONBUILD",
            Inst::Maintainer(_) => "MAINTAINER",
        }
    }
}

/// 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn keyword_start(i: &pd::Instruction<'_>) -> usize {
    use pd::Instruction as I;
    match i {
        I::Add(x) => x.add.span.start,
        I::Arg(x) => x.arg.span.start,
        I::Cmd(x) => x.cmd.span.start,
        I::Copy(x) => x.copy.span.start,
        I::Entrypoint(x) => x.entrypoint.span.start,
        I::Env(x) => x.env.span.start,
        I::Expose(x) => x.expose.span.start,
        I::From(x) => x.from.span.start,
        I::Healthcheck(x) => x.healthcheck.span.start,
        I::Label(x) => x.label.span.start,
        I::Maintainer(x) => x.maintainer.span.start,
        I::Onbuild(x) => x.onbuild.span.start,
        I::Run(x) => x.run.span.start,
        I::Shell(x) => x.shell.span.start,
        I::Stopsignal(x) => x.stopsignal.span.start,
        I::User(x) => x.user.span.start,
        I::Volume(x) => x.volume.span.start,
        I::Workdir(x) => x.workdir.span.start,
        _ => 0,
    }
}

/// The instruction's source from its keyword to where the next one starts: comment lines
/// dropped, line continuations joined, here-document bodies left out.
fn source_text(text: &str, start: usize, end: usize, escape: char) -> String {
    let mut out = String::new();
    for (n, line) in text[start..end.min(text.len())].lines().enumerate() {
        if n > 0 && line.trim_start().starts_with('#') {
            continue;
        }
        let t = line.trim_end();
        match t.strip_suffix(escape) {
            Some(c) => {
                out.push_str(c);
                out.push(' ');
            }
            None => {
                out.push_str(t);
                break;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn flags<'a>(fl: impl IntoIterator<Item = &'a pd::Flag<'a>>) -> Vec<Flag> {
    fl.into_iter()
        .map(|f| Flag {
            name: f.name.value.to_string(),
            value: f.value.as_ref().map(|v| v.value.to_string()),
        })
        .collect()
}

fn command(c: &pd::Command<'_>, escape: char) -> Command {
    match c {
        pd::Command::Exec(v) => {
            Command::Exec(v.value.iter().map(|s| s.value.to_string()).collect())
        }
        pd::Command::Shell(s) => Command::Shell(join_continuations(s.value, escape)),
        _ => Command::Shell(String::new()),
    }
}

/// A shell-form command with its line continuations removed (the escape character, the blanks
/// after it and the newline) and its comment lines dropped, as BuildKit hands it to the shell:
/// the shell must not see a `# escape=` character it does not know.
fn join_continuations(value: &str, escape: char) -> String {
    let mut out = String::new();
    let mut lines = value.split('\n').peekable();
    let mut first = true;
    while let Some(line) = lines.next() {
        if !first && line.trim_start().starts_with('#') {
            continue;
        }
        first = false;
        let t = line.trim_end_matches([' ', '\t']);
        match t.strip_suffix(escape) {
            Some(c) if lines.peek().is_some() => out.push_str(c),
            _ => {
                out.push_str(line);
                if lines.peek().is_some() {
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The names of the here-documents a line opens (`<<EOF`, `<<-"EOF"`), in order.
fn heredoc_names(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("<<") {
        let after = rest[i + 2..].trim_start_matches('-');
        let word: String = after
            .chars()
            .take_while(|c| !c.is_whitespace())
            .filter(|c| *c != '"' && *c != '\'')
            .collect();
        out.push(word);
        rest = &rest[i + 2..];
    }
    out
}

fn inst(
    text: &str,
    i: &pd::Instruction<'_>,
    escape: char,
    line_text: &str,
    run_docs: Option<&RunDocs>,
) -> Option<Inst> {
    use pd::Instruction as I;
    Some(match i {
        I::Run(r) => match run_docs {
            // Here-documents hutch took out before parsing: the command as written.
            Some(d) => Inst::Run {
                flags: flags(r.options.iter()),
                command: Command::Shell(d.command.clone()),
                heredocs: d.docs.clone(),
            },
            None => Inst::Run {
                flags: flags(r.options.iter()),
                command: command(&r.arguments, escape),
                heredocs: Vec::new(),
            },
        },
        I::Copy(c) => copy(
            false,
            flags(c.options.iter()),
            &c.src,
            &c.dest.value,
            line_text,
        ),
        I::Add(c) => copy(
            true,
            flags(c.options.iter()),
            &c.src,
            &c.dest.value,
            line_text,
        ),
        I::Env(e) => Inst::Env(e.arguments.value.to_string()),
        I::Arg(a) => Inst::Arg(a.arguments.value.to_string()),
        I::Label(l) => Inst::Label(l.arguments.value.to_string()),
        I::Workdir(w) => Inst::Workdir(w.arguments.value.to_string()),
        I::User(u) => Inst::User(u.arguments.value.to_string()),
        I::Cmd(c) => Inst::Cmd(command(&c.arguments, escape)),
        I::Entrypoint(c) => Inst::Entrypoint(command(&c.arguments, escape)),
        I::Expose(e) => Inst::Expose(e.arguments.iter().map(|s| s.value.to_string()).collect()),
        I::Volume(v) => Inst::Volume(match &v.arguments {
            pd::JsonOrStringArray::Json(a) => a.value.iter().map(|s| s.value.to_string()).collect(),
            pd::JsonOrStringArray::String(a) => a.iter().map(|s| s.value.to_string()).collect(),
        }),
        I::Shell(s) => Inst::Shell(s.arguments.iter().map(|s| s.value.to_string()).collect()),
        I::Stopsignal(s) => Inst::StopSignal(s.arguments.value.to_string()),
        I::Healthcheck(h) => Inst::Healthcheck {
            flags: flags(h.options.iter()),
            command: match &h.arguments {
                pd::HealthcheckArguments::Cmd { arguments, .. } => Some(command(arguments, escape)),
                _ => None,
            },
        },
        I::Onbuild(o) => {
            let start = keyword_start(&o.instruction);
            let end = text[start..]
                .find('\n')
                .map(|n| start + n)
                .unwrap_or(text.len());
            let mut trigger = source_text(text, start, end + 1, escape);
            // BuildKit's record of a trigger with here-documents: each document's lines and
            // its terminator after the instruction, for the child build to parse again.
            for d in run_docs.map(|d| d.docs.as_slice()).unwrap_or_default() {
                trigger.push('\n');
                trigger.push_str(&d.raw);
                trigger.push_str(&d.name);
            }
            Inst::OnBuild(trigger)
        }
        I::Maintainer(m) => Inst::Maintainer(m.name.value.to_string()),
        _ => return None,
    })
}

fn copy(add: bool, flags: Vec<Flag>, src: &[pd::Source<'_>], dest: &str, line_text: &str) -> Inst {
    let mut names = heredoc_names(line_text).into_iter();
    let sources = src
        .iter()
        .filter_map(|s| match s {
            pd::Source::Path(p) => Some(Source::Path(p.value.to_string())),
            pd::Source::HereDoc(h) => Some(Source::HereDoc {
                name: names.next().unwrap_or_default(),
                content: h.value.to_string(),
                expand: h.expand,
            }),
            _ => None,
        })
        .collect();
    Inst::Copy {
        add,
        flags,
        sources,
        dest: dest.to_string(),
    }
}

/// Parses `text`, read from `file`.
pub fn parse(file: &str, text: &str) -> Result<Dockerfile, BuildError> {
    let (parsed, run_docs) =
        super::heredoc::extract(text).map_err(|(line, reason)| BuildError::Parse {
            file: file.to_string(),
            line,
            reason,
        })?;
    // Offsets into `parsed` are offsets into `text`, which messages quote.
    let df = pd::parse(&parsed).map_err(|e| BuildError::Parse {
        file: file.to_string(),
        line: e.line(),
        reason: e.to_string(),
    })?;
    let escape = df
        .parser_directives
        .escape
        .as_ref()
        .map(|d| d.value.value)
        .unwrap_or('\\');
    let mut notes = Vec::new();
    if let Some(s) = &df.parser_directives.syntax {
        notes.push(format!(
            "{file}: ignoring the syntax directive ({}): hutch has its own Dockerfile frontend",
            s.value.value
        ));
    }
    let starts: Vec<usize> = df.instructions.iter().map(keyword_start).collect();
    let mut out = Dockerfile {
        file: file.to_string(),
        escape,
        global_args: Vec::new(),
        stages: Vec::new(),
        notes,
    };
    for (n, i) in df.instructions.iter().enumerate() {
        let start = starts[n];
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        let line = line_of(text, start);
        let stext = source_text(text, start, end, escape);
        let first_line = text[start..end].lines().next().unwrap_or("");
        if let pd::Instruction::From(f) = i {
            let flags = flags(f.options.iter());
            let mut platform = None;
            for fl in &flags {
                if fl.name == "platform" {
                    platform = fl.value.clone();
                } else {
                    return Err(BuildError::Instruction {
                        file: file.to_string(),
                        line,
                        instruction: stext,
                        reason: format!("unknown flag --{}", fl.name),
                    });
                }
            }
            out.stages.push(StageDef {
                index: out.stages.len(),
                name: f.as_.as_ref().map(|(_, n)| n.value.to_ascii_lowercase()),
                base: f.image.value.to_string(),
                platform,
                line,
                text: stext,
                steps: Vec::new(),
            });
            continue;
        }
        let Some(inst) = inst(text, i, escape, first_line, run_docs.get(&line)) else {
            return Err(BuildError::Instruction {
                file: file.to_string(),
                line,
                instruction: stext,
                reason: "instruction not supported".into(),
            });
        };
        let step = Step {
            line,
            text: stext,
            inst,
        };
        match out.stages.last_mut() {
            Some(s) => s.steps.push(step),
            None => out.global_args.push(step),
        }
    }
    if out.stages.is_empty() {
        return Err(BuildError::Parse {
            file: file.to_string(),
            line: 1,
            reason: "no FROM instruction: a Dockerfile needs at least one stage".into(),
        });
    }
    Ok(out)
}

/// Parses one instruction on its own (`commit --change`, ONBUILD triggers).
pub fn parse_instruction(text: &str) -> Result<Step, BuildError> {
    // The parser wants a stage; a FROM line in front gives it one.
    let full = format!("FROM scratch\n{text}\n");
    let df = parse("instruction", &full)?;
    let mut steps = df
        .stages
        .into_iter()
        .next()
        .map(|s| s.steps)
        .unwrap_or_default();
    match (steps.pop(), steps.is_empty()) {
        (Some(mut s), true) => {
            s.line = 1;
            Ok(s)
        }
        _ => Err(BuildError::Parse {
            file: "instruction".into(),
            line: 1,
            reason: format!("expected exactly one instruction in {text:?}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_steps_and_lines() {
        let text = "# syntax=docker/dockerfile:1\nARG BASE=busybox\nFROM $BASE AS build\n\
                    # a comment\nRUN echo a \\\n  && echo b\nCOPY --chown=1:2 a b /dst/\n\
                    FROM scratch\nCOPY --from=build /x /y\nCMD [\"sh\"]\nONBUILD RUN echo hi\n";
        let df = parse("Dockerfile", text).unwrap();
        assert_eq!(df.global_args.len(), 1);
        assert_eq!(df.notes.len(), 1);
        assert_eq!(df.stages.len(), 2);
        let s = &df.stages[0];
        assert_eq!(s.name.as_deref(), Some("build"));
        assert_eq!(s.base, "$BASE");
        assert_eq!(s.steps[0].line, 5);
        assert_eq!(s.steps[0].text, "RUN echo a && echo b");
        assert_eq!(
            s.steps[1].inst,
            Inst::Copy {
                add: false,
                flags: vec![Flag {
                    name: "chown".into(),
                    value: Some("1:2".into())
                }],
                sources: vec![Source::Path("a".into()), Source::Path("b".into())],
                dest: "/dst/".into()
            }
        );
        let t = &df.stages[1];
        assert_eq!(t.steps[1].inst, Inst::Cmd(Command::Exec(vec!["sh".into()])));
        assert_eq!(t.steps[2].inst, Inst::OnBuild("RUN echo hi".into()));
    }

    #[test]
    fn shell_form_loses_its_line_continuations() {
        let text = "# escape=`\nFROM busybox\nRUN echo one `\n  two `\n# note\n  three\n\
                    CMD echo a\\b\n";
        let df = parse("Dockerfile", text).unwrap();
        let s = &df.stages[0];
        assert_eq!(
            s.steps[0].inst,
            Inst::Run {
                flags: vec![],
                command: Command::Shell("echo one   two   three".into()),
                heredocs: vec![],
            }
        );
        assert_eq!(
            s.steps[1].inst,
            Inst::Cmd(Command::Shell("echo a\\b".into()))
        );
        let df = parse("Dockerfile", "FROM busybox\nRUN a \\\n b\n").unwrap();
        let Inst::Run { command, .. } = &df.stages[0].steps[0].inst else {
            panic!("not a RUN")
        };
        assert_eq!(command, &Command::Shell("a  b".into()));
    }

    #[test]
    fn heredocs() {
        let text = "FROM busybox\nRUN <<EOF\necho one\necho two\nEOF\nCOPY <<A /a.txt\nhello\nA\n";
        let df = parse("Dockerfile", text).unwrap();
        let s = &df.stages[0].steps;
        match &s[0].inst {
            Inst::Run {
                heredocs, command, ..
            } => {
                assert_eq!(heredocs[0].content, "echo one\necho two\n");
                // The command as written, the marker included.
                assert_eq!(command, &Command::Shell("<<EOF".into()));
            }
            other => panic!("{other:?}"),
        }
        match &s[1].inst {
            Inst::Copy { sources, dest, .. } => {
                assert_eq!(
                    sources[0],
                    Source::HereDoc {
                        name: "A".into(),
                        content: "hello\n".into(),
                        expand: true
                    }
                );
                assert_eq!(dest, "/a.txt");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(s[1].line, 6);
    }

    #[test]
    fn onbuild_triggers_keep_their_heredocs() {
        let text = "FROM busybox\nONBUILD RUN <<EOF\necho one\nEOF\n\
                    ONBUILD COPY <<-A <<B /d/\n\thello\n\tA\nbye\nB\nRUN true\n";
        let df = parse("Dockerfile", text).unwrap();
        let s = &df.stages[0].steps;
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].inst, Inst::OnBuild("RUN <<EOF\necho one\nEOF".into()));
        assert_eq!(
            s[1].inst,
            Inst::OnBuild("COPY <<-A <<B /d/\n\thello\nA\nbye\nB".into())
        );
        assert_eq!((s[1].line, s[2].line), (5, 10));
        // The child build parses each trigger again.
        match parse_instruction("RUN <<EOF\necho one\nEOF").unwrap().inst {
            Inst::Run { heredocs, .. } => assert_eq!(heredocs[0].content, "echo one\n"),
            other => panic!("{other:?}"),
        }
        match parse_instruction("COPY <<-A <<B /d/\n\thello\nA\nbye\nB")
            .unwrap()
            .inst
        {
            Inst::Copy { sources, .. } => assert_eq!(sources.len(), 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("Containerfile", "FROM busybox\nBOGUS x\n").unwrap_err();
        let m = e.to_string();
        assert!(m.contains("Containerfile") && m.contains("line 2"), "{m}");
        let one = parse_instruction("ENV A=1").unwrap();
        assert_eq!(one.inst, Inst::Env("A=1".into()));
    }
}
