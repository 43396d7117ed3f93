//! Published ports of containers on user networks: a pasta per container, attached to the
//! rootless namespace, forwards the host's ports into it; netavark maps them on from there.

use super::namespace::{uplink_running, wait_gone};
use super::{read_pid, Locked};
use crate::networks::types::PortMapping;
use crate::networks::{NetworksError, Result};
use std::path::{Path, PathBuf};

impl Locked<'_> {
    /// Published ports of a container on user networks: netavark maps them inside the rootless
    /// namespace (host port -> container), and a pasta of the container's own, attached to the
    /// rootless namespace, forwards the host's ports into it. A separate process per container
    /// because the uplink pasta cannot change its forwards while it runs.
    pub(super) fn start_port_forwarder(
        &self,
        rootless: &Path,
        container_id: &str,
        ports: &[PortMapping],
    ) -> Result<()> {
        self.stop_port_forwarder(container_id);
        let pasta = crate::find_program("pasta").ok_or(NetworksError::ProgramMissing {
            program: "pasta".into(),
            package: "passt",
        })?;
        let pid_file = self.forwarder_pid_file(container_id);
        let mut cmd = std::process::Command::new(&pasta);
        cmd.arg("-q");
        for proto in ["tcp", "udp"] {
            let specs = forward_specs(ports, proto);
            let flag = if proto == "tcp" { "-t" } else { "-u" };
            if specs.is_empty() {
                cmd.args([flag, "none"]);
            }
            for spec in specs {
                cmd.args([flag, &spec]);
            }
        }
        // Its own interface name, so it never meets the uplink's; left unconfigured: local
        // connections are spliced straight to the namespace's sockets.
        let ifname: String = format!("hp{}", &container_id[..container_id.len().min(12)]);
        cmd.args(["-T", "none", "-U", "none", "-I", &ifname])
            .arg("--pid")
            .arg(&pid_file)
            .arg("--netns")
            .arg(rootless)
            .stdin(std::process::Stdio::null());
        let out = cmd.output().map_err(|e| NetworksError::io(&pasta, e))?;
        if !out.status.success() {
            return Err(NetworksError::Helper {
                program: pasta,
                action: "port forwarding".into(),
                container: container_id.to_string(),
                status: out.status.to_string(),
                stderr: String::from_utf8_lossy(&out.stderr)
                    .trim()
                    .replace('\n', "; "),
            });
        }
        Ok(())
    }

    fn forwarder_pid_file(&self, container_id: &str) -> PathBuf {
        self.nets.dir.join(format!("ports-{container_id}.pid"))
    }

    pub(super) fn stop_port_forwarder(&self, container_id: &str) {
        let pid_file = self.forwarder_pid_file(container_id);
        if let Some(pid) = read_pid(&pid_file) {
            if uplink_running(pid, &pid_file) {
                let _ = hutch_sys::process::kill(pid);
                wait_gone(pid);
            }
        }
        let _ = std::fs::remove_file(&pid_file);
    }
}

/// pasta `-t`/`-u` specs forwarding each published host port to the same port in the rootless
/// namespace, where netavark's rules take it on to the container.
fn forward_specs(ports: &[PortMapping], proto: &str) -> Vec<String> {
    ports
        .iter()
        .filter(|p| p.protocol == proto)
        .map(|p| {
            let end = p.host_port + p.range.max(1) - 1;
            let range = if end > p.host_port {
                format!("{}-{end}", p.host_port)
            } else {
                p.host_port.to_string()
            };
            if p.host_ip.is_empty() {
                range
            } else {
                format!("{}/{range}", p.host_ip)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwards_each_host_port_to_itself() {
        let p = |ip: &str, hp, range, proto: &str| PortMapping {
            host_ip: ip.into(),
            container_port: 80,
            host_port: hp,
            range,
            protocol: proto.into(),
        };
        let ports = [
            p("", 8080, 1, "tcp"),
            p("127.0.0.1", 9000, 3, "tcp"),
            p("", 53, 1, "udp"),
        ];
        assert_eq!(
            forward_specs(&ports, "tcp"),
            ["8080", "127.0.0.1/9000-9002"]
        );
        assert_eq!(forward_specs(&ports, "udp"), ["53"]);
    }
}
