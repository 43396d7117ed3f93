//! The verbs on an existing container: start, state, kill, delete, pause, resume, ps, and
//! `features`.

use crate::state::Status;
use crate::state::{self, Container};
use anyhow::{anyhow, bail, Context, Result};
use nix::sys::signal::{kill as send, Signal};
use nix::unistd::Pid;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

pub fn start(root: &Path, id: &str) -> Result<()> {
    let c = Container::load(root, id)?;
    match c.status() {
        Status::Created => {}
        Status::Stopped => bail!("cannot start a container that has stopped"),
        _ => bail!("cannot start an already running container"),
    }
    let spec = crate::create::spec_of(&c)?;
    if spec.process().is_none() {
        // Its init waits with nothing to run: end it, so the container is stopped.
        let _ = send(Pid::from_raw(c.saved.pid), Signal::SIGKILL);
        wait_gone(&c);
        bail!("cannot start container {id}: config.json has no process to run");
    }
    let fifo_path = c.dir.join(state::FIFO);
    let mut fifo = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(&fifo_path)
        .with_context(|| format!("open {}", fifo_path.display()))?;
    // The init has the FIFO open for writing (it blocked in open); it writes one byte, then
    // its end closes when it execs the container's program (or fails to).
    let mut started = false;
    loop {
        let mut b = [0u8; 1];
        match fifo.read(&mut b) {
            Ok(1) => started = true,
            Ok(_) if started => break,
            Ok(_) if !c.alive() => bail!("cannot start a container that has stopped"),
            Err(e) if e.kind() != std::io::ErrorKind::WouldBlock => {
                return Err(e).context("read the exec fifo")
            }
            _ => {
                if !c.alive() {
                    if started {
                        break;
                    }
                    bail!("cannot start a container that has stopped");
                }
                let fd = std::os::fd::AsFd::as_fd(&fifo);
                let _ = hutch_sys::client::poll(&[fd], 100);
            }
        }
    }
    let _ = std::fs::remove_file(&fifo_path);
    let st = crate::hooks_state(&c.saved, "running");
    crate::hooks::run_warn(
        spec.hooks().as_ref().and_then(|h| h.poststart().as_deref()),
        &st,
        "poststart",
    );
    Ok(())
}

pub fn state(root: &Path, id: &str) -> Result<()> {
    let c = Container::load(root, id)?;
    println!("{}", serde_json::to_string_pretty(&c.state_json())?);
    Ok(())
}

pub fn parse_signal(s: &str) -> Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow!("invalid signal: {s}"));
    }
    let up = s.to_ascii_uppercase();
    let name = if up.starts_with("SIG") {
        up
    } else {
        format!("SIG{up}")
    };
    name.parse::<Signal>()
        .map_err(|_| anyhow!("invalid signal: {s}"))
}

/// Every process of the container: those in its pid namespace (or its cgroup), else its init.
fn processes(c: &Container) -> Vec<i32> {
    if let Some(dir) = &c.saved.cgroup {
        if let Ok(t) = std::fs::read_to_string(dir.join("cgroup.procs")) {
            return t.lines().filter_map(|l| l.trim().parse().ok()).collect();
        }
    }
    if c.saved.own_pidns {
        if let Ok(ns) = std::fs::read_link(format!("/proc/{}/ns/pid", c.saved.pid)) {
            if let Ok(pids) = hutch_sys::procfs::pids() {
                return pids
                    .into_iter()
                    .filter(|p| {
                        std::fs::read_link(format!("/proc/{p}/ns/pid")).is_ok_and(|l| l == ns)
                    })
                    .collect();
            }
        }
    }
    vec![c.saved.pid]
}

pub fn kill(root: &Path, id: &str, signal: &str, all: bool) -> Result<()> {
    let sig = parse_signal(signal)?;
    let c = Container::load(root, id)?;
    if c.status() == Status::Stopped {
        bail!("container not running");
    }
    if all {
        for p in processes(&c) {
            let _ = send(Pid::from_raw(p), sig);
        }
        return Ok(());
    }
    send(Pid::from_raw(c.saved.pid), sig).with_context(|| format!("kill container {id}"))
}

fn wait_gone(c: &Container) {
    let until = Instant::now() + Duration::from_secs(10);
    while c.alive() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(2));
    }
}

pub fn delete(root: &Path, id: &str, force: bool) -> Result<()> {
    delete_as(root, id, force, None)
}

/// `delete`, with the container's poststop hooks where the caller has them (`run`, which
/// created it); else they are read from the container's copy of config.json.
pub fn delete_as(
    root: &Path,
    id: &str,
    force: bool,
    poststop: Option<&[oci_spec::runtime::Hook]>,
) -> Result<()> {
    let c = match Container::load(root, id) {
        Ok(c) => c,
        // A state dir without state.json is a create that died: remove it.
        Err(e) if force => {
            let dir = root.join(id);
            if state::check_id(id).is_ok() && dir.is_dir() {
                let _ = std::fs::remove_dir_all(&dir);
                return Ok(());
            }
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    match c.status() {
        Status::Stopped => {}
        // The OCI spec: deleting a container that is not stopped is an error without
        // --force, a created one included (runc deletes a created one anyway).
        s if force => {
            let _ = s;
            for p in processes(&c) {
                let _ = send(Pid::from_raw(p), Signal::SIGKILL);
            }
            if c.saved.paused {
                if let Some(d) = &c.saved.cgroup {
                    let _ = crate::cgroup::freeze(d, false);
                }
            }
            wait_gone(&c);
        }
        s => bail!(
            "cannot delete container {id} that is not stopped: {}",
            s.name()
        ),
    }
    let read;
    let poststop = match poststop {
        Some(h) => Some(h),
        None => {
            read = crate::create::spec_of(&c).ok();
            read.as_ref()
                .and_then(|s| s.hooks().as_ref())
                .and_then(|h| h.poststop().as_deref())
        }
    };
    if let Some(h) = poststop.filter(|h| !h.is_empty()) {
        let st = crate::hooks_state(&c.saved, "stopped");
        crate::hooks::run_warn(Some(h), &st, "poststop");
    }
    if let Some(d) = &c.saved.cgroup {
        crate::cgroup::remove(d);
    }
    c.remove()
}

pub fn pause(root: &Path, id: &str, frozen: bool) -> Result<()> {
    let mut c = Container::load(root, id)?;
    let Some(dir) = c.saved.cgroup.clone() else {
        bail!(
            "container {id} has no cgroup to freeze (rootless on cgroup v1): cannot {}",
            if frozen { "pause" } else { "resume" }
        );
    };
    match (c.status(), frozen) {
        (Status::Running, true) | (Status::Paused, false) => {}
        (s, _) => bail!("container {id} is {}", s.name()),
    }
    crate::cgroup::freeze(&dir, frozen)?;
    c.saved.paused = frozen;
    c.save()
}

pub fn ps(root: &Path, id: &str, json: bool) -> Result<()> {
    let c = Container::load(root, id)?;
    let pids = if c.status() == Status::Stopped {
        Vec::new()
    } else {
        processes(&c)
    };
    if json {
        println!("{}", serde_json::to_string(&pids)?);
    } else {
        println!("PID");
        for p in pids {
            println!("{p}");
        }
    }
    Ok(())
}

pub fn features() -> serde_json::Value {
    let caps: Vec<String> = caps::runtime::thread_all_supported()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut caps = caps;
    caps.sort();
    serde_json::json!({
        "ociVersionMin": "1.0.0",
        "ociVersionMax": "1.2.0",
        "hooks": ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
        "mountOptions": ["async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec",
            "mand", "noatime", "nodev", "nodiratime", "noexec", "nomand", "norelatime",
            "nostrictatime", "nosuid", "private", "rbind", "relatime", "remount", "ro", "rprivate",
            "rshared", "rslave", "runbindable", "rw", "shared", "slave", "strictatime", "suid",
            "sync", "tmpcopyup", "unbindable"],
        "linux": {
            "namespaces": ["cgroup", "ipc", "mount", "network", "pid", "user", "uts"],
            "capabilities": caps,
            "cgroup": {"v1": false, "v2": true, "systemd": false, "systemdUser": false, "rdma": false},
            "seccomp": {
                "enabled": true,
                "actions": ["SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS",
                    "SCMP_ACT_KILL_THREAD", "SCMP_ACT_LOG", "SCMP_ACT_TRACE", "SCMP_ACT_TRAP"],
                "operators": ["SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_LE", "SCMP_CMP_LT",
                    "SCMP_CMP_MASKED_EQ", "SCMP_CMP_NE"],
                "archs": [match std::env::consts::ARCH { "aarch64" => "SCMP_ARCH_AARCH64", _ => "SCMP_ARCH_X86_64" }],
                "knownFlags": [],
                "supportedFlags": []
            },
            "apparmor": {"enabled": false},
            "selinux": {"enabled": false},
            "intelRdt": {"enabled": false},
            "mountExtensions": {"idmap": {"enabled": false}}
        },
        "annotations": {
            "org.opencontainers.runtime-spec.features.hutch-runtime.version": env!("CARGO_PKG_VERSION")
        }
    })
}
