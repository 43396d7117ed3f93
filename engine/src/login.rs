//! `login`/`logout`: checking credentials against a registry (Basic and bearer-token registries
//! alike) and keeping them in the containers `auth.json` (`auth::AuthFile` writes it atomically,
//! mode 0600).

use crate::auth::{normalize_key, AuthFile, Credentials};
use crate::pull::client::{connect, install_crypto_provider, TlsSettings};
use crate::pull::error_chain;
use crate::reference::{normalize_registry, ImageRef};
use crate::registries::RegistriesConf;
use crate::Paths;
use oci_client::errors::OciDistributionError;
use oci_client::secrets::RegistryAuth;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("invalid registry {input:?}: {reason}")]
    BadRegistry { input: String, reason: String },
    #[error("logging in to {registry}: invalid username/password")]
    Rejected { registry: String },
    #[error("logging in to {registry}: {reason}")]
    Registry { registry: String, reason: String },
    #[error("not logged into {registry}")]
    NotLoggedIn { registry: String },
    #[error("not logged into {registry} with hutch: the credentials in {path} were written by `docker login`; use `docker logout` for them")]
    DockerLogin { registry: String, path: PathBuf },
}

/// The auth file key for what the user typed: `host[:port]` or a repository-scoped
/// `host/ns/repo`, without scheme or trailing slash; docker.io's aliases are docker.io.
pub fn auth_key(input: &str) -> Result<String, LoginError> {
    let s = input
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let (host, path) = match s.split_once('/') {
        Some((h, p)) => (h, Some(p)),
        None => (s, None),
    };
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c == '@') {
        return Err(LoginError::BadRegistry {
            input: input.to_string(),
            reason: "expected HOST[:PORT][/REPOSITORY]".into(),
        });
    }
    let host = normalize_registry(host);
    Ok(match path {
        // docker's legacy `index.docker.io/v1` is the registry itself.
        Some(p) if !(host == "docker.io" && p.starts_with("v1")) => format!("{host}/{p}"),
        _ => host,
    })
}

/// Checks `creds` against the registry of `key` with an authenticated request: a bearer-token
/// registry's token server refuses bad credentials, a Basic one answers 401. With
/// `insecure_loopback` (Docker's default), a loopback registry is insecure.
pub async fn check(
    paths: &Paths,
    key: &str,
    tls_verify: Option<bool>,
    insecure_loopback: bool,
    cert_dir: Option<&Path>,
    creds: &Credentials,
) -> Result<(), LoginError> {
    install_crypto_provider();
    let (host, repo) = match key.split_once('/') {
        Some((h, p)) => (h.to_string(), p.to_string()),
        None => (key.to_string(), "hutch-login/check".to_string()),
    };
    let registry = host.clone();
    let image = ImageRef {
        registry: host.clone(),
        repository: repo,
        tag: Some("latest".into()),
        digest: None,
    };
    let other = |reason: String| LoginError::Registry {
        registry: registry.clone(),
        reason,
    };
    let conf = RegistriesConf::load(paths).map_err(|e| other(e.to_string()))?;
    let tls = TlsSettings::resolve(
        &host,
        tls_verify,
        crate::registries::insecure(&host, conf.is_insecure(&image), insecure_loopback),
        cert_dir,
        &paths.config_home,
    )
    .map_err(|e| other(e.to_string()))?;
    let auth = RegistryAuth::Basic(creds.username.clone(), creds.password.clone());
    let classify = |e: OciDistributionError| -> LoginError {
        let rejected = match &e {
            OciDistributionError::UnauthorizedError { .. }
            | OciDistributionError::AuthenticationFailure(_)
            | OciDistributionError::ServerError {
                code: 401 | 403, ..
            } => true,
            OciDistributionError::RequestError(r) => {
                matches!(r.status().map(|s| s.as_u16()), Some(401 | 403))
            }
            _ => false,
        };
        if rejected {
            LoginError::Rejected {
                registry: registry.clone(),
            }
        } else {
            other(error_chain(&e))
        }
    };
    let session = connect(&image, &tls, auth).await.map_err(classify)?;
    // Any authenticated request will do; a blob that cannot exist keeps it cheap.
    let nothing = format!("sha256:{}", "0".repeat(64));
    session
        .client
        .blob_exists(&session.reference, &nothing)
        .await
        .map(drop)
        .map_err(classify)
}

/// `logout`: removes the entry for `key` (or, with `all`, every entry) from `path`. Credentials
/// only in docker's config are reported as such, not removed.
pub fn logout(path: &Path, key: Option<&str>, docker_config: &Path) -> crate::Result<()> {
    let mut file = AuthFile::load(path)?;
    let Some(key) = key else {
        file.auths.clear();
        file.save(path)?;
        return Ok(());
    };
    let keys: Vec<String> = file
        .auths
        .keys()
        .filter(|k| {
            k.as_str() == key || (!key.contains('/') && normalize_key(k) == key && !k.contains('/'))
        })
        .cloned()
        .collect();
    if keys.is_empty() {
        let docker = AuthFile::load(docker_config).unwrap_or_default();
        if docker
            .auths
            .keys()
            .any(|k| k == key || normalize_key(k) == key)
        {
            return Err(LoginError::DockerLogin {
                registry: key.to_string(),
                path: docker_config.to_path_buf(),
            }
            .into());
        }
        return Err(LoginError::NotLoggedIn {
            registry: key.to_string(),
        }
        .into());
    }
    for k in keys {
        file.remove(&k);
    }
    file.save(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(auth_key("127.0.0.1:5000").unwrap(), "127.0.0.1:5000");
        assert_eq!(auth_key("https://quay.io/").unwrap(), "quay.io");
        assert_eq!(auth_key("quay.io/org/repo").unwrap(), "quay.io/org/repo");
        assert_eq!(auth_key("index.docker.io").unwrap(), "docker.io");
        assert_eq!(
            auth_key("https://index.docker.io/v1/").unwrap(),
            "docker.io"
        );
        assert!(auth_key("").is_err());
        assert!(auth_key("a b").is_err());
    }

    #[test]
    fn logout_removes_only_the_entry() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("auth.json");
        let mut f = AuthFile::default();
        let c = Credentials {
            username: "u".into(),
            password: "p".into(),
        };
        f.set("a:5000", &c);
        f.set("b:5000", &c);
        f.save(&p).unwrap();
        let docker = dir.path().join("config.json");
        logout(&p, Some("a:5000"), &docker).unwrap();
        let f = AuthFile::load(&p).unwrap();
        assert!(f.auths.contains_key("b:5000") && !f.auths.contains_key("a:5000"));
        let e = logout(&p, Some("a:5000"), &docker).unwrap_err().to_string();
        assert!(e.contains("not logged into a:5000"), "{e}");
        logout(&p, None, &docker).unwrap();
        assert!(AuthFile::load(&p).unwrap().auths.is_empty());
    }
}
