//! The stage graph and the build's entry point: which stages the target needs (a stage is
//! needed when the target builds FROM it or copies or mounts from it), each needed stage on
//! its own thread as soon as the stages it needs are done, and the final image tagged.

use super::dockerfile::{self, Dockerfile, Inst, StageDef};
use super::state::StageState;
use super::{cache, BuildError, BuildEvent, BuildOptions, BuildSink, Cancel};
use crate::{Engine, EngineError, Result};
use hutch_state::Image;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Condvar, Mutex};

/// The built image.
#[derive(Debug, Clone)]
pub struct BuildResult {
    /// Hex ID.
    pub id: String,
    /// The names it was tagged with.
    pub names: Vec<String>,
}

/// What a finished stage leaves for the stages after it.
#[derive(Debug, Clone)]
pub(super) struct StageOutput {
    pub image: Image,
    pub key: String,
    /// How many of the image's layers and history entries its FROM image had.
    pub base_layers: usize,
    pub base_history: usize,
}

/// The finished stages, which later stages wait for.
pub(super) struct Board {
    done: Mutex<HashMap<usize, std::result::Result<StageOutput, String>>>,
    cv: Condvar,
}

impl Board {
    /// Waits for stage `i`; a failed stage fails its dependents with a short message (its
    /// own error is reported by the stage itself).
    pub fn wait(&self, i: usize, cancel: &Cancel) -> Result<StageOutput> {
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(r) = done.get(&i) {
                return r.clone().map_err(|e| {
                    BuildError::Invalid {
                        what: format!("stage {i}"),
                        reason: e,
                    }
                    .into()
                });
            }
            if cancel.is_cancelled() {
                return Err(BuildError::Interrupted.into());
            }
            done = self
                .cv
                .wait_timeout(done, std::time::Duration::from_millis(100))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    fn put(&self, i: usize, r: std::result::Result<StageOutput, String>) {
        self.done
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(i, r);
        self.cv.notify_all();
    }
}

/// The build-wide facts every stage reads.
pub(super) struct Build<'a> {
    pub eng: &'a Engine,
    pub opts: &'a BuildOptions,
    pub df: &'a Dockerfile,
    pub sink: &'a dyn BuildSink,
    pub cancel: &'a Cancel,
    pub board: &'a Board,
    /// Global ARGs (before the first FROM) with their values.
    pub global_args: BTreeMap<String, String>,
    /// Stage names (and indexes as text) to stage index.
    pub names: HashMap<String, usize>,
    pub context: &'a super::context::BuildContext,
    /// Whether to prefix progress with `[stage/stages]`.
    pub multi: bool,
    /// One writer at a time for a `--cache-to` directory's index.
    pub cache_dir_lock: Mutex<()>,
}

/// `TARGETPLATFORM` and the rest, for this host.
pub(super) fn platform_args() -> BTreeMap<String, String> {
    let p = crate::pull::manifest::platform_from_flags(None, None, None, None)
        .expect("the host platform");
    let os = p.os().to_string();
    let arch = p.architecture().to_string();
    let variant = p
        .variant()
        .as_ref()
        .map(|v| v.to_string())
        .unwrap_or_default();
    let platform = if variant.is_empty() {
        format!("{os}/{arch}")
    } else {
        format!("{os}/{arch}/{variant}")
    };
    let mut m = BTreeMap::new();
    for prefix in ["TARGET", "BUILD"] {
        m.insert(format!("{prefix}PLATFORM"), platform.clone());
        m.insert(format!("{prefix}OS"), os.clone());
        m.insert(format!("{prefix}ARCH"), arch.clone());
        m.insert(format!("{prefix}VARIANT"), variant.clone());
    }
    m
}

/// The proxy variables a RUN sees when given as build args, without an ARG.
pub(super) const PROXY_ARGS: &[&str] = &[
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// The stages stage `s` needs: its base when that is a stage, and `--from` of COPY, ADD and
/// RUN mounts.
fn deps_of(b: &Build<'_>, s: &StageDef) -> Vec<usize> {
    let mut out = Vec::new();
    let global = |n: &str| b.global_args.get(n).cloned();
    let esc = b.df.escape;
    let base = super::expand::expand_word(&s.base, esc, &global).unwrap_or_default();
    if let Some(&i) = b.names.get(&base.to_ascii_lowercase()) {
        if i < s.index {
            out.push(i);
        }
    }
    for step in &s.steps {
        let froms: Vec<String> = match &step.inst {
            Inst::Copy { flags, .. } => flags
                .iter()
                .filter(|f| f.name == "from")
                .filter_map(|f| f.value.clone())
                .collect(),
            Inst::Run { flags, .. } => flags
                .iter()
                .filter(|f| f.name == "mount")
                .filter_map(|f| f.value.as_ref())
                .filter_map(|v| {
                    v.split(',')
                        .find_map(|kv| kv.strip_prefix("from="))
                        .map(str::to_string)
                })
                .collect(),
            _ => Vec::new(),
        };
        for f in froms {
            let f = super::expand::expand_word(&f, esc, &global).unwrap_or(f);
            if let Some(&i) = b.names.get(&f.to_ascii_lowercase()) {
                if i < s.index && !out.contains(&i) {
                    out.push(i);
                }
            }
        }
    }
    out
}

impl Engine {
    /// Builds the image `opts` describes, reporting to `sink`, until done or `cancel`led.
    /// Must run inside the user namespace, on a thread that may block.
    pub fn build(
        &self,
        opts: &BuildOptions,
        context: &super::context::BuildContext,
        sink: &dyn BuildSink,
        cancel: &Cancel,
    ) -> Result<BuildResult> {
        let host = platform_args()["TARGETPLATFORM"].clone();
        if let Some(p) = opts.platform.as_deref().filter(|p| !p.is_empty()) {
            let ok = p
                .split(',')
                .all(|p| p == host || host.starts_with(&format!("{p}/")));
            if !ok {
                return Err(BuildError::Unsupported {
                    what: format!("--platform {p}"),
                    hint: format!("hutch builds for this host's platform ({host}) only"),
                }
                .into());
            }
        }
        let df = dockerfile::parse(&opts.dockerfile_name, &opts.dockerfile)?;
        for n in &df.notes {
            sink.event(BuildEvent::Warning(n.clone()));
        }
        // Global ARGs: a build arg wins over the default; the platform args are there too.
        let mut global_args = platform_args();
        for step in &df.global_args {
            let Inst::Arg(raw) = &step.inst else {
                return Err(BuildError::Instruction {
                    file: df.file.clone(),
                    line: step.line,
                    instruction: step.text.clone(),
                    reason: "only ARG may come before the first FROM".into(),
                }
                .into());
            };
            let known = global_args.clone();
            let decls = super::expand::parse_arg_decls(raw, df.escape, &|n| known.get(n).cloned())
                .map_err(|r| BuildError::Instruction {
                    file: df.file.clone(),
                    line: step.line,
                    instruction: step.text.clone(),
                    reason: r.to_string(),
                })?;
            for (k, default) in decls {
                if let Some(v) = opts.build_args.get(&k).cloned().or(default) {
                    global_args.insert(k, v);
                } else {
                    global_args.entry(k).or_default();
                }
            }
        }
        let mut names = HashMap::new();
        for s in &df.stages {
            names.insert(s.index.to_string(), s.index);
            if let Some(n) = &s.name {
                names.insert(n.clone(), s.index);
            }
        }
        let target = match &opts.target {
            Some(t) => {
                *names
                    .get(&t.to_ascii_lowercase())
                    .ok_or_else(|| BuildError::NoSuchTarget {
                        target: t.clone(),
                        file: df.file.clone(),
                    })?
            }
            None => df.stages.len() - 1,
        };
        let board = Board {
            done: Mutex::new(HashMap::new()),
            cv: Condvar::new(),
        };
        let b = Build {
            eng: self,
            opts,
            df: &df,
            sink,
            cancel,
            board: &board,
            global_args,
            names,
            context,
            multi: df.stages.len() > 1,
            cache_dir_lock: Mutex::new(()),
        };
        let deps: Vec<Vec<usize>> = df.stages.iter().map(|s| deps_of(&b, s)).collect();
        let mut needed = vec![false; df.stages.len()];
        let mut todo = vec![target];
        while let Some(i) = todo.pop() {
            if !needed[i] {
                needed[i] = true;
                todo.extend(deps[i].iter().copied());
            }
        }
        let mut first_err: Mutex<Option<EngineError>> = Mutex::new(None);
        std::thread::scope(|scope| {
            for s in df.stages.iter().filter(|s| needed[s.index]) {
                let b = &b;
                let deps = &deps[s.index];
                let first_err = &first_err;
                scope.spawn(move || {
                    let r = deps
                        .iter()
                        .try_for_each(|&d| b.board.wait(d, b.cancel).map(drop))
                        .and_then(|()| b.run_stage(s));
                    match r {
                        Ok(out) => b.board.put(s.index, Ok(out)),
                        Err(e) => {
                            b.board.put(s.index, Err(e.to_string()));
                            let mut fe = first_err.lock().unwrap_or_else(|e| e.into_inner());
                            // The first real failure wins over the ones it caused.
                            if fe.is_none() {
                                *fe = Some(e);
                            }
                        }
                    }
                });
            }
        });
        if let Some(e) = first_err
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            return Err(e);
        }
        let out = board.wait(target, cancel)?;
        b.finish(out)
    }
}

impl Build<'_> {
    /// The final image: `--label`s applied, written (or found in the cache), tagged.
    fn finish(&self, out: StageOutput) -> Result<BuildResult> {
        let eng = self.eng;
        let mut names = Vec::new();
        for t in &self.opts.tags {
            names.push(crate::images::normalize_new_name(t)?);
        }
        let mut image = out.image.clone();
        let mut key = out.key.clone();
        if self.opts.squash || self.opts.squash_all {
            (image, key) = self.squash(&out)?;
        }
        if !self.opts.labels.is_empty() || !self.opts.annotations.is_empty() {
            let key = cache::key(
                &key,
                &format!(
                    "FINAL labels={:?} annotations={:?}",
                    self.opts.labels, self.opts.annotations
                ),
            );
            let cached = self.cached(&key)?;
            image = match cached {
                Some(img) => img,
                None => {
                    let mut st = self.state_from_image(&image, key.clone())?;
                    for (k, v) in &self.opts.labels {
                        st.cfg()
                            .entry("Labels")
                            .or_insert_with(|| serde_json::json!({}));
                        if let Some(l) = st.cfg().get_mut("Labels").and_then(|l| l.as_object_mut())
                        {
                            l.insert(k.clone(), serde_json::json!(v));
                        }
                    }
                    let img = super::image::write(
                        eng,
                        &st.config,
                        &st.layers,
                        None,
                        &[],
                        self.opts.format,
                        &self.opts.annotations,
                    )?;
                    self.remember(&key, &img.id)?;
                    img
                }
            };
        }
        self.sink.event(BuildEvent::Commit {
            name: self.opts.tags.first().cloned(),
        });
        self.sink.event(BuildEvent::Image {
            id: image.id.clone(),
        });
        for n in &names {
            eng.db().add_name(&image.id, n)?;
            self.sink.event(BuildEvent::Tagged { name: n.clone() });
        }
        crate::events::image(
            eng.db(),
            "build",
            &image.id,
            names.first().map(String::as_str).unwrap_or(""),
        );
        Ok(BuildResult {
            id: image.id,
            names,
        })
    }

    /// The cached image of `key`, when the cache is on and it is still stored.
    pub fn cached(&self, key: &str) -> Result<Option<Image>> {
        if !self.opts.layers || self.opts.no_cache {
            return Ok(None);
        }
        let local = match self.eng.db().build_cache(key)? {
            Some(id) => self.eng.db().image(&id)?,
            None => None,
        };
        match local {
            Some(img) => {
                // A step cached here before --cache-to was given still goes there.
                self.export_cached(key, &img.id);
                Ok(Some(img))
            }
            None => self.import_cached(key),
        }
    }

    pub fn remember(&self, key: &str, id: &str) -> Result<()> {
        if self.opts.layers {
            self.eng.db().put_build_cache(key, id)?;
        }
        self.export_cached(key, id);
        Ok(())
    }

    /// A stage state continuing from `image`.
    pub fn state_from_image(&self, image: &Image, key: String) -> Result<StageState> {
        let config: serde_json::Value =
            serde_json::from_slice(&image.config).map_err(|source| {
                EngineError::BadImageConfig {
                    image: image.id.clone(),
                    source,
                }
            })?;
        let base_history = config
            .get("history")
            .and_then(serde_json::Value::as_array)
            .map_or(0, Vec::len);
        Ok(StageState {
            base_layers: image.layers.len(),
            base_history,
            config,
            layers: image.layers.clone(),
            image: Some(image.clone()),
            key,
            args: BTreeMap::new(),
            escape: self.df.escape,
            file: self.df.file.clone(),
        })
    }
}
