//! Connecting to a push destination: registries.conf and TLS settings, credentials, the
//! oci-client session and the bearer token that streamed uploads reuse, and how registry
//! errors map to push errors.

use super::PushError;
use crate::auth::{self, AuthOptions};
use crate::pull::client::{connect, install_crypto_provider, Session, TlsSettings};
use crate::pull::error_chain;
use crate::reference::ImageRef;
use crate::registries::RegistriesConf;
use crate::{Digest, Paths};
use oci_client::errors::OciDistributionError;
use oci_client::secrets::RegistryAuth;
use oci_client::{Reference, RegistryOperation};
use std::path::Path;

/// A connected destination repository.
pub(crate) struct Target {
    pub session: Session,
    pub dest: ImageRef,
    pub(super) had_creds: bool,
    pub(super) stream: StreamSettings,
}

/// What a streamed upload made outside oci-client needs (see `upload`).
#[derive(Clone)]
pub(super) struct StreamSettings {
    pub(super) tls: TlsSettings,
    pub(super) scheme: &'static str,
    pub(super) auth: RegistryAuth,
    /// The bearer token oci-client got for the push, if the registry wants one.
    pub(super) token: Option<String>,
}

impl Target {
    pub(crate) async fn connect(
        paths: &Paths,
        tls_verify: Option<bool>,
        cert_dir: Option<&Path>,
        auth_opts: &AuthOptions,
        dest: &ImageRef,
        image: &str,
    ) -> Result<Target, PushError> {
        install_crypto_provider();
        let conf = RegistriesConf::load(paths).map_err(|e| PushError::Options(e.to_string()))?;
        let tls = TlsSettings::resolve(
            &dest.registry,
            tls_verify,
            conf.is_insecure(dest),
            cert_dir,
            &paths.config_home,
        )
        .map_err(|e| PushError::Options(e.to_string()))?;
        let creds =
            auth::lookup(paths, auth_opts, dest).map_err(|e| PushError::Options(e.to_string()))?;
        let had_creds = creds.is_some();
        let auth = match creds {
            Some(c) => RegistryAuth::Basic(c.username, c.password),
            None => RegistryAuth::Anonymous,
        };
        let fail = |e| map_err(e, image, dest, had_creds);
        let session = connect(dest, &tls, auth).await.map_err(fail)?;
        let token = if session.open {
            None
        } else {
            session
                .client
                .auth(&session.reference, &session.auth, RegistryOperation::Push)
                .await
                .map_err(fail)?
        };
        let stream = StreamSettings {
            tls,
            scheme: session.scheme,
            auth: session.auth.clone(),
            token,
        };
        Ok(Target {
            session,
            dest: dest.clone(),
            had_creds,
            stream,
        })
    }

    pub(super) fn err(&self, image: &str, e: OciDistributionError) -> PushError {
        map_err(e, image, &self.dest, self.had_creds)
    }

    pub(super) fn reference_for(&self, digest: &Digest) -> Reference {
        self.session.reference.clone_with_digest(digest.to_string())
    }

    /// PUTs a manifest (or list) under `tag`.
    pub(crate) async fn put_manifest(
        &self,
        what: &str,
        tag: &str,
        bytes: &[u8],
        media_type: &str,
    ) -> Result<(), PushError> {
        let r = Reference::with_tag(
            self.session.reference.registry().to_string(),
            self.session.reference.repository().to_string(),
            tag.to_string(),
        );
        let ct = media_type
            .parse()
            .map_err(|_| PushError::Internal(format!("bad media type {media_type:?}")))?;
        self.session
            .client
            .push_manifest_raw(&r, bytes.to_vec(), ct)
            .await
            .map(drop)
            .map_err(|e| self.err(what, e))
    }
}

pub(super) fn map_err(
    err: OciDistributionError,
    image: &str,
    dest: &ImageRef,
    had_creds: bool,
) -> PushError {
    let unauthorized = || PushError::Unauthorized {
        image: image.to_string(),
        dest: dest.to_string(),
        registry: dest.registry.clone(),
        had_creds,
    };
    match &err {
        OciDistributionError::UnauthorizedError { .. }
        | OciDistributionError::AuthenticationFailure(_)
        | OciDistributionError::ServerError {
            code: 401 | 403, ..
        } => unauthorized(),
        OciDistributionError::RegistryError { envelope, .. }
            if envelope.errors.iter().any(|e| {
                let c = format!("{:?}", e.code);
                c.eq_ignore_ascii_case("Unauthorized") || c.eq_ignore_ascii_case("Denied")
            }) =>
        {
            unauthorized()
        }
        OciDistributionError::RequestError(e)
            if matches!(e.status().map(|s| s.as_u16()), Some(401 | 403)) =>
        {
            unauthorized()
        }
        _ => PushError::Registry {
            image: image.to_string(),
            dest: dest.to_string(),
            reason: format!("registry {}: {}", dest.registry, error_chain(&err)),
        },
    }
}
