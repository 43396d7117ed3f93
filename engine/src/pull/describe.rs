//! What a registry says about an image without pulling it: the top manifest's descriptor and
//! the platforms it offers (a list's entries, or a single image's config). For the API's
//! `/distribution/{name}/json`.

use super::{first_endpoint, manifest, open, source_error, PullError, PullOptions};
use crate::progress::Reporter;
use crate::reference::Name;
use crate::registries::RegistriesConf;
use crate::{Digest, Paths};
use manifest::{Manifest, Platform};

/// The top manifest of an image on a registry.
#[derive(Debug, Clone)]
pub struct RemoteImage {
    /// The reference it was found by, fully qualified.
    pub reference: String,
    pub media_type: String,
    pub digest: Digest,
    pub size: u64,
    /// Every platform a list offers, or the one of a single image.
    pub platforms: Vec<Platform>,
}

/// Fetches the top manifest of `input` (and, for a single image, its config), trying the
/// candidates and endpoints a pull would.
pub async fn describe(
    paths: &Paths,
    input: &str,
    opts: &PullOptions,
) -> crate::Result<RemoteImage> {
    super::install_crypto_provider();
    let name = Name::parse(input)?;
    let conf = RegistriesConf::load(paths)?;
    let quiet = Reporter::silent();
    let (cand, (bytes, platforms)) =
        first_endpoint(&conf, &name, input, &quiet, async |cand, ep| {
            let (session, had_creds) = open(paths, opts, cand, &ep.reference, ep.insecure).await?;
            let oerr = |e| source_error(e, cand, &ep.reference, had_creds);
            let (bytes, _) = session
                .client
                .pull_manifest_raw(&session.reference, &session.auth, manifest::ACCEPT)
                .await
                .map_err(oerr)?;
            let bad = |reason: String| PullError::BadManifest {
                image: cand.to_string(),
                digest: Digest::sha256(&bytes),
                reason,
            };
            let platforms = match manifest::parse_manifest(&bytes).map_err(bad)? {
                Manifest::List(entries) => entries
                    .iter()
                    .filter_map(|d| d.platform().clone())
                    .collect(),
                Manifest::Image(m) => {
                    let mut config = Vec::new();
                    session
                        .client
                        .pull_blob(
                            &session.reference,
                            m.config().digest().as_ref(),
                            &mut config,
                        )
                        .await
                        .map_err(oerr)?;
                    let cfg =
                        manifest::parse_config(&config).map_err(|reason| PullError::BadConfig {
                            image: cand.to_string(),
                            digest: manifest::digest(m.config()),
                            reason,
                        })?;
                    vec![cfg.platform]
                }
                Manifest::Schema1 => {
                    return Err(PullError::Schema1 {
                        image: cand.to_string(),
                    })
                }
            };
            Ok((bytes.to_vec(), platforms))
        })
        .await?;
    let media_type = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| {
            v.get("mediaType")
                .and_then(|m| m.as_str())
                .map(String::from)
        })
        .unwrap_or_else(|| manifest::OCI_MANIFEST.to_string());
    Ok(RemoteImage {
        reference: cand.to_string(),
        media_type,
        digest: Digest::sha256(&bytes),
        size: bytes.len() as u64,
        platforms,
    })
}
