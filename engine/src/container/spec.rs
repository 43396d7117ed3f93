//! The OCI runtime configuration (`config.json`) of a container, built from its stored config
//! with podman's rootless defaults: capabilities, masked and read-only paths, mounts, seccomp.
//! The container runs in hutch's user namespace, so the config asks for no user namespace and
//! no cgroup path (rootless cgroup v1 cannot have one).

use super::config::{ContainerConfig, Ulimit};
use super::ContainerError;
use hutch_network::{NetworkMode, Status as NetStatus};
use oci_spec::runtime::{
    BoxBuilder, Capabilities, Capability, Linux, LinuxCapabilities, LinuxIdMapping,
    LinuxIdMappingBuilder, LinuxNamespace, LinuxNamespaceType, LinuxSeccomp, Mount, PosixRlimit,
    PosixRlimitBuilder, PosixRlimitType, Process, Root, Spec, User,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Podman's default capability set.
pub const DEFAULT_CAPS: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_NET_BIND_SERVICE",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYS_CHROOT",
];

pub const ALL_CAPS: &[&str] = &[
    "CAP_AUDIT_CONTROL",
    "CAP_AUDIT_READ",
    "CAP_AUDIT_WRITE",
    "CAP_BLOCK_SUSPEND",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_KILL",
    "CAP_LEASE",
    "CAP_LINUX_IMMUTABLE",
    "CAP_MAC_ADMIN",
    "CAP_MAC_OVERRIDE",
    "CAP_MKNOD",
    "CAP_NET_ADMIN",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_RAW",
    "CAP_PERFMON",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYSLOG",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_CHROOT",
    "CAP_SYS_MODULE",
    "CAP_SYS_NICE",
    "CAP_SYS_PACCT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_WAKE_ALARM",
];

const MASKED_PATHS: &[&str] = &[
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/sys/dev/block",
];

const READONLY_PATHS: &[&str] = &[
    "/proc/asound",
    "/proc/bus",
    "/proc/fs",
    "/proc/irq",
    "/proc/sys",
    "/proc/sysrq-trigger",
];

/// Where `--init` puts the init binary inside the container.
/// What every container's runtime mounts on (see `build`'s mounts), made once per image in a
/// layer of its own (`LayerStore::targets_layer`): `true` for a directory.
pub const MOUNT_TARGETS: &[hutch_storage::Target<'static>] = &[
    ("/proc", true),
    ("/dev", true),
    ("/sys", true),
    ("/etc/hosts", false),
    ("/etc/hostname", false),
    ("/etc/resolv.conf", false),
    ("/run/.containerenv", false),
];

pub const INIT_PATH: &str = "/run/podman-init";

/// hutch's default seccomp profile: allow by default, refuse the system calls a container has
/// no business making (kernel modules, reboot, keyrings, clock changes, ...).
pub const DEFAULT_SECCOMP: &str = include_str!("seccomp.json");

/// `net_raw`, `NET_RAW` and `CAP_NET_RAW` all mean CAP_NET_RAW.
pub fn normalize_cap(c: &str) -> String {
    let up = c.trim().to_ascii_uppercase();
    if up.starts_with("CAP_") {
        up
    } else {
        format!("CAP_{up}")
    }
}

/// The capability set after `--privileged`, `--cap-add` and `--cap-drop`. As in podman,
/// `--cap-drop all` empties the set first, then additions apply, then other drops.
pub fn capabilities(cfg: &ContainerConfig) -> Vec<String> {
    let drop_all = cfg.cap_drop.iter().any(|c| c.eq_ignore_ascii_case("all"));
    let mut caps: Vec<String> = if drop_all {
        Vec::new()
    } else if cfg.privileged {
        ALL_CAPS.iter().map(|s| s.to_string()).collect()
    } else {
        DEFAULT_CAPS.iter().map(|s| s.to_string()).collect()
    };
    let added: Vec<String> = cfg
        .cap_add
        .iter()
        .filter(|c| !c.eq_ignore_ascii_case("all"))
        .map(|c| normalize_cap(c))
        .collect();
    if cfg.cap_add.iter().any(|c| c.eq_ignore_ascii_case("all")) {
        caps = ALL_CAPS.iter().map(|s| s.to_string()).collect();
    }
    for n in &added {
        if !caps.contains(n) {
            caps.push(n.clone());
        }
    }
    for c in cfg
        .cap_drop
        .iter()
        .filter(|c| !c.eq_ignore_ascii_case("all"))
    {
        let n = normalize_cap(c);
        if !added.contains(&n) {
            caps.retain(|x| *x != n);
        }
    }
    caps.sort();
    caps
}

/// The user the process runs as, resolved in the image.
#[derive(Debug, Clone, Default)]
pub struct ProcessUser {
    pub uid: u32,
    pub gid: u32,
    pub additional_gids: Vec<u32>,
    pub home: Option<String>,
}

/// Reads a file of the container's root filesystem without following a symlink out of it: a
/// symlinked /etc/passwd is treated as absent.
pub(super) fn read_in_rootfs(rootfs: &Path, rel: &str) -> Option<String> {
    let mut p = rootfs.to_path_buf();
    for comp in rel.trim_start_matches('/').split('/') {
        p.push(comp);
        let md = std::fs::symlink_metadata(&p).ok()?;
        if md.file_type().is_symlink() {
            return None;
        }
    }
    std::fs::read_to_string(&p).ok()
}

/// Resolves `-u name|uid[:group|gid]` and `--group-add` with the image's /etc/passwd and
/// /etc/group, as podman does.
pub fn resolve_user(
    id: &str,
    rootfs: &Path,
    user: &str,
    group_add: &[String],
) -> Result<ProcessUser, ContainerError> {
    resolve_user_with(id, rootfs, None, user, group_add)
}

/// [`resolve_user`] with the /etc/passwd the container sees: `passwd_copy` (hutch's copy with
/// the entries `--hostuser` and keep-id add, bound over the image's) when it exists.
pub fn resolve_user_with(
    id: &str,
    rootfs: &Path,
    passwd_copy: Option<&Path>,
    user: &str,
    group_add: &[String],
) -> Result<ProcessUser, ContainerError> {
    let passwd = passwd_copy
        .and_then(|p| std::fs::read_to_string(p).ok())
        .or_else(|| read_in_rootfs(rootfs, "etc/passwd"))
        .unwrap_or_default();
    let group = read_in_rootfs(rootfs, "etc/group").unwrap_or_default();
    let entries = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split(':').map(str::to_string).collect())
            .collect()
    };
    let pw = entries(&passwd);
    let gr = entries(&group);
    let unknown = |user: &str, file| ContainerError::UnknownUser {
        id: id.to_string(),
        user: user.to_string(),
        file,
    };
    let (u, g) = match user.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (user, None),
    };
    let mut out = ProcessUser::default();
    let pw_entry = if u.is_empty() {
        pw.iter()
            .find(|e| e.get(2).map(String::as_str) == Some("0"))
    } else if let Ok(n) = u.parse::<u32>() {
        out.uid = n;
        pw.iter()
            .find(|e| e.get(2).and_then(|s| s.parse::<u32>().ok()) == Some(n))
    } else {
        let e = pw
            .iter()
            .find(|e| e.first().map(String::as_str) == Some(u))
            .ok_or_else(|| unknown(u, "/etc/passwd"))?;
        out.uid = e.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
        Some(e)
    };
    if let Some(e) = pw_entry {
        out.gid = e.get(3).and_then(|s| s.parse().ok()).unwrap_or(0);
        out.home = e.get(5).cloned().filter(|h| !h.is_empty());
    } else {
        out.gid = 0;
    }
    let lookup_group = |g: &str| -> Result<u32, ContainerError> {
        if let Ok(n) = g.parse::<u32>() {
            return Ok(n);
        }
        gr.iter()
            .find(|e| e.first().map(String::as_str) == Some(g))
            .and_then(|e| e.get(2).and_then(|s| s.parse().ok()))
            .ok_or_else(|| unknown(g, "/etc/group"))
    };
    if let Some(g) = g {
        out.gid = lookup_group(g)?;
    } else if let Some(name) = pw_entry.and_then(|e| e.first()) {
        // Supplementary groups the image's /etc/group lists the user in.
        for e in &gr {
            if e.get(3)
                .is_some_and(|members| members.split(',').any(|m| m == name))
            {
                if let Some(gid) = e.get(2).and_then(|s| s.parse::<u32>().ok()) {
                    if gid != out.gid && !out.additional_gids.contains(&gid) {
                        out.additional_gids.push(gid);
                    }
                }
            }
        }
    }
    for g in group_add {
        if g == "keep-groups" {
            continue;
        }
        let gid = lookup_group(g)?;
        if !out.additional_gids.contains(&gid) {
            out.additional_gids.push(gid);
        }
    }
    Ok(out)
}

/// Host limits hutch itself has; rootless containers get the hard limit of open files and
/// processes, as podman gives them.
fn host_hard_limit(name: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = text.lines().find(|l| l.starts_with(name))?;
    let rest = line[name.len()..].split_whitespace().collect::<Vec<_>>();
    let hard = rest.get(1)?;
    if *hard == "unlimited" {
        Some(u64::MAX)
    } else {
        hard.parse().ok()
    }
}

fn rlimits(cfg: &ContainerConfig) -> Result<Vec<PosixRlimit>, ContainerError> {
    let mut limits: Vec<Ulimit> = Vec::new();
    for (name, host) in [("nofile", "Max open files"), ("nproc", "Max processes")] {
        if let Some(h) = host_hard_limit(host) {
            limits.push(Ulimit {
                name: name.into(),
                soft: h,
                hard: h,
            });
        }
    }
    for u in &cfg.ulimits {
        limits.retain(|l| l.name != u.name);
        limits.push(u.clone());
    }
    limits
        .into_iter()
        .map(|u| {
            let name = format!("RLIMIT_{}", u.name.to_ascii_uppercase());
            let typ =
                PosixRlimitType::from_str(&name).map_err(|_| ContainerError::InvalidFlag {
                    flag: "--ulimit",
                    value: u.name.clone(),
                    reason: "the OCI runtime knows no such limit".into(),
                })?;
            Ok(built(
                PosixRlimitBuilder::default()
                    .typ(typ)
                    .soft(u.soft)
                    .hard(u.hard)
                    .build(),
            ))
        })
        .collect()
}

/// The OCI capability set of `names` (`CAP_...`, as `capabilities` returns them).
///
/// `config.json` now lists each set in the order of a hash set rather than sorted: the
/// runtime reads them as sets, so the order means nothing to it.
pub fn cap_set(names: &[String]) -> Result<Capabilities, ContainerError> {
    names
        .iter()
        .map(|n| {
            serde_json::from_value::<Capability>(Value::String(n.clone())).map_err(|_| {
                ContainerError::InvalidFlag {
                    flag: "--cap-add",
                    value: n.clone(),
                    reason: "unknown capability".into(),
                }
            })
        })
        .collect()
}

/// The capabilities of a process running as `uid`: the whole set when root; a non-root user
/// keeps the set only as its bounding set, as podman does.
pub fn process_capabilities(
    caps: &[String],
    uid: u32,
) -> Result<LinuxCapabilities, ContainerError> {
    let set = cap_set(caps)?;
    let held = if uid == 0 {
        set.clone()
    } else {
        Capabilities::new()
    };
    let mut c = LinuxCapabilities::default();
    c.set_bounding(Some(set));
    c.set_effective(Some(held.clone()));
    c.set_permitted(Some(held));
    c.set_inheritable(Some(Capabilities::new()));
    c.set_ambient(Some(Capabilities::new()));
    Ok(c)
}

/// The OCI user of a process.
pub fn oci_user(user: &ProcessUser) -> User {
    let mut u = User::default();
    u.set_uid(user.uid);
    u.set_gid(user.gid);
    u.set_additional_gids(Some(user.additional_gids.clone()));
    u
}

/// Inputs of `build` that are not in the stored config.
pub struct SpecInput<'a> {
    pub id: &'a str,
    pub rootfs: &'a Path,
    pub userdata: &'a Path,
    pub hostname: &'a str,
    pub user: &'a ProcessUser,
    /// The host's init binary for `--init`.
    pub init_binary: Option<PathBuf>,
    /// `--userns=keep-id`: the user's uid and gid, and how many ids hutch's namespace maps.
    pub keep_id: Option<KeepId>,
    /// The network namespace to join (the container's own, another's, or `ns:PATH`); None
    /// with the host's network.
    pub netns: Option<&'a Path>,
    /// The IPC namespace to join (`--ipc container:` or `ns:`); None: a new one, or with
    /// `--ipc host` the host's.
    pub ipcns: Option<&'a Path>,
    /// Volumes, binds, tmpfs and image mounts (`mounts::setup`), after the defaults.
    pub mounts: Vec<Mount>,
    /// `--sdnotify=container`: the host directory where the monitor binds the notify socket,
    /// mounted at `NOTIFY_DIR` with `NOTIFY_SOCKET` set.
    pub notify_dir: Option<PathBuf>,
    /// Namespaces joined rather than made (a pod's IPC, UTS and PID from its infra container).
    /// A joined UTS namespace keeps its own hostname: none is set.
    pub joined: Vec<(LinuxNamespaceType, PathBuf)>,
}

/// Where the notify socket's directory is mounted in the container (as podman).
pub const NOTIFY_DIR: &str = "/run/notify";
/// The notify socket's name in it (the monitor binds it there).
pub const NOTIFY_SOCK: &str = "notify.sock";

#[derive(Debug, Clone, Copy)]
pub struct KeepId {
    pub uid: u32,
    pub gid: u32,
    pub uids: u32,
    pub gids: u32,
}

impl KeepId {
    /// Container uid `id` as hutch's namespace numbers it (see `keep_id_mappings`).
    pub fn hutch_uid(&self, id: u32) -> u32 {
        keep_id_to_hutch(id, self.uid)
    }

    pub fn hutch_gid(&self, id: u32) -> u32 {
        keep_id_to_hutch(id, self.gid)
    }

    /// Hutch's uid `id` as the container numbers it.
    pub fn container_uid(&self, id: u32) -> u32 {
        keep_id_from_hutch(id, self.uid)
    }

    pub fn container_gid(&self, id: u32) -> u32 {
        keep_id_from_hutch(id, self.gid)
    }
}

pub(super) fn keep_id_to_hutch(id: u32, kept: u32) -> u32 {
    match id {
        i if i < kept => i + 1,
        i if i == kept => 0,
        i => i,
    }
}

fn keep_id_from_hutch(id: u32, kept: u32) -> u32 {
    match id {
        0 => kept,
        i if i <= kept => i - 1,
        i => i,
    }
}

fn id_mapping(container_id: u32, host_id: u32, size: u32) -> LinuxIdMapping {
    built(
        LinuxIdMappingBuilder::default()
            .container_id(container_id)
            .host_id(host_id)
            .size(size)
            .build(),
    )
}

/// What an oci-spec builder built. The builders used here have a default for every field and
/// no validation, so they cannot fail.
fn built<T>(r: Result<T, oci_spec::OciSpecError>) -> T {
    r.expect("an oci-spec builder without validation cannot fail")
}

/// Mappings of a user namespace inside hutch's where the user's own id (namespace id 0 in
/// hutch's) is itself, container root is namespace id 1, and the rest keep their numbers.
pub fn keep_id_mappings(id: u32, size: u32) -> Vec<LinuxIdMapping> {
    let mut m = vec![id_mapping(0, 1, id), id_mapping(id, 0, 1)];
    if size > id + 1 {
        m.push(id_mapping(id + 1, id + 1, size - id - 1));
    }
    m
}

/// A mount of `source` at `destination`.
pub fn mount(
    destination: impl Into<PathBuf>,
    typ: &str,
    source: impl Into<PathBuf>,
    options: &[&str],
) -> Mount {
    let mut m = Mount::default();
    m.set_destination(destination.into());
    m.set_typ(Some(typ.to_string()));
    m.set_source(Some(source.into()));
    m.set_options(Some(options.iter().map(|o| o.to_string()).collect()));
    m
}

/// Mounts given as OCI JSON objects (what `mounts::setup` returns) as typed mounts.
pub fn mounts_from_json(mounts: Vec<Value>) -> Result<Vec<Mount>, ContainerError> {
    mounts
        .into_iter()
        .map(|v| {
            serde_json::from_value(v.clone()).map_err(|e| ContainerError::InvalidFlag {
                flag: "--volume",
                value: v.to_string(),
                reason: format!("not an OCI mount: {e}"),
            })
        })
        .collect()
}

fn namespace(typ: LinuxNamespaceType, path: Option<&Path>) -> LinuxNamespace {
    let mut n = LinuxNamespace::default();
    n.set_typ(typ);
    n.set_path(path.map(Path::to_path_buf));
    n
}

/// The seccomp profile of `--security-opt seccomp=PATH`, or the built-in one.
///
/// A profile file is read into oci-spec's type, as the runtime reads it: fields the runtime
/// does not know (Docker's `archMap`, `includes`, `comment`, ...) are dropped, which is what
/// the runtime did with them when the file was copied in verbatim. Docker's `archMap` first
/// gives the OCI `architectures` (this host's and its sub-architectures), as podman does, so
/// that 32-bit programs get the profile's rules instead of being killed.
fn seccomp(cfg: &ContainerConfig) -> Result<Option<LinuxSeccomp>, ContainerError> {
    match cfg.seccomp.as_deref() {
        _ if cfg.privileged => Ok(None),
        Some("unconfined") => Ok(None),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| ContainerError::io(path, e))?;
            let bad = |reason: String| ContainerError::InvalidFlag {
                flag: "--security-opt seccomp",
                value: path.to_string(),
                reason,
            };
            let mut v: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| bad(format!("not JSON: {e}")))?;
            architectures_from_arch_map(&mut v);
            serde_json::from_value(v)
                .map(Some)
                .map_err(|e| bad(format!("not a seccomp profile: {e}")))
        }
        None => Ok(Some(serde_json::from_str(DEFAULT_SECCOMP).expect(
            "the built-in seccomp profile is a valid OCI seccomp profile",
        ))),
    }
}

/// Sets a Docker profile's `architectures` from its `archMap` entry for this host's
/// architecture, unless it has them already.
fn architectures_from_arch_map(v: &mut serde_json::Value) {
    let native = match std::env::consts::ARCH {
        "x86_64" => "SCMP_ARCH_X86_64",
        "aarch64" => "SCMP_ARCH_AARCH64",
        _ => return,
    };
    if v.get("architectures").is_some_and(|a| !a.is_null()) {
        return;
    }
    let entry = v
        .get("archMap")
        .and_then(|m| m.as_array())
        .and_then(|m| m.iter().find(|e| e["architecture"] == native))
        .cloned();
    if let Some(e) = entry {
        let mut archs = vec![e["architecture"].clone()];
        archs.extend(
            e["subArchitectures"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
        v["architectures"] = serde_json::Value::Array(archs);
    }
}

pub fn build(cfg: &ContainerConfig, input: &SpecInput<'_>) -> Result<Spec, ContainerError> {
    let caps = capabilities(cfg);
    let mut env = cfg.env.clone();
    super::config::set_env(&mut env, format!("HOSTNAME={}", input.hostname));
    if input.notify_dir.is_some() {
        super::config::set_env(
            &mut env,
            format!("NOTIFY_SOCKET={NOTIFY_DIR}/{NOTIFY_SOCK}"),
        );
    }
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        env.push(format!(
            "HOME={}",
            input.user.home.clone().unwrap_or_else(|| "/".into())
        ));
    }
    let mut args = cfg.args();
    if cfg.init {
        let mut a = vec![INIT_PATH.to_string(), "--".to_string()];
        a.append(&mut args);
        args = a;
    }

    let shm = format!("size={}k", cfg.shm_size.div_ceil(1024));
    let mut mounts = vec![
        mount("/proc", "proc", "proc", &["nosuid", "noexec", "nodev"]),
        mount(
            "/dev",
            "tmpfs",
            "tmpfs",
            &["nosuid", "strictatime", "mode=755", "size=65536k"],
        ),
        mount(
            "/dev/pts",
            "devpts",
            "devpts",
            &[
                "nosuid",
                "noexec",
                "newinstance",
                "ptmxmode=0666",
                "mode=0620",
            ],
        ),
        mount(
            "/dev/mqueue",
            "mqueue",
            "mqueue",
            &["nosuid", "noexec", "nodev"],
        ),
        mount(
            "/dev/shm",
            "tmpfs",
            "shm",
            &["nosuid", "noexec", "nodev", "mode=1777", &shm],
        ),
    ];
    // A new sysfs needs a network namespace owned by the container's user namespace; with the
    // host's network, or a namespace made in hutch's user namespace for a container with one of
    // its own (keep-id), the host's sysfs is bound read-only instead.
    if cfg.network == NetworkMode::Host || (input.keep_id.is_some() && input.netns.is_some()) {
        mounts.push(mount(
            "/sys",
            "bind",
            "/sys",
            &["rbind", "nosuid", "noexec", "nodev", "ro"],
        ));
    } else {
        mounts.push(mount(
            "/sys",
            "sysfs",
            "sysfs",
            &["nosuid", "noexec", "nodev", "ro"],
        ));
    }
    if cfg.systemd {
        mounts.extend(super::podman_opts::systemd_cgroup_mounts());
        super::config::set_env(&mut env, super::podman_opts::systemd_uuid_env(input.id));
    }
    for f in ["hosts", "resolv.conf", "hostname"] {
        mounts.push(mount(
            format!("/etc/{f}"),
            "bind",
            input.userdata.join(f),
            &["bind", "rprivate"],
        ));
    }
    mounts.push(mount(
        "/run/.containerenv",
        "bind",
        input.userdata.join(".containerenv"),
        &["bind", "rprivate", "ro"],
    ));
    if let Some(dir) = &input.notify_dir {
        mounts.push(mount(NOTIFY_DIR, "bind", dir, &["bind", "rprivate"]));
    }
    if cfg.init {
        let init = input
            .init_binary
            .clone()
            .ok_or_else(|| ContainerError::InvalidFlag {
                flag: "--init",
                value: String::new(),
                reason: "no init binary found: install catatonit".into(),
            })?;
        mounts.push(mount(INIT_PATH, "bind", init, &["bind", "rprivate", "ro"]));
    }

    // The host's IPC namespace: its /dev/shm and /dev/mqueue (a new mqueue needs an IPC
    // namespace of our own); none: no /dev/shm at all.
    match cfg.ipc.as_str() {
        "host" => {
            mounts
                .retain(|m| !matches!(m.destination().to_str(), Some("/dev/shm" | "/dev/mqueue")));
            for p in ["/dev/shm", "/dev/mqueue"] {
                if Path::new(p).is_dir() {
                    mounts.push(mount(p, "bind", p, &["rbind", "nosuid", "noexec", "nodev"]));
                }
            }
        }
        "none" => mounts.retain(|m| m.destination().to_str() != Some("/dev/shm")),
        _ => {}
    }
    // A user mount replaces a default one at the same place (`-v ./hosts:/etc/hosts`).
    mounts.retain(|d| {
        !input
            .mounts
            .iter()
            .any(|m| m.destination() == d.destination())
    });
    mounts.extend(input.mounts.iter().cloned());
    // Parents before children (a tmpfs on /run must not hide /run/.containerenv), else in
    // the order given.
    mounts.sort_by_key(|m| m.destination().components().count());

    let joined = |typ: LinuxNamespaceType| {
        input
            .joined
            .iter()
            .find(|(t, _)| *t == typ)
            .map(|(_, p)| p.as_path())
    };
    let mut namespaces = vec![
        namespace(LinuxNamespaceType::Pid, joined(LinuxNamespaceType::Pid)),
        namespace(LinuxNamespaceType::Uts, joined(LinuxNamespaceType::Uts)),
        namespace(LinuxNamespaceType::Mount, None),
    ];
    if cfg.ipc != "host" {
        namespaces.insert(
            1,
            namespace(
                LinuxNamespaceType::Ipc,
                input.ipcns.or(joined(LinuxNamespaceType::Ipc)),
            ),
        );
    }
    if cfg.network != NetworkMode::Host {
        namespaces.push(namespace(LinuxNamespaceType::Network, input.netns));
    }
    if input.keep_id.is_some() {
        namespaces.push(namespace(LinuxNamespaceType::User, None));
    }

    // oci-spec's defaults are a sample container's (youki's): every field hutch does not set
    // is cleared, so that the runtime sees only what hutch means (no resources, no devices).
    let mut linux = Linux::default();
    linux.set_resources(None);
    linux.set_namespaces(Some(namespaces));
    let (masked, readonly) = if cfg.privileged {
        (Vec::new(), Vec::new())
    } else {
        (
            MASKED_PATHS.iter().map(|p| p.to_string()).collect(),
            READONLY_PATHS.iter().map(|p| p.to_string()).collect(),
        )
    };
    linux.set_masked_paths(Some(masked));
    linux.set_readonly_paths(Some(readonly));
    if let Some(k) = input.keep_id {
        linux.set_uid_mappings(Some(keep_id_mappings(k.uid, k.uids)));
        linux.set_gid_mappings(Some(keep_id_mappings(k.gid, k.gids)));
    }
    linux.set_seccomp(seccomp(cfg)?);

    let mut process = Process::default();
    process.set_terminal(Some(cfg.tty));
    process.set_console_size(
        cfg.tty
            .then(|| built(BoxBuilder::default().height(24u64).width(80u64).build())),
    );
    process.set_user(oci_user(input.user));
    process.set_args(Some(args));
    process.set_env(Some(env));
    process.set_cwd(PathBuf::from(&cfg.workdir));
    process.set_capabilities(Some(process_capabilities(&caps, input.user.uid)?));
    process.set_rlimits(Some(rlimits(cfg)?));
    process.set_no_new_privileges(Some(cfg.no_new_privileges));

    let mut root = Root::default();
    root.set_path(input.rootfs.to_path_buf());
    root.set_readonly(Some(cfg.read_only));

    let mut spec = Spec::default();
    spec.set_version("1.0.2".into());
    spec.set_process(Some(process));
    spec.set_root(Some(root));
    // The runtime refuses a hostname for a UTS namespace it does not make.
    let own_uts = !input
        .joined
        .iter()
        .any(|(t, _)| *t == LinuxNamespaceType::Uts);
    spec.set_hostname(own_uts.then(|| input.hostname.to_string()));
    spec.set_mounts(Some(mounts));
    spec.set_annotations(Some(
        [("io.container.manager".to_string(), "hutch".to_string())].into(),
    ));
    spec.set_linux(Some(linux));
    Ok(spec)
}

/// /etc/hosts for the container, in podman's order: `--add-host` entries, the host's
/// /etc/hosts, `host.containers.internal`/`host.docker.internal`, then the container's own
/// address with its hostname, name and aliases.
pub fn hosts_file(cfg: &ContainerConfig, hostname: &str, name: &str, net: &NetStatus) -> String {
    let host_addr = net.host_address.map(|a| a.to_string());
    let mut out = String::new();
    for (h, ip) in &cfg.net.add_hosts {
        let ip = match (ip.as_str(), &host_addr) {
            ("host-gateway", Some(a)) => a.clone(),
            ("host-gateway", None) => continue,
            _ => ip.clone(),
        };
        out.push_str(&format!("{ip}\t{h}\n"));
    }
    match std::fs::read_to_string("/etc/hosts") {
        Ok(h) if !h.trim().is_empty() => {
            out.push_str(&h);
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
        _ => {
            out.push_str(
                "127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n",
            );
            out.push_str(
                "::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n",
            );
        }
    }
    if let Some(a) = &host_addr {
        if cfg.network != NetworkMode::Host {
            out.push_str(&format!(
                "{a}\thost.containers.internal host.docker.internal\n"
            ));
        }
    }
    let mut names = vec![hostname.to_string()];
    if name != hostname {
        names.push(name.to_string());
    }
    for a in cfg
        .net
        .aliases
        .iter()
        .chain(net.networks.iter().flat_map(|n| &n.aliases))
    {
        if !names.contains(a) {
            names.push(a.clone());
        }
    }
    let own = match (&cfg.network, net.ip) {
        (NetworkMode::Host, _) | (_, None) => "127.0.1.1".to_string(),
        (_, Some(ip)) => ip.to_string(),
    };
    out.push_str(&format!("{own}\t{}\n", names.join(" ")));
    out
}

/// /etc/resolv.conf: `--dns` servers, else the helper's resolver followed by the host's
/// servers that are not loopback (a stub resolver on the host's 127.0.0.x is not reachable from
/// the container's namespace); `--dns-search` and `--dns-option` replace the host's.
pub fn resolv_conf(cfg: &ContainerConfig, net: &NetStatus) -> String {
    let host = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let host_mode = cfg.network == NetworkMode::Host;
    let mut servers: Vec<String> = Vec::new();
    let mut search: Vec<String> = Vec::new();
    let mut options: Vec<String> = Vec::new();
    for line in host.lines() {
        let mut f = line.split_whitespace();
        match f.next() {
            Some("nameserver") => {
                if let Some(ip) = f.next() {
                    let lo = ip.starts_with("127.") || ip == "::1";
                    if host_mode || !lo {
                        servers.push(ip.to_string());
                    }
                }
            }
            Some("search") | Some("domain") => search = f.map(str::to_string).collect(),
            Some("options") => options.extend(f.map(str::to_string)),
            _ => {}
        }
    }
    if !cfg.net.dns.is_empty() {
        servers = cfg.net.dns.iter().map(|d| d.to_string()).collect();
    } else if !host_mode {
        let mut own: Vec<String> = net.dns_servers.iter().map(|d| d.to_string()).collect();
        own.retain(|s| !servers.contains(s));
        own.extend(servers);
        servers = own;
    }
    let mut net_search = net.dns_search.clone();
    if !cfg.net.dns_search.is_empty() {
        search = cfg.net.dns_search.clone();
    } else {
        net_search.retain(|s| !search.contains(s));
        net_search.extend(search);
        search = net_search;
    }
    search.retain(|s| s != ".");
    if !cfg.net.dns_options.is_empty() {
        options = cfg.net.dns_options.clone();
    }
    let mut out = String::new();
    if !search.is_empty() {
        out.push_str(&format!("search {}\n", search.join(" ")));
    }
    for s in servers.iter().take(3.max(net.dns_servers.len())) {
        out.push_str(&format!("nameserver {s}\n"));
    }
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_follow_flags() {
        let mut cfg = ContainerConfig::default();
        assert_eq!(capabilities(&cfg).len(), DEFAULT_CAPS.len());
        cfg.cap_add = vec!["net_raw".into()];
        cfg.cap_drop = vec!["CAP_CHOWN".into()];
        let c = capabilities(&cfg);
        assert!(c.contains(&"CAP_NET_RAW".to_string()));
        assert!(!c.contains(&"CAP_CHOWN".to_string()));
        cfg.privileged = true;
        cfg.cap_drop.clear();
        assert_eq!(capabilities(&cfg).len(), ALL_CAPS.len());
        cfg.cap_drop = vec!["all".into()];
        assert_eq!(capabilities(&cfg), ["CAP_NET_RAW"]);
    }

    #[test]
    fn users_resolve_in_the_image() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("etc")).unwrap();
        std::fs::write(
            dir.path().join("etc/passwd"),
            "root:x:0:0:root:/root:/bin/sh\nweb:x:33:33::/var/www:/bin/false\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("etc/group"),
            "root:x:0:\nweb:x:33:\nextra:x:50:web\n",
        )
        .unwrap();
        let u = resolve_user("c", dir.path(), "web", &[]).unwrap();
        assert_eq!(
            (u.uid, u.gid, u.additional_gids.clone()),
            (33, 33, vec![50])
        );
        assert_eq!(u.home.as_deref(), Some("/var/www"));
        let u = resolve_user("c", dir.path(), "1000:extra", &["root".into()]).unwrap();
        assert_eq!((u.uid, u.gid, u.additional_gids), (1000, 50, vec![0]));
        assert!(resolve_user("c", dir.path(), "nobody", &[]).is_err());
        assert!(resolve_user("c", dir.path(), "0:nogroup", &[]).is_err());
    }

    #[test]
    fn hosts_and_resolv_follow_the_network() {
        let cfg = ContainerConfig {
            network: NetworkMode::Slirp4netns { options: vec![] },
            net: hutch_network::NetOptions {
                add_hosts: vec![
                    ("db".into(), "10.1.1.1".into()),
                    ("gw".into(), "host-gateway".into()),
                ],
                dns_search: vec!["example.org".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        let st = NetStatus {
            ip: Some("10.0.2.100".parse().unwrap()),
            host_address: Some("10.0.2.2".parse().unwrap()),
            dns_servers: vec!["10.0.2.3".parse().unwrap()],
            ..Default::default()
        };
        let h = hosts_file(&cfg, "abc", "web", &st);
        assert!(h.starts_with("10.1.1.1\tdb\n10.0.2.2\tgw\n"), "{h}");
        assert!(
            h.contains("10.0.2.2\thost.containers.internal host.docker.internal\n"),
            "{h}"
        );
        assert!(h.ends_with("10.0.2.100\tabc web\n"), "{h}");
        let r = resolv_conf(&cfg, &st);
        assert!(
            r.starts_with("search example.org\nnameserver 10.0.2.3\n"),
            "{r}"
        );
        assert!(!r.contains("nameserver 127."), "{r}");
    }

    #[test]
    fn seccomp_profile_survives_the_typed_round_trip() {
        let typed: LinuxSeccomp = serde_json::from_str(DEFAULT_SECCOMP).unwrap();
        let raw: Value = serde_json::from_str(DEFAULT_SECCOMP).unwrap();
        assert_eq!(serde_json::to_value(&typed).unwrap(), raw);
        assert_eq!(raw["defaultAction"], "SCMP_ACT_ALLOW");
    }

    fn input<'a>(user: &'a ProcessUser, mounts: Vec<Mount>) -> SpecInput<'a> {
        SpecInput {
            id: "c",
            rootfs: Path::new("/r/merged"),
            userdata: Path::new("/r/userdata"),
            hostname: "host",
            user,
            ipcns: None,
            init_binary: Some("/usr/bin/catatonit".into()),
            keep_id: None,
            netns: Some(Path::new("/run/netns/x")),
            mounts,
            notify_dir: None,
            joined: Vec::new(),
        }
    }

    fn sorted(v: &Value) -> Vec<String> {
        let mut s: Vec<String> = serde_json::from_value(v.clone()).unwrap();
        s.sort();
        s
    }

    #[test]
    fn spec_carries_the_config() {
        let cfg = ContainerConfig {
            cmd: vec!["sleep".into(), "1".into()],
            env: vec!["A=1".into()],
            workdir: "/w".into(),
            tty: true,
            init: true,
            read_only: true,
            shm_size: 64 * 1024 * 1024,
            network: NetworkMode::Slirp4netns { options: vec![] },
            ..Default::default()
        };
        let user = ProcessUser {
            uid: 0,
            gid: 0,
            additional_gids: vec![10],
            home: Some("/root".into()),
        };
        let bind = mount("/etc/hosts", "bind", "/h/hosts", &["rbind"]);
        let spec = build(&cfg, &input(&user, vec![bind])).unwrap();
        let v = serde_json::to_value(&spec).unwrap();
        assert_eq!(v["ociVersion"], "1.0.2");
        assert_eq!(v["hostname"], "host");
        assert_eq!(
            v["root"],
            serde_json::json!({"path": "/r/merged", "readonly": true})
        );
        let p = &v["process"];
        assert_eq!(
            p["args"],
            serde_json::json!([INIT_PATH, "--", "sleep", "1"])
        );
        assert_eq!(
            p["env"],
            serde_json::json!(["A=1", "HOSTNAME=host", "HOME=/root"])
        );
        assert_eq!(p["cwd"], "/w");
        assert_eq!(p["terminal"], true);
        assert_eq!(
            p["consoleSize"],
            serde_json::json!({"height": 24, "width": 80})
        );
        assert_eq!(
            p["user"],
            serde_json::json!({"uid": 0, "gid": 0, "additionalGids": [10]})
        );
        assert_eq!(sorted(&p["capabilities"]["bounding"]), DEFAULT_CAPS);
        assert_eq!(sorted(&p["capabilities"]["effective"]), DEFAULT_CAPS);
        assert_eq!(p["capabilities"]["ambient"], serde_json::json!([]));
        assert_eq!(p["noNewPrivileges"], false);
        let l = &v["linux"];
        assert_eq!(
            l["namespaces"],
            serde_json::json!([{"type": "pid"}, {"type": "ipc"}, {"type": "uts"},
                {"type": "mount"}, {"type": "network", "path": "/run/netns/x"}])
        );
        // None of oci-spec's sample defaults leak in.
        assert!(l.get("resources").is_none(), "{l}");
        assert!(l.get("uidMappings").is_none(), "{l}");
        assert_eq!(l["maskedPaths"], serde_json::json!(MASKED_PATHS));
        assert_eq!(l["seccomp"]["defaultAction"], "SCMP_ACT_ALLOW");
        let mounts = v["mounts"].as_array().unwrap();
        let at = |d: &str| {
            mounts
                .iter()
                .filter(|m| m["destination"] == d)
                .collect::<Vec<_>>()
        };
        assert_eq!(at("/etc/hosts").len(), 1);
        assert_eq!(at("/etc/hosts")[0]["source"], "/h/hosts");
        assert_eq!(at("/dev/shm")[0]["options"][4], "size=65536k");
        assert_eq!(at("/sys")[0]["type"], "sysfs");
        assert_eq!(at(INIT_PATH)[0]["source"], "/usr/bin/catatonit");
        assert_eq!(v["annotations"]["io.container.manager"], "hutch");
    }

    #[test]
    fn spec_of_a_keep_id_non_root_privileged_container() {
        let cfg = ContainerConfig {
            privileged: true,
            network: NetworkMode::Host,
            ulimits: vec![Ulimit {
                name: "core".into(),
                soft: 1,
                hard: 2,
            }],
            ..Default::default()
        };
        let user = ProcessUser {
            uid: 1000,
            gid: 1000,
            ..Default::default()
        };
        let mut inp = input(&user, vec![]);
        inp.netns = None;
        inp.keep_id = Some(KeepId {
            uid: 1000,
            gid: 1000,
            uids: 65536,
            gids: 65536,
        });
        let v = serde_json::to_value(build(&cfg, &inp).unwrap()).unwrap();
        let p = &v["process"];
        assert_eq!(sorted(&p["capabilities"]["bounding"]).len(), ALL_CAPS.len());
        assert_eq!(p["capabilities"]["effective"], serde_json::json!([]));
        assert!(p.get("consoleSize").is_none());
        assert!(p["rlimits"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"type": "RLIMIT_CORE", "soft": 1, "hard": 2})));
        let l = &v["linux"];
        assert!(l.get("seccomp").is_none());
        assert_eq!(l["maskedPaths"], serde_json::json!([]));
        assert_eq!(
            l["namespaces"],
            serde_json::json!([{"type": "pid"}, {"type": "ipc"}, {"type": "uts"},
                {"type": "mount"}, {"type": "user"}])
        );
        assert_eq!(
            l["uidMappings"],
            serde_json::json!([
                {"containerID": 0, "hostID": 1, "size": 1000},
                {"containerID": 1000, "hostID": 0, "size": 1},
                {"containerID": 1001, "hostID": 1001, "size": 64535},
            ])
        );
        let sys = v["mounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["destination"] == "/sys");
        assert_eq!(sys.unwrap()["type"], "bind");
    }

    #[test]
    fn seccomp_files_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.json");
        let mut cfg = ContainerConfig {
            seccomp: Some(p.to_str().unwrap().into()),
            ..Default::default()
        };
        std::fs::write(&p, "{").unwrap();
        assert!(seccomp(&cfg).unwrap_err().to_string().contains("not JSON"));
        std::fs::write(&p, r#"{"defaultAction": "SCMP_ACT_NOPE"}"#).unwrap();
        assert!(seccomp(&cfg)
            .unwrap_err()
            .to_string()
            .contains("not a seccomp profile"));
        std::fs::write(
            &p,
            r#"{"defaultAction": "SCMP_ACT_ERRNO", "archMap": [], "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW", "comment": "x"}]}"#,
        )
        .unwrap();
        let s = seccomp(&cfg).unwrap().unwrap();
        assert_eq!(
            serde_json::to_value(s).unwrap(),
            serde_json::json!({"defaultAction": "SCMP_ACT_ERRNO",
                "syscalls": [{"names": ["read"], "action": "SCMP_ACT_ALLOW"}]})
        );
        // Docker's archMap becomes the architectures of this host, as podman makes them.
        std::fs::write(
            &p,
            r#"{"defaultAction": "SCMP_ACT_ERRNO", "archMap": [
                {"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
                {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}]}"#,
        )
        .unwrap();
        let s = serde_json::to_value(seccomp(&cfg).unwrap().unwrap()).unwrap();
        let want = match std::env::consts::ARCH {
            "aarch64" => serde_json::json!(["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"]),
            _ => serde_json::json!(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]),
        };
        assert_eq!(s["architectures"], want, "{s}");
        cfg.seccomp = Some("unconfined".into());
        assert!(seccomp(&cfg).unwrap().is_none());
    }
}
