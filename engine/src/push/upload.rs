//! A blob whose digest is not known beforehand, uploaded as podman does: the whole body in one
//! streamed PATCH (chunked transfer encoding, no Content-Range), then a PUT naming the digest
//! with an empty body. oci-client only sends such blobs in fixed chunks, each costing the
//! registry a save and reload of its hash state, so these requests are made here, with the
//! credentials or bearer token oci-client negotiated for the push.

use oci_client::secrets::RegistryAuth;
use oci_client::{Client, Reference, RegistryOperation};
use reqwest::{header, Method, StatusCode, Url};
use tokio::sync::Mutex;

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("{method} {url}: the registry answered {status}: {message}")]
    Status {
        method: Method,
        url: Url,
        status: StatusCode,
        message: String,
    },
    #[error("{method} {url}: {source}")]
    Http {
        method: Method,
        url: Url,
        #[source]
        source: reqwest::Error,
    },
    #[error("{method} {url}: {reason}")]
    Protocol {
        method: Method,
        url: Url,
        reason: String,
    },
    #[error("renewing the push token for {repository}: {reason}")]
    Token { repository: String, reason: String },
}

impl UploadError {
    /// Whether the registry turned the credentials down (rather than the way of uploading).
    pub fn unauthorized(&self) -> bool {
        match self {
            UploadError::Status { status, .. } => {
                matches!(*status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
            }
            UploadError::Token { .. } => true,
            _ => false,
        }
    }

    /// Whether the registry refused the streamed PATCH itself: it wants chunks with ranges (or
    /// a monolithic PUT), so no other layer of this push should try again.
    pub fn patch_refused(&self) -> bool {
        matches!(self, UploadError::Status { method, status, .. }
            if *method == Method::PATCH && status.is_client_error()
                && !matches!(*status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN))
    }
}

/// The destination repository's upload endpoint and how to authenticate there.
pub struct Uploader {
    http: reqwest::Client,
    /// `/v2/<repository>/blobs/uploads/` on the registry.
    start_url: Url,
    oci: Client,
    reference: Reference,
    auth: RegistryAuth,
    /// The bearer token for pull and push, when the registry wants one (None: basic
    /// credentials, if any). Renewed once when a request comes back 401.
    token: Mutex<Option<String>>,
}

impl Uploader {
    pub fn new(
        http: reqwest::Client,
        scheme: &str,
        oci: Client,
        reference: Reference,
        auth: RegistryAuth,
        token: Option<String>,
    ) -> Result<Uploader, String> {
        let start_url = Url::parse(&format!(
            "{scheme}://{}/v2/{}/blobs/uploads/",
            reference.resolve_registry(),
            reference.repository()
        ))
        .map_err(|e| format!("upload URL for {reference}: {e}"))?;
        Ok(Uploader {
            http,
            start_url,
            oci,
            reference,
            auth,
            token: Mutex::new(token),
        })
    }

    /// Opens an upload session; returns where to send the data.
    pub async fn start(&self) -> Result<Url, UploadError> {
        let url = self.start_url.clone();
        let res = self
            .send_renewing(Method::POST, &url, |rb| {
                rb.header(header::CONTENT_LENGTH, 0)
            })
            .await?;
        self.location(Method::POST, &url, res, StatusCode::ACCEPTED)
            .await
            .map(|(l, _)| l)
    }

    /// Sends the whole blob in one PATCH of unknown length; returns where to commit it and
    /// the number of bytes the registry says it holds (its Range header), when it says.
    pub async fn send<S>(&self, url: &Url, body: S) -> Result<(Url, Option<u64>), UploadError>
    where
        S: futures_util::TryStream + Send + 'static,
        S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
        bytes::Bytes: From<S::Ok>,
    {
        // Not renewed on 401: the body is gone by then. The caller falls back to uploading
        // in chunks, which negotiates again.
        let rb = self
            .authorize(self.http.patch(url.clone()), url)
            .await
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(reqwest::Body::wrap_stream(body));
        let res = rb.send().await.map_err(|source| UploadError::Http {
            method: Method::PATCH,
            url: url.clone(),
            source,
        })?;
        self.location(Method::PATCH, url, res, StatusCode::ACCEPTED)
            .await
    }

    /// Sends the whole blob, `size` bytes whose digest is known beforehand, in one PUT that
    /// also commits it (the registry checks the digest). Unlike oci-client's requests, this one
    /// has no read timeout, which would count the whole upload while waiting for the answer.
    pub async fn put_whole<S>(
        &self,
        url: &Url,
        digest: &str,
        size: u64,
        body: S,
    ) -> Result<(), UploadError>
    where
        S: futures_util::TryStream + Send + 'static,
        S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
        bytes::Bytes: From<S::Ok>,
    {
        let mut url = url.clone();
        url.query_pairs_mut().append_pair("digest", digest);
        let res = self
            .authorize(self.http.put(url.clone()), &url)
            .await
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .header(header::CONTENT_LENGTH, size)
            .body(reqwest::Body::wrap_stream(body))
            .send()
            .await
            .map_err(|source| UploadError::Http {
                method: Method::PUT,
                url: url.clone(),
                source,
            })?;
        self.location(Method::PUT, &url, res, StatusCode::CREATED)
            .await
            .map(drop)
    }

    /// Commits the upload under `digest` (which the registry checks against what it got).
    pub async fn commit(&self, url: &Url, digest: &str) -> Result<(), UploadError> {
        let mut url = url.clone();
        url.query_pairs_mut().append_pair("digest", digest);
        let res = self
            .send_renewing(Method::PUT, &url, |rb| rb.header(header::CONTENT_LENGTH, 0))
            .await?;
        self.location(Method::PUT, &url, res, StatusCode::CREATED)
            .await
            .map(drop)
    }

    /// Sends a request without a body, asking for a new token and sending it again when the
    /// registry says the token expired.
    async fn send_renewing(
        &self,
        method: Method,
        url: &Url,
        build: impl Fn(reqwest::RequestBuilder) -> reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, UploadError> {
        let http_err = |source| UploadError::Http {
            method: method.clone(),
            url: url.clone(),
            source,
        };
        let request = || async {
            let rb = self
                .authorize(self.http.request(method.clone(), url.clone()), url)
                .await;
            build(rb).send().await.map_err(http_err)
        };
        let res = request().await?;
        if res.status() != StatusCode::UNAUTHORIZED || self.token.lock().await.is_none() {
            return Ok(res);
        }
        tracing::debug!("{method} {url}: 401; renewing the push token");
        let token = self
            .oci
            .auth(&self.reference, &self.auth, RegistryOperation::Push)
            .await
            .map_err(|e| UploadError::Token {
                repository: self.reference.repository().to_string(),
                reason: e.to_string(),
            })?;
        *self.token.lock().await = token;
        request().await
    }

    /// Adds the credentials, only for the registry itself: an absolute Location may send the
    /// data elsewhere (a storage bucket), which must not see them, nor get them in clear text
    /// after an https registry.
    async fn authorize(&self, rb: reqwest::RequestBuilder, url: &Url) -> reqwest::RequestBuilder {
        let ours = url.host_str() == self.start_url.host_str()
            && url.port_or_known_default() == self.start_url.port_or_known_default()
            && (url.scheme() == self.start_url.scheme() || self.start_url.scheme() == "http");
        if !ours {
            return rb;
        }
        if let Some(t) = self.token.lock().await.as_deref() {
            return rb.bearer_auth(t);
        }
        match &self.auth {
            RegistryAuth::Basic(user, pass) => rb.basic_auth(user, Some(pass)),
            _ => rb,
        }
    }

    /// Checks the answer and resolves its Location (absolute, or relative to `url`); also
    /// returns the end of its Range header (how many bytes the session holds).
    async fn location(
        &self,
        method: Method,
        url: &Url,
        res: reqwest::Response,
        expected: StatusCode,
    ) -> Result<(Url, Option<u64>), UploadError> {
        let status = res.status();
        if status != expected {
            let message = res.text().await.unwrap_or_default();
            return Err(UploadError::Status {
                method,
                url: url.clone(),
                status,
                message: message.trim().chars().take(300).collect(),
            });
        }
        let protocol = |reason: String| UploadError::Protocol {
            method: method.clone(),
            url: url.clone(),
            reason,
        };
        let held = match res.headers().get(header::RANGE) {
            None => None,
            Some(r) => Some(
                r.to_str()
                    .ok()
                    .and_then(range_len)
                    .ok_or_else(|| protocol(format!("bad Range header {r:?}")))?,
            ),
        };
        let location = match res.headers().get(header::LOCATION) {
            Some(l) => l,
            // The commit's Location (where the blob can be read) is of no use here.
            None if expected == StatusCode::CREATED => return Ok((url.clone(), held)),
            None => return Err(protocol("no Location header in the answer".into())),
        };
        let next = location
            .to_str()
            .ok()
            .and_then(|l| url.join(l).ok())
            .ok_or_else(|| protocol(format!("bad Location header {location:?}")))?;
        Ok((next, held))
    }
}

/// The length a `Range: 0-<last>` header says the upload holds (`0-0` is also what some
/// registries answer for an empty session).
fn range_len(r: &str) -> Option<u64> {
    let r = r.strip_prefix("bytes=").unwrap_or(r);
    let (first, last) = r.split_once('-')?;
    if first.trim() != "0" {
        return None;
    }
    last.trim().parse::<u64>().ok().map(|l| l + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(range_len("0-1023"), Some(1024));
        assert_eq!(range_len("bytes=0-9"), Some(10));
        assert_eq!(range_len("5-9"), None);
        assert_eq!(range_len("junk"), None);
    }

    #[test]
    fn locations_resolve_relative_and_absolute() {
        let base = Url::parse("http://127.0.0.1:5000/v2/a/b/blobs/uploads/").unwrap();
        for (loc, want) in [
            (
                "/v2/a/b/blobs/uploads/u1?_state=x",
                "http://127.0.0.1:5000/v2/a/b/blobs/uploads/u1?_state=x",
            ),
            ("u2", "http://127.0.0.1:5000/v2/a/b/blobs/uploads/u2"),
            (
                "https://bucket.example/up/u3?sig=1",
                "https://bucket.example/up/u3?sig=1",
            ),
        ] {
            assert_eq!(base.join(loc).unwrap().as_str(), want);
        }
    }
}
