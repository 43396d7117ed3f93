//! `hutch doctor`: checks the rootless set-up one item a line and prints, under each failing
//! item, the exact command that fixes it. Exit 0 when everything passes, 1 otherwise.

use hutch_engine::container::{runtime, ContainerError};
use hutch_engine::{host, storage_driver};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;

struct Check {
    name: &'static str,
    ok: bool,
    /// A limit of this host rather than a broken set-up: shown with `!`, not counted as a failure.
    warn: bool,
    detail: String,
    fixes: Vec<String>,
}

impl Check {
    fn pass(name: &'static str, detail: impl Into<String>) -> Check {
        Check {
            name,
            ok: true,
            warn: false,
            detail: detail.into(),
            fixes: Vec::new(),
        }
    }
    fn warn(name: &'static str, detail: impl Into<String>, fixes: Vec<String>) -> Check {
        Check {
            name,
            ok: true,
            warn: true,
            detail: detail.into(),
            fixes,
        }
    }
    fn fail(name: &'static str, detail: impl Into<String>, fixes: Vec<String>) -> Check {
        Check {
            name,
            ok: false,
            warn: false,
            detail: detail.into(),
            fixes,
        }
    }
}

pub fn run(ctx: &super::Ctx) -> anyhow::Result<i32> {
    let paths = &ctx.paths;
    let rootless = paths.rootless();
    let user = hutch_engine::host::user_name(paths.uid).unwrap_or_else(|| paths.uid.to_string());
    let mut checks = Vec::new();
    let mut print = |c: Check| {
        let mark = match (c.ok, c.warn) {
            (_, true) => "!",
            (true, _) => "✓",
            _ => "✗",
        };
        let mut line = format!("{mark} {}: {}\n", c.name, c.detail);
        for f in &c.fixes {
            line.push_str(&format!("    fix: {f}\n"));
        }
        let _ = crate::format::print(&line);
        checks.push(c.ok);
    };

    if rootless {
        print(userns_enabled());
        print(subids(&user, paths.uid));
        for prog in ["newuidmap", "newgidmap"] {
            print(setuid_helper(prog));
        }
        print(runtime_dir(paths, &user));
    }
    print(device("/dev/net/tun", "tun"));
    print(device("/dev/fuse", "fuse"));
    print(oci_runtime(ctx));
    print(network_tool(ctx));
    print(linger(&user, rootless));
    print(cgroups(paths.uid));
    // Last: entering the user namespace changes who this process appears to be.
    print(overlay(ctx));

    Ok(if checks.iter().all(|ok| *ok) { 0 } else { 1 })
}

/// What the cgroup set-up lets rootless containers do. Not a failure: containers run without
/// it, but limits, the freezer and cgroup statistics do not work, and the user should know why.
fn cgroups(uid: u32) -> Check {
    let name = "cgroups";
    let cg = host::cgroups(uid);
    if cg.limits_available {
        return Check::pass(
            name,
            format!(
                "{} with {} delegated: --memory, --cpus, --pids-limit and update work",
                cg.version,
                cg.controllers.join(", ")
            ),
        );
    }
    let cannot = "rootless containers here get no --memory/--cpus/--pids-limit limits (create \
                  warns, update refuses), pause uses SIGSTOP instead of the freezer, and stats \
                  reads /proc instead of the container's cgroup";
    let delegate = "sudo mkdir -p /etc/systemd/system/user@.service.d && printf '[Service]\\nDelegate=cpu cpuset io memory pids\\n' | sudo tee /etc/systemd/system/user@.service.d/delegate.conf && sudo systemctl daemon-reload (then log in again)".to_string();
    let reason = cg.limits_reason.unwrap_or_default();
    if cg.version == "v1" {
        Check::warn(
            name,
            format!("cgroup v1: {cannot}"),
            vec![
                "switch to cgroup v2: add systemd.unified_cgroup_hierarchy=1 to GRUB_CMDLINE_LINUX in /etc/default/grub, then sudo update-grub && sudo reboot".into(),
                delegate,
            ],
        )
    } else {
        Check::warn(name, format!("{reason}: {cannot}"), vec![delegate])
    }
}

fn userns_enabled() -> Check {
    let name = "user namespaces";
    let read = |name: &str| host::sysctl(name).and_then(|s| s.parse::<i64>().ok());
    if read("user.max_user_namespaces") == Some(0) {
        return Check::fail(
            name,
            "disabled (user.max_user_namespaces = 0)",
            vec!["sudo sysctl -w user.max_user_namespaces=28633".into()],
        );
    }
    if read("kernel.unprivileged_userns_clone") == Some(0) {
        return Check::fail(
            name,
            "unprivileged user namespaces are disabled",
            vec!["sudo sysctl -w kernel.unprivileged_userns_clone=1".into()],
        );
    }
    Check::pass(name, "enabled")
}

/// A start for a new range that overlaps nobody's (the same choice `userns::fix_command` makes).
fn free_range_start() -> u64 {
    let mut end = 100_000u64;
    for file in ["/etc/subuid", "/etc/subgid"] {
        for line in std::fs::read_to_string(file).unwrap_or_default().lines() {
            let f: Vec<&str> = line.trim().split(':').collect();
            if let [_, s, c] = f[..] {
                if let (Ok(s), Ok(c)) = (s.parse::<u64>(), c.parse::<u64>()) {
                    end = end.max(s + c);
                }
            }
        }
    }
    end
}

fn subids(user: &str, uid: u32) -> Check {
    let name = "subordinate id ranges";
    let uids = host::subid_ranges(Path::new("/etc/subuid"), Some(user), uid);
    let gids = host::subid_ranges(Path::new("/etc/subgid"), Some(user), uid);
    let total = |r: &[host::SubRange]| r.iter().map(|x| u64::from(x.count)).sum::<u64>();
    let (nu, ng) = (total(&uids), total(&gids));
    if nu >= 65_536 && ng >= 65_536 {
        let show = |r: &[host::SubRange]| {
            r.iter()
                .map(|x| {
                    format!(
                        "{}-{}",
                        x.start,
                        u64::from(x.start) + u64::from(x.count) - 1
                    )
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        return Check::pass(
            name,
            format!("uids {} ({nu}), gids {} ({ng})", show(&uids), show(&gids)),
        );
    }
    let start = free_range_start();
    let range = format!("{start}-{}", start + 65_535);
    let mut flags = Vec::new();
    if nu < 65_536 {
        flags.push(format!("--add-subuids {range}"));
    }
    if ng < 65_536 {
        flags.push(format!("--add-subgids {range}"));
    }
    Check::fail(
        name,
        format!(
            "{user} has {nu} subordinate uids and {ng} gids in /etc/subuid, /etc/subgid \
             (65536 needed for most images; fewer means a single-id mapping)"
        ),
        vec![format!("sudo usermod {} {user}", flags.join(" "))],
    )
}

fn setuid_helper(prog: &'static str) -> Check {
    let Some(path) = host::find_program(prog) else {
        return Check::fail(
            prog,
            "not installed",
            vec!["sudo apt-get install uidmap".into()],
        );
    };
    let Ok(md) = std::fs::metadata(&path) else {
        return Check::fail(prog, format!("{} is unreadable", path.display()), vec![]);
    };
    let setuid_root = md.uid() == 0 && md.permissions().mode() & 0o4000 != 0;
    let has_caps = hutch_engine::host::has_file_capabilities(&path);
    if setuid_root || has_caps {
        let how = if setuid_root {
            "setuid root"
        } else {
            "file capabilities"
        };
        Check::pass(prog, format!("{} ({how})", path.display()))
    } else {
        Check::fail(
            prog,
            format!(
                "{} is neither setuid root nor has file capabilities",
                path.display()
            ),
            vec![format!(
                "sudo chown root:root {0} && sudo chmod u+s {0}",
                path.display()
            )],
        )
    }
}

fn device(path: &'static str, module: &str) -> Check {
    let md = match std::fs::metadata(path) {
        Ok(md) => md,
        Err(_) => return Check::fail(path, "missing", vec![format!("sudo modprobe {module}")]),
    };
    if !md.file_type().is_char_device() {
        return Check::fail(
            path,
            "not a character device",
            vec![format!("sudo rm {path} && sudo modprobe {module}")],
        );
    }
    match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
    {
        Ok(_) => Check::pass(path, "usable"),
        // A tun device with no interface set up answers EBADFD on open for some kernels;
        // only permission problems are ours to fix.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Check::fail(
            path,
            format!("not usable: {e}"),
            vec![format!("sudo chmod 0666 {path}")],
        ),
        Err(e) => Check::fail(
            path,
            format!("not usable: {e}"),
            vec![format!("sudo modprobe {module}")],
        ),
    }
}

fn runtime_dir(paths: &hutch_engine::Paths, user: &str) -> Check {
    let name = "XDG_RUNTIME_DIR";
    let want = format!("/run/user/{}", paths.uid);
    let create = format!(
        "sudo install -d -m 0700 -o {} -g {} {want} && export XDG_RUNTIME_DIR={want}",
        paths.uid, paths.gid
    );
    let Some(dir) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) else {
        return Check::fail(
            name,
            format!(
                "not set (hutch falls back to {})",
                hutch_engine::paths::fallback_runtime_dir(paths.uid).display()
            ),
            vec![create],
        );
    };
    let dir = Path::new(&dir);
    let md = match std::fs::metadata(dir) {
        Ok(md) if md.is_dir() => md,
        _ => {
            return Check::fail(
                name,
                format!("{} does not exist", dir.display()),
                vec![create],
            )
        }
    };
    if md.uid() != paths.uid {
        return Check::fail(
            name,
            format!(
                "{} belongs to uid {}, not to {user} (as after `su`)",
                dir.display(),
                md.uid()
            ),
            vec![format!(
                "log in as {user} directly (ssh, machinectl shell {user}@) or: {create}"
            )],
        );
    }
    let mode = md.permissions().mode() & 0o777;
    if mode != 0o700 {
        return Check::fail(
            name,
            format!("{} has mode {mode:04o}, not 0700", dir.display()),
            vec![format!("chmod 0700 {}", dir.display())],
        );
    }
    Check::pass(name, format!("{} (yours, 0700)", dir.display()))
}

/// The runtime new containers get (`--runtime`, containers.conf, or the host's default).
fn oci_runtime(ctx: &super::Ctx) -> Check {
    let name = "OCI runtime";
    match runtime::choose(ctx.runtime.as_deref(), &ctx.paths) {
        Ok(path) => match host::program_version(&path) {
            Some(v) => Check::pass(name, format!("{} ({v})", path.display())),
            None => Check::fail(
                name,
                format!("{} --version fails", path.display()),
                vec![format!(
                    "sudo apt-get install --reinstall {}",
                    runtime::name_of(&path)
                )],
            ),
        },
        Err(ContainerError::NoRuntime { .. }) => Check::fail(
            name,
            format!("none of {} is installed", runtime::KNOWN.join(", ")),
            vec!["sudo apt-get install crun".into()],
        ),
        Err(e) => Check::fail(
            name,
            e.to_string(),
            vec![
                "name an installed runtime with --runtime or [engine] runtime in containers.conf"
                    .into(),
            ],
        ),
    }
}

/// The program that connects containers by default: the same choice `run` makes and `info`
/// reports (pasta only from a known-good release, else slirp4netns), with why.
fn network_tool(ctx: &super::Ctx) -> Check {
    let name = "rootless network";
    let choice = match ctx.engine() {
        Ok(engine) => engine.default_network(),
        Err(e) => return Check::fail(name, crate::error_line(&e), vec![]),
    };
    match host::first_program(&[choice.program]) {
        Some(p) => Check::pass(
            name,
            format!("{} ({}), the default: {}", p.name, p.path, choice.reason),
        ),
        None => Check::fail(
            name,
            format!(
                "{}, the default network program, is not installed",
                choice.program
            ),
            vec![if choice.program == "pasta" {
                "sudo apt-get install passt".into()
            } else {
                "sudo apt-get install slirp4netns".into()
            }],
        ),
    }
}

fn linger(user: &str, rootless: bool) -> Check {
    let name = "lingering";
    if !Path::new("/run/systemd/system").exists() {
        return Check::pass(name, "not needed (systemd is not running)");
    }
    if !rootless {
        return Check::pass(name, "not needed for root");
    }
    if Path::new("/var/lib/systemd/linger").join(user).exists() {
        Check::pass(name, "enabled: containers survive logout")
    } else {
        Check::fail(
            name,
            "disabled: systemd stops your containers when you log out",
            vec![format!("sudo loginctl enable-linger {user}")],
        )
    }
}

fn overlay(ctx: &super::Ctx) -> Check {
    let name = if ctx.paths.rootless() {
        "overlay in a user namespace"
    } else {
        "overlay"
    };
    if let Err(e) = ctx.paths.ensure_dirs() {
        return Check::fail(name, format!("cannot create the store: {e}"), vec![]);
    }
    if ctx.paths.rootless() {
        if let Err(e) = ctx.enter_userns() {
            return Check::fail(
                name,
                format!("cannot enter the user namespace: {}", crate::error_line(&e)),
                vec!["fix the subordinate id and newuidmap items above".into()],
            );
        }
    }
    match storage_driver::detect(&ctx.paths) {
        Ok(storage_driver::Driver::Overlay) => Check::pass(name, "native kernel overlayfs works"),
        Ok(storage_driver::Driver::FuseOverlayfs) => Check::pass(
            name,
            "kernel overlayfs does not work here; fuse-overlayfs does (slower)",
        ),
        Ok(storage_driver::Driver::Vfs) => Check::fail(
            name,
            "neither kernel overlayfs nor fuse-overlayfs works: hutch would copy every layer (vfs)",
            vec!["sudo apt-get install fuse-overlayfs && sudo chmod 0666 /dev/fuse".into()],
        ),
        Err(e) => Check::fail(name, format!("test mount failed: {e}"), vec![]),
    }
}
