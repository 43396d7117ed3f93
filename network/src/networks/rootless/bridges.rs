//! The bridges inside the rootless namespace: a fixed MAC address for each, and the firewall
//! chain that keeps one network's traffic from reaching another's.

use super::Locked;
use crate::networks::types::Network;
use crate::networks::{NetworksError, Result};
use std::path::{Path, PathBuf};

const ISOLATION_CHAIN: &str = "HUTCH-ISOLATION";

impl Locked<'_> {
    /// A Linux bridge takes the lowest MAC address of its ports unless it was given one, so a
    /// new container's veth can change the gateway's MAC under the running containers, whose
    /// ARP caches then point nowhere for a while (netavark 1.4 leaves it to the kernel). Each
    /// bridge gets a fixed address derived from its network's ID.
    pub(super) fn pin_bridge_macs<'n>(
        &self,
        rootless: &Path,
        nets: impl Iterator<Item = &'n Network>,
    ) -> Result<()> {
        let ip = crate::find_program("ip")
            .or_else(|| Some(PathBuf::from("/usr/sbin/ip")).filter(|p| p.is_file()))
            .or_else(|| Some(PathBuf::from("/sbin/ip")).filter(|p| p.is_file()))
            .ok_or(NetworksError::ProgramMissing {
                program: "ip".into(),
                package: "iproute2",
            })?;
        for net in nets {
            let Some(bridge) = &net.network_interface else {
                continue;
            };
            let id = net.id.as_bytes();
            let hex = |i: usize| std::str::from_utf8(&id[i * 2..i * 2 + 2]).unwrap_or("00");
            // Locally administered, unicast.
            let mac = format!("02:{}:{}:{}:{}:{}", hex(0), hex(1), hex(2), hex(3), hex(4));
            let mut cmd = std::process::Command::new(&ip);
            cmd.args(["link", "set", "dev", bridge, "address", &mac])
                .stdin(std::process::Stdio::null());
            hutch_sys::nsexec::in_netns(&mut cmd, rootless)
                .map_err(|e| NetworksError::sys(rootless, e))?;
            let out = cmd.output().map_err(|e| NetworksError::io(&ip, e))?;
            if !out.status.success() {
                return Err(NetworksError::RootlessNetns {
                    path: rootless.to_path_buf(),
                    reason: format!(
                        "ip link set dev {bridge} address {mac}: {}",
                        String::from_utf8_lossy(&out.stderr).trim()
                    ),
                });
            }
        }
        Ok(())
    }

    /// Keeps networks apart: netavark 1.4 forwards between any two of its bridges, so a chain
    /// of ours, first in FORWARD, drops traffic from one network's bridge to another's. Rebuilt
    /// from the current definitions after every setup.
    pub(super) fn isolate(&self, rootless: &Path) -> Result<()> {
        // Only networks with containers have a bridge in the namespace.
        let attached: std::collections::BTreeSet<String> = self
            .load()?
            .containers
            .values()
            .flat_map(|c| c.networks.keys().cloned())
            .collect();
        let bridges: Vec<String> = self
            .nets
            .store
            .list()?
            .into_iter()
            .filter(|n| attached.contains(&n.name))
            .filter_map(|n| n.network_interface)
            .collect();
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut rules: Vec<Vec<String>> = vec![
            owned(&["-N", ISOLATION_CHAIN]),
            owned(&["-F", ISOLATION_CHAIN]),
        ];
        for b in &bridges {
            rules.push(owned(&[
                "-A",
                ISOLATION_CHAIN,
                "-i",
                b,
                "-o",
                b,
                "-j",
                "RETURN",
            ]));
        }
        // Every bridge hutch makes is named podmanN (see `store`).
        rules.push(owned(&[
            "-A",
            ISOLATION_CHAIN,
            "-i",
            "podman+",
            "-o",
            "podman+",
            "-j",
            "DROP",
        ]));
        let iptables = crate::find_program("iptables")
            .or_else(|| Some(PathBuf::from("/usr/sbin/iptables")).filter(|p| p.is_file()))
            .ok_or(NetworksError::ProgramMissing {
                program: "iptables".into(),
                package: "iptables",
            })?;
        let run = |args: &[String]| -> Result<bool> {
            let mut cmd = std::process::Command::new(&iptables);
            cmd.arg("-w").args(args).stdin(std::process::Stdio::null());
            hutch_sys::nsexec::in_netns(&mut cmd, rootless)
                .map_err(|e| NetworksError::sys(rootless, e))?;
            let out = cmd.output().map_err(|e| NetworksError::io(&iptables, e))?;
            Ok(out.status.success())
        };
        // -N fails when the chain exists, which is fine.
        run(&rules[0])?;
        for r in &rules[1..] {
            if !run(r)? {
                return Err(NetworksError::RootlessNetns {
                    path: rootless.to_path_buf(),
                    reason: format!("iptables {} failed", r.join(" ")),
                });
            }
        }
        let jump = owned(&["FORWARD", "-j", ISOLATION_CHAIN]);
        let mut check = vec!["-C".to_string()];
        check.extend(jump.iter().cloned());
        if !run(&check)? {
            let mut insert = vec!["-I".to_string(), "FORWARD".into(), "1".into()];
            insert.extend(jump[1..].iter().cloned());
            if !run(&insert)? {
                return Err(NetworksError::RootlessNetns {
                    path: rootless.to_path_buf(),
                    reason: format!("iptables -I {} failed", jump.join(" ")),
                });
            }
        }
        Ok(())
    }
}
