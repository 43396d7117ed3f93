//! Runs a parsed template over a JSON value with Go's semantics: dot and `$`, variables scoped
//! to their control structure, truth as Go defines it, `range` over lists, maps (sorted keys)
//! and integers, `break`/`continue`, and `and`/`or` that stop at the first deciding argument.

use serde_json::{Map, Value};

use super::funcs;
use super::parse::{Cmd, Control, Kind, Node, Operand, Pipe, Term};
use super::printf;

/// Why execution stopped, and in which action (filled in by the innermost pipeline).
#[derive(Debug)]
pub(super) struct Fail {
    pub action: Option<String>,
    pub problem: String,
}

impl From<String> for Fail {
    fn from(problem: String) -> Self {
        Fail {
            action: None,
            problem,
        }
    }
}

type Result<T> = std::result::Result<T, Fail>;

enum Flow {
    Normal,
    Break,
    Continue,
}

pub(super) fn run(nodes: &[Node], root: &Value) -> Result<String> {
    let mut state = State {
        vars: vec![("$".to_string(), root.clone())],
        out: String::new(),
    };
    state.walk(root, nodes)?;
    Ok(state.out)
}

struct State {
    /// Variables in scope, innermost last; `$` is the first.
    vars: Vec<(String, Value)>,
    out: String,
}

/// Whether an object stands for one of podman's structs rather than a map (JSON cannot say):
/// every key is a Go identifier, and one is capitalised (an exported field) or holds more than a
/// string (maps of strings are labels and annotations). A struct's missing field is an error; a
/// map's missing key prints `<no value>`, as in Go.
pub(super) fn is_struct(map: &Map<String, Value>) -> bool {
    let ident = |k: &String| {
        k.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    !map.is_empty()
        && map.keys().all(ident)
        && (map
            .keys()
            .any(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
            || !map.values().all(Value::is_string))
}

/// Go's truth: false, 0, null and empty strings, lists and maps are false.
pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// What `{{.X}}` prints: `%v`, except that a value that is not there prints `<no value>`, as Go
/// prints a missing map key (hutch's views hold null where podman has nothing to show).
pub(super) fn display(v: &Value) -> String {
    match v {
        Value::Null => "<no value>".to_string(),
        v => printf::value(v),
    }
}

impl State {
    fn walk(&mut self, dot: &Value, nodes: &[Node]) -> Result<Flow> {
        for node in nodes {
            match node {
                Node::Text(t) => self.out.push_str(t),
                Node::Action(pipe) => {
                    let v = self.pipe(dot, pipe)?;
                    if pipe.vars.is_empty() {
                        let text = display(&v);
                        self.out.push_str(&text);
                    } else {
                        self.bind(pipe, &[v]);
                    }
                }
                Node::Control(c) => {
                    let mark = self.vars.len();
                    let flow = self.control(dot, c);
                    self.vars.truncate(mark);
                    match flow? {
                        Flow::Normal => {}
                        other => return Ok(other),
                    }
                }
                Node::Break => return Ok(Flow::Break),
                Node::Continue => return Ok(Flow::Continue),
            }
        }
        Ok(Flow::Normal)
    }

    /// Declares (`:=`) or assigns (`=`) a pipeline's variables to `values`, in order.
    fn bind(&mut self, pipe: &Pipe, values: &[Value]) {
        for (name, v) in pipe.vars.iter().zip(values) {
            if pipe.assign {
                if let Some(slot) = self.vars.iter_mut().rev().find(|(n, _)| n == name) {
                    slot.1 = v.clone();
                }
            } else {
                self.vars.push((name.clone(), v.clone()));
            }
        }
    }

    fn control(&mut self, dot: &Value, c: &Control) -> Result<Flow> {
        let v = self.pipe(dot, &c.pipe)?;
        // As in Go, the variables hold the pipeline's value in both branches (a range then sets
        // them to each element and index in turn).
        if !c.pipe.vars.is_empty() {
            let all = vec![v.clone(); c.pipe.vars.len()];
            self.bind(&c.pipe, &all);
        }
        match c.kind {
            Kind::If | Kind::With => {
                if !truthy(&v) {
                    return self.walk(dot, &c.otherwise);
                }
                let dot = if c.kind == Kind::With { &v } else { dot };
                self.walk(dot, &c.body)
            }
            Kind::Range => {
                let items: Vec<(Value, Value)> = match v {
                    Value::Array(a) => a
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| (Value::from(i), v))
                        .collect(),
                    Value::Object(o) => {
                        let mut items: Vec<(String, Value)> = o.into_iter().collect();
                        items.sort_by(|a, b| a.0.cmp(&b.0));
                        items
                            .into_iter()
                            .map(|(k, v)| (Value::String(k), v))
                            .collect()
                    }
                    // Go 1.22: `{{range 3}}` counts 0, 1, 2.
                    Value::Number(n) if n.as_u64().is_some() && !n.is_f64() => {
                        (0..n.as_u64().unwrap_or(0))
                            .map(|i| (Value::from(i), Value::from(i)))
                            .collect()
                    }
                    Value::Null => Vec::new(),
                    other => {
                        return Err(
                            format!("range can't iterate over {}", printf::value(&other)).into(),
                        )
                    }
                };
                if items.is_empty() {
                    return self.walk(dot, &c.otherwise);
                }
                for (key, item) in items {
                    let mark = self.vars.len();
                    match c.pipe.vars.len() {
                        0 => {}
                        1 => self.bind(&c.pipe, std::slice::from_ref(&item)),
                        _ => self.bind(&c.pipe, &[key, item.clone()]),
                    }
                    let flow = self.walk(&item, &c.body);
                    self.vars.truncate(mark);
                    if let Flow::Break = flow? {
                        break;
                    }
                }
                Ok(Flow::Normal)
            }
        }
    }

    /// Evaluates a pipeline; an error is tagged with this action unless an inner one was.
    fn pipe(&mut self, dot: &Value, pipe: &Pipe) -> Result<Value> {
        let mut piped: Option<Value> = None;
        for cmd in &pipe.cmds {
            match self.command(dot, cmd, piped.take()) {
                Ok(v) => piped = Some(v),
                Err(mut e) => {
                    e.action.get_or_insert_with(|| pipe.src.clone());
                    return Err(e);
                }
            }
        }
        Ok(piped.unwrap_or(Value::Null))
    }

    fn command(&mut self, dot: &Value, cmd: &Cmd, piped: Option<Value>) -> Result<Value> {
        let first = &cmd.args[0];
        if let Term::Func(name) = &first.term {
            let rest = &cmd.args[1..];
            let v = match name.as_str() {
                "and" | "or" => self.and_or(dot, name, rest, piped)?,
                _ => {
                    let mut args = Vec::with_capacity(rest.len() + 1);
                    for a in rest {
                        args.push(self.operand(dot, a)?);
                    }
                    args.extend(piped);
                    funcs::call(name, args)?
                }
            };
            return Ok(fields(&v, &first.fields, first)?);
        }
        // podman's container rows have one method with an argument: `{{.Label "key"}}`, the
        // value of that label ("" without it).
        if cmd.args.len() == 2
            && piped.is_none()
            && first.fields.last().is_some_and(|f| f == "Label")
        {
            let mut labels = first.clone();
            labels.fields.pop();
            labels.fields.push("Labels".into());
            if let Value::Object(map) = self.operand(dot, &labels)? {
                let key = self.operand(dot, &cmd.args[1])?;
                let key = key.as_str().unwrap_or_default();
                return Ok(map.get(key).cloned().unwrap_or_else(|| Value::from("")));
            }
        }
        if cmd.args.len() > 1 || piped.is_some() {
            return Err(match first.fields.last() {
                Some(f) => format!("{f} is not a method but has arguments"),
                None => format!("can't give argument to non-function {}", describe(first)),
            }
            .into());
        }
        if let Term::Nil = first.term {
            return Err("nil is not a command".to_string().into());
        }
        self.operand(dot, first)
    }

    /// `and`/`or`: the first argument that decides, evaluated left to right and no further.
    fn and_or(
        &mut self,
        dot: &Value,
        name: &str,
        rest: &[Operand],
        piped: Option<Value>,
    ) -> Result<Value> {
        let total = rest.len() + usize::from(piped.is_some());
        if total == 0 {
            return Err(format!("wrong number of args for {name}: want at least 1 got 0").into());
        }
        let stop_when = name == "or";
        let mut last = Value::Null;
        for a in rest {
            last = self.operand(dot, a)?;
            if truthy(&last) == stop_when {
                return Ok(last);
            }
        }
        Ok(piped.unwrap_or(last))
    }

    fn operand(&mut self, dot: &Value, op: &Operand) -> Result<Value> {
        // Fields are followed by reference and only what they reach is copied: a table cell
        // must not copy its whole row.
        let owned;
        let base = match &op.term {
            Term::Dot => dot,
            Term::Var(v) => self
                .vars
                .iter()
                .rev()
                .find(|(n, _)| n == v)
                .map(|(_, value)| value)
                .ok_or_else(|| format!("undefined variable: {v}"))?,
            Term::Func(f) => {
                owned = funcs::call(f, Vec::new())?;
                &owned
            }
            Term::Lit(v) => v,
            Term::Nil => &Value::Null,
            Term::Paren(p) => {
                owned = self.pipe(dot, p)?;
                &owned
            }
        };
        Ok(fields(base, &op.fields, op)?)
    }
}

/// Follows `.A.B` from `v`, the value of `op`'s term (named in errors).
fn fields(v: &Value, fields: &[String], op: &Operand) -> std::result::Result<Value, String> {
    let mut cur = v;
    for (i, name) in fields.iter().enumerate() {
        let here = || match (i, describe(op)) {
            (0, w) => w,
            (_, w) => format!("{}.{}", w.trim_end_matches('.'), fields[..i].join(".")),
        };
        cur = match cur {
            Value::Object(map) => {
                // Go matches field names exactly; hutch's views accept any case so `.Id` and
                // `.ID` both work.
                let found = map.get(name).or_else(|| {
                    map.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(name))
                        .map(|(_, v)| v)
                });
                match found {
                    Some(v) => v,
                    None if is_struct(map) => {
                        return Err(format!("can't evaluate field {name} in {}", here()))
                    }
                    None => return Ok(Value::Null),
                }
            }
            // A nil pointer or map in podman: nothing below it.
            Value::Null => return Ok(Value::Null),
            other => {
                return Err(format!(
                    "can't evaluate field {name} in type {} ({})",
                    printf::type_name(other),
                    here()
                ))
            }
        };
    }
    Ok(cur.clone())
}

fn describe(op: &Operand) -> String {
    match &op.term {
        Term::Dot => ".".into(),
        Term::Var(v) => v.clone(),
        Term::Func(f) => f.clone(),
        Term::Lit(v) => printf::value(v),
        Term::Nil => "nil".into(),
        Term::Paren(p) => format!("({})", p.src),
    }
}
