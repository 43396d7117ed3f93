//! The rootless user namespace: a pause process holds a user and a mount namespace mapped from
//! /etc/subuid and /etc/subgid; every command that writes storage joins it before any thread starts.
//! Owns reading the subordinate id ranges, creating the pause process once (under a lock) and joining it.

use crate::{Paths, Result};
use hutch_sys::lock::FileLock;
use hutch_sys::userns as sys;
use hutch_sys::SysError;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set in the environment once this process is inside the namespace, so helpers it runs
/// (and `hutch` commands run under `hutch unshare`) do not try to join again.
pub const CONFIGURED_ENV: &str = "_HUTCH_USERNS_CONFIGURED";
/// The host uid and gid of the user, for hutch processes started inside the namespace (where
/// getuid() says 0) to find the user's own storage.
pub const ROOTLESS_UID_ENV: &str = "_HUTCH_ROOTLESS_UID";
pub const ROOTLESS_GID_ENV: &str = "_HUTCH_ROOTLESS_GID";

const SUBUID: &str = "/etc/subuid";
const SUBGID: &str = "/etc/subgid";

/// One line of a uid_map or gid_map: `container_id host_id size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct IdMap {
    pub container_id: u32,
    pub host_id: u32,
    pub size: u32,
}

#[derive(Debug, Clone, Default)]
pub struct UsernsInfo {
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
    /// True when the user has no subordinate range: only one id is mapped.
    pub single_mapping: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum UsernsError {
    #[error("{path}: {source}")]
    ReadSubids {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} line {line}: malformed entry {entry:?}: expected NAME:START:COUNT")]
    Malformed {
        path: PathBuf,
        line: usize,
        entry: String,
    },
    #[error("{tool} not found: install it (apt-get install uidmap) to use the ranges in {file}")]
    MapToolMissing {
        tool: &'static str,
        file: &'static str,
    },
    #[error("{tool} {pid}: {source}")]
    MapToolSpawn {
        tool: PathBuf,
        pid: i32,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{tool} for pause process {pid} failed ({status}): {stderr}; check {file} and that {tool} is setuid root"
    )]
    MapTool {
        tool: PathBuf,
        pid: i32,
        status: std::process::ExitStatus,
        stderr: String,
        file: &'static str,
    },
    #[error(
        "cannot join the user namespace: this process already runs {threads} threads (hutch must join before starting any)"
    )]
    Threaded { threads: usize },
    #[error("cannot create the pause process in {runroot}: {source}")]
    Create {
        runroot: PathBuf,
        #[source]
        source: SysError,
    },
    #[error("cannot join the namespaces of pause process {pid} ({pid_file}): {source}")]
    Join {
        pid: i32,
        pid_file: PathBuf,
        #[source]
        source: SysError,
    },
    #[error("{path}: {source}")]
    PidFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Lock {
        path: PathBuf,
        #[source]
        source: SysError,
    },
}

impl From<UsernsError> for crate::EngineError {
    fn from(e: UsernsError) -> Self {
        crate::EngineError::Userns(Box::new(e))
    }
}

/// The mappings the user's namespace has (or will have when created), from /etc/subuid and
/// /etc/subgid, without entering it. For root, the identity mapping.
pub fn mappings(paths: &Paths) -> Result<UsernsInfo> {
    if !paths.rootless() {
        let all = vec![IdMap {
            container_id: 0,
            host_id: 0,
            size: u32::MAX,
        }];
        return Ok(UsernsInfo {
            uid_map: all.clone(),
            gid_map: all,
            single_mapping: false,
        });
    }
    Ok(Config::load(paths.uid, paths.gid)?.info())
}

/// Proof that this process is inside hutch's user namespace (or needs none: root), joined while
/// it had a single thread. Only `join` makes one, and `Engine::open` asks for it, so no engine
/// exists in a process that could still have to join.
#[derive(Debug, Clone)]
pub struct Joined {
    info: UsernsInfo,
}

impl Joined {
    /// The mappings of the namespace joined.
    pub fn info(&self) -> &UsernsInfo {
        &self.info
    }

    /// A token for unit tests, which run in the test harness's threads and never join.
    #[cfg(test)]
    pub(crate) fn assumed() -> Joined {
        Joined {
            info: UsernsInfo::default(),
        }
    }
}

/// Joins the user namespace (see `enter`) and returns the proof of it. Call it first thing in
/// a command, before any thread exists: it fails with `Threaded` otherwise.
pub fn join(paths: &Paths) -> Result<Joined> {
    enter(paths).map(|info| Joined { info })
}

/// Joins (creating it first if needed) the pause process's namespaces. Must run before any
/// thread is started. A no-op for root.
///
/// THE PROCESS MUST BE SINGLE-THREADED: the kernel refuses setns into a user namespace from a
/// multi-threaded process, and creating the pause process forks. Call this before building a
/// tokio runtime or spawning anything; it checks /proc/self/status and fails otherwise.
pub fn enter(paths: &Paths) -> Result<UsernsInfo> {
    if !paths.rootless() {
        return mappings(paths);
    }
    if std::env::var_os(CONFIGURED_ENV).is_some_and(|v| v == "1")
        && hutch_sys::process::in_user_namespace()
    {
        return Ok(current());
    }
    let start = std::time::Instant::now();
    let threads = sys::thread_count()?;
    if threads > 1 {
        return Err(UsernsError::Threaded { threads }.into());
    }
    paths.ensure_dirs()?;
    let cwd = std::env::current_dir().ok();
    let pid_file = paths.runroot.join("pause.pid");
    // Inside the namespace already, but without our environment (say `env -i` under
    // `hutch unshare`): joining would fail and creating another would nest one in it.
    if hutch_sys::process::in_user_namespace() && inside_pause(&pid_file) {
        return Ok(current());
    }

    // Fast path: a live pause process of ours. Only if it vanishes between the check and the
    // join (or there is none) do we take the lock and make one.
    let mut attempt = 0;
    loop {
        let pid = match live_pause(&pid_file) {
            Some(pid) => pid,
            None => ensure_pause(paths, &pid_file)?,
        };
        match sys::join(pid) {
            Ok(()) => {
                tracing::debug!(pid, elapsed = ?start.elapsed(), "joined the pause process");
                break;
            }
            Err(e) if attempt < 2 && !sys_alive_pause(pid) => {
                tracing::debug!(pid, "pause process went away before we joined it: {e}");
                attempt += 1;
            }
            Err(source) => {
                return Err(UsernsError::Join {
                    pid,
                    pid_file,
                    source,
                }
                .into())
            }
        }
    }

    // Joining the mount namespace moved us to its root.
    if let Some(cwd) = cwd {
        if let Err(e) = std::env::set_current_dir(&cwd) {
            tracing::warn!(
                "cannot return to {} inside the user namespace: {e}",
                cwd.display()
            );
        }
    }
    // Single-threaded (checked above), so changing the environment races with nothing.
    std::env::set_var(CONFIGURED_ENV, "1");
    std::env::set_var(ROOTLESS_UID_ENV, paths.uid.to_string());
    std::env::set_var(ROOTLESS_GID_ENV, paths.gid.to_string());

    let info = current();
    if info.single_mapping {
        warn_single_mapping(paths.uid, &info);
    }
    Ok(info)
}

/// The user's host uid and gid when this process runs inside a namespace hutch set up (as
/// under `hutch unshare`), where getuid() and getgid() report 0.
pub fn host_ids() -> Option<(u32, u32)> {
    let var = |k| std::env::var(k).ok()?.parse::<u32>().ok();
    if std::env::var_os(CONFIGURED_ENV)? != "1" || !hutch_sys::process::in_user_namespace() {
        return None;
    }
    Some((var(ROOTLESS_UID_ENV)?, var(ROOTLESS_GID_ENV)?))
}

/// The pid in `pid_file` if it is a ready pause process of ours in another user namespace.
fn live_pause(pid_file: &Path) -> Option<i32> {
    let pid: i32 = std::fs::read_to_string(pid_file)
        .ok()?
        .trim()
        .parse()
        .ok()?;
    sys_alive_pause(pid).then_some(pid)
}

fn sys_alive_pause(pid: i32) -> bool {
    // A recycled pid could be a stranger that happens to share the name; ours sits in a user
    // namespace of its own.
    pause_user_ns(pid)
        .zip(sys::ns_id(0, "user").ok())
        .is_some_and(|(theirs, ours)| theirs != ours)
}

/// Whether this process is already in the user namespace of the pause process in `pid_file`.
fn inside_pause(pid_file: &Path) -> bool {
    let Some(pid) = std::fs::read_to_string(pid_file)
        .ok()
        .and_then(|s| s.trim().parse::<i32>().ok())
    else {
        return false;
    };
    pause_user_ns(pid)
        .zip(sys::ns_id(0, "user").ok())
        .is_some_and(|(theirs, ours)| theirs == ours)
}

/// The user namespace of `pid` if it is a live pause process of this user's.
fn pause_user_ns(pid: i32) -> Option<(u64, u64)> {
    let (comm, owner) = sys::proc_comm_and_owner(pid)?;
    if comm != sys::PAUSE_COMM || owner != hutch_sys::process::getuid() {
        return None;
    }
    sys::ns_id(pid, "user").ok()
}

/// Under `runroot/pause.lock`, returns the live pause process or creates one, so concurrent
/// first commands create exactly one.
fn ensure_pause(paths: &Paths, pid_file: &Path) -> Result<i32> {
    let lock_path = paths.runroot.join("pause.lock");
    let _lock = FileLock::exclusive(&lock_path).map_err(|source| UsernsError::Lock {
        path: lock_path.clone(),
        source,
    })?;
    if let Some(pid) = live_pause(pid_file) {
        return Ok(pid);
    }
    let config = Config::load(paths.uid, paths.gid)?;
    let pid = create_pause(&config, &paths.runroot)?;
    tracing::debug!(pid, "created pause process");
    let tmp = pid_file.with_extension(format!("pid.{}", std::process::id()));
    let write =
        std::fs::write(&tmp, format!("{pid}\n")).and_then(|()| std::fs::rename(&tmp, pid_file));
    if let Err(source) = write {
        let _ = std::fs::remove_file(&tmp);
        let _ = nix_kill(pid);
        return Err(UsernsError::PidFile {
            path: pid_file.to_path_buf(),
            source,
        }
        .into());
    }
    Ok(pid)
}

fn nix_kill(pid: i32) -> std::io::Result<()> {
    // The pause process is ours and has no state worth saving: SIGKILL is fine.
    hutch_sys::process::kill(pid)
}

/// Set by the `hutch` binary (see [`holder_main`]): its pause processes re-execute it.
static EXEC_HOLDER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// First thing in the `hutch` binary's `main`: in the pause process it re-executed, becomes the
/// user namespace holder (`ps` shows "hutch: user namespace holder") and never returns;
/// otherwise lets the pause processes this process creates re-execute it that way. Other
/// binaries (tests) keep the pause process under their own name.
pub fn holder_main() {
    hutch_sys::userns::run_holder_if_asked();
    EXEC_HOLDER.store(true, std::sync::atomic::Ordering::Relaxed);
}

fn create_pause(config: &Config, runroot: &Path) -> Result<i32> {
    let create = |source| UsernsError::Create {
        runroot: runroot.to_path_buf(),
        source,
    };
    let child =
        sys::spawn_pause(EXEC_HOLDER.load(std::sync::atomic::Ordering::Relaxed)).map_err(create)?;
    let pid = child.pid();
    if config.subuids.is_empty() {
        sys::write_single_uid_mapping(pid, config.uid).map_err(create)?;
    } else {
        run_map_tool("newuidmap", SUBUID, pid, config.uid, &config.subuids)?;
    }
    if config.subgids.is_empty() {
        sys::write_single_gid_mapping(pid, config.gid).map_err(create)?;
    } else {
        run_map_tool("newgidmap", SUBGID, pid, config.gid, &config.subgids)?;
    }
    // On error, dropping `child` above has already killed the half-made pause process.
    let pid = child.finish().map_err(create)?;
    Ok(pid)
}

fn run_map_tool(
    tool: &'static str,
    file: &'static str,
    pid: i32,
    id: u32,
    ranges: &[(u32, u32)],
) -> Result<(), UsernsError> {
    let path = find_in_path(tool).ok_or(UsernsError::MapToolMissing { tool, file })?;
    let mut args = vec![pid.to_string(), "0".into(), id.to_string(), "1".into()];
    for m in build_map(id, ranges).iter().skip(1) {
        args.extend([
            m.container_id.to_string(),
            m.host_id.to_string(),
            m.size.to_string(),
        ]);
    }
    let out = std::process::Command::new(&path)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|source| UsernsError::MapToolSpawn {
            tool: path.clone(),
            pid,
            source,
        })?;
    if !out.status.success() {
        return Err(UsernsError::MapTool {
            tool: path,
            pid,
            status: out.status,
            stderr: String::from_utf8_lossy(&out.stderr)
                .trim()
                .replace('\n', "; "),
            file,
        });
    }
    Ok(())
}

fn find_in_path(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin"), PathBuf::from("/usr/sbin")])
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
}

static WARNED: AtomicBool = AtomicBool::new(false);

fn warn_single_mapping(uid: u32, info: &UsernsInfo) {
    if WARNED.swap(true, Ordering::Relaxed) {
        return;
    }
    let single = |m: &[IdMap]| m.len() == 1 && m[0].size == 1;
    let files = match (single(&info.uid_map), single(&info.gid_map)) {
        (true, false) => SUBUID.to_string(),
        (false, true) => SUBGID.to_string(),
        _ => format!("{SUBUID} and {SUBGID}"),
    };
    tracing::warn!(
        "using a single-id user namespace mapping: {} has no range in {files}, so images with \
         files owned by other users may fail; add one with: {}",
        hutch_sys::process::user_name(uid).unwrap_or_else(|| uid.to_string()),
        fix_command(uid)
    );
}

/// The command that gives `uid` a subordinate uid and gid range of 65536 ids that no other
/// entry in /etc/subuid or /etc/subgid uses (for the single-mapping warning and `hutch doctor`).
pub fn fix_command(uid: u32) -> String {
    let user = hutch_sys::process::user_name(uid).unwrap_or_else(|| uid.to_string());
    let mut start = 100_000u64;
    for file in [SUBUID, SUBGID] {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        start = start.max(subids_end(&text));
    }
    let end = start + 65_535;
    format!("usermod --add-subuids {start}-{end} --add-subgids {start}-{end} {user}")
}

/// The first id after every range in a subuid/subgid file.
fn subids_end(text: &str) -> u64 {
    text.lines()
        .filter_map(|l| {
            let mut f = l.trim().split(':').skip(1);
            let start: u64 = f.next()?.parse().ok()?;
            let count: u64 = f.next()?.parse().ok()?;
            Some(start + count)
        })
        .max()
        .unwrap_or(0)
}

/// The mappings of the namespace this process is in now.
fn current() -> UsernsInfo {
    let read = |f: &str| {
        std::fs::read_to_string(f)
            .map(|s| parse_id_map(&s))
            .unwrap_or_default()
    };
    let uid_map = read("/proc/self/uid_map");
    let gid_map = read("/proc/self/gid_map");
    let single_mapping =
        uid_map.len() == 1 && uid_map[0].size == 1 || gid_map.len() == 1 && gid_map[0].size == 1;
    UsernsInfo {
        uid_map,
        gid_map,
        single_mapping,
    }
}

fn parse_id_map(s: &str) -> Vec<IdMap> {
    s.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace().map(|f| f.parse::<u32>());
            match (it.next(), it.next(), it.next()) {
                (Some(Ok(container_id)), Some(Ok(host_id)), Some(Ok(size))) => Some(IdMap {
                    container_id,
                    host_id,
                    size,
                }),
                _ => None,
            }
        })
        .collect()
}

/// The user's ids and subordinate ranges.
#[derive(Debug)]
struct Config {
    uid: u32,
    gid: u32,
    subuids: Vec<(u32, u32)>,
    subgids: Vec<(u32, u32)>,
}

impl Config {
    fn load(uid: u32, gid: u32) -> Result<Config, UsernsError> {
        let name = hutch_sys::process::user_name(uid);
        let read = |file: &str| -> Result<Vec<(u32, u32)>, UsernsError> {
            let path = Path::new(file);
            match std::fs::read_to_string(path) {
                Ok(text) => parse_subids(path, &text, name.as_deref(), uid),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
                Err(source) => Err(UsernsError::ReadSubids {
                    path: path.to_path_buf(),
                    source,
                }),
            }
        };
        Ok(Config {
            uid,
            gid,
            subuids: read(SUBUID)?,
            subgids: read(SUBGID)?,
        })
    }

    fn info(&self) -> UsernsInfo {
        UsernsInfo {
            uid_map: build_map(self.uid, &self.subuids),
            gid_map: build_map(self.gid, &self.subgids),
            single_mapping: self.subuids.is_empty() || self.subgids.is_empty(),
        }
    }
}

/// `0 -> id`, then the ranges one after another from 1.
fn build_map(id: u32, ranges: &[(u32, u32)]) -> Vec<IdMap> {
    let mut map = vec![IdMap {
        container_id: 0,
        host_id: id,
        size: 1,
    }];
    let mut next = 1u32;
    for &(start, count) in ranges {
        let Some(end) = next.checked_add(count) else {
            break;
        };
        map.push(IdMap {
            container_id: next,
            host_id: start,
            size: count,
        });
        next = end;
    }
    map
}

/// The ranges in a subuid/subgid file for the user, by name or by numeric uid, in file order.
/// Lines for other users are not looked at beyond their first field, so one malformed entry of
/// someone else's does not lock this user out.
fn parse_subids(
    path: &Path,
    text: &str,
    name: Option<&str>,
    uid: u32,
) -> Result<Vec<(u32, u32)>, UsernsError> {
    let uid_s = uid.to_string();
    let mut ranges = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let entry = line.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        let mut fields = entry.split(':');
        let who = fields.next().unwrap_or_default();
        if who != uid_s && Some(who) != name {
            continue;
        }
        let malformed = || UsernsError::Malformed {
            path: path.to_path_buf(),
            line: i + 1,
            entry: entry.to_string(),
        };
        let start: u32 = fields
            .next()
            .and_then(|f| f.trim().parse().ok())
            .ok_or_else(malformed)?;
        let count: u32 = fields
            .next()
            .and_then(|f| f.trim().parse().ok())
            .ok_or_else(malformed)?;
        if fields.next().is_some() {
            return Err(malformed());
        }
        if count > 0 && !ranges.contains(&(start, count)) {
            ranges.push((start, count));
        }
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subids_by_name_and_uid() {
        let text = "# comment\nalice:100000:65536\n\nbob:200000:65536\n1001:300000:10\nbroken\n";
        let p = Path::new("/etc/subuid");
        assert_eq!(
            parse_subids(p, text, Some("alice"), 1000).unwrap(),
            vec![(100000, 65536)]
        );
        assert_eq!(
            parse_subids(p, text, Some("carol"), 1001).unwrap(),
            vec![(300000, 10)]
        );
        assert!(parse_subids(p, text, Some("dave"), 7).unwrap().is_empty());
        assert!(parse_subids(p, text, None, 7).unwrap().is_empty());
    }

    #[test]
    fn malformed_own_entry_is_named() {
        let p = Path::new("/etc/subuid");
        let err = parse_subids(p, "x:1:2\nalice:abc:5\n", Some("alice"), 1).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("/etc/subuid line 2"), "{msg}");
        assert!(msg.contains("alice:abc:5"), "{msg}");
    }

    #[test]
    fn map_is_user_then_ranges() {
        let m = build_map(1001, &[(100000, 65536), (300000, 10)]);
        assert_eq!(
            m,
            vec![
                IdMap {
                    container_id: 0,
                    host_id: 1001,
                    size: 1
                },
                IdMap {
                    container_id: 1,
                    host_id: 100000,
                    size: 65536
                },
                IdMap {
                    container_id: 65537,
                    host_id: 300000,
                    size: 10
                },
            ]
        );
        assert_eq!(build_map(5, &[]).len(), 1);
    }

    #[test]
    fn free_range_follows_every_entry() {
        assert_eq!(subids_end("a:100000:65536\nb:300000:10\n#x\n"), 300010);
        assert_eq!(subids_end(""), 0);
    }

    #[test]
    fn parses_proc_maps() {
        let m =
            parse_id_map("         0       1001          1\n         1     100000      65536\n");
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].host_id, 100000);
    }
}
