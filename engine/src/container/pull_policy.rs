//! `--pull`: whether creating a container pulls its image first, and the pull itself; its
//! progress goes to the front end's sink.

use crate::images::Found;
use crate::progress::ProgressSink;
use crate::pull::{PullError, PullOptions, PulledImage};
use crate::{Engine, EngineError, Result};
use hutch_state::Image;
use std::future::Future;

/// When to pull the image of a new container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullPolicy {
    /// Only when it is not stored (the default).
    Missing,
    /// Every time.
    Always,
    /// As `Always`, keeping the stored image when the registry cannot be reached.
    Newer,
    /// Never: a missing image is an error.
    Never,
}

impl std::str::FromStr for PullPolicy {
    type Err = EngineError;

    fn from_str(s: &str) -> Result<PullPolicy> {
        match s {
            "missing" => Ok(PullPolicy::Missing),
            "always" => Ok(PullPolicy::Always),
            "newer" => Ok(PullPolicy::Newer),
            "never" => Ok(PullPolicy::Never),
            other => Err(crate::container::ContainerError::InvalidFlag {
                flag: "--pull",
                value: other.to_string(),
                reason: "expected always, missing, never or newer".into(),
            }
            .into()),
        }
    }
}

impl Engine {
    /// The image `image` names, pulled first (with `opts`, reporting to `progress`) when
    /// `policy` asks for it, and the name to record for it (the name it was found or pulled
    /// by, else its ID). A pull joins the user namespace first if this engine was opened
    /// without (so call it before the process starts threads) and stops with
    /// `PullError::Interrupted` when `interrupted` completes first (a front end's Ctrl-C or
    /// a client that went away).
    pub fn ensure_image(
        &self,
        image: &str,
        policy: PullPolicy,
        opts: &PullOptions,
        progress: &dyn ProgressSink,
        interrupted: impl Future<Output = ()>,
    ) -> Result<(Image, String)> {
        self.ensure_image_with(image, policy, |image| {
            self.pull(image, opts, progress, interrupted)
        })
    }

    /// Pulls `image` into local storage, reporting to `progress`, until done or until
    /// `interrupted` completes (then `PullError::Interrupted`). Joins the user namespace first
    /// if this engine was opened without (call it before the process starts threads). Runs
    /// on the caller's runtime when it has one (an async server's blocking thread), else on
    /// the process's (`crate::rt`); never from inside an async task.
    pub fn pull(
        &self,
        image: &str,
        opts: &PullOptions,
        progress: &dyn ProgressSink,
        interrupted: impl Future<Output = ()>,
    ) -> Result<PulledImage> {
        let userns = self.userns()?;
        // Chosen (once, then remembered) inside the namespace, so read-only commands can
        // name the driver without ever probing mounts themselves.
        crate::storage_driver::choose(self.paths())?;
        self.interruptible(
            image,
            crate::pull::pull(self.paths(), userns, image, opts, progress),
            interrupted,
        )
    }

    /// Pulls every tag of repository `repo` (no tag or digest; a short name is on docker.io,
    /// as Docker's `pull --all-tags`), one after the other, as `pull` does each.
    pub fn pull_all_tags(
        &self,
        repo: &str,
        opts: &PullOptions,
        progress: &dyn ProgressSink,
        interrupted: impl Future<Output = ()>,
    ) -> Result<Vec<PulledImage>> {
        let name = crate::reference::Name::parse(repo)?;
        if name.tag.is_some() || name.digest.is_some() {
            return Err(EngineError::InvalidReference {
                reference: repo.to_string(),
                reason: "pulling all tags takes a repository without tag or digest".into(),
            });
        }
        let repo_name = name
            .qualify(
                name.registry
                    .as_deref()
                    .unwrap_or(crate::reference::DOCKER_HUB),
            )
            .repo_name();
        let userns = self.userns()?;
        crate::storage_driver::choose(self.paths())?;
        let search = crate::search::SearchOptions {
            tls_verify: opts.tls_verify,
            cert_dir: opts.cert_dir.clone(),
            auth: opts.auth.clone(),
            limit: None,
            insecure_loopback: opts.insecure_loopback,
        };
        let work = async {
            let hits = crate::search::list_tags(self.paths(), &repo_name, &search).await?;
            let mut pulled = Vec::new();
            for tag in hits.into_iter().filter_map(|h| h.tag) {
                let image = format!("{repo_name}:{tag}");
                pulled.push(crate::pull::pull(self.paths(), userns, &image, opts, progress).await?);
            }
            Ok(pulled)
        };
        self.interruptible(repo, work, interrupted)
    }

    /// Runs a pull until done or until `interrupted` completes (then `PullError::Interrupted`),
    /// on the caller's runtime when it has one (an async server's blocking thread), else on the
    /// process's (`crate::rt`), whose `shutdown` waits for an interrupted pull's unpacking
    /// threads to remove their staging directories.
    fn interruptible<T>(
        &self,
        image: &str,
        work: impl Future<Output = Result<T>>,
        interrupted: impl Future<Output = ()>,
    ) -> Result<T> {
        let pull = async {
            tokio::select! {
                r = work => r,
                // Dropping the pull cancels the downloads; staging directories go with them.
                _ = interrupted => Err(PullError::Interrupted { image: image.to_string() }.into()),
            }
        };
        crate::rt::block_on(pull)?
    }

    /// `ensure_image` with the pull itself done by `pull`.
    fn ensure_image_with(
        &self,
        image: &str,
        policy: PullPolicy,
        pull: impl FnOnce(&str) -> Result<PulledImage>,
    ) -> Result<(Image, String)> {
        let local = match crate::images::lookup(self.db(), image) {
            Ok(f) => Some(f),
            Err(EngineError::ImageNotKnown { .. }) => None,
            Err(e) => return Err(e),
        };
        let wants_pull = match policy {
            PullPolicy::Missing => local.is_none(),
            PullPolicy::Always | PullPolicy::Newer => true,
            // Not found (the API answers 404, which makes Docker clients pull).
            PullPolicy::Never if local.is_none() => {
                return Err(EngineError::ImageNotKnown {
                    name: image.to_string(),
                })
            }
            PullPolicy::Never => false,
        };
        if wants_pull {
            match pull(image) {
                Ok(p) => {
                    if let Some(img) = self.db().image(&p.id)? {
                        let name = if p.name.is_empty() {
                            img.id.clone()
                        } else {
                            p.name
                        };
                        return Ok((img, name));
                    }
                }
                // `newer` keeps the local image when the registry cannot be reached.
                Err(e) if policy == PullPolicy::Newer && local.is_some() => {
                    tracing::warn!("{image}: cannot check for a newer image: {e}");
                }
                Err(e) => return Err(e),
            }
        }
        let Found {
            image: img,
            by_name,
        } = local.ok_or_else(|| EngineError::ImageNotKnown {
            name: image.to_string(),
        })?;
        let name = by_name.unwrap_or_else(|| img.id.clone());
        Ok((img, name))
    }
}
