//! The parse tree of a template and the parser that builds it from tokens, with Go's checks made
//! at parse time: unknown functions, undeclared variables, `{{else}}`/`{{end}}` that match
//! nothing, `{{break}}` outside `{{range}}`.

use serde_json::Value;

use super::funcs;
use super::lex::{Tok, Token};

#[derive(Debug, Clone)]
pub(super) enum Node {
    Text(String),
    Action(Pipe),
    Control(Box<Control>),
    Break,
    Continue,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    If,
    With,
    Range,
}

/// `{{if}}`, `{{with}}` and `{{range}}`: the pipeline, the body and what `{{else}}` holds
/// (`{{else if ...}}` is an `if` nested in `otherwise`, as in Go).
#[derive(Debug, Clone)]
pub(super) struct Control {
    pub kind: Kind,
    pub pipe: Pipe,
    pub body: Vec<Node>,
    pub otherwise: Vec<Node>,
}

/// `$x := cmd | cmd`: each command's result becomes the last argument of the next.
#[derive(Debug, Clone)]
pub(super) struct Pipe {
    /// The variables it declares (`:=`) or assigns (`=`).
    pub vars: Vec<String>,
    pub assign: bool,
    pub cmds: Vec<Cmd>,
    /// The action's source, for error messages.
    pub src: String,
}

#[derive(Debug, Clone)]
pub(super) struct Cmd {
    pub args: Vec<Operand>,
}

/// A term and the fields that follow it without a space: `.A.B`, `$x.Name`, `(index .X 0).ID`.
#[derive(Debug, Clone)]
pub(super) struct Operand {
    pub term: Term,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone)]
pub(super) enum Term {
    Dot,
    Var(String),
    Func(String),
    Lit(Value),
    Nil,
    Paren(Box<Pipe>),
}

/// A parse error at a byte offset.
#[derive(Debug)]
pub(super) struct ParseError {
    pub pos: usize,
    pub problem: String,
}

type Result<T> = std::result::Result<T, ParseError>;

pub(super) fn parse(src: &str, tokens: Vec<Token>) -> Result<Vec<Node>> {
    let mut p = Parser {
        src,
        tokens,
        i: 0,
        vars: vec!["$".to_string()],
        ranges: 0,
    };
    let (nodes, end) = p.list()?;
    match end {
        None => Ok(nodes),
        Some((kw, pos)) => p.fail(pos, format!("unexpected {{{{{kw}}}}}")),
    }
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    i: usize,
    /// Variables in scope, innermost last.
    vars: Vec<String>,
    /// How many `{{range}}`s enclose the current position (for `{{break}}`).
    ranges: usize,
}

/// What ended a list: `end` or `else`, and where.
type End = Option<(&'static str, usize)>;

impl Parser<'_> {
    fn fail<T>(&self, pos: usize, problem: impl Into<String>) -> Result<T> {
        Err(ParseError {
            pos,
            problem: problem.into(),
        })
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.i)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.i).cloned();
        self.i += 1;
        t
    }

    /// The position to blame when input ends early: the end of the template.
    fn eof(&self) -> usize {
        self.src.len()
    }

    fn expect_close(&mut self, what: &str) -> Result<()> {
        match self.next() {
            Some(Token {
                tok: Tok::Close, ..
            }) => Ok(()),
            Some(t) => self.fail(t.pos, format!("unexpected {} in {what}", describe(&t.tok))),
            None => self.fail(self.eof(), format!("unclosed action in {what}")),
        }
    }

    /// Nodes up to `{{end}}`, `{{else}}` (left for the caller to read on) or the end of input.
    fn list(&mut self) -> Result<(Vec<Node>, End)> {
        let mut nodes = Vec::new();
        while let Some(tok) = self.next() {
            let open = tok.pos;
            match tok.tok {
                Tok::Text(t) => nodes.push(Node::Text(t)),
                Tok::Open => {
                    let kw = match self.peek() {
                        Some(Token {
                            tok: Tok::Ident(w), ..
                        }) => w.clone(),
                        _ => String::new(),
                    };
                    match kw.as_str() {
                        "end" => {
                            self.i += 1;
                            self.expect_close("{{end}}")?;
                            return Ok((nodes, Some(("end", open))));
                        }
                        "else" => {
                            self.i += 1;
                            return Ok((nodes, Some(("else", open))));
                        }
                        "if" | "with" | "range" => {
                            self.i += 1;
                            let kind = match kw.as_str() {
                                "if" => Kind::If,
                                "with" => Kind::With,
                                _ => Kind::Range,
                            };
                            nodes.push(self.control(kind, open)?);
                        }
                        "break" | "continue" => {
                            self.i += 1;
                            if self.ranges == 0 {
                                return self
                                    .fail(open, format!("{{{{{kw}}}}} outside {{{{range}}}}"));
                            }
                            self.expect_close(&format!("{{{{{kw}}}}}"))?;
                            nodes.push(if kw == "break" {
                                Node::Break
                            } else {
                                Node::Continue
                            });
                        }
                        "define" | "template" | "block" => {
                            return self.fail(
                                open,
                                format!("{{{{{kw}}}}} is not supported in a format template"),
                            );
                        }
                        _ => {
                            let pipe = self.pipe(open, "command", false)?;
                            self.expect_close("command")?;
                            // A declaration lasts to the end of the enclosing control.
                            if !pipe.assign {
                                self.vars.extend(pipe.vars.iter().cloned());
                            }
                            nodes.push(Node::Action(pipe));
                        }
                    }
                }
                other => return self.fail(open, format!("unexpected {}", describe(&other))),
            }
        }
        Ok((nodes, None))
    }

    /// `{{if pipe}} body {{else}} otherwise {{end}}` and its `with`/`range` forms; the keyword
    /// has been read.
    fn control(&mut self, kind: Kind, open: usize) -> Result<Node> {
        let name = match kind {
            Kind::If => "if",
            Kind::With => "with",
            Kind::Range => "range",
        };
        let scope = self.vars.len();
        let pipe = self.pipe(open, name, kind == Kind::Range)?;
        self.expect_close(name)?;
        if !pipe.assign {
            self.vars.extend(pipe.vars.iter().cloned());
        }
        if kind == Kind::Range {
            self.ranges += 1;
        }
        let body = self.list();
        if kind == Kind::Range {
            self.ranges -= 1;
        }
        let (body, end) = body?;
        // The pipeline's variables are visible in both branches; the body's own are not.
        let otherwise = match end {
            Some(("end", _)) => Vec::new(),
            Some(("else", pos)) => {
                let chained = match self.peek() {
                    Some(Token {
                        tok: Tok::Ident(w), ..
                    }) if (w == "if" || w == "with") && kind != Kind::Range => Some(w.clone()),
                    _ => None,
                };
                match chained {
                    // `{{else if x}}` is `{{else}}{{if x}}...{{end}}{{end}}` with one `{{end}}`.
                    Some(w) => {
                        self.i += 1;
                        let k = if w == "if" { Kind::If } else { Kind::With };
                        vec![self.control(k, pos)?]
                    }
                    None => {
                        self.expect_close("{{else}}")?;
                        match self.list()? {
                            (nodes, Some(("end", _))) => nodes,
                            (_, Some((kw, pos))) => {
                                return self.fail(pos, format!("unexpected {{{{{kw}}}}}"))
                            }
                            (_, None) => {
                                return self.fail(
                                    open,
                                    format!("{{{{{name}}}}} without a matching {{{{end}}}}"),
                                )
                            }
                        }
                    }
                }
            }
            _ => {
                return self.fail(
                    open,
                    format!("{{{{{name}}}}} without a matching {{{{end}}}}"),
                )
            }
        };
        self.vars.truncate(scope);
        Ok(Node::Control(Box::new(Control {
            kind,
            pipe,
            body,
            otherwise,
        })))
    }

    /// A pipeline up to (not including) `}}` or `)`, with its optional declaration.
    fn pipe(&mut self, open: usize, context: &str, in_range: bool) -> Result<Pipe> {
        let start = self.i;
        let mut vars = Vec::new();
        let mut assign = false;
        // `$x :=`, `$x =`, or in a range `$i, $v :=`.
        let is = |p: &Self, k: usize, t: &Tok| p.tokens.get(p.i + k).is_some_and(|x| x.tok == *t);
        if let Some(Tok::Var(first)) = self.peek().map(|t| t.tok.clone()) {
            if is(self, 1, &Tok::Declare) || is(self, 1, &Tok::Assign) {
                assign = is(self, 1, &Tok::Assign);
                vars.push(first);
                self.i += 2;
            } else if is(self, 1, &Tok::Comma) {
                let pos = self.tokens[self.i].pos;
                if !in_range {
                    return self.fail(pos, format!("too many declarations in {context}"));
                }
                match self.tokens.get(self.i + 2).map(|t| t.tok.clone()) {
                    Some(Tok::Var(second))
                        if is(self, 3, &Tok::Declare) || is(self, 3, &Tok::Assign) =>
                    {
                        assign = is(self, 3, &Tok::Assign);
                        vars.extend([first, second]);
                        self.i += 4;
                    }
                    _ => return self.fail(pos, format!("too many declarations in {context}")),
                }
            }
        }
        if assign {
            for v in &vars {
                if !self.vars.contains(v) {
                    return self.fail(open, format!("undefined variable {v:?}"));
                }
            }
        }
        let mut cmds = Vec::new();
        loop {
            let cmd = self.command(open)?;
            cmds.push(cmd);
            match self.peek().map(|t| &t.tok) {
                Some(Tok::Pipe) => self.i += 1,
                _ => break,
            }
        }
        for (n, cmd) in cmds.iter().enumerate().skip(1) {
            if matches!(cmd.args[0].term, Term::Dot | Term::Lit(_) | Term::Nil)
                && cmd.args[0].fields.is_empty()
            {
                return self.fail(
                    open,
                    format!("non executable command in pipeline stage {}", n + 1),
                );
            }
        }
        let src = self.action_src(start);
        Ok(Pipe {
            vars,
            assign,
            cmds,
            src,
        })
    }

    /// The template text of the tokens from `start` to the current one.
    fn action_src(&self, start: usize) -> String {
        let from = self.tokens.get(start).map_or(self.eof(), |t| t.pos);
        let to = self.tokens.get(self.i).map_or(self.eof(), |t| t.pos);
        self.src
            .get(from..to)
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// Operands up to `|`, `)` or `}}`.
    fn command(&mut self, open: usize) -> Result<Cmd> {
        let mut args = Vec::new();
        while let Some(t) = self.peek() {
            if matches!(t.tok, Tok::Pipe | Tok::RParen | Tok::Close) {
                break;
            }
            args.push(self.operand()?);
        }
        if args.is_empty() {
            let pos = self.peek().map_or(open, |t| t.pos);
            return self.fail(pos, "missing value for command");
        }
        Ok(Cmd { args })
    }

    fn operand(&mut self) -> Result<Operand> {
        let Some(t) = self.next() else {
            return self.fail(self.eof(), "unexpected end of template");
        };
        let mut fields = Vec::new();
        let term = match t.tok {
            Tok::Dot => Term::Dot,
            Tok::Field(f) => {
                fields.push(f);
                Term::Dot
            }
            Tok::Var(v) => {
                if !self.vars.contains(&v) {
                    return self.fail(t.pos, format!("undefined variable {v:?}"));
                }
                Term::Var(v)
            }
            Tok::Ident(name) => {
                if !funcs::exists(&name) {
                    return self.fail(t.pos, format!("function {name:?} not defined"));
                }
                Term::Func(name)
            }
            Tok::Str(s) => Term::Lit(Value::String(s)),
            Tok::Num(n) => Term::Lit(n),
            Tok::Bool(b) => Term::Lit(Value::Bool(b)),
            Tok::Nil => Term::Nil,
            Tok::LParen => {
                let inner = self.pipe(t.pos, "parenthesized pipeline", false)?;
                if !inner.vars.is_empty() {
                    return self.fail(t.pos, "a parenthesized pipeline cannot declare variables");
                }
                match self.next() {
                    Some(Token {
                        tok: Tok::RParen, ..
                    }) => {}
                    _ => return self.fail(t.pos, "unclosed left paren"),
                }
                Term::Paren(Box::new(inner))
            }
            other => {
                return self.fail(t.pos, format!("unexpected {} in operand", describe(&other)))
            }
        };
        // Fields glued to the term chain onto it.
        while let Some(Token {
            tok: Tok::Field(f),
            spaced: false,
            ..
        }) = self.peek()
        {
            fields.push(f.clone());
            self.i += 1;
        }
        Ok(Operand { term, fields })
    }
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Text(_) => "text".into(),
        Tok::Open => "\"{{\"".into(),
        Tok::Close => "\"}}\"".into(),
        Tok::Dot => "\".\"".into(),
        Tok::Field(f) => format!("field .{f}"),
        Tok::Var(v) => format!("variable {v}"),
        Tok::Ident(i) => format!("{i:?}"),
        Tok::Str(s) => format!("string {s:?}"),
        Tok::Num(n) => format!("number {n}"),
        Tok::Bool(b) => format!("{b}"),
        Tok::Nil => "nil".into(),
        Tok::Pipe => "\"|\"".into(),
        Tok::LParen => "\"(\"".into(),
        Tok::RParen => "\")\"".into(),
        Tok::Declare => "\":=\"".into(),
        Tok::Assign => "\"=\"".into(),
        Tok::Comma => "\",\"".into(),
    }
}
