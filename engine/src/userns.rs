//! The rootless user namespace: a pause process holds a user and a mount namespace mapped from
//! /etc/subuid and /etc/subgid; every command that writes storage joins it before any thread starts.

use crate::{Paths, Result};

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

/// Joins (creating it first if needed) the pause process's namespaces. Must run before any
/// thread is started. A no-op for root.
pub fn enter(_paths: &Paths) -> Result<UsernsInfo> {
    todo!("userns: enter")
}
