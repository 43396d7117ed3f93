//! hutch-conmon against the real runc and a busybox bundle. As root runc runs directly; as a
//! normal user every runc and monitor command runs inside a user namespace made with
//! `unshare -Ur` (joined with `nsenter`), where runc is rootless. A missing runc, busybox,
//! unshare or nsenter fails the tests with the command that installs it: a test that cannot run
//! never passes.

use std::io::Read;
use std::os::fd::{AsFd, OwnedFd};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hutch_sys::sock;

const CONMON: &str = env!("CARGO_BIN_EXE_hutch-conmon");
const APPLETS: &[&str] = &[
    "sh", "cat", "echo", "sleep", "stty", "printf", "true", "id", "ls",
];

fn find(name: &str, fallback: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .chain([PathBuf::from(fallback).parent().unwrap().to_path_buf()])
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Fails the test with what is missing and how to get it (as the integration harness does).
#[track_caller]
fn missing(what: &str, fix: &str) -> ! {
    panic!("prerequisite missing: {what}\n  fix: {fix}")
}

/// The tools these tests need: runc and a static busybox.
fn prerequisites() -> (PathBuf, PathBuf) {
    let runc = find("runc", "/usr/bin/runc").unwrap_or_else(|| {
        missing(
            "runc (the OCI runtime the monitor drives)",
            "apt-get install runc",
        )
    });
    let busybox = ["/bin/busybox", "/usr/bin/busybox"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            missing(
                "a static busybox at /bin/busybox or /usr/bin/busybox (the containers' root file system)",
                "apt-get install busybox-static",
            )
        });
    if !is_root() {
        for tool in ["unshare", "nsenter"] {
            if find(tool, &format!("/usr/bin/{tool}")).is_none() {
                missing(
                    &format!("{tool} (a normal user runs runc in a user namespace)"),
                    "apt-get install util-linux (or run the tests as root)",
                );
            }
        }
    }
    (runc, busybox)
}

fn is_root() -> bool {
    hutch_sys::process::getuid() == 0
}

/// A user namespace (as a normal user) that every command of one test runs in.
struct Userns(Option<Child>);

impl Userns {
    fn new() -> Userns {
        if is_root() {
            return Userns(None);
        }
        let mut child = Command::new("unshare")
            .args(["-Ur", "sh", "-c", "echo ready; exec sleep 100000"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("run unshare -Ur");
        let mut line = [0u8; 6];
        child
            .stdout
            .take()
            .unwrap()
            .read_exact(&mut line)
            .expect("unshare -Ur did not come up");
        Userns(Some(child))
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        match &self.0 {
            None => Command::new(program),
            Some(holder) => {
                let mut c = Command::new("nsenter");
                c.args(["-U", "--preserve-credentials", "-t"])
                    .arg(holder.id().to_string())
                    .arg("--")
                    .arg(program);
                c
            }
        }
    }
}

impl Drop for Userns {
    fn drop(&mut self) {
        if let Some(c) = self.0.as_mut() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// One container: its bundle, runc state dir and socket dir under a fresh temporary directory.
struct Ctr {
    dir: tempfile::TempDir,
    id: String,
    runc: PathBuf,
    ns: Userns,
    pid: Option<i32>,
    sockets: PathBuf,
}

impl Ctr {
    /// A bundle whose process runs `args` (with a terminal when `terminal`).
    fn new(name: &str, args: &[&str], terminal: bool) -> Ctr {
        let (runc, busybox) = prerequisites();
        let dir = tempfile::Builder::new()
            .prefix("hc-")
            .tempdir_in("/tmp")
            .unwrap();
        let ns = Userns::new();
        let bundle = dir.path().join("b");
        let bin = bundle.join("rootfs/bin");
        std::fs::create_dir_all(&bin).unwrap();
        for d in ["proc", "dev", "sys", "tmp", "etc"] {
            std::fs::create_dir_all(bundle.join("rootfs").join(d)).unwrap();
        }
        std::fs::copy(&busybox, bin.join("busybox")).unwrap();
        for a in APPLETS {
            std::os::unix::fs::symlink("busybox", bin.join(a)).unwrap();
        }
        let out = ns
            .command(&runc)
            .args(["spec", "--rootless"])
            .current_dir(&bundle)
            .output()
            .unwrap();
        assert!(out.status.success(), "runc spec: {out:?}");
        // The engine runs runc inside its own user namespace and asks for none in the config;
        // so do we (as root none is needed).
        let path = bundle.join("config.json");
        let mut spec: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        spec["process"]["args"] = serde_json::json!(args);
        spec["process"]["terminal"] = serde_json::json!(terminal);
        let linux = spec["linux"].as_object_mut().unwrap();
        linux.remove("uidMappings");
        linux.remove("gidMappings");
        linux["namespaces"]
            .as_array_mut()
            .unwrap()
            .retain(|n| n["type"] != "user");
        std::fs::write(&path, serde_json::to_vec_pretty(&spec).unwrap()).unwrap();
        let sockets = dir.path().join("s");
        std::fs::create_dir(&sockets).unwrap();
        Ctr {
            sockets,
            id: format!("hc-{name}-{}", std::process::id()),
            dir,
            runc,
            ns,
            pid: None,
        }
    }

    fn socket_dir(&self) -> PathBuf {
        self.sockets.clone()
    }

    /// A socket dir whose `attach` path is longer than a socket address can hold, as the
    /// engine's runroot/containers/<64 hex ids> paths are.
    fn long_socket_dir(mut self) -> Ctr {
        self.sockets = self
            .dir
            .path()
            .join(format!("containers/{}", "0123456789abcdef".repeat(6)));
        std::fs::create_dir_all(&self.sockets).unwrap();
        assert!(self.sockets.join("attach").as_os_str().len() > 108);
        self
    }
    fn log(&self) -> PathBuf {
        self.dir.path().join("b/ctr.log")
    }
    fn marker(&self) -> PathBuf {
        self.dir.path().join("exit-command-ran")
    }

    /// Runs the monitor with `extra` flags; returns its start-up line and its exit status.
    fn conmon(&mut self, extra: &[&str]) -> (String, std::process::ExitStatus) {
        let d = self.dir.path();
        let mut cmd = self.ns.command("sh");
        // The sync pipe is our stdout, moved to fd 3; the monitor's own stdout is a file (where
        // passthrough output goes).
        cmd.args(["-c", "exec \"$@\" 3>&1 >\"$OUT\"", "sh", CONMON])
            .env("OUT", d.join("conmon.out"))
            .args(["--cid", &self.id, "--name", "n"])
            .arg("--bundle")
            .arg(d.join("b"))
            .arg("--runtime")
            .arg(&self.runc)
            .args(["--runtime-arg", "--root", "--runtime-arg"])
            .arg(d.join("runc"))
            .arg("--socket-dir")
            .arg(self.socket_dir())
            .arg("--container-pidfile")
            .arg(self.socket_dir().join("pidfile"))
            .arg("--log-path")
            .arg(self.log())
            .args(["--sync-fd", "3"])
            .args(["--exit-command", "/bin/sh", "--exit-command-arg", "-c"])
            .arg("--exit-command-arg")
            .arg(format!("echo ran > {}", self.marker().display()))
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(d.join("conmon.err")).unwrap());
        let mut child = cmd.spawn().expect("spawn hutch-conmon");
        let mut line = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut line)
            .unwrap();
        let status = child.wait().unwrap();
        if let Some(pid) = line
            .strip_prefix("{\"pid\": ")
            .and_then(|r| r.trim().strip_suffix('}'))
        {
            self.pid = Some(pid.parse().unwrap());
        }
        (line, status)
    }

    fn create(&mut self, extra: &[&str]) -> i32 {
        let (line, status) = self.conmon(extra);
        assert!(status.success(), "conmon exited {status}: {line}");
        self.pid
            .unwrap_or_else(|| panic!("no pid in the sync line {line:?}: {}", self.stderr()))
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("conmon.err")).unwrap_or_default()
    }

    fn runc(&self, args: &[&str]) {
        let out = self
            .ns
            .command(&self.runc)
            .arg("--root")
            .arg(self.dir.path().join("runc"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "runc {args:?}: {out:?}");
    }

    fn start(&self) {
        self.runc(&["start", &self.id]);
    }

    /// The exit file's contents once the monitor wrote it.
    fn wait_exit(&self) -> String {
        let path = self.socket_dir().join("exit");
        wait_for(&format!("{}", path.display()), || {
            std::fs::read_to_string(&path).ok()
        })
    }

    fn conmon_pid(&self) -> i32 {
        let s = std::fs::read_to_string(self.socket_dir().join("conmon.pid")).unwrap();
        s.trim().parse().unwrap()
    }

    fn attach(&self) -> OwnedFd {
        sock::seqpacket_connect(&self.socket_dir().join("attach")).expect("connect to attach")
    }

    fn ctl(&self, line: &str) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(self.socket_dir().join("ctl"))
            .unwrap();
        f.write_all(line.as_bytes()).unwrap();
    }
}

impl Drop for Ctr {
    fn drop(&mut self) {
        // Whatever the test left running goes; errors are expected for containers already gone.
        let _ = self
            .ns
            .command(&self.runc)
            .arg("--root")
            .arg(self.dir.path().join("runc"))
            .args(["delete", "--force", &self.id])
            .stderr(Stdio::null())
            .status();
    }
}

fn wait_for<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let end = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Reads attach packets until `want` shows up in the output, or the exit packet comes.
/// Returns (stdout+stderr text seen, exit code if the exit packet came).
fn read_until(fd: &OwnedFd, want: &str) -> (String, Option<String>) {
    let end = Instant::now() + Duration::from_secs(20);
    hutch_sys::fd::set_nonblocking(fd.as_fd()).unwrap();
    let mut seen = String::new();
    let mut buf = vec![0u8; 8193];
    while Instant::now() < end {
        match sock::recv(fd.as_fd(), &mut buf).unwrap() {
            None => std::thread::sleep(Duration::from_millis(10)),
            Some(0) => break,
            Some(n) => match buf[0] {
                1 | 2 => {
                    seen.push_str(&String::from_utf8_lossy(&buf[1..n]));
                    if !want.is_empty() && seen.contains(want) {
                        return (seen, None);
                    }
                }
                3 => return (seen, Some(String::from_utf8_lossy(&buf[1..n]).into())),
                other => panic!("unknown stream byte {other}"),
            },
        }
    }
    (seen, None)
}

fn alive(pid: i32) -> bool {
    // A zombie has exited already.
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !s
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z'),
        Err(_) => false,
    }
}

#[test]
fn logs_exit_code_and_exit_command() {
    let script = "echo out1; echo err1 >&2; printf partial; sleep 0.3; echo ' done'; exit 3";
    let mut c = Ctr::new("logs", &["sh", "-c", script], false);
    let pid = c.create(&[]);
    assert!(pid > 0);
    c.start();
    assert_eq!(c.wait_exit(), "3\n");
    let log = std::fs::read_to_string(c.log()).unwrap();
    let records: Vec<&str> = log
        .lines()
        .map(|l| {
            let (stamp, rest) = l.split_once(' ').unwrap();
            assert_eq!(stamp.len(), 35, "timestamp {stamp:?}");
            assert!(stamp.ends_with("+00:00") && stamp.as_bytes()[10] == b'T');
            rest
        })
        .collect();
    assert!(records.contains(&"stdout F out1"), "{log}");
    assert!(records.contains(&"stderr F err1"), "{log}");
    assert!(records.contains(&"stdout P partial"), "{log}");
    assert!(records.contains(&"stdout F  done"), "{log}");
    let marker = wait_for("the exit command", || {
        std::fs::read_to_string(c.marker()).ok()
    });
    assert_eq!(marker, "ran\n");
    assert!(!c.socket_dir().join("attach").exists());
}

#[test]
fn sigkill_is_137() {
    let mut c = Ctr::new("kill", &["sleep", "1000"], false);
    let pid = c.create(&[]);
    c.start();
    assert!(alive(pid));
    c.runc(&["kill", &c.id, "KILL"]);
    assert_eq!(c.wait_exit(), "137\n");
}

#[test]
fn create_failure_is_reported_on_the_sync_fd() {
    let mut c = Ctr::new("nope", &["/no/such/program"], false);
    let (line, status) = c.conmon(&[]);
    // The process we started exits 0 once it forked; the verdict is the sync line.
    assert!(status.success());
    assert!(
        line.starts_with("{\"error\": \"runtime create failed: ")
            && line.ends_with("\"code\": 127}\n"),
        "{line}"
    );
    assert!(line.contains("/no/such/program"), "{line}");
    assert!(!c.socket_dir().join("exit").exists());
    // The same with `run --detach`: the runtime's complaint, not mistaken for container output.
    let (line, _) = c.conmon(&["--start", "--hold-output"]);
    assert!(
        line.starts_with("{\"error\": \"runtime run failed: ")
            && line.contains("/no/such/program")
            && line.ends_with("\"code\": 127}\n"),
        "{line}"
    );
    assert_eq!(std::fs::read_to_string(c.log()).unwrap_or_default(), "");
}

#[test]
fn attach_stdin_two_clients_and_shutdown_closes_stdin() {
    let c = Ctr::new("stdin", &["cat"], false);
    let mut c = c.long_socket_dir();
    c.create(&["--stdin"]);
    let a = c.attach();
    let b = c.attach();
    c.start();
    sock::send(a.as_fd(), b"hello from a\n").unwrap();
    let (seen_a, _) = read_until(&a, "hello from a\n");
    let (seen_b, _) = read_until(&b, "hello from a\n");
    assert_eq!(seen_a, "hello from a\n");
    assert_eq!(seen_b, "hello from a\n");
    // b leaves without closing stdin; a's shutdown then ends cat.
    drop(b);
    sock::send(a.as_fd(), b"bye\n").unwrap();
    sock::shutdown_write(a.as_fd()).unwrap();
    let (seen, code) = read_until(&a, "");
    assert_eq!(seen, "bye\n");
    assert_eq!(code.as_deref(), Some("0"));
    assert_eq!(c.wait_exit(), "0\n");
    let log = std::fs::read_to_string(c.log()).unwrap();
    assert!(
        log.contains(" stdout F hello from a\n") && log.contains(" stdout F bye\n"),
        "{log}"
    );
}

#[test]
fn leave_stdin_open_keeps_cat_running() {
    let mut c = Ctr::new("leave", &["cat"], false);
    let pid = c.create(&["--stdin", "--leave-stdin-open"]);
    let a = c.attach();
    c.start();
    sock::send(a.as_fd(), b"x\n").unwrap();
    read_until(&a, "x\n");
    sock::shutdown_write(a.as_fd()).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert!(alive(pid), "cat ended although stdin was to stay open");
    assert!(!c.socket_dir().join("exit").exists());
}

#[test]
fn terminal_echo_and_resize() {
    let mut c = Ctr::new("tty", &["sh"], true);
    c.create(&["--terminal", "--stdin"]);
    let a = c.attach();
    c.start();
    c.ctl("1 33 111\n");
    sock::send(a.as_fd(), b"echo hello $((40+2))\n").unwrap();
    let (seen, _) = read_until(&a, "hello 42");
    assert!(seen.contains("hello 42"), "{seen:?}");
    sock::send(a.as_fd(), b"stty size\n").unwrap();
    let (seen, _) = read_until(&a, "33 111");
    assert!(seen.contains("33 111"), "{seen:?}");
    c.ctl("1 20 60\n");
    sock::send(a.as_fd(), b"stty size; exit 5\n").unwrap();
    let (seen, code) = read_until(&a, "");
    assert!(seen.contains("20 60"), "{seen:?}");
    assert_eq!(code.as_deref(), Some("5"));
    assert_eq!(c.wait_exit(), "5\n");
    let log = std::fs::read_to_string(c.log()).unwrap();
    assert!(log.contains(" stdout F hello 42\r\n"), "{log}");
}

#[test]
fn monitor_outlives_its_parent_and_its_death_spares_the_container() {
    let mut c = Ctr::new(
        "orphan",
        &["sh", "-c", "echo started; exec sleep 1000"],
        false,
    );
    let pid = c.create(&[]);
    c.start();
    let mon = c.conmon_pid();
    // The process we spawned has exited (create() waited for it); the monitor lives on in a
    // session of its own and keeps logging. (A container that kept writing would die of SIGPIPE
    // once the monitor is gone, as under podman's conmon; this one only sleeps then.)
    assert!(alive(mon));
    let stat = std::fs::read_to_string(format!("/proc/{mon}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        fields[3],
        mon.to_string(),
        "the monitor leads its own session: {stat}"
    );
    wait_for("output in the log", || {
        std::fs::read_to_string(c.log())
            .ok()
            .filter(|l| l.contains(" stdout F started\n"))
    });
    hutch_sys::process::kill(mon).unwrap();
    wait_for("the monitor to die", || (!alive(mon)).then_some(()));
    std::thread::sleep(Duration::from_millis(200));
    assert!(alive(pid), "the container died with its monitor");
    assert!(!c.socket_dir().join("exit").exists());
}

#[test]
fn log_rotation_and_passthrough() {
    let script = "i=0; while [ $i -lt 40 ]; do echo line $i; i=$((i+1)); done";
    let mut c = Ctr::new("rotate", &["sh", "-c", script], false);
    c.create(&["--log-size-max", "1000"]);
    c.start();
    assert_eq!(c.wait_exit(), "0\n");
    let now = std::fs::metadata(c.log()).unwrap().len();
    let old = std::fs::read_to_string(c.log().with_extension("log.1")).unwrap();
    assert!(
        now <= 1000 && !old.is_empty() && old.len() <= 1000,
        "{now} {old}"
    );

    let mut p = Ctr::new(
        "pass",
        &["sh", "-c", "echo through; echo err >&2; exit 4"],
        false,
    );
    p.create(&["--log-driver", "passthrough"]);
    assert!(!p.socket_dir().join("attach").exists());
    p.start();
    assert_eq!(p.wait_exit(), "4\n");
    let out = std::fs::read_to_string(p.dir.path().join("conmon.out")).unwrap();
    assert_eq!(out, "through\n");
    assert!(p.stderr().contains("err"), "{}", p.stderr());
    assert!(!p.log().exists());
}

#[test]
fn start_with_held_output_loses_nothing_for_a_late_client() {
    // The container prints and exits at once (`runtime run --detach`, no `start` step); with
    // --hold-output the client that attaches afterwards still gets every byte and the code.
    let mut c = Ctr::new(
        "held",
        &["sh", "-c", "echo first; echo second >&2; exit 5"],
        false,
    );
    c.create(&["--start", "--hold-output"]);
    // Nothing is read from the container before a client comes: no exit file, empty log.
    std::thread::sleep(Duration::from_millis(300));
    assert!(!c.socket_dir().join("exit").exists(), "{}", c.stderr());
    assert_eq!(std::fs::read_to_string(c.log()).unwrap_or_default(), "");
    let fd = c.attach();
    let (seen, code) = read_until(&fd, "");
    assert!(
        seen.contains("first") && seen.contains("second"),
        "{seen:?}"
    );
    assert_eq!(code.as_deref(), Some("5"));
    assert_eq!(c.wait_exit(), "5\n");
    let log = std::fs::read_to_string(c.log()).unwrap();
    assert!(
        log.contains("stdout F first") && log.contains("stderr F second"),
        "{log}"
    );
}

#[test]
fn exit_command_waits_for_the_attached_client_to_close() {
    // `run --rm` cleans up after the container itself, then closes its attach connection: the
    // exit command (the engine's `container cleanup`) starts only then, never alongside it.
    let mut c = Ctr::new("closewait", &["sh", "-c", "echo bye; exit 4"], false);
    c.create(&["--start", "--hold-output"]);
    let fd = c.attach();
    let (seen, code) = read_until(&fd, "");
    assert_eq!(seen, "bye\n");
    assert_eq!(code.as_deref(), Some("4"));
    // The exit packet is followed by end of stream, while the client still holds the socket.
    let mut buf = [0u8; 16];
    let end = wait_for("end of stream after the exit packet", || {
        sock::recv(fd.as_fd(), &mut buf).unwrap()
    });
    assert_eq!(end, 0);
    assert_eq!(c.wait_exit(), "4\n");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !c.marker().exists(),
        "the exit command ran while the client was attached"
    );
    drop(fd);
    let marker = wait_for("the exit command", || {
        std::fs::read_to_string(c.marker()).ok()
    });
    assert_eq!(marker, "ran\n");
}

#[test]
fn start_without_hold_runs_at_once() {
    let mut c = Ctr::new("started", &["sh", "-c", "echo ran; exit 2"], false);
    c.create(&["--start"]);
    assert_eq!(c.wait_exit(), "2\n");
    let log = std::fs::read_to_string(c.log()).unwrap();
    assert!(log.contains("stdout F ran"), "{log:?} {}", c.stderr());
    // A bad --hold-output use is refused on the sync fd.
    let (line, _) = c.conmon(&["--hold-output"]);
    assert!(line.contains("--hold-output needs --start"), "{line}");
}

/// `--exec-reaper` adopts the process the "runtime" leaves behind and reports its exit code.
#[test]
fn exec_reaper_reports_the_start_and_the_exit_code_of_the_adopted_process() {
    let dir = tempfile::tempdir().unwrap();
    let pf = dir.path().join("pid");
    // A "runtime" that starts a process in the background, writes its pid and exits.
    let script = format!("sh -c 'sleep 0.2; exit 7' & echo $! > {}", pf.display());
    let out = Command::new(CONMON)
        .args(["--exec-reaper", "--pid-file"])
        .arg(&pf)
        .args(["--", "sh", "-c", &script])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("started "), "{text}");
    assert_eq!(lines[1], "exited 7");
    // A failing runtime is our exit status, nothing on stdout.
    let out = Command::new(CONMON)
        .args(["--exec-reaper", "--pid-file"])
        .arg(&pf)
        .args(["--", "sh", "-c", "echo no >&2; exit 3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "no\n");
}
