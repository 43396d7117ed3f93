//! Connecting to one registry endpoint with oci-client: TLS settings (`--tls-verify`,
//! registries.conf `insecure`, CA certificates from `--cert-dir` or the certs.d directories),
//! the plain-HTTP fallback for insecure registries, and credentials.

use super::PullError;
use crate::reference::ImageRef;
use oci_client::client::{Certificate, CertificateEncoding, ClientConfig, ClientProtocol};
use oci_client::errors::OciDistributionError;
use oci_client::secrets::RegistryAuth;
use oci_client::{Client, Reference, RegistryOperation};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::Duration;

const USER_AGENT: &str = concat!("hutch/", env!("CARGO_PKG_VERSION"));

/// rustls needs one process-wide crypto provider; reqwest is built without a default one.
pub fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Err means another provider is already installed, which is just as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// How to reach one registry host.
#[derive(Debug, Clone)]
pub struct TlsSettings {
    /// Skip certificate verification and allow falling back to plain HTTP.
    pub insecure: bool,
    /// CA certificates (`*.crt`) to trust in addition to the system's.
    pub ca_certs: Vec<PathBuf>,
}

impl TlsSettings {
    /// `--tls-verify` wins over registries.conf's `insecure`. Certificates come from `--cert-dir`,
    /// else from the first of `$XDG_CONFIG_HOME/containers/certs.d/HOST`,
    /// `/etc/containers/certs.d/HOST`, `/etc/docker/certs.d/HOST` that exists.
    pub fn resolve(
        registry: &str,
        tls_verify: Option<bool>,
        conf_insecure: bool,
        cert_dir: Option<&Path>,
        config_home: &Path,
    ) -> Result<TlsSettings, PullError> {
        let insecure = match tls_verify {
            Some(v) => !v,
            None => conf_insecure,
        };
        let dir = match cert_dir {
            Some(d) => {
                if !d.is_dir() {
                    return Err(PullError::CertDir {
                        path: d.to_path_buf(),
                        reason: "not a directory".into(),
                    });
                }
                Some(d.to_path_buf())
            }
            None => [
                config_home.join("containers/certs.d"),
                PathBuf::from("/etc/containers/certs.d"),
                PathBuf::from("/etc/docker/certs.d"),
            ]
            .into_iter()
            .map(|base| base.join(registry))
            .find(|d| d.is_dir()),
        };
        let mut ca_certs = Vec::new();
        if let Some(dir) = dir {
            let rd = std::fs::read_dir(&dir).map_err(|e| PullError::CertDir {
                path: dir.clone(),
                reason: e.to_string(),
            })?;
            let mut client_certs = false;
            for entry in rd.flatten() {
                let p = entry.path();
                match p.extension().and_then(|e| e.to_str()) {
                    Some("crt") => ca_certs.push(p),
                    Some("cert") | Some("key") => client_certs = true,
                    _ => {}
                }
            }
            ca_certs.sort();
            if client_certs {
                tracing::warn!(
                    "{}: client certificates (*.cert/*.key) are not supported by hutch yet; \
                     connecting to {registry} without one",
                    dir.display()
                );
            }
            tracing::debug!("CA certificates for {registry}: {ca_certs:?}");
        }
        Ok(TlsSettings { insecure, ca_certs })
    }

    fn load_certs(&self) -> Result<Vec<Certificate>, PullError> {
        self.ca_certs
            .iter()
            .map(|p| {
                let data = std::fs::read(p).map_err(|e| PullError::CertDir {
                    path: p.clone(),
                    reason: e.to_string(),
                })?;
                Ok(Certificate {
                    encoding: CertificateEncoding::Pem,
                    data,
                })
            })
            .collect()
    }
}

/// A connected endpoint: the client, the reference in oci-client's terms and the auth to send.
pub struct Session {
    pub client: Client,
    pub reference: Reference,
    pub auth: RegistryAuth,
    /// The registry asks for no credentials and there are none to give: oci-client was not
    /// told about auth at all, so it does not ask `/v2/` again before every request (it does
    /// when a ping found no challenge). Push must not ask it for a push token either.
    pub open: bool,
    /// `https` or `http` (an insecure registry that does not speak TLS).
    pub scheme: &'static str,
}

fn build(
    tls: &TlsSettings,
    registry: &str,
    http: bool,
    certs: Vec<Certificate>,
) -> Result<Client, PullError> {
    let config = ClientConfig {
        protocol: if http {
            ClientProtocol::HttpsExcept(vec![registry.to_string()])
        } else {
            ClientProtocol::Https
        },
        accept_invalid_certificates: tls.insecure,
        extra_root_certificates: certs,
        platform_resolver: None,
        connect_timeout: Some(Duration::from_secs(30)),
        read_timeout: Some(Duration::from_secs(120)),
        user_agent: USER_AGENT,
        // Push sends each blob in one PUT when it can (see `push`); pulls are unaffected.
        use_monolithic_push: true,
        ..ClientConfig::default()
    };
    Client::try_from(config).map_err(|e| PullError::Client {
        registry: registry.to_string(),
        reason: e.to_string(),
    })
}

/// A plain HTTP client with the TLS settings of `build`, for the requests oci-client cannot
/// make (a streamed upload of unknown length). No read timeout: a response only comes once the
/// whole body is sent, which for a big layer takes longer than any fixed limit.
pub fn http_client(tls: &TlsSettings, registry: &str) -> Result<reqwest::Client, PullError> {
    let client_err = |reason: String| PullError::Client {
        registry: registry.to_string(),
        reason,
    };
    let certs = tls
        .load_certs()?
        .iter()
        .map(|c| reqwest::Certificate::from_pem(&c.data))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| client_err(e.to_string()))?;
    reqwest::Client::builder()
        .danger_accept_invalid_certs(tls.insecure)
        .tls_certs_merge(certs)
        .connect_timeout(Duration::from_secs(30))
        .user_agent(USER_AGENT)
        .build()
        .map_err(|e| client_err(e.to_string()))
}

pub fn oci_reference(image: &ImageRef) -> Reference {
    match (&image.tag, &image.digest) {
        (Some(t), Some(d)) => Reference::with_tag_and_digest(
            image.registry.clone(),
            image.repository.clone(),
            t.clone(),
            d.clone(),
        ),
        (_, Some(d)) => {
            Reference::with_digest(image.registry.clone(), image.repository.clone(), d.clone())
        }
        (t, None) => Reference::with_tag(
            image.registry.clone(),
            image.repository.clone(),
            t.clone().unwrap_or_else(|| "latest".into()),
        ),
    }
}

async fn probe(scheme: &str, registry: &str, tls: &TlsSettings) -> Result<bool, reqwest::Error> {
    let probe = reqwest::Client::builder()
        .danger_accept_invalid_certs(tls.insecure)
        .connect_timeout(Duration::from_secs(30))
        .timeout(Duration::from_secs(60))
        .user_agent(USER_AGENT)
        .build()?;
    let resp = probe
        .get(format!("{scheme}://{registry}/v2/"))
        .send()
        .await?;
    Ok(resp
        .headers()
        .contains_key(reqwest::header::WWW_AUTHENTICATE))
}

/// Opens a session: pings the registry (which also runs the bearer-token dance) over HTTPS,
/// falling back to plain HTTP for insecure registries as podman does.
pub async fn connect(
    image: &ImageRef,
    tls: &TlsSettings,
    auth: RegistryAuth,
) -> Result<Session, OciDistributionError> {
    let reference = oci_reference(image);
    let registry = reference.resolve_registry().to_string();
    let certs = tls
        .load_certs()
        .map_err(|e| OciDistributionError::GenericError(Some(e.to_string())))?;
    let anonymous = matches!(auth, RegistryAuth::Anonymous);
    // Only insecure registries are probed: a verifying probe would load the system roots.
    let https_probe = if tls.insecure {
        Some(probe("https", &registry, tls).await)
    } else {
        None
    };
    let https_err = match https_probe {
        Some(Err(e)) => e,
        other => {
            let https = build(tls, &registry, false, certs)
                .map_err(|e| OciDistributionError::GenericError(Some(e.to_string())))?;
            let open = anonymous && matches!(other, Some(Ok(false)));
            if !open {
                https
                    .auth(&reference, &auth, RegistryOperation::Pull)
                    .await?;
            }
            return Ok(Session {
                client: https,
                reference,
                auth,
                open,
                scheme: "https",
            });
        }
    };
    tracing::debug!("{registry}: HTTPS failed ({https_err}); trying plain HTTP");
    let http = build(tls, &registry, true, certs)
        .map_err(|e| OciDistributionError::GenericError(Some(e.to_string())))?;
    if anonymous && matches!(probe("http", &registry, tls).await, Ok(false)) {
        return Ok(Session {
            client: http,
            reference,
            auth,
            open: true,
            scheme: "http",
        });
    }
    match http.auth(&reference, &auth, RegistryOperation::Pull).await {
        Ok(_) => Ok(Session {
            client: http,
            reference,
            auth,
            open: false,
            scheme: "http",
        }),
        // Report the HTTPS failure: it is what a user who expected TLS needs to see.
        Err(OciDistributionError::RequestError(_)) => {
            Err(OciDistributionError::RequestError(https_err))
        }
        Err(other) => Err(other),
    }
}
