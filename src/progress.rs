//! Rendering the engine's image progress events on stderr as podman does: bars and lines for
//! registry copies (pull, push, manifest push), plain lines for archives (save, load).

use hutch_engine::progress::{Event, ProgressSink, Silent};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::Mutex;

/// The sink for a registry copy: bars on a terminal unless `quiet`, else nothing at all (as
/// podman prints no progress into a pipe).
pub fn registry(quiet: bool) -> Box<dyn ProgressSink> {
    if !quiet && std::io::stderr().is_terminal() {
        Box::new(Bars::new())
    } else {
        Box::new(Silent)
    }
}

/// Podman's lines with short digests and a bar per blob in flight; a finished bar becomes a
/// plain line above the ones still running.
pub struct Bars {
    multi: MultiProgress,
    bars: Mutex<HashMap<String, ProgressBar>>,
}

impl Bars {
    fn new() -> Bars {
        Bars {
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            bars: Mutex::new(HashMap::new()),
        }
    }

    fn line(&self, msg: String) {
        if self.multi.println(&msg).is_err() {
            eprintln!("{msg}");
        }
    }

    fn bar(&self, id: &hutch_engine::Digest) -> Option<ProgressBar> {
        self.bars
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(id.as_str())
            .cloned()
    }

    fn clear(&self, id: &hutch_engine::Digest) {
        let bar = self
            .bars
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(id.as_str());
        if let Some(b) = bar {
            b.finish_and_clear();
        }
    }
}

impl Drop for Bars {
    /// Bars of blobs that never finished (the operation failed) go with it.
    fn drop(&mut self) {
        let bars = std::mem::take(&mut *self.bars.lock().unwrap_or_else(|e| e.into_inner()));
        for b in bars.into_values() {
            b.finish_and_clear();
        }
    }
}

impl ProgressSink for Bars {
    fn event(&self, event: Event) {
        match event {
            Event::Resolving { reference } => self.line(format!("Trying to pull {reference}...")),
            Event::CopyingBlobs => self.line("Getting image source signatures".into()),
            Event::BlobStarted { id, total } => {
                let bar = self.multi.add(ProgressBar::new(total.unwrap_or(0)));
                bar.set_style(
                    ProgressStyle::with_template(
                        "Copying blob {prefix} [{bar:30}] {binary_bytes} / {binary_total_bytes} {msg}",
                    )
                    .expect("valid template")
                    .progress_chars("=> "),
                );
                bar.set_prefix(id.short());
                self.bars
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(id.to_string(), bar);
            }
            Event::BlobProgress { id, current, total } => {
                if let Some(bar) = self.bar(&id) {
                    if let Some(t) = total {
                        bar.set_length(t);
                    }
                    bar.set_position(current);
                }
            }
            Event::BlobDone { id, digest } => {
                self.clear(&id);
                self.line(format!("Copying blob {} done", digest.short()));
            }
            Event::BlobSkipped { id, digest, .. } => {
                self.clear(&id);
                self.line(format!(
                    "Copying blob {} skipped: already exists",
                    digest.short()
                ));
            }
            Event::ConfigDone { digest } => {
                self.line(format!("Copying config {} done", digest.short()))
            }
            Event::WritingManifest => self.line("Writing manifest to image destination".into()),
            Event::WritingManifestList => {
                self.line("Writing manifest list to image destination".into())
            }
        }
    }
}

/// The lines `save` and `load` print (full digests, no bars, also into a pipe), unless quiet.
pub struct Lines {
    pub quiet: bool,
}

impl Lines {
    /// A line of ours in the same stream (`Storing signatures`).
    pub fn line(&self, msg: &str) {
        if !self.quiet {
            eprintln!("{msg}");
        }
    }
}

impl ProgressSink for Lines {
    fn event(&self, event: Event) {
        let msg = match event {
            Event::Resolving { reference } => format!("Trying to pull {reference}..."),
            Event::CopyingBlobs => "Getting image source signatures".into(),
            Event::BlobStarted { id, .. } => format!("Copying blob {id}"),
            Event::BlobProgress { .. } => return,
            Event::BlobDone { digest, .. } => format!("Copying blob {digest} done"),
            Event::BlobSkipped { digest, .. } => {
                format!("Copying blob {digest} skipped: already exists")
            }
            Event::ConfigDone { digest } => format!("Copying config {digest}"),
            Event::WritingManifest => "Writing manifest to image destination".into(),
            Event::WritingManifestList => "Writing manifest list to image destination".into(),
        };
        self.line(&msg);
    }
}
