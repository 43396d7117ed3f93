//! /etc/hosts and /etc/resolv.conf of a container.

use super::config::ContainerConfig;
use super::lifecycle::{io, write_file, Containers};
use super::spec;
use super::Dirs;
use crate::EngineError;
use crate::Result;
use hutch_network::NetworkMode;
use hutch_network::Status as NetStatus;
use hutch_state::Container;

impl Containers {
    /// /etc/hosts and /etc/resolv.conf for the container (a container sharing another's
    /// network shares its files, as in podman). `in_place` keeps the inodes the runtime bound.
    pub(super) fn write_name_files(
        &self,
        c: &Container,
        cfg: &ContainerConfig,
        dirs: &Dirs,
        hostname: &str,
        net: &NetStatus,
        in_place: bool,
    ) -> Result<()> {
        let (hosts, resolv) = match &cfg.network {
            NetworkMode::Container { id } => {
                let other = self.dirs(id);
                let read = |f: &str| {
                    let p = other.userdata.join(f);
                    std::fs::read_to_string(&p).map_err(|e| EngineError::io(&p, e))
                };
                (read("hosts")?, read("resolv.conf")?)
            }
            _ => (
                spec::hosts_file(cfg, hostname, &c.name, net),
                spec::resolv_conf(cfg, net),
            ),
        };
        for (f, text) in [("hosts", hosts), ("resolv.conf", resolv)] {
            let p = dirs.userdata.join(f);
            if in_place {
                std::fs::write(&p, text).map_err(io(&p))?;
            } else {
                write_file(&p, &text)?;
            }
        }
        Ok(())
    }
}
