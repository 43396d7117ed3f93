//! One stage, step by step: FROM (an image, scratch or an earlier stage, with the base's
//! ONBUILD triggers), then each instruction; layer steps (RUN, COPY and ADD in `copy_step`, a
//! WORKDIR that creates its directory) are looked up in the cache first and recorded after.

use super::copy::{self, ImageFs};
use super::dockerfile::{self, Command, Flag, Inst, StageDef, Step};
use super::run_step::RunRequest;
use super::stages::{Build, StageOutput, PROXY_ARGS};
use super::state::StageState;
use super::{cache, image, BuildError, BuildEvent};
use crate::container::mount_spec::{parse_mount, Mount};
use crate::{EngineError, Result};
use hutch_state::Image;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Names with their values, in order.
type NamedValues = Vec<(String, String)>;

/// A flag's value by name (the last one given).
pub(super) fn flag<'a>(flags: &'a [Flag], name: &str) -> Option<&'a str> {
    flags
        .iter()
        .rev()
        .find(|f| f.name == name)
        .map(|f| f.value.as_deref().unwrap_or("true"))
}

/// Where a `RUN <<EOF` script with a `#!` line is, in the container (BuildKit's place).
const HEREDOC_DIR: &str = "/dev/pipes";

impl Build<'_> {
    fn progress(&self, s: &StageDef, number: usize, total: usize, text: &str) {
        self.sink.event(BuildEvent::Step {
            stage: self.multi.then_some((s.index + 1, self.df.stages.len())),
            number,
            total,
            text: text.to_string(),
        });
    }

    /// Runs stage `s` to its image.
    pub fn run_stage(&self, s: &StageDef) -> Result<StageOutput> {
        let total = s.steps.len() + 1;
        self.progress(s, 1, total, &s.text);
        let mut st = self.from(s)?;
        // The base image's triggers run first, as if they followed FROM.
        let triggers: Vec<String> = st
            .config
            .get("config")
            .and_then(|c| c.get("OnBuild"))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        if let Some(c) = st.config.get_mut("config").and_then(Value::as_object_mut) {
            c.remove("OnBuild");
        }
        for t in triggers {
            let mut step =
                dockerfile::parse_instruction(&t).map_err(|e| BuildError::Instruction {
                    file: self.df.file.clone(),
                    line: s.line,
                    instruction: format!("ONBUILD {t}"),
                    reason: e.to_string(),
                })?;
            step.line = s.line;
            self.step(s, &mut st, &step)?;
        }
        for (n, step) in s.steps.iter().enumerate() {
            if self.cancel.is_cancelled() {
                return Err(BuildError::Interrupted.into());
            }
            self.progress(s, n + 2, total, &step.text);
            self.step(s, &mut st, step)?;
        }
        // The stage's image: the last layer step's, or a new one for the metadata after it.
        let image = match &st.image {
            Some(img) if img.config == serde_json::to_vec(&st.config).unwrap_or_default() => {
                img.clone()
            }
            _ => self.materialize(&mut st)?,
        };
        Ok(StageOutput {
            image,
            key: st.key,
            base_layers: st.base_layers,
            base_history: st.base_history,
        })
    }

    /// Writes the state as an image (no new layer), or finds it in the cache.
    fn materialize(&self, st: &mut StageState) -> Result<Image> {
        let key = cache::key(&st.key, "COMMIT");
        if let Some(img) = self.cached(&key)? {
            st.image = Some(img.clone());
            return Ok(img);
        }
        let img = image::write(
            self.eng,
            &st.config,
            &st.layers,
            None,
            &[],
            self.opts.format,
            &[],
        )?;
        self.remember(&key, &img.id)?;
        st.config = serde_json::from_slice(&img.config).unwrap_or(st.config.clone());
        st.image = Some(img.clone());
        Ok(img)
    }

    fn global_lookup(&self) -> impl Fn(&str) -> Option<String> + '_ {
        |n| self.global_args.get(n).cloned()
    }

    /// FROM: the starting state.
    fn from(&self, s: &StageDef) -> Result<StageState> {
        let lookup = self.global_lookup();
        let err = |reason: String| BuildError::Instruction {
            file: self.df.file.clone(),
            line: s.line,
            instruction: s.text.clone(),
            reason,
        };
        let base = super::expand::expand_word(&s.base, self.df.escape, &lookup)
            .map_err(|e| err(e.to_string()))?;
        if base.is_empty() {
            return Err(err("the base image name is empty (an unset build arg?)".into()).into());
        }
        if let Some(p) = &s.platform {
            let p = super::expand::expand_word(p, self.df.escape, &lookup)
                .map_err(|e| err(e.to_string()))?;
            let host = &self.global_args["TARGETPLATFORM"];
            if &p != host && !host.starts_with(&format!("{p}/")) {
                return Err(err(format!(
                    "--platform={p}: hutch builds for this host's platform ({host}) only"
                ))
                .into());
            }
        }
        let fmt = format!("{:?}", self.opts.format);
        if base == "scratch" {
            let host = super::stages::platform_args();
            let config = json!({
                "architecture": host["TARGETARCH"],
                "os": host["TARGETOS"],
                "config": {},
                "rootfs": {"type": "layers", "diff_ids": []},
                "history": [],
            });
            return Ok(StageState {
                config,
                layers: Vec::new(),
                image: None,
                key: cache::key(&fmt, "FROM scratch"),
                args: BTreeMap::new(),
                escape: self.df.escape,
                file: self.df.file.clone(),
                base_layers: 0,
                base_history: 0,
            });
        }
        let image = if let Some(&i) = self
            .names
            .get(&base.to_ascii_lowercase())
            .filter(|&&i| i < s.index)
        {
            self.board.wait(i, self.cancel)?.image
        } else {
            self.base_image(&base)?
        };
        let mut st =
            self.state_from_image(&image, cache::key(&fmt, &format!("FROM {}", image.id)))?;
        // The new image's own history and rootfs start from the base's.
        if let Some(root) = st.config.as_object_mut() {
            root.remove("container_config");
            root.remove("container");
        }
        Ok(st)
    }

    /// A base image (or `--from` image) by the pull policy.
    pub fn base_image(&self, name: &str) -> Result<Image> {
        let sink = self.sink;
        let progress = move |e: crate::progress::Event| sink.event(BuildEvent::Pull(e));
        let cancel = self.cancel;
        let interrupted = async move {
            while !cancel.is_cancelled() {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        };
        let (img, _) = self.eng.ensure_image(
            name,
            self.opts.pull,
            &self.opts.pull_options,
            &progress,
            interrupted,
        )?;
        Ok(img)
    }

    fn step(&self, s: &StageDef, st: &mut StageState, step: &Step) -> Result<()> {
        match &step.inst {
            Inst::Arg(raw) => self.arg(st, step, raw),
            Inst::Run {
                flags,
                command,
                heredocs,
            } => self.run(s, st, step, flags, command, heredocs),
            Inst::Copy {
                add,
                flags,
                sources,
                dest,
            } => self.copy(st, step, *add, flags, sources, dest),
            Inst::Workdir(_) => {
                let text = st.apply_meta(step)?;
                st.key = cache::key(&st.key, &text);
                let wd = st.str_of("WorkingDir");
                let fs = ImageFs::of(self.eng, &st.layers)?;
                if fs.find(&wd).is_some() {
                    st.history(format!("/bin/sh -c #(nop) {text}"), true);
                    return Ok(());
                }
                // A directory the image lacks is created, as its own layer.
                self.layer_step(st, &format!("/bin/sh -c #(nop) {text}"), |root| {
                    copy::make_parents(root, &wd, Some(&fs)).map(drop)
                })
            }
            _ => {
                let text = st.apply_meta(step)?;
                st.key = cache::key(&st.key, &text);
                st.history(format!("/bin/sh -c #(nop) {text}"), true);
                Ok(())
            }
        }
    }

    /// ARG in a stage: a build arg wins over the default, then the global ARG's value.
    fn arg(&self, st: &mut StageState, step: &Step, raw: &str) -> Result<()> {
        let decls = super::expand::parse_arg_decls(raw, st.escape, &|n| st.lookup(n))
            .map_err(|r| st.err(step, r))?;
        for (k, default) in decls {
            let v = self
                .opts
                .build_args
                .get(&k)
                .cloned()
                .or(default)
                .or_else(|| self.global_args.get(&k).cloned());
            if let Some(v) = v {
                st.key = cache::key(&st.key, &format!("ARG {k}={v}"));
                st.args.insert(k, v);
            } else {
                st.key = cache::key(&st.key, &format!("ARG {k}"));
                st.args.insert(k, String::new());
            }
        }
        Ok(())
    }

    /// A step that makes a layer from a directory `fill` writes, reused from the cache when
    /// the key (already folded into `st.key`) has an image.
    pub(super) fn layer_step(
        &self,
        st: &mut StageState,
        created_by: &str,
        fill: impl FnOnce(&std::path::Path) -> Result<()>,
    ) -> Result<()> {
        if let Some(img) = self.cached(&st.key)? {
            self.sink.event(BuildEvent::CacheHit { id: img.id.clone() });
            return self.adopt(st, img);
        }
        let store = hutch_storage::LayerStore::new(&self.eng.paths().graphroot);
        let work = store.staging()?;
        let root = work.path.join("root");
        std::fs::create_dir(&root).map_err(|e| EngineError::io(&root, e))?;
        fill(&root)?;
        // Nothing else uses the directory: it becomes the layer itself.
        let layer = image::stage_dir(&store, image::LayerSource::Move(&root))?;
        drop(work);
        self.commit_layer(st, created_by, layer)
    }

    /// Continues from a cached step image.
    pub(super) fn adopt(&self, st: &mut StageState, img: Image) -> Result<()> {
        st.config =
            serde_json::from_slice(&img.config).map_err(|source| EngineError::BadImageConfig {
                image: img.id.clone(),
                source,
            })?;
        st.layers = img.layers.clone();
        self.sink.event(BuildEvent::Image { id: img.id.clone() });
        st.image = Some(img);
        Ok(())
    }

    pub(super) fn commit_layer(
        &self,
        st: &mut StageState,
        created_by: &str,
        layer: image::StagedLayer,
    ) -> Result<()> {
        st.history(created_by.to_string(), false);
        let img = image::write(
            self.eng,
            &st.config,
            &st.layers,
            Some(layer),
            &[],
            self.opts.format,
            &[],
        )?;
        self.remember(&st.key, &img.id)?;
        self.adopt(st, img)
    }

    /// The build args a RUN sees as variables: those declared in the stage (unless ENV has
    /// the name), then the proxy variables given with --build-arg and not declared. As with
    /// Docker, the proxies stay out of the history and the cache key (a proxy says nothing of
    /// what the step makes).
    fn run_args(&self, st: &StageState) -> (NamedValues, NamedValues) {
        let env: Vec<String> = st.env().into_iter().map(|(k, _)| k).collect();
        let declared: Vec<(String, String)> = st
            .args
            .iter()
            .filter(|(k, _)| !env.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut proxies = Vec::new();
        for p in PROXY_ARGS {
            if let Some(v) = self.opts.build_args.get(*p) {
                if !declared.iter().any(|(k, _)| k == p) && !env.iter().any(|k| k == p) {
                    proxies.push((p.to_string(), v.clone()));
                }
            }
        }
        (declared, proxies)
    }

    fn run(
        &self,
        s: &StageDef,
        st: &mut StageState,
        step: &Step,
        flags: &[Flag],
        command: &Command,
        heredocs: &[dockerfile::HereDoc],
    ) -> Result<()> {
        let mut script = None;
        let argv = match (command, heredocs) {
            (Command::Exec(v), _) => v.clone(),
            (Command::Shell(line), []) => {
                let mut v = st.shell();
                v.push(line.clone());
                v
            }
            // `RUN <<EOF` alone: a script with a `#!` line runs as a file, as BuildKit runs it;
            // any other is the shell's script.
            (Command::Shell(line), [doc]) if super::heredoc::is_only_a_marker(line) => {
                if doc.content.starts_with("#!") {
                    script = Some(doc);
                    vec![format!("{HEREDOC_DIR}/{}", doc.name)]
                } else {
                    let mut v = st.shell();
                    v.push(doc.content.clone());
                    v
                }
            }
            // Anything else goes to the shell whole, each document after the command, ended
            // by its delimiter, for the shell to read as here-documents.
            (Command::Shell(line), docs) => {
                let mut full = line.clone();
                for d in docs {
                    full.push('\n');
                    full.push_str(&d.raw);
                    full.push_str(&d.name);
                }
                let mut v = st.shell();
                v.push(full);
                v
            }
        };
        let (args, proxies) = self.run_args(st);
        let mut network = self.opts.network.clone();
        let mut mount_specs = Vec::new();
        for f in flags {
            match f.name.as_str() {
                "mount" => mount_specs.push(st.expand(step, f.value.as_deref().unwrap_or(""))?),
                "network" => {
                    network = Some(match f.value.as_deref().unwrap_or("default") {
                        "none" => hutch_network::NetworkMode::None,
                        "host" => hutch_network::NetworkMode::Host,
                        "default" => continue,
                        other => {
                            return Err(st
                                .err(
                                    step,
                                    format!("--network={other}: expected default, none or host"),
                                )
                                .into())
                        }
                    })
                }
                "security" => {}
                other => return Err(st.err(step, format!("unknown flag --{other}")).into()),
            }
        }
        let script_text = script.map(|d| d.content.as_str()).unwrap_or("");
        let what = format!(
            "RUN {argv:?} script={script_text:?} args={args:?} mounts={mount_specs:?} \
             network={network:?}"
        );
        st.key = cache::key(&st.key, &what);
        let created_by = if args.is_empty() {
            argv.join(" ")
        } else {
            let a: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("|{} {} {}", a.len(), a.join(" "), argv.join(" "))
        };
        if let Some(img) = self.cached(&st.key)? {
            self.sink.event(BuildEvent::CacheHit { id: img.id.clone() });
            return self.adopt(st, img);
        }
        let image = match &st.image {
            Some(i) if i.layers == st.layers => i.clone(),
            _ => self.materialize(st)?,
        };
        let mut env = st.env();
        env.extend(args);
        env.extend(proxies);
        let mut run_mounts = self.opts.volumes.clone();
        let mut scratch = Vec::new();
        for m in &mount_specs {
            let (mount, extra_env) = self.run_mount(st, step, m, &mut scratch)?;
            run_mounts.push(mount);
            env.extend(extra_env);
        }
        if let Some(doc) = script {
            run_mounts.push(self.script_mount(st, step, doc, &mut scratch)?);
        }
        let mount_points = run_mounts
            .iter()
            .map(|m| m.destination().to_string())
            .collect();
        let req = RunRequest {
            mount_points,
            argv,
            env,
            workdir: st.str_of("WorkingDir"),
            user: st.str_of("User"),
            network,
            mounts: run_mounts,
            instruction: step.text.clone(),
            stage: s.index,
        };
        let layer = self.eng.build_run(&image, &req, self.sink, self.cancel);
        drop(scratch);
        let layer = layer?;
        self.commit_layer(st, &created_by, layer)
    }

    /// A `RUN <<EOF` script with a `#!` line, as an executable file mounted read-only where
    /// BuildKit puts it.
    fn script_mount(
        &self,
        st: &StageState,
        step: &Step,
        doc: &dockerfile::HereDoc,
        scratch: &mut Vec<tempfile_dir::TempDir>,
    ) -> Result<Mount> {
        use std::os::unix::fs::PermissionsExt;
        let parent = self.eng.paths().runroot.join("build-scripts");
        let dir = tempfile_dir::TempDir::new(&parent).map_err(|e| EngineError::io(&parent, e))?;
        let file = dir.path.join("script");
        std::fs::write(&file, &doc.content).map_err(|e| EngineError::io(&file, e))?;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| EngineError::io(&file, e))?;
        let spec = format!(
            "type=bind,source={},destination={HEREDOC_DIR}/{},ro",
            file.display(),
            doc.name
        );
        let m = parse_mount(&spec).map_err(|e| st.err(step, e.to_string()))?;
        scratch.push(dir);
        Ok(m)
    }

    /// One `RUN --mount=...` as a container mount (and the variables it sets).
    fn run_mount(
        &self,
        st: &StageState,
        step: &Step,
        spec: &str,
        scratch: &mut Vec<tempfile_dir::TempDir>,
    ) -> Result<(Mount, Vec<(String, String)>)> {
        let mut kv: BTreeMap<String, String> = BTreeMap::new();
        for item in spec.split(',').filter(|s| !s.is_empty()) {
            let (k, v) = item.split_once('=').unwrap_or((item, "true"));
            kv.insert(k.to_ascii_lowercase(), v.to_string());
        }
        let kind = kv
            .get("type")
            .map(String::as_str)
            .unwrap_or("bind")
            .to_string();
        let target = kv
            .get("target")
            .or(kv.get("dst"))
            .or(kv.get("destination"))
            .cloned();
        let bad =
            |r: String| -> EngineError { st.err(step, format!("--mount={spec}: {r}")).into() };
        let mk = |s: String| parse_mount(&s).map_err(|e| bad(e.to_string()));
        let mut env = Vec::new();
        let mount = match kind.as_str() {
            "cache" => {
                let target = target.ok_or_else(|| bad("a cache mount needs target=".into()))?;
                let id = kv.get("id").cloned().unwrap_or_else(|| target.clone());
                let dir = cache::cache_mounts_dir(self.eng.paths()).join(cache::key("cache", &id));
                std::fs::create_dir_all(&dir).map_err(|e| EngineError::io(&dir, e))?;
                if kv.contains_key("uid") || kv.contains_key("gid") {
                    let uid = kv.get("uid").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let gid = kv.get("gid").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let _ = std::os::unix::fs::lchown(&dir, Some(uid), Some(gid));
                }
                if let Some(m) = kv.get("mode").and_then(|m| u32::from_str_radix(m, 8).ok()) {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(m));
                }
                mk(format!(
                    "type=bind,source={},destination={target}",
                    dir.display()
                ))?
            }
            "bind" => {
                let target = target.ok_or_else(|| bad("a bind mount needs target=".into()))?;
                let source = kv
                    .get("source")
                    .or(kv.get("src"))
                    .cloned()
                    .unwrap_or_default();
                let root = match kv.get("from") {
                    Some(from) => self.source_root(from)?.0,
                    None => self.context.root().to_path_buf(),
                };
                let path = root.join(source.trim_start_matches('/'));
                if !path.exists() {
                    return Err(bad(format!("source {source:?} does not exist")));
                }
                // Writes to the mount are not wanted in the context: read-only always.
                mk(format!(
                    "type=bind,source={},destination={target},ro",
                    path.display()
                ))?
            }
            "tmpfs" => {
                let target = target.ok_or_else(|| bad("a tmpfs mount needs target=".into()))?;
                mk(format!("type=tmpfs,destination={target}"))?
            }
            "secret" => {
                let id = kv
                    .get("id")
                    .cloned()
                    .or_else(|| {
                        target
                            .as_ref()
                            .and_then(|t| t.rsplit('/').next().map(String::from))
                    })
                    .ok_or_else(|| bad("a secret mount needs id=".into()))?;
                let secret = self.opts.secrets.iter().find(|s| s.id == id);
                let Some(secret) = secret else {
                    if kv.get("required").is_some_and(|v| v == "true") {
                        return Err(bad(format!(
                            "secret {id:?} is required: pass --secret id={id},src=FILE"
                        )));
                    }
                    return mk(format!("type=tmpfs,destination=/run/secrets/.absent-{id}"))
                        .map(|m| (m, env));
                };
                let dir =
                    tempfile_dir::TempDir::new(&self.eng.paths().runroot.join("build-secrets"))
                        .map_err(|e| {
                            EngineError::io(self.eng.paths().runroot.join("build-secrets"), e)
                        })?;
                let file = dir.path.join("secret");
                std::fs::write(&file, &secret.data).map_err(|e| EngineError::io(&file, e))?;
                let mode = kv
                    .get("mode")
                    .and_then(|m| u32::from_str_radix(m, 8).ok())
                    .unwrap_or(0o400);
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode));
                }
                let uid = kv.get("uid").and_then(|v| v.parse().ok()).unwrap_or(0);
                let gid = kv.get("gid").and_then(|v| v.parse().ok()).unwrap_or(0);
                let _ = std::os::unix::fs::lchown(&file, Some(uid), Some(gid));
                if let Some(name) = kv.get("env") {
                    env.push((
                        name.clone(),
                        String::from_utf8_lossy(&secret.data).into_owned(),
                    ));
                }
                let target = target.unwrap_or_else(|| format!("/run/secrets/{id}"));
                let m = mk(format!(
                    "type=bind,source={},destination={target},ro",
                    file.display()
                ))?;
                scratch.push(dir);
                m
            }
            "ssh" => {
                let id = kv.get("id").cloned().unwrap_or_else(|| "default".into());
                let sock = self
                    .opts
                    .ssh
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, p)| p.clone())
                    .ok_or_else(|| {
                        bad(format!(
                            "no ssh agent {id:?}: pass --ssh {id}=$SSH_AUTH_SOCK"
                        ))
                    })?;
                let target = target.unwrap_or_else(|| "/run/buildkit/ssh_agent.0".into());
                env.push(("SSH_AUTH_SOCK".into(), target.clone()));
                mk(format!(
                    "type=bind,source={},destination={target}",
                    sock.display()
                ))?
            }
            other => return Err(bad(format!("unknown mount type {other:?}"))),
        };
        Ok((mount, env))
    }

    /// The root to copy or mount from for `--from=NAME`: a stage's image or an image,
    /// mounted read-only (unmounted when the guard goes).
    pub(super) fn source_root(&self, from: &str) -> Result<(std::path::PathBuf, MountGuard<'_>)> {
        let img = match self.names.get(&from.to_ascii_lowercase()) {
            Some(&i) => self.board.wait(i, self.cancel)?.image,
            None => self.base_image(from)?,
        };
        let root = crate::images::mount(self.eng.db(), self.eng.paths(), &img)?;
        Ok((root, MountGuard { b: self, img }))
    }
}

/// Unmounts a `--from` image when dropped.
pub(super) struct MountGuard<'a> {
    b: &'a Build<'a>,
    img: Image,
}

impl Drop for MountGuard<'_> {
    fn drop(&mut self) {
        if let Err(e) =
            crate::images::unmount(self.b.eng.db(), self.b.eng.paths(), &self.img, false)
        {
            tracing::warn!("unmounting image {}: {e}", self.img.id);
        }
    }
}

pub(super) fn join_abs(dir: &str, name: String) -> String {
    if name.is_empty() {
        return dir.to_string();
    }
    format!("{}/{name}", dir.trim_end_matches('/'))
}

/// `/a/b/c` as (`/a/b`, `c`).
pub(super) fn split_abs(p: &str) -> (String, String) {
    let p = p.trim_end_matches('/');
    match p.rsplit_once('/') {
        Some((d, n)) => (d.to_string(), n.to_string()),
        None => (String::new(), p.to_string()),
    }
}

/// `$VAR` and `${VAR}` in a here-document (nothing else is special there).
pub(super) fn expand_vars(text: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        let braced = chars.peek() == Some(&'{');
        if braced {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&n) = chars.peek() {
            if n.is_ascii_alphanumeric() || n == '_' {
                name.push(n);
                chars.next();
            } else {
                break;
            }
        }
        if braced && chars.peek() == Some(&'}') {
            chars.next();
        }
        if name.is_empty() {
            out.push('$');
            if braced {
                out.push('{');
            }
        } else {
            out.push_str(&lookup(&name).unwrap_or_default());
        }
    }
    out
}

/// A directory removed when dropped (secrets written for one RUN).
mod tempfile_dir {
    use std::path::{Path, PathBuf};

    pub struct TempDir {
        pub path: PathBuf,
    }

    impl TempDir {
        pub fn new(parent: &Path) -> std::io::Result<TempDir> {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::create_dir_all(parent)?;
            let path = parent.join(crate::container::names::random_id());
            std::fs::DirBuilder::new().mode(0o700).create(&path)?;
            Ok(TempDir { path })
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}
