//! Progress of image operations (pull, push, load, save, commit) as typed events. The engine
//! never draws or prints: it hands each event to the caller's sink, which renders it (the CLI as
//! podman's lines and bars, the API service as Docker's JSON progress stream).

use crate::Digest;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc;

/// One step of an image operation. Blob events name the blob by digest (a compressed layer,
/// or a layer's diff_id where no compressed form exists: save, load, commit); byte counts let
/// a renderer draw a bar or Docker's `progressDetail`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Looking up `reference` on a registry (one of several candidates for a short name).
    Resolving { reference: String },
    /// The image is found; copying its blobs starts.
    CopyingBlobs,
    /// A blob starts copying; `total` bytes when known beforehand. `id` names the blob in the
    /// events that follow (a push knows a layer by its diff_id until it is compressed).
    BlobStarted { id: Digest, total: Option<u64> },
    /// `current` bytes of the blob are done (it restarts from 0 when an upload falls back to
    /// another method); `total` may be learnt only now.
    BlobProgress {
        id: Digest,
        current: u64,
        total: Option<u64>,
    },
    /// The blob is copied, as `digest` (a push's compressed blob; else `id` again).
    BlobDone { id: Digest, digest: Digest },
    /// The blob needed no copy: the destination has it as `digest`.
    BlobSkipped {
        id: Digest,
        digest: Digest,
        reason: SkipReason,
    },
    /// The image config is copied (or was there already).
    ConfigDone { digest: Digest },
    /// The image manifest is being written.
    WritingManifest,
    /// A manifest list (index) is being written.
    WritingManifestList,
}

/// Why a blob was not copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The destination (local storage or registry) has it.
    AlreadyExists,
    /// The registry got it by a cross-repository mount.
    Mounted,
}

/// Where an operation's events go. Async operations call it from the future that drives them
/// (see `reporting`), sync ones from their own thread.
pub trait ProgressSink: Send + Sync {
    fn event(&self, event: Event);
}

/// A sink that drops every event (quiet operation, or a caller that does not care).
pub struct Silent;

impl ProgressSink for Silent {
    fn event(&self, _: Event) {}
}

impl<F: Fn(Event) + Send + Sync> ProgressSink for F {
    fn event(&self, event: Event) {
        self(event)
    }
}

/// The sending side that an operation's tasks and blocking threads hold; cheap to clone and
/// `'static`, unlike the caller's sink.
#[derive(Clone)]
pub(crate) struct Reporter {
    tx: mpsc::UnboundedSender<Event>,
}

impl Reporter {
    /// A reporter whose events go nowhere.
    pub(crate) fn silent() -> Reporter {
        Reporter {
            tx: mpsc::unbounded_channel().0,
        }
    }

    pub(crate) fn send(&self, event: Event) {
        // The receiver lives as long as the operation: a failed send means it is over.
        let _ = self.tx.send(event);
    }

    /// Announces a blob and returns the handle that reports its bytes.
    pub(crate) fn blob(&self, id: &Digest, total: Option<u64>) -> BlobProgress {
        self.send(Event::BlobStarted {
            id: id.clone(),
            total,
        });
        BlobProgress {
            reporter: self.clone(),
            id: id.clone(),
            counts: Arc::new(Counts {
                current: AtomicU64::new(0),
                reported: AtomicU64::new(0),
                total: AtomicU64::new(total.unwrap_or(u64::MAX)),
            }),
        }
    }
}

/// Runs `work` with a `Reporter` whose events reach `sink`, delivered from this future (so the
/// sink needs no `'static` lifetime), and every event is delivered before this returns.
pub(crate) async fn reporting<T, F>(sink: &dyn ProgressSink, work: impl FnOnce(Reporter) -> F) -> T
where
    F: std::future::Future<Output = T>,
{
    let (tx, mut rx) = mpsc::unbounded_channel();
    let work = work(Reporter { tx });
    tokio::pin!(work);
    loop {
        tokio::select! {
            out = &mut work => {
                while let Ok(e) = rx.try_recv() {
                    sink.event(e);
                }
                return out;
            }
            Some(e) = rx.recv() => sink.event(e),
        }
    }
}

/// Progress events are coalesced to about one per this many bytes: renderers redraw at a few
/// frames a second, and a tar writer makes many small writes.
const REPORT_EVERY: u64 = 256 << 10;

struct Counts {
    current: AtomicU64,
    reported: AtomicU64,
    /// `u64::MAX` while unknown.
    total: AtomicU64,
}

/// Byte counts for one blob in flight, reported as they grow.
#[derive(Clone)]
pub(crate) struct BlobProgress {
    reporter: Reporter,
    id: Digest,
    counts: Arc<Counts>,
}

impl BlobProgress {
    fn total(&self) -> Option<u64> {
        let t = self.counts.total.load(Ordering::Relaxed);
        (t != u64::MAX).then_some(t)
    }

    fn report(&self, current: u64) {
        self.counts.reported.store(current, Ordering::Relaxed);
        self.reporter.send(Event::BlobProgress {
            id: self.id.clone(),
            current,
            total: self.total(),
        });
    }

    pub(crate) fn inc(&self, n: u64) {
        let current = self.counts.current.fetch_add(n, Ordering::Relaxed) + n;
        if current - self.counts.reported.load(Ordering::Relaxed).min(current) >= REPORT_EVERY
            || self.total() == Some(current)
        {
            self.report(current);
        }
    }

    /// Starts over (a retry by another method), with a new total when it is known now.
    pub(crate) fn restart(&self, total: Option<u64>) {
        if let Some(t) = total {
            self.counts.total.store(t, Ordering::Relaxed);
        }
        self.counts.current.store(0, Ordering::Relaxed);
        self.report(0);
    }

    /// The blob is copied, as `digest`.
    pub(crate) fn done(&self, digest: &Digest) {
        self.reporter.send(Event::BlobDone {
            id: self.id.clone(),
            digest: digest.clone(),
        });
    }

    /// The blob needed no copy.
    pub(crate) fn skipped(&self, digest: &Digest, reason: SkipReason) {
        self.reporter.send(Event::BlobSkipped {
            id: self.id.clone(),
            digest: digest.clone(),
            reason,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[tokio::test]
    async fn events_reach_the_sink_in_order_before_the_work_returns() {
        let seen = Mutex::new(Vec::new());
        let sink = |e: Event| seen.lock().unwrap().push(e);
        let d = Digest::sha256(b"x");
        let out = reporting(&sink, |r| async move {
            r.send(Event::CopyingBlobs);
            let b = r.blob(&d, Some(REPORT_EVERY * 2));
            let b2 = b.clone();
            tokio::task::spawn_blocking(move || {
                for _ in 0..4 {
                    b2.inc(REPORT_EVERY / 2);
                }
            })
            .await
            .unwrap();
            b.done(&d);
            7
        })
        .await;
        assert_eq!(out, 7);
        let seen = seen.into_inner().unwrap();
        let d = Digest::sha256(b"x");
        let total = Some(REPORT_EVERY * 2);
        assert_eq!(
            seen,
            [
                Event::CopyingBlobs,
                Event::BlobStarted {
                    id: d.clone(),
                    total
                },
                Event::BlobProgress {
                    id: d.clone(),
                    current: REPORT_EVERY,
                    total
                },
                Event::BlobProgress {
                    id: d.clone(),
                    current: REPORT_EVERY * 2,
                    total
                },
                Event::BlobDone {
                    id: d.clone(),
                    digest: d
                },
            ]
        );
    }
}
