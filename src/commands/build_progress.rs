//! `hutch build` on a terminal: a compact live view redrawn in place — each running stage's
//! current step with its elapsed time and the last lines of its output, and the build's
//! total time — above which finished steps stay as one line each. A failed build prints the
//! whole output of the steps that were running, so the error has its context.

use hutch_engine::build::{BuildEvent, BuildSink};
use hutch_engine::progress::ProgressSink;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// Output lines shown under a running step.
const TAIL: usize = 3;
/// Output kept per running step for the failure report.
const LOG_CAP: usize = 256 * 1024;

struct StageView {
    header: String,
    started: Instant,
    cached: bool,
    tail: VecDeque<String>,
    partial: String,
    log: Vec<u8>,
}

struct View {
    out: std::io::Stdout,
    started: Instant,
    stages: BTreeMap<usize, StageView>,
    /// The stage each stage thread works on (cache hits come on the stage's thread).
    threads: HashMap<ThreadId, usize>,
    /// Lines of the live area on screen now.
    drawn: usize,
    last_draw: Instant,
    done: bool,
}

pub struct Tty {
    view: Arc<Mutex<View>>,
    pull: Box<dyn ProgressSink>,
    stop: Arc<AtomicBool>,
}

fn width() -> usize {
    use std::os::fd::AsFd;
    hutch_engine::term::window_size(std::io::stdout().as_fd())
        .map(|(_, cols)| usize::from(cols))
        .ok()
        .filter(|&c| c >= 20)
        .unwrap_or(80)
}

fn clip(s: &str, max: usize) -> String {
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= max {
        clean
    } else {
        let mut t: String = clean.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

impl View {
    fn lock(v: &Mutex<View>) -> std::sync::MutexGuard<'_, View> {
        v.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Removes the live area (the cursor goes back to where it began).
    fn clear(&mut self) {
        if self.drawn > 0 {
            let _ = write!(self.out, "\x1b[{}A\r\x1b[J", self.drawn);
            self.drawn = 0;
        }
    }

    fn draw(&mut self) {
        if self.done {
            return;
        }
        let w = width();
        let mut lines = Vec::new();
        for s in self.stages.values() {
            let t = if s.cached {
                "cached".to_string()
            } else {
                format!("{:.1}s", s.started.elapsed().as_secs_f64())
            };
            lines.push(format!(
                "\x1b[1m{}\x1b[0m {t}",
                clip(&s.header, w.saturating_sub(t.len() + 1))
            ));
            let mut tail: Vec<&str> = s.tail.iter().map(String::as_str).collect();
            if !s.partial.is_empty() {
                tail.push(&s.partial);
            }
            for l in tail.iter().rev().take(TAIL).rev() {
                lines.push(format!(
                    "\x1b[2m  │ {}\x1b[0m",
                    clip(l, w.saturating_sub(4))
                ));
            }
        }
        lines.push(format!(
            "Building... {:.1}s",
            self.started.elapsed().as_secs_f64()
        ));
        self.clear();
        for l in &lines {
            let _ = writeln!(self.out, "{l}");
        }
        self.drawn = lines.len();
        self.last_draw = Instant::now();
        let _ = self.out.flush();
    }

    /// Moves stage `i`'s step above the live area as a finished line.
    fn finish_stage(&mut self, i: usize) {
        if let Some(s) = self.stages.remove(&i) {
            self.clear();
            let how = if s.cached {
                "--> Using cache".to_string()
            } else {
                format!("({:.1}s)", s.started.elapsed().as_secs_f64())
            };
            let _ = writeln!(self.out, "{} {how}", s.header);
        }
    }

    fn finish_all(&mut self) {
        let keys: Vec<usize> = self.stages.keys().copied().collect();
        for k in keys {
            self.finish_stage(k);
        }
        self.clear();
    }
}

impl Tty {
    pub fn new(pull: Box<dyn ProgressSink>) -> Tty {
        let view = Arc::new(Mutex::new(View {
            out: std::io::stdout(),
            started: Instant::now(),
            stages: BTreeMap::new(),
            threads: HashMap::new(),
            drawn: 0,
            last_draw: Instant::now(),
            done: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        {
            // The clock keeps ticking while a step prints nothing.
            let view = view.clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(250));
                    View::lock(&view).draw();
                }
            });
        }
        Tty { view, pull, stop }
    }

    /// The build ended: the live area goes; after a failure, the running steps' output is
    /// printed in full.
    pub fn end(&self, failed: bool) {
        self.stop.store(true, Ordering::SeqCst);
        let mut v = View::lock(&self.view);
        v.clear();
        if failed {
            let stages = std::mem::take(&mut v.stages);
            for s in stages.values() {
                let _ = writeln!(v.out, "{}", s.header);
                let _ = v.out.write_all(&s.log);
                if !s.log.is_empty() && !s.log.ends_with(b"\n") {
                    let _ = writeln!(v.out);
                }
            }
        } else {
            v.finish_all();
        }
        v.done = true;
        let _ = v.out.flush();
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

impl BuildSink for Tty {
    fn event(&self, event: BuildEvent) {
        let mut v = View::lock(&self.view);
        match event {
            BuildEvent::Pull(e) => {
                v.clear();
                drop(v);
                self.pull.event(e);
                return;
            }
            BuildEvent::Warning(w) => {
                v.clear();
                tracing::warn!("{w}");
            }
            BuildEvent::Step {
                stage,
                number,
                total,
                text,
            } => {
                let i = stage.map_or(0, |(s, _)| s.saturating_sub(1));
                v.finish_stage(i);
                let prefix = stage
                    .map(|(s, n)| format!("[{s}/{n}] "))
                    .unwrap_or_default();
                v.stages.insert(
                    i,
                    StageView {
                        header: format!("{prefix}STEP {number}/{total}: {text}"),
                        started: Instant::now(),
                        cached: false,
                        tail: VecDeque::new(),
                        partial: String::new(),
                        log: Vec::new(),
                    },
                );
                v.threads.insert(std::thread::current().id(), i);
            }
            BuildEvent::Output { stage, bytes } => {
                if let Some(s) = v.stages.get_mut(&stage) {
                    if s.log.len() < LOG_CAP {
                        s.log.extend_from_slice(&bytes);
                    }
                    s.partial.push_str(&String::from_utf8_lossy(&bytes));
                    while let Some(nl) = s.partial.find(['\n', '\r']) {
                        let line: String = s.partial.drain(..=nl).collect();
                        let line = line.trim_end_matches(['\n', '\r']).to_string();
                        if !line.is_empty() {
                            s.tail.push_back(line);
                        }
                        while s.tail.len() > TAIL {
                            s.tail.pop_front();
                        }
                    }
                }
                // Output can come fast: redraw at most 20 times a second.
                if v.last_draw.elapsed() < Duration::from_millis(50) {
                    return;
                }
            }
            BuildEvent::CacheHit { .. } => {
                let id = std::thread::current().id();
                if let Some(i) = v.threads.get(&id).copied() {
                    if let Some(s) = v.stages.get_mut(&i) {
                        s.cached = true;
                    }
                }
            }
            BuildEvent::Image { .. } => return,
            BuildEvent::Commit { name } => {
                v.finish_all();
                let _ = match name {
                    Some(n) => writeln!(v.out, "COMMIT {n}"),
                    None => writeln!(v.out, "COMMIT"),
                };
            }
            BuildEvent::Tagged { name } => {
                v.clear();
                let _ = writeln!(v.out, "Successfully tagged {name}");
            }
        }
        v.draw();
    }
}
