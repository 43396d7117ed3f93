//! Go's text/template, as podman users write it in `--format`: actions, pipelines, variables,
//! `if`/`with`/`range` with `else`, `break`/`continue`, trim markers, comments, Go's builtins
//! and podman's functions, run over the JSON views the commands build.
//!
//! Where JSON cannot tell what podman's Go types would do, hutch decides as follows: an object
//! is a struct or a map by its keys (see `exec::is_struct`), keys match in any case, and null
//! prints `<no value>` (in `printf "%v"`, `<nil>`).

mod exec;
mod funcs;
mod lex;
mod parse;
mod printf;
#[cfg(test)]
mod tests;

use serde_json::Value;

use parse::{Kind, Node, Pipe, Term};

/// A template that failed to parse or to run, with the template it is about.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("template {template:?}: {line}:{column}: {problem}")]
    Parse {
        template: String,
        line: usize,
        column: usize,
        problem: String,
    },
    #[error("template {template:?}: executing at <{action}>: {problem}")]
    Exec {
        template: String,
        action: String,
        problem: String,
    },
}

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    src: String,
    nodes: Vec<Node>,
}

impl Template {
    pub fn parse(src: &str) -> Result<Template, TemplateError> {
        let at = |pos: usize, problem: String| {
            let before = &src[..pos.min(src.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            TemplateError::Parse {
                template: src.to_string(),
                line,
                column,
                problem,
            }
        };
        let tokens = lex::lex(src).map_err(|e| at(e.pos, e.problem))?;
        let nodes = parse::parse(src, tokens).map_err(|e| at(e.pos, e.problem))?;
        Ok(Template {
            src: src.to_string(),
            nodes,
        })
    }

    pub fn render(&self, value: &Value) -> Result<String, TemplateError> {
        exec::run(&self.nodes, value).map_err(|f| TemplateError::Exec {
            template: self.src.clone(),
            action: f.action.unwrap_or_default(),
            problem: f.problem,
        })
    }

    /// Whether the template starts with `{{range .}}`, i.e. wants the whole list.
    pub(super) fn ranges_over_dot(&self) -> bool {
        let first = self.nodes.iter().find(|n| match n {
            Node::Text(t) => !t.trim().is_empty(),
            _ => true,
        });
        match first {
            Some(Node::Control(c)) if c.kind == Kind::Range => match c.pipe.cmds.as_slice() {
                [cmd] => matches!(
                    cmd.args.as_slice(),
                    [op] if matches!(op.term, Term::Dot) && op.fields.is_empty()
                ),
                _ => false,
            },
            _ => false,
        }
    }

    /// The header row of a table: each action becomes the upper-cased name of the field it
    /// prints, or the override the command gives for that field.
    pub(super) fn header(&self, overrides: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for node in &self.nodes {
            let pipe = match node {
                Node::Text(t) => {
                    out.push_str(t);
                    continue;
                }
                Node::Action(p) if p.vars.is_empty() => p,
                Node::Control(c) => &c.pipe,
                _ => continue,
            };
            if let Some(field) = last_field(pipe) {
                out.push_str(&super::table::header_name(field, overrides));
            }
        }
        out
    }
}

/// The field a pipeline is about: the first one named in its last command that names one.
fn last_field(pipe: &Pipe) -> Option<&str> {
    pipe.cmds.iter().rev().find_map(|cmd| {
        cmd.args
            .iter()
            .find_map(|op| match (&op.term, op.fields.last()) {
                (_, Some(f)) => Some(f.as_str()),
                (Term::Paren(inner), None) => last_field(inner),
                _ => None,
            })
    })
}
