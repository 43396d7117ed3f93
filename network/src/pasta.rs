//! pasta (from passt): connects a container's namespace to the host's network by copying the
//! host's addresses and routes into it, forwards published ports with `-t`/`-u` (keeping the
//! client's source address), answers DNS on a forwarding address, and maps the gateway address
//! to the host's loopback. It daemonizes, and quits by itself once the namespace file is removed.

use crate::container::{Helper, NetEnv, Request, Status};
use crate::ports::PortMapping;
use crate::NetworkError;
use hutch_sys::procfs;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where the container's DNS queries go; pasta forwards them to the host's first resolver.
pub const DNS_FORWARD: Ipv4Addr = Ipv4Addr::new(169, 254, 1, 1);

pub fn pid_file(env: &NetEnv, id: &str) -> PathBuf {
    env.netns_dir().join(format!("{id}.pasta.pid"))
}

/// `-t`/`-u` specs for the published ports of one protocol: `[ADDR/]HOST[-END]:CTR[-END]`.
fn port_specs(ports: &[PortMapping], proto: &str) -> Vec<String> {
    ports
        .iter()
        .filter(|m| m.protocol == proto)
        .map(|m| {
            let addr = if m.host_ip.is_empty() {
                String::new()
            } else {
                format!("{}/", m.host_ip)
            };
            if m.range <= 1 {
                format!("{addr}{}:{}", m.host_port, m.container_port)
            } else {
                format!(
                    "{addr}{}-{}:{}-{}",
                    m.host_port,
                    m.host_port + m.range - 1,
                    m.container_port,
                    m.container_port + m.range - 1
                )
            }
        })
        .collect()
}

/// The pasta command line (without the program).
pub fn args(
    env: &NetEnv,
    req: &Request<'_>,
    options: &[String],
    ports: &[PortMapping],
    ns: &Path,
) -> Vec<String> {
    let user: Vec<String> = env
        .conf()
        .pasta_options
        .iter()
        .chain(options)
        .cloned()
        .collect();
    let given = |flags: &[&str]| user.iter().any(|o| flags.contains(&o.as_str()));
    let mut a: Vec<String> = vec!["--config-net".into()];
    if !given(&["-d", "--debug", "--trace"]) {
        a.push("--quiet".into());
    }
    for (proto, flags, other) in [
        ("tcp", ["-t", "--tcp-ports"], ["-T", "--tcp-ns"]),
        ("udp", ["-u", "--udp-ports"], ["-U", "--udp-ns"]),
    ] {
        let specs = port_specs(ports, proto);
        if specs.is_empty() && !given(&flags) {
            // pasta's default is to forward every port the container binds: podman publishes
            // only what was asked for.
            a.extend([flags[0].to_string(), "none".into()]);
        }
        for s in specs {
            a.extend([flags[0].to_string(), s]);
        }
        if !given(&other) {
            a.extend([other[0].to_string(), "none".into()]);
        }
    }
    if !given(&["--dns-forward"]) {
        a.extend(["--dns-forward".into(), DNS_FORWARD.to_string()]);
    }
    if let Some(ip) = req.opts.ip {
        a.extend(["-a".into(), ip.to_string()]);
    }
    if let Some(ip) = req.opts.ip6 {
        a.extend(["-a".into(), ip.to_string()]);
    }
    if let Some(mac) = &req.opts.mac {
        a.extend(["--ns-mac-addr".into(), mac.clone()]);
    }
    a.extend(user);
    a.extend([
        "--pid".into(),
        pid_file(env, req.id).display().to_string(),
        "--netns".into(),
        ns.display().to_string(),
    ]);
    a
}

/// The host's outbound IPv4 address and default gateway: what pasta copies into the namespace.
pub fn host_route() -> (Option<IpAddr>, Option<IpAddr>) {
    let addr = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| {
            // connect() on UDP sends nothing: it only asks the kernel for the route's source.
            s.connect("203.0.113.1:9")?;
            s.local_addr()
        })
        .ok()
        .map(|a| a.ip())
        .filter(|ip| !ip.is_unspecified());
    let gw = procfs::routes()
        .ok()
        .and_then(|r| r.into_iter().find(|r| r.is_default()))
        .map(|r| IpAddr::V4(r.gateway));
    (addr, gw)
}

/// The prefix length of the host's connected route that contains `ip` (what pasta copies).
pub fn host_prefix_len(ip: Ipv4Addr) -> Option<u8> {
    procfs::routes().ok()?.into_iter().find_map(|r| {
        let mask = u32::from(r.mask);
        (mask != 0 && u32::from(ip) & mask == u32::from(r.destination)).then(|| r.prefix_len())
    })
}

/// A pasta that is still setting itself up: it has taken the namespace and is configuring it,
/// and says whether that worked when its first process exits (it daemonizes when ready).
#[derive(Debug)]
pub struct Pending {
    child: std::process::Child,
    log: PathBuf,
    prog: PathBuf,
}

/// Starts pasta without waiting for it to be ready, and fills in `st` all that does not depend
/// on pasta itself (addresses, gateway, DNS). pasta spends tens of milliseconds setting up its
/// buffers and socket pools; the runtime can create the container meanwhile, as long as the
/// container does not start before [`Pending::finish`].
pub fn spawn(
    env: &NetEnv,
    req: &Request<'_>,
    options: &[String],
    ns: &Path,
    st: &mut Status,
) -> Result<Pending, NetworkError> {
    let prog = crate::find_program("pasta").ok_or(NetworkError::ProgramMissing {
        program: "pasta",
        package: "passt",
    })?;
    let log = env.netns_dir().join(format!("{}.log", req.id));
    let logf = std::fs::File::create(&log).map_err(|e| NetworkError::io(&log, e))?;
    let args = args(env, req, options, &st.ports, ns);
    tracing::debug!("starting {} {}", prog.display(), args.join(" "));
    // pasta checks its setup, forks into the background and the first process exits 0.
    let child = Command::new(&prog)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(logf)
        .spawn()
        .map_err(|e| helper_err(req, format!("cannot run {}: {e}", prog.display())))?;
    st.port_forwarder = "pasta".into();
    let (addr, gw) = host_route();
    st.ip = req.opts.ip.or(addr);
    st.ip6 = req.opts.ip6;
    st.gateway = gw;
    st.prefix_len = match st.ip {
        // An address given with --ip gets pasta's classful netmask.
        Some(IpAddr::V4(v4)) if req.opts.ip.is_some() => match v4.octets()[0] {
            0..=127 => 8,
            128..=191 => 16,
            _ => 24,
        },
        Some(IpAddr::V4(v4)) => host_prefix_len(v4).unwrap_or(24),
        _ => 0,
    };
    st.mac = req.opts.mac.clone().unwrap_or_default();
    // pasta maps the gateway's address to the host's loopback (unless told --no-map-gw).
    let no_map = env
        .conf()
        .pasta_options
        .iter()
        .chain(options)
        .any(|o| o == "--no-map-gw");
    st.host_address = if no_map { addr } else { gw.or(addr) };
    st.dns_servers = vec![IpAddr::V4(DNS_FORWARD)];
    Ok(Pending { child, log, prog })
}

fn helper_err(req: &Request<'_>, message: String) -> NetworkError {
    NetworkError::Helper {
        container: req.id.to_string(),
        program: "pasta",
        message,
    }
}

impl Pending {
    /// Waits until pasta is ready (or failed, saying why from its log) and records its pid.
    pub fn finish(
        mut self,
        env: &NetEnv,
        req: &Request<'_>,
        st: &mut Status,
    ) -> Result<(), NetworkError> {
        let status = self.child.wait().map_err(|e| {
            helper_err(req, format!("cannot wait for {}: {e}", self.prog.display()))
        })?;
        if !status.success() {
            let text = std::fs::read_to_string(&self.log).unwrap_or_default();
            return Err(helper_err(
                req,
                format!(
                    "{status}: {}",
                    text.lines()
                        .filter(|l| !l.contains("syslog") && !l.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            ));
        }
        let pid = std::fs::read_to_string(pid_file(env, req.id))
            .ok()
            .and_then(|s| s.trim().parse::<i32>().ok())
            .unwrap_or(0);
        st.helper = Some(Helper {
            program: "pasta".into(),
            pid,
            api_socket: None,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::NetOptions;

    #[test]
    fn ports_and_defaults() {
        let env = NetEnv {
            runroot: "/r".into(),
            graphroot: "/g".into(),
            config_home: "/c".into(),
            rootless: true,
            conf: std::sync::OnceLock::from(crate::conf::NetConf::default()),
        };
        let opts = NetOptions::default();
        let mode = crate::NetworkMode::Pasta { options: vec![] };
        let req = Request {
            id: "abc",
            name: "n",
            hostname: "h",
            mode: &mode,
            opts: &opts,
            joined_netns: None,
            existing_netns: None,
            hold_exit_fd: false,
        };
        let mut ports = crate::ports::parse_publish("127.0.0.1:8080:80").unwrap();
        ports.extend(crate::ports::parse_publish("9000-9001:5000-5001/udp").unwrap());
        let a = args(&env, &req, &[], &ports, Path::new("/r/netns/abc")).join(" ");
        assert!(a.contains("-t 127.0.0.1/8080:80"), "{a}");
        assert!(a.contains("-u 9000-9001:5000-5001"), "{a}");
        assert!(a.contains("-T none") && a.contains("-U none"), "{a}");
        assert!(a.ends_with("--netns /r/netns/abc"), "{a}");
        let a = args(&env, &req, &[], &[], Path::new("/n")).join(" ");
        assert!(a.contains("-t none") && a.contains("-u none"), "{a}");
    }
}
