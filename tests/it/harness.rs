//! The test context: private directories and environment per test, the real `hutch` binary run as
//! an unprivileged user (the caller, or `$HUTCH_TEST_USER` when the tests run as root) with a
//! timeout, prerequisite checks that fail loudly, and output filters.

use std::ffi::OsString;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Default limit for one hutch invocation; pulls of the big test layer stay well under it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(180);

/// The user hutch runs as.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    /// True when the tests run as root and switch to this user with `setpriv`.
    pub switch: bool,
}

/// Fails the test with a message saying what is missing and how to get it. Never skips: a test
/// that cannot run is a failure, in CI and on a developer's machine alike.
#[track_caller]
pub fn missing(what: &str, fix: &str) -> ! {
    panic!(
        "prerequisite missing: {what}\n  fix: {fix}\n  (the integration tests need a rootless set-up; \
         `.ci/run` installs everything on a fresh Debian 12 machine)"
    )
}

/// Effective uid of this process, from /proc (keeps the tests free of libc and unsafe).
pub fn euid() -> u32 {
    let status = fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("parse Uid from /proc/self/status")
}

fn passwd_entry(key: &str) -> Option<(String, u32, u32)> {
    let out = Command::new("getent").args(["passwd", key]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let f: Vec<&str> = line.split(':').collect();
    Some((
        f[0].to_string(),
        f.get(2)?.parse().ok()?,
        f.get(3)?.parse().ok()?,
    ))
}

/// The unprivileged user that runs hutch, checked once: it exists, has subordinate id ranges, and
/// the setuid helpers are installed.
pub fn test_user() -> &'static TestUser {
    static USER: OnceLock<TestUser> = OnceLock::new();
    USER.get_or_init(|| {
        let me = euid();
        let user = if me == 0 {
            let name =
                std::env::var("HUTCH_TEST_USER").unwrap_or_else(|_| "hutch-test".to_string());
            let Some((name, uid, gid)) = passwd_entry(&name) else {
                missing(
                    &format!("the unprivileged test user `{name}` (the tests run as root and run hutch as it)"),
                    &format!(
                        "useradd -m {name} && usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {name} \
                         (or set HUTCH_TEST_USER to an existing unprivileged user)"
                    ),
                )
            };
            assert_ne!(uid, 0, "HUTCH_TEST_USER must not be root");
            TestUser { name, uid, gid, switch: true }
        } else {
            let (name, _, gid) = passwd_entry(&me.to_string())
                .unwrap_or_else(|| missing(&format!("a passwd entry for uid {me}"), "add the user to /etc/passwd"));
            TestUser { name, uid: me, gid, switch: false }
        };
        for (file, tool) in [("/etc/subuid", "--add-subuids"), ("/etc/subgid", "--add-subgids")] {
            if user.subordinate_ranges(file).is_empty() {
                missing(
                    &format!("a subordinate id range for `{}` in {file}", user.name),
                    &format!("sudo usermod {tool} 100000-165535 {}", user.name),
                );
            }
        }
        for helper in ["newuidmap", "newgidmap"] {
            let path = which(helper).unwrap_or_else(|| {
                missing(&format!("{helper} (setuid helper for user namespaces)"), "apt-get install uidmap")
            });
            let md = fs::metadata(&path).expect("stat helper");
            if md.mode() & 0o4000 == 0 || md.uid() != 0 {
                missing(
                    &format!("{} is not setuid root", path.display()),
                    &format!("chown root {0} && chmod u+s {0}", path.display()),
                );
            }
        }
        user
    })
}

impl TestUser {
    /// The user's subordinate id ranges (start, count) in `file` (/etc/subuid or /etc/subgid),
    /// by name or uid, in file order: hutch maps ids 1.. of its namespace onto them one after
    /// another.
    pub fn subordinate_ranges(&self, file: &str) -> Vec<(u64, u64)> {
        let text = fs::read_to_string(file).unwrap_or_default();
        let mut ranges = Vec::new();
        for line in text.lines().map(str::trim) {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() != 3 || (f[0] != self.name && f[0] != self.uid.to_string()) {
                continue;
            }
            let (Ok(start), Ok(count)) = (f[1].parse(), f[2].parse()) else {
                continue;
            };
            if count > 0 && !ranges.contains(&(start, count)) {
                ranges.push((start, count));
            }
        }
        ranges
    }

    /// The host id that id `id` (1 or more) inside the user's namespace maps to, from the
    /// ranges in `file`.
    pub fn host_id(&self, file: &str, id: u64) -> u64 {
        assert!(id >= 1, "id 0 inside is the user itself");
        let mut first = 1;
        for (start, count) in self.subordinate_ranges(file) {
            if id < first + count {
                return start + (id - first);
            }
            first += count;
        }
        panic!("id {id} is beyond {}'s ranges in {file}", self.name)
    }
}

/// Finds a program in the usual system directories (the tests' own PATH may be odd).
pub fn which(prog: &str) -> Option<PathBuf> {
    let path = std::env::var("PATH").unwrap_or_default();
    let found = path
        .split(':')
        .chain([
            "/usr/local/sbin",
            "/usr/local/bin",
            "/usr/sbin",
            "/usr/bin",
            "/sbin",
            "/bin",
        ])
        .map(|d| Path::new(d).join(prog))
        .find(|p| p.is_file());
    found
}

/// Fails unless `prog` is installed, naming the Debian package that provides it.
#[track_caller]
pub fn require(prog: &str, package: &str) -> PathBuf {
    which(prog)
        .unwrap_or_else(|| missing(&format!("`{prog}`"), &format!("apt-get install {package}")))
}

/// Per-process scratch directory (`/tmp/hutch-it-<pid>`), removed by a watchdog when this process
/// exits however it exits: statics are never dropped, and a killed test run must not leave
/// registries running or gigabytes in /tmp.
pub struct Session {
    pub dir: PathBuf,
    cleanup_script: PathBuf,
    _watchdog: Mutex<(Child, ChildStdin)>,
}

pub fn session() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| {
        let dir = PathBuf::from(format!("/tmp/hutch-it-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create session dir");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let cleanup_script = dir.join("cleanup.sh");
        fs::write(&cleanup_script, "").unwrap();
        // The watchdog waits for EOF on its stdin, which happens when this process is gone.
        // `setsid` keeps a Ctrl-C to the test's process group from killing it before it runs.
        let script = format!(
            "cat >/dev/null; sh {cleanup}; \
             for p in /proc/[0-9]*; do grep -qzs 'HUTCH_IT_SESSION={dir}' $p/environ && kill -9 ${{p#/proc/}}; done; \
             sleep 0.2; rm -rf {dir}",
            cleanup = cleanup_script.display(),
            dir = dir.display()
        );
        let mut child = Command::new("setsid")
            .args(["sh", "-c", &script])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn cleanup watchdog (setsid, sh)");
        let stdin = child.stdin.take().unwrap();
        Session { dir, cleanup_script, _watchdog: Mutex::new((child, stdin)) }
    })
}

impl Session {
    /// Adds a shell command the watchdog runs when the test process is gone.
    pub fn at_exit(&self, cmd: &str) {
        let mut f = fs::OpenOptions::new()
            .append(true)
            .open(&self.cleanup_script)
            .unwrap();
        writeln!(f, "{cmd}").unwrap();
    }
}

/// The runtime `HUTCH_IT_RUNTIME` names, resolved: `hutch-runtime` is the one built next to
/// the hutch binary; other names and paths go to hutch as they are.
pub fn it_runtime() -> Option<OsString> {
    let rt = std::env::var_os("HUTCH_IT_RUNTIME").filter(|r| !r.is_empty())?;
    if rt == "hutch-runtime" {
        return Some(runtime_bin().into());
    }
    Some(rt)
}

/// The hutch-runtime binary built with the hutch binary under test.
pub fn runtime_bin() -> PathBuf {
    hutch_bin().with_file_name("hutch-runtime")
}

/// The hutch binary, copied into a world-readable directory: the build tree may live under a home
/// directory the test user cannot enter.
pub fn hutch_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let dir = session().dir.join("bin");
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let dst = dir.join("hutch");
        fs::copy(env!("CARGO_BIN_EXE_hutch"), &dst).expect("copy hutch binary");
        fs::set_permissions(&dst, fs::Permissions::from_mode(0o755)).unwrap();
        // hutch finds its monitor next to itself. It belongs to another package of the
        // workspace, which `cargo test --test it` does not build: build it (a no-op when fresh).
        let built = Path::new(env!("CARGO_BIN_EXE_hutch")).with_file_name("hutch-conmon");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let release = built.parent().is_some_and(|d| d.ends_with("release"));
        let mut build = Command::new(cargo);
        build
            .args(["build", "-q", "-p", "hutch-conmon", "-p", "hutch-runtime"])
            .arg("--manifest-path")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
        if release {
            build.arg("--release");
        }
        let ok = build.status().is_ok_and(|s| s.success());
        if !ok && !built.is_file() {
            missing("the hutch-conmon binary", "cargo build -p hutch-conmon");
        }
        let mon = dir.join("hutch-conmon");
        fs::copy(&built, &mon).expect("copy hutch-conmon binary");
        fs::set_permissions(&mon, fs::Permissions::from_mode(0o755)).unwrap();
        // hutch-runtime too: hutch finds it there by name (`--runtime hutch-runtime`).
        let rt_built = built.with_file_name("hutch-runtime");
        if !rt_built.is_file() {
            missing("the hutch-runtime binary", "cargo build -p hutch-runtime");
        }
        let rt = dir.join("hutch-runtime");
        fs::copy(&rt_built, &rt).expect("copy hutch-runtime binary");
        fs::set_permissions(&rt, fs::Permissions::from_mode(0o755)).unwrap();
        dst
    })
}

/// What a finished command did.
#[derive(Debug)]
pub struct Output {
    pub cmdline: String,
    /// None when it was killed by a signal.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    fn describe(&self) -> String {
        format!(
            "command: {}\nexit: {:?} signal: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.cmdline, self.code, self.signal, self.stdout, self.stderr
        )
    }

    /// Asserts exit code 0 and returns self.
    #[track_caller]
    pub fn success(self) -> Self {
        assert_eq!(self.code, Some(0), "expected success\n{}", self.describe());
        self
    }

    /// Asserts the given exit code.
    #[track_caller]
    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit code {code}\n{}",
            self.describe()
        );
        self
    }

    /// Asserts a non-zero exit (not a crash by signal).
    #[track_caller]
    pub fn failure(self) -> Self {
        assert!(
            matches!(self.code, Some(c) if c != 0),
            "expected a failure exit code\n{}",
            self.describe()
        );
        self
    }

    /// Asserts stderr contains every needle (case-insensitive).
    #[track_caller]
    pub fn stderr_has(self, needles: &[&str]) -> Self {
        let hay = self.stderr.to_lowercase();
        for n in needles {
            assert!(
                hay.contains(&n.to_lowercase()),
                "stderr should mention {n:?}\n{}",
                self.describe()
            );
        }
        self
    }

    pub fn stdout_trim(&self) -> &str {
        self.stdout.trim()
    }

    /// Asserts the error is one line (podman's `Error: ...`) plus optional warnings.
    #[track_caller]
    pub fn one_line_error(self) -> Self {
        let errors: Vec<&str> = self
            .stderr
            .lines()
            .filter(|l| l.starts_with("Error: "))
            .collect();
        assert_eq!(
            errors.len(),
            1,
            "expected exactly one `Error: ` line\n{}",
            self.describe()
        );
        self
    }
}

static CTX_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// One test's private world: its own HOME, XDG directories, graphroot and runroot, owned by the
/// test user, removed (with everything hutch started for it) when dropped.
pub struct TestContext {
    pub dir: PathBuf,
    pub home: PathBuf,
    pub runtime_dir: PathBuf,
    pub config_home: PathBuf,
    pub data_home: PathBuf,
    pub user: TestUser,
    extra_env: Vec<(String, String)>,
}

impl TestContext {
    pub fn new(name: &str) -> TestContext {
        let user = test_user().clone();
        let n = CTX_COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = session().dir.join(format!("{name}-{n}"));
        let home = dir.join("home");
        let runtime_dir = dir.join("xdg-run");
        let config_home = dir.join("config");
        let data_home = home.join(".local/share");
        for d in [&dir, &home, &runtime_dir, &config_home, &data_home] {
            fs::create_dir_all(d).unwrap();
        }
        let ctx = TestContext {
            dir,
            home,
            runtime_dir,
            config_home,
            data_home,
            user,
            extra_env: Vec::new(),
        };
        ctx.chown_tree(&ctx.dir);
        fs::set_permissions(&ctx.runtime_dir, fs::Permissions::from_mode(0o700)).unwrap();
        fs::set_permissions(&ctx.dir, fs::Permissions::from_mode(0o755)).unwrap();
        ctx
    }

    /// The graphroot hutch uses by default for this context (`$XDG_DATA_HOME/hutch/storage`).
    pub fn graphroot(&self) -> PathBuf {
        self.data_home.join("hutch/storage")
    }

    /// The runroot hutch uses by default for this context (`$XDG_RUNTIME_DIR/hutch`).
    pub fn runroot(&self) -> PathBuf {
        self.runtime_dir.join("hutch")
    }

    pub fn set_env(&mut self, key: &str, value: &str) {
        self.extra_env.push((key.to_string(), value.to_string()));
    }

    fn chown_tree(&self, path: &Path) {
        if !self.user.switch {
            return;
        }
        let _ = std::os::unix::fs::lchown(path, Some(self.user.uid), Some(self.user.gid));
        if path.is_dir() && !path.is_symlink() {
            for e in fs::read_dir(path).unwrap().flatten() {
                self.chown_tree(&e.path());
            }
        }
    }

    /// Writes a file as the test user would have (parents created, owned by the user).
    pub fn write_file(&self, path: &Path, contents: impl AsRef<[u8]>) {
        let parent = path.parent().unwrap();
        fs::create_dir_all(parent).unwrap();
        fs::write(path, contents).unwrap();
        // Chown every directory we may just have created below the context dir.
        let mut p = path.to_path_buf();
        while p.starts_with(&self.dir) && p != self.dir {
            self.chown_tree_shallow(&p);
            p = p.parent().unwrap().to_path_buf();
        }
    }

    fn chown_tree_shallow(&self, path: &Path) {
        if self.user.switch {
            let _ = std::os::unix::fs::lchown(path, Some(self.user.uid), Some(self.user.gid));
        }
    }

    /// A command that runs `prog` as the test user in this context's environment.
    pub fn command(&self, prog: impl Into<OsString>) -> Cmd {
        let prog = prog.into();
        let mut cmd = if self.user.switch {
            let mut c = Command::new("setpriv");
            c.arg(format!("--reuid={}", self.user.uid))
                .arg(format!("--regid={}", self.user.gid))
                .arg("--clear-groups")
                .arg("--")
                .arg(&prog);
            c
        } else {
            Command::new(&prog)
        };
        cmd.env_clear()
            .env("HOME", &self.home)
            .env("USER", &self.user.name)
            .env("LOGNAME", &self.user.name)
            .env("XDG_RUNTIME_DIR", &self.runtime_dir)
            .env("XDG_CONFIG_HOME", &self.config_home)
            .env("XDG_DATA_HOME", &self.data_home)
            .env(
                "PATH",
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            )
            .env("LANG", "C.UTF-8")
            .env("RUST_BACKTRACE", "1")
            .env("HUTCH_IT_SESSION", &session().dir)
            .env("HUTCH_IT_CTX", &self.dir)
            .current_dir(&self.dir);
        // `HUTCH_IT_RUNTIME=hutch-runtime|runc|crun|PATH` runs the suite on that OCI runtime.
        if let Some(rt) = it_runtime() {
            cmd.env("HUTCH_RUNTIME", rt);
        }
        for (k, v) in &self.extra_env {
            cmd.env(k, v);
        }
        Cmd {
            cmd,
            display: vec![prog.to_string_lossy().into_owned()],
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// `hutch ARGS...` as the test user.
    pub fn hutch<I, S>(&self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut c = self.command(hutch_bin());
        c.display = vec!["hutch".into()];
        c.args(args);
        c
    }

    /// Replaces this context's paths and long hex IDs so output can be compared literally.
    pub fn filter(&self, text: &str) -> String {
        let mut s = text.replace(&self.graphroot().display().to_string(), "[GRAPHROOT]");
        s = s.replace(&self.runroot().display().to_string(), "[RUNROOT]");
        s = s.replace(&self.dir.display().to_string(), "[CTX]");
        filter_hex(&s)
    }

    /// PIDs of processes started for this context (found by the marker in their environment) plus
    /// any pid files hutch keeps in its runroot.
    fn own_pids(&self) -> Vec<u32> {
        let marker = format!("HUTCH_IT_CTX={}", self.dir.display());
        let mut pids = Vec::new();
        for e in fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            if let Ok(env) = fs::read(e.path().join("environ")) {
                if env.split(|b| *b == 0).any(|v| v == marker.as_bytes()) {
                    pids.push(pid);
                }
            }
        }
        if let Ok(rd) = fs::read_dir(self.runroot()) {
            for e in rd.flatten() {
                if e.file_name().to_string_lossy().ends_with(".pid") {
                    if let Ok(t) = fs::read_to_string(e.path()) {
                        if let Ok(pid) = t.trim().parse::<u32>() {
                            if pid > 1 && !pids.contains(&pid) {
                                pids.push(pid);
                            }
                        }
                    }
                }
            }
        }
        pids.retain(|p| *p != std::process::id());
        pids
    }
}

impl Drop for TestContext {
    fn drop(&mut self) {
        if std::env::var_os("HUTCH_IT_KEEP").is_some() {
            eprintln!("keeping {}", self.dir.display());
            return;
        }
        if !self.user.switch {
            // Layer files belong to subordinate ids: only the namespace's root can delete them.
            let _ = self
                .hutch(["unshare", "rm", "-rf"])
                .arg(self.graphroot())
                .timeout(Duration::from_secs(60))
                .run();
        }
        for pid in self.own_pids() {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        }
        // Give the kernel a moment to tear down the dead pause process's mount namespace.
        std::thread::sleep(Duration::from_millis(50));
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A command under construction.
pub struct Cmd {
    cmd: Command,
    display: Vec<String>,
    timeout: Duration,
}

impl Cmd {
    pub fn arg(&mut self, a: impl AsRef<std::ffi::OsStr>) -> &mut Self {
        self.display.push(a.as_ref().to_string_lossy().into_owned());
        self.cmd.arg(a);
        self
    }

    pub fn args<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        for a in args {
            self.arg(a);
        }
        self
    }

    pub fn env(&mut self, k: &str, v: impl AsRef<std::ffi::OsStr>) -> &mut Self {
        self.cmd.env(k, v);
        self
    }

    pub fn timeout(&mut self, t: Duration) -> &mut Self {
        self.timeout = t;
        self
    }

    pub fn cmdline(&self) -> String {
        self.display.join(" ")
    }

    /// Starts the command without waiting (for concurrency and kill tests).
    pub fn spawn(&mut self) -> Running {
        self.cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self
            .cmd
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {}: {e}", self.cmdline()));
        let out = child.stdout.take().unwrap();
        let err = child.stderr.take().unwrap();
        Running {
            child,
            cmdline: self.cmdline(),
            timeout: self.timeout,
            started: Instant::now(),
            stdout: Some(reader(out)),
            stderr: Some(reader(err)),
        }
    }

    /// Runs to completion (or the timeout, which fails the test) and returns what happened.
    pub fn run(&mut self) -> Output {
        self.spawn().wait()
    }
}

fn reader(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// A command that is running.
pub struct Running {
    pub child: Child,
    pub cmdline: String,
    timeout: Duration,
    started: Instant,
    stdout: Option<std::thread::JoinHandle<String>>,
    stderr: Option<std::thread::JoinHandle<String>>,
}

impl Running {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// True while the process has not exited.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn kill9(&mut self) {
        let _ = self.child.kill();
    }

    pub fn wait(mut self) -> Output {
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("wait") {
                break st;
            }
            if self.started.elapsed() > self.timeout {
                let _ = self.child.kill();
                let _ = self.child.wait();
                let stdout = self.stdout.take().unwrap().join().unwrap_or_default();
                let stderr = self.stderr.take().unwrap().join().unwrap_or_default();
                panic!(
                    "timed out after {:?}: {}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
                    self.timeout, self.cmdline
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        Output {
            cmdline: self.cmdline.clone(),
            code: status.code(),
            signal: status.signal(),
            stdout: self.stdout.take().unwrap().join().unwrap_or_default(),
            stderr: self.stderr.take().unwrap().join().unwrap_or_default(),
        }
    }
}

/// Polls `f` every 100 ms until it holds; fails the test naming `what` after `limit`.
#[track_caller]
pub fn until(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Replaces 64- and 12-character lowercase hex runs (image IDs, digests) with placeholders.
pub fn filter_hex(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let run = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            .count();
        let boundary_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let boundary_after = i + run >= b.len() || !b[i + run].is_ascii_alphanumeric();
        if run > 0 && boundary_before && boundary_after && (run == 64 || run == 12) {
            out.push_str(if run == 64 { "[ID]" } else { "[SHORTID]" });
            i += run;
        } else if run > 0 {
            out.push_str(&s[i..i + run]);
            i += run;
        } else {
            let c = s[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

#[test]
fn filter_hex_replaces_ids_only() {
    let id = "a".repeat(64);
    assert_eq!(filter_hex(&format!("sha256:{id} x")), "sha256:[ID] x");
    assert_eq!(filter_hex("abcdef123456 deadbeef"), "[SHORTID] deadbeef");
    assert_eq!(filter_hex("0.1.0"), "0.1.0");
}
