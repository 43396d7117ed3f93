//! `--userns=keep-id`: the user's own ids inside the container.

use super::config::ContainerConfig;
use super::lifecycle::Containers;
use super::spec;
use super::ContainerError;
use crate::Result;

impl Containers {
    /// The `--userns=keep-id` mapping parameters: the user's host ids and the size of hutch's
    /// namespace (read from inside it).
    pub(super) fn keep_id(&self, cfg: &ContainerConfig) -> Result<Option<spec::KeepId>> {
        if cfg.userns != "keep-id" {
            return Ok(None);
        }
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
        if uids <= self.paths.uid + 1 || gids <= self.paths.gid + 1 {
            return Err(ContainerError::InvalidFlag {
                flag: "--userns",
                value: "keep-id".into(),
                reason: format!(
                    "hutch's user namespace maps {uids} uids and {gids} gids, too few to keep uid {} and gid {} (add subordinate ids: {})",
                    self.paths.uid,
                    self.paths.gid,
                    crate::userns::fix_command(self.paths.uid)
                ),
            }
            .into());
        }
        Ok(Some(spec::KeepId {
            uid: self.paths.uid,
            gid: self.paths.gid,
            uids,
            gids,
        }))
    }
}
