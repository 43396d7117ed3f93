//! Healthchecks: the monitor runs the container's check through `RUNTIME exec` on its own timer
//! (no systemd timer, no hutch process per check), keeps Docker's health state — status, failing
//! streak, the last five results — in `health.json` beside the exit file, and runs the engine's
//! hook (`--health-hook-arg`..., then the new status) only when the status changes.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use hutch_sys::fd;

use crate::args::Args;

/// Where the state goes, in the socket dir (our working directory).
pub const STATE: &str = "health.json";
/// Docker keeps at most this much of a check's output, and this many results.
const MAX_OUTPUT: usize = 4096;
const MAX_LOG: usize = 5;

/// The check's settings: the file `--health` names, written by the engine, one `key value` per
/// line.
#[derive(Debug, Clone, PartialEq)]
pub struct Conf {
    pub process: PathBuf,
    pub interval: Duration,
    pub timeout: Duration,
    pub start_period: Duration,
    pub start_interval: Duration,
    pub retries: u32,
}

impl Conf {
    pub fn parse(text: &str) -> Result<Conf, String> {
        let mut c = Conf {
            process: PathBuf::new(),
            interval: Duration::from_secs(30),
            timeout: Duration::from_secs(30),
            start_period: Duration::ZERO,
            start_interval: Duration::from_secs(5),
            retries: 3,
        };
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (k, v) = line.split_once(' ').unwrap_or((line, ""));
            let ms = || {
                v.trim()
                    .parse::<u64>()
                    .map(Duration::from_millis)
                    .map_err(|_| format!("health config: {k}: {v:?} is not milliseconds"))
            };
            match k {
                "process" => c.process = PathBuf::from(v.trim()),
                "interval_ms" => c.interval = ms()?,
                "timeout_ms" => c.timeout = ms()?,
                "start_period_ms" => c.start_period = ms()?,
                "start_interval_ms" => c.start_interval = ms()?,
                "retries" => {
                    c.retries = v
                        .trim()
                        .parse()
                        .map_err(|_| format!("health config: retries: {v:?} is not a number"))?
                }
                _ => return Err(format!("health config: unknown key {k:?}")),
            }
        }
        if c.process.as_os_str().is_empty() {
            return Err("health config: no process".into());
        }
        if c.interval.is_zero() || c.timeout.is_zero() || c.start_interval.is_zero() {
            return Err(
                "health config: interval, timeout and start interval must be positive".into(),
            );
        }
        Ok(c)
    }
}

struct Entry {
    start: String,
    end: String,
    exit: i32,
    output: String,
}

struct Check {
    pid: i32,
    out: File,
    buf: Vec<u8>,
    start: String,
    deadline: Instant,
    timed_out: bool,
}

/// Docker's status names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Starting,
    Healthy,
    Unhealthy,
}

impl Status {
    fn name(self) -> &'static str {
        match self {
            Status::Starting => "starting",
            Status::Healthy => "healthy",
            Status::Unhealthy => "unhealthy",
        }
    }
}

pub struct Health {
    conf: Conf,
    runtime: PathBuf,
    runtime_args: Vec<OsString>,
    cid: String,
    /// The container's init, to tell a created container (not started yet) from a running one.
    pid: i32,
    hook: Option<(PathBuf, Vec<OsString>)>,
    born: Instant,
    next: Instant,
    check: Option<Check>,
    status: Status,
    streak: u32,
    log: VecDeque<Entry>,
    dir: PathBuf,
}

impl Health {
    /// Reads the `--health` file and records the `starting` state. The first check runs one
    /// interval (or start interval) after the container started, as Docker's does.
    pub fn new(args: &Args, pid: i32, conf_path: &Path) -> Result<Health, String> {
        let text = std::fs::read_to_string(conf_path)
            .map_err(|e| format!("read health config {}: {e}", conf_path.display()))?;
        let conf = Conf::parse(&text)?;
        let hook = match (&args.exit_command, args.health_hook_args.is_empty()) {
            (Some(exe), false) => Some((exe.clone(), args.health_hook_args.clone())),
            _ => None,
        };
        let now = Instant::now();
        let mut h = Health {
            runtime: args.runtime.clone(),
            runtime_args: args.runtime_args.clone(),
            cid: args.cid.clone(),
            pid,
            hook,
            born: now,
            next: now,
            check: None,
            status: Status::Starting,
            streak: 0,
            log: VecDeque::new(),
            dir: args.socket_dir.clone(),
            conf,
        };
        h.next = now + h.interval();
        h.save();
        Ok(h)
    }

    fn in_start_period(&self) -> bool {
        self.born.elapsed() < self.conf.start_period
    }

    /// The wait before the next check: the start interval while starting within the start
    /// period, else the interval.
    fn interval(&self) -> Duration {
        if self.status == Status::Starting && self.in_start_period() {
            self.conf.start_interval.min(self.conf.interval)
        } else {
            self.conf.interval
        }
    }

    /// How long poll may sleep before something is due (a check to start or to time out).
    pub fn timeout_ms(&self) -> i32 {
        let at = match &self.check {
            Some(c) => c.deadline,
            None => self.next,
        };
        at.saturating_duration_since(Instant::now())
            .as_millis()
            .clamp(1, 60_000) as i32
    }

    /// The running check's output, to poll.
    pub fn fd(&self) -> Option<BorrowedFd<'_>> {
        self.check.as_ref().map(|c| c.out.as_fd())
    }

    pub fn read_output(&mut self) {
        let Some(c) = self.check.as_mut() else { return };
        let mut buf = [0u8; 4096];
        loop {
            match c.out.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = MAX_OUTPUT.saturating_sub(c.buf.len());
                    c.buf.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    }

    /// Asks for a check now (`hutch healthcheck run`); one already running is the answer.
    pub fn run_now(&mut self) {
        if self.check.is_none() {
            self.next = Instant::now();
        }
    }

    /// Starts a check when one is due; kills one past its timeout.
    pub fn tick(&mut self) {
        let now = Instant::now();
        if let Some(c) = self.check.as_mut() {
            if now >= c.deadline && !c.timed_out {
                c.timed_out = true;
                let _ = hutch_sys::process::kill(c.pid);
            }
            return;
        }
        if now < self.next {
            return;
        }
        if self.not_started() {
            // Created, not started: the clock (and the start period) begins at the start.
            self.born = now;
            self.next = now + self.interval();
            return;
        }
        if self.paused() {
            // Paused by SIGSTOP: a check would run beside stopped processes and judge them
            // by nothing they did. Docker does not check paused containers either.
            self.next = now + self.interval();
            return;
        }
        match self.spawn() {
            Ok(c) => self.check = Some(c),
            Err(e) => {
                let stamp = timestamp();
                self.record(Entry {
                    start: stamp.clone(),
                    end: stamp,
                    exit: -1,
                    output: format!("cannot run the health check: {e}"),
                });
            }
        }
    }

    /// A created container's init is still the runtime's (runc's `runc:[2:INIT]`, crun's
    /// waiting process), not the container's command.
    fn not_started(&self) -> bool {
        std::fs::read_to_string(format!("/proc/{}/comm", self.pid))
            .is_ok_and(|c| c.starts_with("runc:[") || c.trim() == "crun")
    }

    /// Whether the container's init is stopped by a signal (`hutch pause` without a freezer).
    fn paused(&self) -> bool {
        hutch_sys::procfs::stat(self.pid).is_ok_and(|s| s.state == 'T')
    }

    fn spawn(&self) -> io::Result<Check> {
        let (r, w) = fd::pipe()?;
        let w2 = w.try_clone()?;
        let mut cmd = Command::new(&self.runtime);
        cmd.args(&self.runtime_args)
            .arg("exec")
            .arg("--process")
            .arg(&self.conf.process)
            .arg(&self.cid)
            .stdin(Stdio::null())
            .stdout(w)
            .stderr(w2)
            .process_group(0);
        let child = cmd.spawn()?;
        drop(cmd);
        fd::set_nonblocking(r.as_fd())?;
        Ok(Check {
            pid: child.id() as i32,
            out: r,
            buf: Vec::new(),
            start: timestamp(),
            deadline: Instant::now() + self.conf.timeout,
            timed_out: false,
        })
    }

    /// A reaped child: true when it was the check, whose result is then recorded.
    pub fn reaped(&mut self, pid: i32, code: i32) -> bool {
        if self.check.as_ref().is_none_or(|c| c.pid != pid) {
            return false;
        }
        self.read_output();
        let Some(c) = self.check.take() else {
            return false;
        };
        let (exit, output) = if c.timed_out {
            (
                -1,
                format!(
                    "Health check exceeded timeout ({}s)",
                    self.conf.timeout.as_secs_f64()
                ),
            )
        } else {
            (code, String::from_utf8_lossy(&c.buf).into_owned())
        };
        self.record(Entry {
            start: c.start,
            end: timestamp(),
            exit,
            output,
        });
        true
    }

    fn record(&mut self, e: Entry) {
        let ok = e.exit == 0;
        let before = self.status;
        if ok {
            self.streak = 0;
            self.status = Status::Healthy;
        } else if !(self.status == Status::Starting && self.in_start_period()) {
            // Failures inside the start period do not count (Docker), unless already healthy.
            self.streak += 1;
            if self.streak >= self.conf.retries.max(1) {
                self.status = Status::Unhealthy;
            }
        }
        self.log.push_back(e);
        while self.log.len() > MAX_LOG {
            self.log.pop_front();
        }
        self.next = Instant::now() + self.interval();
        self.save();
        if self.status != before {
            self.hook();
        }
    }

    fn hook(&self) {
        let Some((exe, args)) = &self.hook else {
            return;
        };
        let spawned = Command::new(exe)
            .args(args)
            .arg(self.status.name())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn();
        if let Err(e) = spawned {
            crate::monitor::warn(format_args!("run health hook {}: {e}", exe.display()));
        }
    }

    fn save(&self) {
        let mut s = format!(
            "{{\"Status\":\"{}\",\"FailingStreak\":{},\"Log\":[",
            self.status.name(),
            self.streak
        );
        for (i, e) in self.log.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str(&format!(
                "{{\"Start\":\"{}\",\"End\":\"{}\",\"ExitCode\":{},\"Output\":\"{}\"}}",
                e.start,
                e.end,
                e.exit,
                crate::json_escape(&e.output)
            ));
        }
        s.push_str("]}\n");
        if let Err(e) = crate::monitor::write_atomic(&self.dir, STATE, s.as_bytes()) {
            crate::monitor::warn(format_args!("write {STATE}: {e}"));
        }
    }
}

fn timestamp() -> String {
    let mut b = [0u8; 35];
    crate::logfile::format_timestamp(SystemTime::now(), &mut b);
    String::from_utf8_lossy(&b).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_parses_and_rejects() {
        let c = Conf::parse("process /b/health-process.json\ninterval_ms 1000\ntimeout_ms 500\nstart_period_ms 0\nstart_interval_ms 200\nretries 2\n").unwrap();
        assert_eq!(c.process, PathBuf::from("/b/health-process.json"));
        assert_eq!(c.interval, Duration::from_secs(1));
        assert_eq!(c.retries, 2);
        assert!(Conf::parse("interval_ms 1")
            .unwrap_err()
            .contains("no process"));
        assert!(Conf::parse("process /p\ninterval_ms x")
            .unwrap_err()
            .contains("milliseconds"));
        assert!(Conf::parse("process /p\nbogus 1")
            .unwrap_err()
            .contains("unknown key"));
        assert!(Conf::parse("process /p\ninterval_ms 0").is_err());
    }
}
