//! Process identity and liveness.

use std::path::Path;

pub fn getuid() -> u32 {
    nix::unistd::getuid().as_raw()
}

pub fn getgid() -> u32 {
    nix::unistd::getgid().as_raw()
}

pub fn getpid() -> i32 {
    nix::unistd::getpid().as_raw()
}

/// The login name of `uid` from the password database, if it has one.
pub fn user_name(uid: u32) -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|u| u.name)
}

/// The home directory of `uid` in the password database, if it has one.
pub fn user_home(uid: u32) -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|u| u.dir.to_string_lossy().into_owned())
}

/// A user of the host's password database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostUser {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: String,
}

/// The host user named `name_or_uid` (a login name, or a numeric uid), if the password
/// database has one.
pub fn host_user(name_or_uid: &str) -> Option<HostUser> {
    let user = match name_or_uid.parse::<u32>() {
        Ok(uid) => nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)),
        Err(_) => nix::unistd::User::from_name(name_or_uid),
    };
    user.ok().flatten().map(|u| HostUser {
        name: u.name,
        uid: u.uid.as_raw(),
        gid: u.gid.as_raw(),
        home: u.dir.to_string_lossy().into_owned(),
    })
}

/// The name of group `gid` in the group database, if it has one.
pub fn group_name(gid: u32) -> Option<String> {
    nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid))
        .ok()
        .flatten()
        .map(|g| g.name)
}

/// Whether `path` is writable by the real uid.
pub fn access_writable(path: &Path) -> crate::Result<()> {
    nix::unistd::access(path, nix::unistd::AccessFlags::W_OK)
        .map_err(|e| crate::SysError::path("access", path, e))
}

/// Sends SIGKILL to `pid`.
pub fn kill(pid: i32) -> std::io::Result<()> {
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGKILL,
    )
    .map_err(std::io::Error::from)
}

/// Sends signal `sig` to `pid`.
pub fn signal(pid: i32, sig: i32) -> std::io::Result<()> {
    let sig = nix::sys::signal::Signal::try_from(sig).map_err(std::io::Error::from)?;
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), sig).map_err(std::io::Error::from)
}

/// Whether this process runs in a user namespace other than the initial one.
pub fn in_user_namespace() -> bool {
    match std::fs::read_to_string("/proc/self/uid_map") {
        Ok(map) => map.split_whitespace().collect::<Vec<_>>() != ["0", "0", "4294967295"],
        Err(_) => false,
    }
}

/// Reaps `pid` if it is an exited child of ours; does nothing for anyone else's process.
pub fn try_reap(pid: i32) {
    let _ = nix::sys::wait::waitpid(
        nix::unistd::Pid::from_raw(pid),
        Some(nix::sys::wait::WaitPidFlag::WNOHANG),
    );
}
