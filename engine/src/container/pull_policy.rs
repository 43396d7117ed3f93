//! `--pull`: whether creating a container pulls its image first. The policy is the engine's;
//! how to pull (and draw progress) is the caller's, passed in as a function until pulls report
//! progress through a sink.

use crate::images::Found;
use crate::pull::PulledImage;
use crate::{Engine, EngineError, Result};
use hutch_state::Image;

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
            other => Err(EngineError::Other(format!(
                "invalid --pull {other:?}: expected always, missing, never or newer"
            ))),
        }
    }
}

impl Engine {
    /// The image `image` names, pulled first with `pull` when `policy` asks for it, and the
    /// name to record for it (the name it was found or pulled by, else its ID).
    pub fn ensure_image<E>(
        &self,
        image: &str,
        policy: PullPolicy,
        pull: impl FnOnce(&str) -> std::result::Result<PulledImage, E>,
    ) -> std::result::Result<(Image, String), E>
    where
        E: From<EngineError> + std::fmt::Display,
    {
        let local = match crate::images::lookup(self.db(), image) {
            Ok(f) => Some(f),
            Err(EngineError::ImageNotKnown { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        let wants_pull = match policy {
            PullPolicy::Missing => local.is_none(),
            PullPolicy::Always | PullPolicy::Newer => true,
            PullPolicy::Never if local.is_none() => {
                return Err(EngineError::Other(format!(
                    "{image}: image not known (and --pull=never)"
                ))
                .into())
            }
            PullPolicy::Never => false,
        };
        if wants_pull {
            match pull(image) {
                Ok(p) => {
                    if let Some(img) = self.db().image(&p.id).map_err(EngineError::from)? {
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
