//! A stage's state between steps: the image config being built, its layers, the image that
//! holds them (for RUN), the build args in scope and the cache key so far; and the metadata
//! instructions, which only change the config.

use super::dockerfile::{Command, Flag, Inst, Step};
use super::expand as lib;
use super::BuildError;
use chrono::{SecondsFormat, Utc};
use hutch_state::Image;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

pub(super) struct StageState {
    /// The whole image config (architecture, os, config, history; rootfs is rewritten).
    pub config: Value,
    pub layers: Vec<String>,
    /// The stored image with exactly `layers` (None before the first: scratch).
    pub image: Option<Image>,
    /// The cache key of everything so far.
    pub key: String,
    /// ARGs declared in this stage, with their values.
    pub args: BTreeMap<String, String>,
    pub escape: char,
    pub file: String,
    /// Layers and history entries the FROM image had (what `--squash` leaves alone).
    pub base_layers: usize,
    pub base_history: usize,
}

/// `/bin/sh -c`, Docker's default SHELL.
pub(super) fn default_shell() -> Vec<String> {
    vec!["/bin/sh".into(), "-c".into()]
}

impl StageState {
    pub fn cfg(&mut self) -> &mut Map<String, Value> {
        let root = self.config.as_object_mut().expect("an object");
        if !root.get("config").is_some_and(Value::is_object) {
            root.insert("config".into(), json!({}));
        }
        root.get_mut("config")
            .and_then(Value::as_object_mut)
            .expect("just made")
    }

    fn get(&self, key: &str) -> Option<&Value> {
        self.config.get("config").and_then(|c| c.get(key))
    }

    pub fn env(&self) -> Vec<(String, String)> {
        self.get("Env")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|e| {
                        let (k, v) = e.split_once('=').unwrap_or((e, ""));
                        (k.to_string(), v.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn set_env(&mut self, key: &str, value: &str) {
        let mut env = self.env();
        env.retain(|(k, _)| k != key);
        env.push((key.to_string(), value.to_string()));
        let v: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        self.cfg().insert("Env".into(), json!(v));
    }

    pub fn str_of(&self, key: &str) -> String {
        self.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    }

    pub fn shell(&self) -> Vec<String> {
        self.get("Shell")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .filter(|v: &Vec<String>| !v.is_empty())
            .unwrap_or_else(default_shell)
    }

    /// Variables for substitution: ENV wins over ARG, as in Docker.
    pub fn lookup(&self, name: &str) -> Option<String> {
        self.env()
            .into_iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .or_else(|| self.args.get(name).cloned())
    }

    pub fn err(&self, step: &Step, reason: impl std::fmt::Display) -> BuildError {
        BuildError::Instruction {
            file: self.file.clone(),
            line: step.line,
            instruction: step.text.clone(),
            reason: reason.to_string(),
        }
    }

    pub fn expand(&self, step: &Step, word: &str) -> Result<String, BuildError> {
        lib::expand_word(word, self.escape, &|n| self.lookup(n)).map_err(|e| self.err(step, e))
    }

    pub fn expand_list(&self, step: &Step, words: &[String]) -> Result<Vec<String>, BuildError> {
        words.iter().map(|w| self.expand(step, w)).collect()
    }

    /// Appends a history entry.
    pub fn history(&mut self, created_by: String, empty_layer: bool) {
        let created = Utc::now().to_rfc3339_opts(SecondsFormat::Nanos, true);
        let root = self.config.as_object_mut().expect("an object");
        root.insert("created".into(), json!(created));
        let mut h = Map::new();
        h.insert("created".into(), json!(created));
        h.insert("created_by".into(), json!(created_by));
        if empty_layer {
            h.insert("empty_layer".into(), json!(true));
        }
        if !root.get("history").is_some_and(Value::is_array) {
            root.insert("history".into(), json!([]));
        }
        if let Some(a) = root.get_mut("history").and_then(Value::as_array_mut) {
            a.push(Value::Object(h));
        }
    }

    fn object(&mut self, key: &str) -> &mut Map<String, Value> {
        let cfg = self.cfg();
        if !cfg.get(key).is_some_and(Value::is_object) {
            cfg.insert(key.into(), json!({}));
        }
        cfg.get_mut(key)
            .and_then(Value::as_object_mut)
            .expect("just made")
    }

    /// A command as the config stores it: exec form as is, shell form through SHELL.
    pub fn command_value(&self, c: &Command) -> Value {
        match c {
            Command::Exec(v) => json!(v),
            Command::Shell(s) => {
                let mut v = self.shell();
                v.push(s.clone());
                json!(v)
            }
        }
    }

    /// Applies a metadata instruction (everything but RUN, COPY, ADD); returns the text that
    /// goes into the cache key and history. `ARG` is handled by the caller (scoping).
    pub fn apply_meta(&mut self, step: &Step) -> Result<String, BuildError> {
        let e = self.escape;
        let text = match &step.inst {
            Inst::Env(raw) => {
                let kvs = lib::parse_key_values(raw, e, &|n| self.lookup(n), true)
                    .map_err(|x| self.err(step, x))?;
                let mut parts = Vec::new();
                for (k, v) in kvs {
                    if k.is_empty() {
                        return Err(self.err(step, "ENV names must not be empty"));
                    }
                    self.set_env(&k, &v);
                    parts.push(format!("{k}={v}"));
                }
                format!("ENV {}", parts.join(" "))
            }
            Inst::Label(raw) => {
                let kvs = lib::parse_key_values(raw, e, &|n| self.lookup(n), true)
                    .map_err(|x| self.err(step, x))?;
                let mut parts = Vec::new();
                for (k, v) in kvs {
                    parts.push(format!("{k}={v}"));
                    self.object("Labels").insert(k, json!(v));
                }
                format!("LABEL {}", parts.join(" "))
            }
            Inst::Workdir(raw) => {
                let w = self.expand(step, raw)?;
                let w = resolve_workdir(&self.str_of("WorkingDir"), &w);
                self.cfg().insert("WorkingDir".into(), json!(w));
                format!("WORKDIR {w}")
            }
            Inst::User(raw) => {
                let u = self.expand(step, raw)?;
                self.cfg().insert("User".into(), json!(u));
                format!("USER {u}")
            }
            Inst::Cmd(c) => {
                let v = self.command_value(c);
                self.cfg().insert("Cmd".into(), v.clone());
                format!("CMD {v}")
            }
            Inst::Entrypoint(c) => {
                let v = self.command_value(c);
                self.cfg().insert("Entrypoint".into(), v.clone());
                // A new ENTRYPOINT drops an inherited CMD, as Docker does... only when the
                // CMD came from the base image, which podman does not track either.
                format!("ENTRYPOINT {v}")
            }
            Inst::Expose(ports) => {
                let ports = self.expand_list(step, ports)?;
                for p in &ports {
                    let p = if p.contains('/') {
                        p.to_ascii_lowercase()
                    } else {
                        format!("{p}/tcp")
                    };
                    self.object("ExposedPorts").insert(p, json!({}));
                }
                format!("EXPOSE {}", ports.join(" "))
            }
            Inst::Volume(vols) => {
                let vols = self.expand_list(step, vols)?;
                for v in &vols {
                    if v.is_empty() {
                        return Err(self.err(step, "VOLUME specified can not be an empty string"));
                    }
                    self.object("Volumes").insert(v.clone(), json!({}));
                }
                format!("VOLUME {vols:?}")
            }
            Inst::Shell(sh) => {
                self.cfg().insert("Shell".into(), json!(sh));
                format!("SHELL {sh:?}")
            }
            Inst::StopSignal(raw) => {
                let s = self.expand(step, raw)?;
                self.cfg().insert("StopSignal".into(), json!(s));
                format!("STOPSIGNAL {s}")
            }
            Inst::Maintainer(raw) => {
                let m = self.expand(step, raw)?;
                self.config
                    .as_object_mut()
                    .expect("an object")
                    .insert("author".into(), json!(m));
                format!("MAINTAINER {m}")
            }
            Inst::OnBuild(t) => {
                let upper = t.trim_start().to_ascii_uppercase();
                if upper.starts_with("ONBUILD")
                    || upper.starts_with("FROM")
                    || upper.starts_with("MAINTAINER")
                {
                    return Err(
                        self.err(step, "ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER")
                    );
                }
                let cfg = self.cfg();
                let mut v: Vec<Value> = cfg
                    .get("OnBuild")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                v.push(json!(t));
                cfg.insert("OnBuild".into(), Value::Array(v));
                format!("ONBUILD {t}")
            }
            Inst::Healthcheck { flags, command } => {
                let hc = self.healthcheck(step, flags, command.as_ref())?;
                let text = format!("HEALTHCHECK {hc}");
                self.cfg().insert("Healthcheck".into(), hc);
                text
            }
            Inst::Arg(_) | Inst::Run { .. } | Inst::Copy { .. } => {
                unreachable!("not a metadata instruction")
            }
        };
        Ok(text)
    }

    fn healthcheck(
        &self,
        step: &Step,
        flags: &[Flag],
        command: Option<&Command>,
    ) -> Result<Value, BuildError> {
        let Some(command) = command else {
            return Ok(json!({"Test": ["NONE"]}));
        };
        let mut hc = Map::new();
        hc.insert(
            "Test".into(),
            match command {
                Command::Exec(v) => {
                    let mut t = vec!["CMD".to_string()];
                    t.extend(v.iter().cloned());
                    json!(t)
                }
                Command::Shell(s) => json!(["CMD-SHELL", s]),
            },
        );
        for f in flags {
            let v = f.value.clone().unwrap_or_default();
            let key = match f.name.as_str() {
                "interval" => "Interval",
                "timeout" => "Timeout",
                "start-period" => "StartPeriod",
                "start-interval" => "StartInterval",
                "retries" => {
                    let n: i64 = v
                        .parse()
                        .map_err(|_| self.err(step, format!("--retries {v:?}: not a number")))?;
                    hc.insert("Retries".into(), json!(n));
                    continue;
                }
                other => return Err(self.err(step, format!("unknown flag --{other}"))),
            };
            let d = parse_duration(&v)
                .ok_or_else(|| self.err(step, format!("--{} {v:?}: not a duration", f.name)))?;
            hc.insert(key.into(), json!(d));
        }
        Ok(Value::Object(hc))
    }
}

/// A WORKDIR relative to the current one.
pub(super) fn resolve_workdir(current: &str, w: &str) -> String {
    let joined = if w.starts_with('/') {
        w.to_string()
    } else {
        let base = if current.is_empty() { "/" } else { current };
        format!("{}/{w}", base.trim_end_matches('/'))
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Go's duration syntax (`30s`, `1m30s`, `500ms`) in nanoseconds.
fn parse_duration(s: &str) -> Option<i64> {
    let mut total = 0f64;
    let mut num = String::new();
    let mut chars = s.chars().peekable();
    if s.is_empty() {
        return None;
    }
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
            continue;
        }
        let mut unit = c.to_string();
        while let Some(&n) = chars.peek() {
            if n.is_ascii_digit() || n == '.' {
                break;
            }
            unit.push(n);
            chars.next();
        }
        let n: f64 = num.parse().ok()?;
        num.clear();
        total += n * match unit.as_str() {
            "ns" => 1.0,
            "us" | "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
    }
    if !num.is_empty() {
        // A bare 0 is allowed, as in Go.
        if num != "0" {
            return None;
        }
    }
    Some(total as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workdirs_and_durations() {
        assert_eq!(resolve_workdir("/a", "b/../c"), "/a/c");
        assert_eq!(resolve_workdir("", "x"), "/x");
        assert_eq!(resolve_workdir("/a", "/y/"), "/y");
        assert_eq!(parse_duration("1m30s"), Some(90_000_000_000));
        assert_eq!(parse_duration("500ms"), Some(500_000_000));
        assert_eq!(parse_duration("x"), None);
    }
}
