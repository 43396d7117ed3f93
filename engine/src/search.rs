//! `search`: a registry's catalog (`/v2/_catalog`, paged) filtered by a term, and `--list-tags`.
//! Catalogs are what local and private registries offer; Docker Hub's search API is not spoken.

use crate::auth::{self, AuthOptions};
use crate::pull::client::{connect, install_crypto_provider, TlsSettings};
use crate::pull::error_chain;
use crate::reference::{ImageRef, Name};
use crate::registries::RegistriesConf;
use crate::Paths;
use oci_client::secrets::RegistryAuth;
use std::path::PathBuf;

/// Catalog entries asked for per request.
const PAGE: usize = 1000;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("invalid search term {term:?}: {reason}")]
    BadTerm { term: String, reason: String },
    #[error("searching registry {registry}: {reason}")]
    Registry { registry: String, reason: String },
    #[error("invalid search filter {filter:?}: {reason}")]
    BadFilter { filter: String, reason: String },
    #[error("no registry to search for {term:?}: give one (REGISTRY/TERM) or set unqualified-search-registries in registries.conf")]
    NoRegistries { term: String },
}

#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    pub tls_verify: Option<bool>,
    pub cert_dir: Option<PathBuf>,
    pub auth: AuthOptions,
    /// Results per registry.
    pub limit: Option<usize>,
    /// Docker's default: a loopback registry is insecure (see `PullOptions`).
    pub insecure_loopback: bool,
}

/// One result row: the registry and `registry/repository`, plus a tag for `--list-tags`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: String,
    pub name: String,
    pub tag: Option<String>,
}

/// Whether catalog results pass the search filters (`stars=N`, `is-official=BOOL`,
/// `is-automated=BOOL`). Catalogs have no stars and nothing official or automated: a filter
/// asking for any of them matches nothing.
pub fn filters_accept(filters: &[String]) -> Result<bool, SearchError> {
    let mut keep = true;
    for f in filters {
        let bad = |reason: &str| SearchError::BadFilter {
            filter: f.clone(),
            reason: reason.to_string(),
        };
        let (k, v) = f.split_once('=').ok_or_else(|| bad("want KEY=VALUE"))?;
        match k {
            "stars" => {
                let n: u64 = v.parse().map_err(|_| bad("stars wants a number"))?;
                keep &= n == 0;
            }
            "is-official" | "is-automated" => {
                let b: bool = v.parse().map_err(|_| bad("want true or false"))?;
                keep &= !b;
            }
            _ => return Err(bad("supported are stars, is-official, is-automated")),
        }
    }
    Ok(keep)
}

/// Splits `REGISTRY/TERM` (a first component with a dot, a colon or `localhost`) from a bare term.
pub fn split_term(term: &str) -> (Option<String>, String) {
    if let Some((first, rest)) = term.split_once('/') {
        if first.contains('.') || first.contains(':') || first == "localhost" {
            return (Some(first.to_string()), rest.to_string());
        }
    }
    (None, term.to_string())
}

async fn session(
    paths: &Paths,
    opts: &SearchOptions,
    registry: &str,
    repo: &str,
) -> Result<crate::pull::client::Session, SearchError> {
    install_crypto_provider();
    let err = |reason: String| SearchError::Registry {
        registry: registry.to_string(),
        reason,
    };
    let image = ImageRef {
        registry: registry.to_string(),
        repository: if repo.is_empty() {
            "library/x".into()
        } else {
            repo.to_string()
        },
        tag: Some("latest".into()),
        digest: None,
    };
    let conf = RegistriesConf::load(paths).map_err(|e| err(e.to_string()))?;
    let tls = TlsSettings::resolve(
        registry,
        opts.tls_verify,
        crate::registries::insecure(registry, conf.is_insecure(&image), opts.insecure_loopback),
        opts.cert_dir.as_deref(),
        &paths.config_home,
    )
    .map_err(|e| err(e.to_string()))?;
    let auth = match auth::lookup(paths, &opts.auth, &image).map_err(|e| err(e.to_string()))? {
        Some(c) => RegistryAuth::Basic(c.username, c.password),
        None => RegistryAuth::Anonymous,
    };
    connect(&image, &tls, auth)
        .await
        .map_err(|e| err(error_chain(&e)))
}

/// Repositories whose name contains `term` (case-insensitive), per registry searched.
pub async fn search(paths: &Paths, term: &str, opts: &SearchOptions) -> crate::Result<Vec<Hit>> {
    let (registry, needle) = split_term(term);
    let registries = match registry {
        Some(r) => vec![r],
        None => {
            let conf = RegistriesConf::load(paths)?;
            if conf.unqualified_search_registries.is_empty() {
                return Err(SearchError::NoRegistries {
                    term: term.to_string(),
                }
                .into());
            }
            conf.unqualified_search_registries.clone()
        }
    };
    let needle = needle.to_ascii_lowercase();
    let mut hits = Vec::new();
    for registry in registries {
        let s = session(paths, opts, &registry, "").await?;
        let err = |reason: String| SearchError::Registry {
            registry: registry.clone(),
            reason,
        };
        let mut last: Option<String> = None;
        let mut found = 0usize;
        'pages: loop {
            let page = s
                .client
                .catalog(&s.reference, &s.auth, Some(PAGE), last.as_deref())
                .await
                .map_err(|e| err(error_chain(&e)))?;
            let n = page.repositories.len();
            for repo in page.repositories {
                if repo.to_ascii_lowercase().contains(&needle) {
                    if opts.limit.is_some_and(|l| found >= l) {
                        break 'pages;
                    }
                    found += 1;
                    hits.push(Hit {
                        index: registry.clone(),
                        name: format!("{registry}/{repo}"),
                        tag: None,
                    });
                }
                last = Some(repo);
            }
            if n < PAGE {
                break;
            }
        }
    }
    Ok(hits)
}

/// `search --list-tags REGISTRY/REPOSITORY`.
pub async fn list_tags(paths: &Paths, term: &str, opts: &SearchOptions) -> crate::Result<Vec<Hit>> {
    let name = Name::parse(term)?;
    let bad = |reason: &str| SearchError::BadTerm {
        term: term.to_string(),
        reason: reason.to_string(),
    };
    if name.tag.is_some() || name.digest.is_some() {
        return Err(bad("--list-tags takes a repository without tag or digest").into());
    }
    let registry = name
        .registry
        .clone()
        .ok_or_else(|| bad("--list-tags needs a registry: REGISTRY/REPOSITORY"))?;
    let image = name.qualify(&registry);
    let s = session(paths, opts, &image.registry, &image.repository).await?;
    let resp = s
        .client
        .list_tags(&s.reference, &s.auth, opts.limit, None)
        .await
        .map_err(|e| SearchError::Registry {
            registry: image.registry.clone(),
            reason: error_chain(&e),
        })?;
    Ok(resp
        .tags
        .into_iter()
        .map(|t| Hit {
            index: image.registry.clone(),
            name: image.repo_name(),
            tag: Some(t),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms() {
        assert_eq!(
            split_term("127.0.0.1:5000/bus"),
            (Some("127.0.0.1:5000".into()), "bus".into())
        );
        assert_eq!(
            split_term("quay.io/"),
            (Some("quay.io".into()), String::new())
        );
        assert_eq!(
            split_term("library/busybox"),
            (None, "library/busybox".into())
        );
        assert_eq!(split_term("busybox"), (None, "busybox".into()));
    }
}
