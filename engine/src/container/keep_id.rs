//! `--userns=keep-id[:uid=X,gid=Y]`: the user's own ids (or X and Y) inside the container, and
//! the passwd and group entries podman adds for that user when the image has none (and for
//! each `--hostuser`).

use super::config::ContainerConfig;
use super::lifecycle::Containers;
use super::spec;
use super::ContainerError;
use crate::{EngineError, Result};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

impl Containers {
    /// The `--userns=keep-id` mapping parameters: the user's host ids and the size of hutch's
    /// namespace (read from inside it).
    pub(super) fn keep_id(&self, cfg: &ContainerConfig) -> Result<Option<spec::KeepId>> {
        let Some((want_uid, want_gid)) = cfg.keep_id() else {
            return Ok(None);
        };
        if !self.paths.rootless() {
            return Err(ContainerError::InvalidFlag {
                flag: "--userns",
                value: "keep-id".into(),
                reason: "keep-id is only for rootless containers".into(),
            }
            .into());
        }
        let size = |file: &str| -> u32 {
            std::fs::read_to_string(file)
                .unwrap_or_default()
                .lines()
                .filter_map(|l| l.split_whitespace().nth(2)?.parse::<u32>().ok())
                .sum()
        };
        let (uids, gids) = (size("/proc/self/uid_map"), size("/proc/self/gid_map"));
        let (uid, gid) = (
            want_uid.unwrap_or(self.paths.uid),
            want_gid.unwrap_or(self.paths.gid),
        );
        if uids <= uid + 1 || gids <= gid + 1 {
            return Err(ContainerError::InvalidFlag {
                flag: "--userns",
                value: "keep-id".into(),
                reason: format!(
                    "hutch's user namespace maps {uids} uids and {gids} gids, too few to keep uid {uid} and gid {gid} (add subordinate ids: {})",
                    crate::userns::fix_command(self.paths.uid)
                ),
            }
            .into());
        }
        Ok(Some(spec::KeepId {
            uid,
            gid,
            uids,
            gids,
        }))
    }

    /// The user keep-id runs as: its ids, and the home its passwd entry names (the image's,
    /// or the one `user_files` adds).
    pub(super) fn keep_id_user(
        &self,
        k: &spec::KeepId,
        cfg: &ContainerConfig,
        rootfs: &Path,
    ) -> spec::ProcessUser {
        let passwd = spec::read_in_rootfs(rootfs, "etc/passwd").unwrap_or_default();
        let home = match entry_with_id(&passwd, k.uid) {
            Some(fields) => fields.get(5).map(|h| h.to_string()),
            None => Some(self.keep_id_home(k, cfg, rootfs)),
        };
        spec::ProcessUser {
            uid: k.uid,
            gid: k.gid,
            // podman lists the primary group among the supplementary ones (`id` shows it).
            additional_gids: vec![k.gid],
            home: home.filter(|h| !h.is_empty()),
        }
    }

    /// The home of an added entry: the host user's own where the container has that
    /// directory (a bind mount of it, say), else the working directory — as podman.
    fn added_home(&self, home: Option<String>, cfg: &ContainerConfig, rootfs: &Path) -> String {
        let mine = home.filter(|h| {
            cfg.mounts.iter().any(|m| m.destination == *h)
                || super::rootfs::resolve_in_root(rootfs, Path::new(h), true)
                    .is_ok_and(|p| p.is_dir())
        });
        mine.unwrap_or_else(|| {
            if cfg.workdir.is_empty() {
                "/".into()
            } else {
                cfg.workdir.clone()
            }
        })
    }

    /// The keep-id user's home when the image has no entry for it.
    fn keep_id_home(&self, k: &spec::KeepId, cfg: &ContainerConfig, rootfs: &Path) -> String {
        let home = (k.uid == self.paths.uid)
            .then(|| hutch_sys::process::user_home(self.paths.uid))
            .flatten();
        self.added_home(home, cfg, rootfs)
    }

    /// Copies of the image's /etc/passwd and /etc/group with the entries podman adds, written
    /// to `userdata`, bound over the image's: the keep-id user and group where the image has
    /// none, and each `--hostuser` whose name the image does not have.
    pub(super) fn user_files(
        &self,
        keep_id: Option<&spec::KeepId>,
        cfg: &ContainerConfig,
        rootfs: &Path,
        userdata: &Path,
    ) -> Result<Vec<serde_json::Value>> {
        let mut mounts = Vec::new();
        let passwd = spec::read_in_rootfs(rootfs, "etc/passwd").unwrap_or_default();
        let mut added = String::new();
        let mut group_line = None;
        if let Some(k) = keep_id {
            let own = k.uid == self.paths.uid;
            let name = own
                .then(|| crate::host::user_name(self.paths.uid))
                .flatten()
                .unwrap_or_else(|| k.uid.to_string());
            if entry_with_id(&passwd, k.uid).is_none() {
                let gecos = if own { "" } else { "container user" };
                let home = self.keep_id_home(k, cfg, rootfs);
                added.push_str(&format!(
                    "{name}:*:{}:{}:{gecos}:{home}:/bin/sh\n",
                    k.uid, k.gid
                ));
            }
            let group = spec::read_in_rootfs(rootfs, "etc/group").unwrap_or_default();
            if entry_with_id(&group, k.gid).is_none() {
                let gname = own
                    .then(|| hutch_sys::process::group_name(self.paths.gid))
                    .flatten()
                    .unwrap_or_else(|| k.gid.to_string());
                group_line = Some((group, format!("{gname}:x:{}:{name}\n", k.gid)));
            }
        }
        for wanted in &cfg.host_users {
            let Some(u) = hutch_sys::process::host_user(wanted) else {
                return Err(ContainerError::InvalidFlag {
                    flag: "--hostuser",
                    value: wanted.clone(),
                    reason: "no such user on the host any more".into(),
                }
                .into());
            };
            if entry_with_name(&passwd, &u.name) || entry_with_name(&added, &u.name) {
                continue;
            }
            let home = self.added_home(Some(u.home.clone()), cfg, rootfs);
            added.push_str(&format!(
                "{}:*:{}:{}::{home}:/bin/sh\n",
                u.name, u.uid, u.gid
            ));
        }
        if !added.is_empty() {
            mounts.push(self.etc_file(keep_id, userdata, "passwd", &passwd, &added)?);
        }
        if let Some((group, line)) = group_line {
            mounts.push(self.etc_file(keep_id, userdata, "group", &group, &line)?);
        }
        Ok(mounts)
    }

    /// Gives the files hutch binds into the container (hosts, resolv.conf, hostname,
    /// .containerenv) to the container's root, as podman's are: made by hutch, they would be
    /// the keep-id user's.
    pub(super) fn keep_id_own_files(&self, k: &spec::KeepId, userdata: &Path) -> Result<()> {
        for f in ["hosts", "resolv.conf", "hostname", ".containerenv"] {
            let p = userdata.join(f);
            match std::os::unix::fs::lchown(&p, Some(k.hutch_uid(0)), Some(k.hutch_gid(0))) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(EngineError::io(&p, e))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Writes `userdata/NAME` (the image's text plus `line`), owned by the container's root
    /// (without keep-id, that is who writes it).
    fn etc_file(
        &self,
        keep_id: Option<&spec::KeepId>,
        userdata: &Path,
        name: &str,
        text: &str,
        line: &str,
    ) -> Result<serde_json::Value> {
        let path = userdata.join(name);
        let mut body = text.to_string();
        if !body.is_empty() && !body.ends_with('\n') {
            body.push('\n');
        }
        body.push_str(line);
        std::fs::write(&path, body).map_err(|e| EngineError::io(&path, e))?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))
            .map_err(|e| EngineError::io(&path, e))?;
        if let Some(k) = keep_id {
            std::os::unix::fs::lchown(&path, Some(k.hutch_uid(0)), Some(k.hutch_gid(0)))
                .map_err(|e| EngineError::io(&path, e))?;
        }
        Ok(serde_json::json!({
            "destination": format!("/etc/{name}"),
            "type": "bind",
            "source": path,
            "options": ["bind", "rprivate"],
        }))
    }
}

/// The home of `uid` in the /etc/passwd the container sees: the copy with added entries
/// bound over the image's, when the container has one, else the image's.
pub(super) fn home_in_container(dirs: &super::Dirs, uid: u32) -> Option<String> {
    let passwd = std::fs::read_to_string(dirs.userdata.join("passwd"))
        .ok()
        .or_else(|| spec::read_in_rootfs(&dirs.merged, "etc/passwd"))?;
    entry_with_id(&passwd, uid)
        .and_then(|f| f.get(5).map(|h| h.to_string()))
        .filter(|h| !h.is_empty())
}

/// Whether a passwd or group line names `name`.
fn entry_with_name(text: &str, name: &str) -> bool {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.split(':').next() == Some(name))
}

/// The fields of the passwd or group line whose third field is `id`.
fn entry_with_id(text: &str, id: u32) -> Option<Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.get(2).and_then(|v| v.trim().parse::<u32>().ok()) == Some(id))
}
