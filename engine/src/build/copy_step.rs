//! The COPY and ADD step: where the sources come from (the context, a `--from` stage or image,
//! a URL, a git repository, here-documents), its cache key, and the layer it writes. A
//! `--link` layer is made from the sources alone and found in the cache by a key without the
//! layers below, so a changed base reuses it as it is.

use super::copy::{self, Attrs, ImageFs};
use super::dockerfile::{Flag, Source, Step};
use super::stages::Build;
use super::state::StageState;
use super::steps::{expand_vars, flag, join_abs, split_abs};
use super::{cache, image, remote, BuildError, BuildEvent};
use crate::Result;
use std::os::unix::fs::MetadataExt;

impl Build<'_> {
    pub(super) fn copy(
        &self,
        st: &mut StageState,
        step: &Step,
        add: bool,
        flags: &[Flag],
        sources: &[Source],
        dest: &str,
    ) -> Result<()> {
        for f in flags {
            let known = ["chown", "chmod", "from", "link", "exclude", "parents"];
            let add_only = ["checksum", "keep-git-dir", "unpack"];
            if !(known.contains(&f.name.as_str()) || add && add_only.contains(&f.name.as_str())) {
                return Err(st.err(step, format!("unknown flag --{}", f.name)).into());
            }
        }
        let on = |name: &str| flag(flags, name).is_some_and(|v| v != "false");
        let link = on("link");
        let parents = on("parents");
        let keep_git_dir = on("keep-git-dir");
        let checksum = flag(flags, "checksum")
            .map(|v| st.expand(step, v))
            .transpose()?;
        let excludes: Vec<String> = flags
            .iter()
            .filter(|f| f.name == "exclude")
            .filter_map(|f| f.value.as_deref())
            .map(|v| st.expand(step, v))
            .collect::<std::result::Result<_, _>>()?;
        let chmod = flag(flags, "chmod")
            .map(|v| st.expand(step, v))
            .transpose()?
            .map(|v| copy::parse_chmod(&v))
            .transpose()?;
        let fs = ImageFs::of(self.eng, &st.layers)?;
        let chown = flag(flags, "chown")
            .map(|c| st.expand(step, c))
            .transpose()?;
        let (uid, gid) = match &chown {
            Some(c) => copy::resolve_owner(&fs, c).map_err(|r| st.err(step, r))?,
            None => (0, 0),
        };
        let from = flag(flags, "from")
            .map(|f| st.expand(step, f))
            .transpose()?;
        // Files from a stage or an image keep their owners, as BuildKit keeps them; files
        // from the context (whose owners are the user's) are root's.
        let attrs = Attrs {
            uid,
            gid,
            chmod,
            keep_owner: from.is_some() && chown.is_none(),
        };
        let dest = st.expand(step, dest)?;
        let wd = st.str_of("WorkingDir");
        let dest_abs = if dest.starts_with('/') {
            dest.clone()
        } else {
            format!(
                "{}/{dest}",
                if wd.is_empty() {
                    ""
                } else {
                    wd.trim_end_matches('/')
                }
            )
        };
        let mut paths = Vec::new();
        let mut urls = Vec::new();
        let mut repos = Vec::new();
        let mut docs = Vec::new();
        for s in sources {
            match s {
                Source::Path(p) => {
                    let p = st.expand(step, p)?;
                    if add && from.is_none() && remote::is_git(&p) {
                        repos.push(p);
                    } else if add && from.is_none() && remote::is_http(&p) {
                        urls.push(p);
                    } else if !add && (remote::is_http(&p) || p.starts_with("git@")) {
                        return Err(st
                            .err(
                                step,
                                format!(
                                    "source can't be a URL for COPY: {p} (use ADD to fetch it)"
                                ),
                            )
                            .into());
                    } else {
                        paths.push(p);
                    }
                }
                Source::HereDoc {
                    name,
                    content,
                    expand,
                } => {
                    let c = if *expand {
                        // Only variables are substituted in a here-document, quotes stay.
                        expand_vars(content, &|n| st.lookup(n))
                    } else {
                        content.clone()
                    };
                    docs.push((name.clone(), c));
                }
            }
        }
        if checksum.is_some() && (!paths.is_empty() || !docs.is_empty()) {
            return Err(st
                .err(
                    step,
                    "--checksum can only be used with HTTP(S) and git sources",
                )
                .into());
        }
        let wildcard = paths.iter().any(|p| p.contains(['*', '?', '[']));
        let dir_dest = dest.ends_with('/')
            || paths.len() + urls.len() + repos.len() + docs.len() > 1
            || wildcard
            || !repos.is_empty()
            || (!link && fs.is_dir(&dest_abs));
        // The sources: from the context, or from a stage or image (mounted meanwhile).
        let mut guard = None;
        let owned;
        let ctx: &super::context::BuildContext = match &from {
            None => self.context,
            Some(f) => {
                let (root, g) = self.source_root(f)?;
                guard = Some(g);
                owned =
                    super::context::BuildContext::plain_dir(&root).map_err(|e| st.err(step, e))?;
                &owned
            }
        };
        let mut resolved = if paths.is_empty() {
            Vec::new()
        } else {
            ctx.resolve_sources(&paths, &excludes, parents)
                .map_err(|e| st.err(step, e))?
        };
        let digest = ctx.digest_sources(&resolved).map_err(|e| st.err(step, e))?;
        let owners = if attrs.keep_owner {
            owner_digest(&resolved)
        } else {
            String::new()
        };
        // URLs and repositories are fetched for every build: the cache key is what they hold.
        let store = hutch_storage::LayerStore::new(&self.eng.paths().graphroot);
        let fetched_dir = (!urls.is_empty() || !repos.is_empty())
            .then(|| store.staging())
            .transpose()?;
        let mut fetched_keys = Vec::new();
        // Downloaded files are never unpacked, unlike local archives.
        let local_count = resolved.len();
        let stop = || self.cancel.is_cancelled();
        // Ctrl-C while fetching is an interrupted build, not a failed download.
        let fetch_err = |reason: String| -> crate::EngineError {
            if self.cancel.is_cancelled() {
                BuildError::Interrupted.into()
            } else {
                st.err(step, reason).into()
            }
        };
        for u in &urls {
            let dir = &fetched_dir.as_ref().expect("made for URLs").path;
            let f = remote::download(u, dir, checksum.as_deref(), &stop).map_err(fetch_err)?;
            resolved.extend(f.sources);
            fetched_keys.push(f.key);
        }
        for r in &repos {
            let dir = &fetched_dir.as_ref().expect("made for repositories").path;
            // BuildKit's git source authenticates ssh URLs with the `default` agent.
            let agent = self
                .opts
                .ssh
                .iter()
                .find(|(id, _)| id == "default")
                .map(|(_, sock)| sock.as_path());
            let f = remote::clone(r, dir, keep_git_dir, checksum.as_deref(), agent, &stop)
                .map_err(fetch_err)?;
            resolved.extend(f.sources);
            fetched_keys.push(f.key);
        }
        let keyword = if add { "ADD" } else { "COPY" };
        let what = format!(
            "{keyword} src={paths:?} docs={docs:?} digest={digest} fetched={fetched_keys:?} \
             dest={dest_abs} dir={dir_dest} owner={uid}:{gid} keep-owner={owners} \
             chmod={chmod:?} link={link} parents={parents} from={from:?} exclude={excludes:?}"
        );
        // A --link layer's own key leaves out everything below it.
        let link_key = link.then(|| cache::key("LINK", &what));
        st.key = cache::key(&st.key, &what);
        let created_by = format!(
            "/bin/sh -c #(nop) {keyword} {} in {dest_abs} ",
            if !docs.is_empty() {
                "heredoc".to_string()
            } else if let [u] = urls.as_slice() {
                u.clone()
            } else {
                digest.replace("sha256:", "dir:")
            }
        );
        if let Some(lk) = &link_key {
            if self.cached(&st.key)?.is_none() {
                if let Some(layer) = self.cached_link_layer(lk)? {
                    drop(guard);
                    return self.reuse_link_layer(st, &created_by, layer, lk);
                }
            }
        }
        let fs_ref = (!link).then_some(&fs);
        // One file named alone lands at the destination itself unless it is a directory.
        let single_file =
            !dir_dest && docs.is_empty() && resolved.len() == 1 && !resolved[0].is_dir;
        let unpack = add && from.is_none() && flag(flags, "unpack") != Some("false");
        let r = self.layer_step(st, &created_by, |layer| {
            for (n, src) in resolved.iter().enumerate() {
                let target = if single_file {
                    dest_abs.clone()
                } else {
                    join_abs(&dest_abs, src.rel.to_string_lossy().into_owned())
                };
                if src.is_dir {
                    let d = copy::make_parents(layer, &target, fs_ref)?;
                    // The destination itself keeps what it has; directories below it are
                    // the sources' own.
                    if !src.rel.as_os_str().is_empty() {
                        copy::copy_meta(&src.abs, &d, attrs)?;
                    }
                    continue;
                }
                if unpack && n < local_count && copy::archive_kind(&src.abs).is_some() {
                    let (parent, _) = split_abs(&target);
                    let dir = if single_file {
                        dest_abs.clone()
                    } else {
                        parent
                    };
                    let d = copy::make_parents(layer, &dir, fs_ref)?;
                    copy::extract(&src.abs, &d, chown.as_ref().map(|_| (uid, gid)))?;
                    continue;
                }
                let (parent, name) = split_abs(&target);
                let d = copy::make_parents(layer, &parent, fs_ref)?;
                copy::copy_tree(&src.abs, &d.join(name), attrs)?;
            }
            for (name, content) in &docs {
                let file_path = if dir_dest {
                    join_abs(&dest_abs, name.clone())
                } else {
                    dest_abs.clone()
                };
                let (parent, fname) = split_abs(&file_path);
                let d = copy::make_parents(layer, &parent, fs_ref)?;
                copy::write_file(&d.join(fname), content.as_bytes(), attrs)?;
            }
            Ok(())
        });
        drop(guard);
        drop(fetched_dir);
        r?;
        if let (Some(lk), Some(img)) = (&link_key, &st.image) {
            self.remember(lk, &img.id)?;
        }
        Ok(())
    }

    /// The layer a `--link` step with key `lk` made before: the last layer of the image
    /// recorded under it, when that image and layer are still stored.
    fn cached_link_layer(&self, lk: &str) -> Result<Option<String>> {
        let Some(img) = self.cached(lk)? else {
            return Ok(None);
        };
        let Some(last) = img.layers.last() else {
            return Ok(None);
        };
        Ok(self.eng.db().layer(last)?.map(|_| last.clone()))
    }

    /// Puts the layer of an earlier `--link` step on top of the stage as it is now.
    fn reuse_link_layer(
        &self,
        st: &mut StageState,
        created_by: &str,
        layer: String,
        lk: &str,
    ) -> Result<()> {
        st.history(created_by.to_string(), false);
        let mut layers = st.layers.clone();
        layers.push(layer);
        let img = image::write(
            self.eng,
            &st.config,
            &layers,
            None,
            &[],
            self.opts.format,
            &[],
        )?;
        self.sink.event(BuildEvent::CacheHit { id: img.id.clone() });
        self.remember(&st.key, &img.id)?;
        self.remember(lk, &img.id)?;
        self.adopt(st, img)
    }
}

/// The owners of the sources, for the key of a copy that keeps them.
fn owner_digest(srcs: &[super::context::ContextSource]) -> String {
    let mut text = String::new();
    for s in srcs {
        if let Ok(m) = std::fs::symlink_metadata(&s.abs) {
            text.push_str(&format!("{}:{}:{}\n", s.rel.display(), m.uid(), m.gid()));
        }
    }
    crate::Digest::sha256(text.as_bytes()).to_string()
}
