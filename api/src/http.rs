//! Requests and responses: the parsed request handlers see (path segments, query, the version in
//! the path), Docker's error shape, and body helpers (JSON, streams, limits).

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Full, StreamBody};
use hutch_engine::{EngineError, ErrorKind};
use hyper::body::{Frame, Incoming};
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{HeaderMap, Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::convert::Infallible;

pub type Body = BoxBody<Bytes, std::io::Error>;
pub type Response = hyper::Response<Body>;
pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// The largest JSON body a request may carry (container create with a large Config is a few KB).
pub const MAX_JSON_BODY: usize = 4 << 20;

/// A failed request: Docker answers `{"message": ...}` with the status.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
    pub fn conflict(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, message)
    }
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    pub fn response(&self) -> Response {
        let mut r = json(self.status, &serde_json::json!({ "message": self.message }));
        if self.status.is_server_error() {
            tracing::warn!("{}", self.message);
        }
        r.headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        r
    }
}

/// The status an engine error becomes.
pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::Invalid => StatusCode::BAD_REQUEST,
        ErrorKind::Unauthorized => StatusCode::UNAUTHORIZED,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        ApiError::new(status_of(e.kind()), e.to_string())
    }
}

impl From<hutch_engine::container::ContainerError> for ApiError {
    fn from(e: hutch_engine::container::ContainerError) -> ApiError {
        ApiError::from(EngineError::from(e))
    }
}

/// A parsed request. `version` is the one in the path (`/v1.41/...`), if any.
pub struct Req {
    pub method: Method,
    pub segs: Vec<String>,
    pub query: Vec<(String, String)>,
    pub version: Option<(u32, u32)>,
    pub headers: HeaderMap,
    /// The request's extensions (where hyper keeps the connection upgrade).
    pub extensions: hyper::http::Extensions,
    /// The body, until a handler takes it.
    pub body: Option<Incoming>,
}

impl Req {
    /// The path segments as `&str`s, for matching.
    pub fn path(&self) -> Vec<&str> {
        self.segs.iter().map(String::as_str).collect()
    }

    /// The API version the client asked for, or the current one.
    pub fn version(&self) -> (u32, u32) {
        self.version
            .unwrap_or_else(|| parse_version(crate::API_VERSION).unwrap())
    }

    /// True when the client's version is below `major.minor`.
    pub fn before(&self, major: u32, minor: u32) -> bool {
        self.version() < (major, minor)
    }

    /// The last value of query parameter `key`.
    pub fn q(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of query parameter `key`, in order.
    pub fn q_all(&self, key: &str) -> Vec<&str> {
        self.query
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// A boolean query parameter as Docker reads them: `1`, `true`, `True` (and an empty value for
    /// a present flag) are true; absent is `default`.
    pub fn q_bool(&self, key: &str, default: bool) -> Result<bool> {
        match self.q(key) {
            None => Ok(default),
            Some(v) => parse_bool(v).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "invalid boolean value {v:?} for query parameter {key}"
                ))
            }),
        }
    }

    /// An integer query parameter.
    pub fn q_int<T: std::str::FromStr>(&self, key: &str) -> Result<Option<T>> {
        match self.q(key) {
            None | Some("") => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| {
                ApiError::bad_request(format!(
                    "invalid value {v:?} for query parameter {key}: not a number"
                ))
            }),
        }
    }

    /// The `filters` query parameter as `key=value` items, accepting both of Docker's encodings:
    /// `{"key":["v1","v2"]}` and the older `{"key":{"v1":true}}`.
    pub fn filters(&self) -> Result<Vec<String>> {
        let Some(raw) = self.q("filters") else {
            return Ok(Vec::new());
        };
        if raw.is_empty() {
            return Ok(Vec::new());
        }
        let v: serde_json::Value = serde_json::from_str(raw)
            .map_err(|e| ApiError::bad_request(format!("invalid filters {raw:?}: {e}")))?;
        let obj = v.as_object().ok_or_else(|| {
            ApiError::bad_request(format!("invalid filters {raw:?}: not a JSON object"))
        })?;
        let mut out = Vec::new();
        for (key, vals) in obj {
            match vals {
                serde_json::Value::Array(a) => {
                    for x in a {
                        let s = x.as_str().ok_or_else(|| {
                            ApiError::bad_request(format!(
                                "invalid filters {raw:?}: values of {key} must be strings"
                            ))
                        })?;
                        out.push(format!("{key}={s}"));
                    }
                }
                serde_json::Value::Object(m) => {
                    for (s, on) in m {
                        if on.as_bool().unwrap_or(false) {
                            out.push(format!("{key}={s}"));
                        }
                    }
                }
                serde_json::Value::String(s) => out.push(format!("{key}={s}")),
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "invalid filters {raw:?}: values of {key} must be a list of strings"
                    )))
                }
            }
        }
        Ok(out)
    }

    /// The whole body, refused past `limit` bytes.
    pub async fn body_bytes(&mut self, limit: usize) -> Result<Bytes> {
        let body = self.take_body()?;
        let limited = http_body_util::Limited::new(body, limit);
        match limited.collect().await {
            Ok(c) => Ok(c.to_bytes()),
            Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body is larger than {limit} bytes"),
            )),
            Err(e) => Err(ApiError::bad_request(format!(
                "reading the request body: {e}"
            ))),
        }
    }

    /// The body as JSON of type `T`; an empty body is `T::default()`.
    pub async fn json<T: DeserializeOwned + Default>(&mut self) -> Result<T> {
        let bytes = self.body_bytes(MAX_JSON_BODY).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(T::default());
        }
        serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::bad_request(format!("invalid JSON in the request body: {e}")))
    }

    /// The body, for handlers that stream it (image load, archive PUT).
    pub fn take_body(&mut self) -> Result<Incoming> {
        self.body
            .take()
            .ok_or_else(|| ApiError::internal("the request body was already read"))
    }

    /// The upgrade of this connection, for handlers that hijack it (attach, exec start).
    pub fn on_upgrade(&mut self) -> hyper::upgrade::OnUpgrade {
        self.extensions
            .remove::<hyper::upgrade::OnUpgrade>()
            .unwrap_or_else(|| hyper::upgrade::on(hyper::Request::new(())))
    }
}

pub fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "" | "1" | "true" | "True" | "TRUE" | "yes" => Some(true),
        "0" | "false" | "False" | "FALSE" | "no" => Some(false),
        _ => None,
    }
}

/// `1.41` → `(1, 41)`.
pub fn parse_version(v: &str) -> Option<(u32, u32)> {
    let (a, b) = v.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

pub fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into())
        .map_err(|e: Infallible| match e {})
        .boxed()
}

pub fn json<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
    let mut r = hyper::Response::new(full(body));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

pub fn ok_json<T: Serialize + ?Sized>(value: &T) -> Result<Response> {
    Ok(json(StatusCode::OK, value))
}

pub fn empty(status: StatusCode) -> Response {
    let mut r = hyper::Response::new(full(Bytes::new()));
    *r.status_mut() = status;
    r
}

/// A streamed body fed by a channel: each message is one chunk; an error ends the stream.
pub fn channel_body(rx: tokio::sync::mpsc::Receiver<std::io::Result<Bytes>>) -> Body {
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item.map(Frame::data), rx))
    });
    BodyExt::boxed(StreamBody::new(stream))
}

/// Runs blocking engine work off the async threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("engine task failed: {e}")))?
}
