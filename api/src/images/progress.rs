//! Docker's JSON progress stream for pulls and pushes: the engine's progress events become
//! `{"status":...,"progressDetail":{...},"id":...}` lines, in the order the docker CLI draws
//! them. A pull's sink also tells the handler when the image was found (so a missing image is
//! still a 404 rather than an error inside a 200 stream).

use bytes::Bytes;
use hutch_engine::progress::{Event, ProgressSink, SkipReason};
use hutch_engine::Digest;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use tokio::sync::mpsc::UnboundedSender;

/// What a sink hands the response: a JSON line, or the news that the image was found.
pub enum Msg {
    Line(Bytes),
    Started,
}

/// One JSON message, newline-terminated as the docker CLI reads them.
pub fn line(v: &Value) -> Bytes {
    let mut b = serde_json::to_vec(v).unwrap_or_default();
    b.push(b'\n');
    Bytes::from(b)
}

pub fn status(s: &str) -> Bytes {
    line(&json!({ "status": s }))
}

/// Docker's in-stream error, for failures after the 200 was sent.
pub fn error(message: &str) -> Bytes {
    line(&json!({ "errorDetail": { "message": message }, "error": message }))
}

/// A layer as Docker names it in progress lines: 12 hex digits of its digest.
fn short(d: &Digest) -> String {
    d.hex().chars().take(12).collect()
}

fn layer(status: &str, id: &Digest) -> Bytes {
    line(&json!({ "status": status, "progressDetail": {}, "id": short(id) }))
}

fn bytes_of(status: &str, id: &Digest, current: u64, total: Option<u64>) -> Bytes {
    let mut detail = json!({ "current": current });
    if let Some(t) = total {
        detail["total"] = json!(t);
    }
    line(&json!({
        "status": status,
        "progressDetail": detail,
        "progress": bar(current, total),
        "id": short(id),
    }))
}

/// The text bar docker draws: `[=====>      ]  1.05MB/2.1MB`.
fn bar(current: u64, total: Option<u64>) -> String {
    let size = |n: u64| {
        let n = n as f64;
        if n >= 1e9 {
            format!("{:.3}GB", n / 1e9)
        } else if n >= 1e6 {
            format!("{:.3}MB", n / 1e6)
        } else if n >= 1e3 {
            format!("{:.3}kB", n / 1e3)
        } else {
            format!("{n}B")
        }
    };
    match total {
        Some(t) if t > 0 => {
            let width = 50u64;
            let done = (current.min(t) * width / t) as usize;
            let mut b = "=".repeat(done);
            if done < width as usize {
                b.push('>');
            }
            format!("[{b:<50}] {:>10}/{}", size(current), size(t))
        }
        _ => format!("{:>10}", size(current)),
    }
}

/// The sink of a pull.
pub struct PullSink {
    tx: UnboundedSender<Msg>,
    started: AtomicBool,
    resolving: Mutex<Option<String>>,
    totals: Mutex<HashMap<Digest, u64>>,
}

impl PullSink {
    pub fn new(tx: UnboundedSender<Msg>) -> PullSink {
        PullSink {
            tx,
            started: AtomicBool::new(false),
            resolving: Mutex::new(None),
            totals: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the image was found (the 200 and the stream have started).
    pub fn started(&self) -> bool {
        self.started.load(Ordering::SeqCst)
    }

    pub fn send(&self, b: Bytes) {
        let _ = self.tx.send(Msg::Line(b));
    }
}

impl ProgressSink for PullSink {
    fn event(&self, e: Event) {
        match e {
            Event::Resolving { reference } => {
                *self.resolving.lock().unwrap_or_else(|e| e.into_inner()) = Some(reference);
            }
            Event::CopyingBlobs => {
                // Once per image (`pull --all-tags` pulls several).
                if !self.started.swap(true, Ordering::SeqCst) {
                    let _ = self.tx.send(Msg::Started);
                }
                let r = self
                    .resolving
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clone()
                    .unwrap_or_default();
                // `latest: Pulling from library/busybox`: the repository without its registry.
                if let Ok(r) = hutch_engine::reference::ImageRef::parse(&r) {
                    let id = r
                        .tag
                        .clone()
                        .or(r.digest.clone())
                        .unwrap_or_else(|| "latest".into());
                    self.send(line(&json!({
                        "status": format!("Pulling from {}", r.repository),
                        "id": id,
                    })));
                }
            }
            Event::BlobSkipped { id, .. } => self.send(layer("Already exists", &id)),
            Event::BlobStarted { id, total } => {
                if let Some(t) = total {
                    self.totals
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(id.clone(), t);
                }
                self.send(layer("Pulling fs layer", &id));
            }
            Event::BlobProgress { id, current, total } => {
                self.send(bytes_of("Downloading", &id, current, total))
            }
            Event::BlobDone { id, .. } => {
                // The layer was unpacked while it streamed in: by now it is extracted too.
                self.send(layer("Verifying Checksum", &id));
                self.send(layer("Download complete", &id));
                let total = self
                    .totals
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get(&id)
                    .copied();
                if let Some(t) = total {
                    self.send(bytes_of("Extracting", &id, t, Some(t)));
                }
                self.send(layer("Pull complete", &id));
            }
            _ => {}
        }
    }
}

/// The sink of a push.
pub struct PushSink {
    tx: UnboundedSender<Msg>,
}

impl PushSink {
    pub fn new(tx: UnboundedSender<Msg>) -> PushSink {
        PushSink { tx }
    }

    pub fn send(&self, b: Bytes) {
        let _ = self.tx.send(Msg::Line(b));
    }
}

impl ProgressSink for PushSink {
    fn event(&self, e: Event) {
        match e {
            Event::BlobStarted { id, .. } => self.send(layer("Preparing", &id)),
            Event::BlobProgress { id, current, total } => {
                self.send(bytes_of("Pushing", &id, current, total))
            }
            Event::BlobDone { id, .. } => self.send(layer("Pushed", &id)),
            Event::BlobSkipped { id, reason, .. } => self.send(layer(
                match reason {
                    SkipReason::AlreadyExists => "Layer already exists",
                    SkipReason::Mounted => "Mounted from another repository",
                },
                &id,
            )),
            _ => {}
        }
    }
}
