//! slirp4netns: a user-mode TCP/IP stack behind a tap device in the container's namespace
//! (10.0.2.0/24: the container is .100, the gateway .2, DNS .3). Published TCP ports are
//! forwarded by the container's monitor (connections then come from the container's own
//! address), UDP ports through slirp4netns's API socket (`add_hostfwd`: from the gateway).
//! hutch starts it in a process group of its own and ends it at teardown.

use crate::container::{Handoff, Helper, NetEnv, Request, Status};
use crate::NetworkError;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

pub fn socket_path(env: &NetEnv, id: &str) -> PathBuf {
    // A unix socket path must fit in 108 bytes: the ID's first 16 hex digits are enough.
    env.netns_dir()
        .join(format!("{}.sock", &id[..id.len().min(16)]))
}

/// The settings of `--network slirp4netns:k=v,...` (and containers.conf's).
#[derive(Debug, Clone, PartialEq)]
pub struct SlirpOptions {
    pub allow_host_loopback: bool,
    pub cidr: Option<(Ipv4Addr, u8)>,
    pub enable_ipv6: bool,
    pub mtu: u32,
    pub outbound_addr: Option<String>,
    pub outbound_addr6: Option<String>,
    /// `port_handler=slirp4netns`: published TCP ports through slirp4netns's API too (slower;
    /// connections come from its gateway) instead of the monitor's forwarder (podman's
    /// `rootlesskit`, the default).
    pub slirp_port_handler: bool,
}

impl SlirpOptions {
    pub fn parse(container: &str, opts: &[String]) -> Result<SlirpOptions, NetworkError> {
        let mut o = SlirpOptions {
            allow_host_loopback: false,
            cidr: None,
            enable_ipv6: true,
            mtu: 65520,
            outbound_addr: None,
            outbound_addr6: None,
            slirp_port_handler: false,
        };
        let bad = |v: &str, r: &str| NetworkError::InvalidMode {
            value: format!("slirp4netns:{v}"),
            reason: format!("{r} (container {container})"),
        };
        let boolean = |v: &str, s: &str| match s {
            "true" | "" => Ok(true),
            "false" => Ok(false),
            _ => Err(bad(v, "expected true or false")),
        };
        for v in opts {
            let (k, val) = v.split_once('=').unwrap_or((v.as_str(), ""));
            match k {
                "allow_host_loopback" => o.allow_host_loopback = boolean(v, val)?,
                "enable_ipv6" => o.enable_ipv6 = boolean(v, val)?,
                "mtu" => o.mtu = val.parse().map_err(|_| bad(v, "mtu is a number"))?,
                "cidr" => {
                    let (ip, len) = val
                        .split_once('/')
                        .ok_or_else(|| bad(v, "expected cidr=A.B.C.D/N"))?;
                    let ip: Ipv4Addr = ip.parse().map_err(|_| bad(v, "not an IPv4 network"))?;
                    let len: u8 = len.parse().map_err(|_| bad(v, "bad prefix length"))?;
                    if !(1..=25).contains(&len) {
                        return Err(bad(v, "the prefix length must be 1 to 25"));
                    }
                    let mask = u32::MAX << (32 - len);
                    o.cidr = Some((Ipv4Addr::from(u32::from(ip) & mask), len));
                }
                "outbound_addr" => o.outbound_addr = Some(val.to_string()),
                "outbound_addr6" => o.outbound_addr6 = Some(val.to_string()),
                // podman's choice between rootlessport and slirp4netns's own forwarding; the
                // monitor's forwarder plays rootlessport's part.
                "port_handler" => {
                    o.slirp_port_handler = match val {
                        "rootlesskit" => false,
                        "slirp4netns" => true,
                        _ => return Err(bad(v, "expected rootlesskit or slirp4netns")),
                    }
                }
                _ => return Err(bad(v, "unknown option")),
            }
        }
        Ok(o)
    }

    /// (network, prefix): 10.0.2.0/24 unless `cidr` says otherwise.
    fn net(&self) -> (u32, u8) {
        let (ip, len) = self.cidr.unwrap_or((Ipv4Addr::new(10, 0, 2, 0), 24));
        (u32::from(ip), len)
    }
    pub fn guest(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.net().0 + 100)
    }
    pub fn gateway(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.net().0 + 2)
    }
    pub fn dns(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.net().0 + 3)
    }
}

pub fn args(
    o: &SlirpOptions,
    mac: Option<&str>,
    sock: &Path,
    ns: &Path,
    ready_fd: i32,
    exit_fd: Option<i32>,
) -> Vec<String> {
    let mut a: Vec<String> = vec![
        "--configure".into(),
        format!("--mtu={}", o.mtu),
        "--enable-sandbox".into(),
        "--enable-seccomp".into(),
    ];
    if !o.allow_host_loopback {
        a.push("--disable-host-loopback".into());
    }
    if o.enable_ipv6 {
        a.push("--enable-ipv6".into());
    }
    if let Some((ip, len)) = o.cidr {
        a.push(format!("--cidr={ip}/{len}"));
    }
    if let Some(x) = &o.outbound_addr {
        a.push(format!("--outbound-addr={x}"));
    }
    if let Some(x) = &o.outbound_addr6 {
        a.push(format!("--outbound-addr6={x}"));
    }
    if let Some(m) = mac {
        a.push(format!("--macaddress={m}"));
    }
    if let Some(fd) = exit_fd {
        a.push(format!("--exit-fd={fd}"));
    }
    a.extend([
        format!("--api-socket={}", sock.display()),
        format!("--ready-fd={ready_fd}"),
        "--netns-type=path".into(),
        ns.display().to_string(),
        "tap0".into(),
    ]);
    a
}

/// Starts slirp4netns, waits until it is ready, adds the port forwards. With
/// `req.hold_exit_fd`, returns the write end of its exit pipe for the monitor to hold, and the
/// published TCP ports' listening sockets (from `reserved`) for the monitor to forward: its
/// splice(2) forwarder is several times faster than slirp4netns's `add_hostfwd`. UDP, and TCP
/// for a container without a monitor to hand them to, go through the API socket.
pub fn start(
    env: &NetEnv,
    req: &Request<'_>,
    options: &[String],
    ns: &Path,
    st: &mut Status,
    mut reserved: crate::ports::Reserved,
) -> Result<Handoff, NetworkError> {
    let prog = crate::find_program("slirp4netns").ok_or(NetworkError::ProgramMissing {
        program: "slirp4netns",
        package: "slirp4netns",
    })?;
    let o = SlirpOptions::parse(req.id, options)?;
    let tcp: Vec<(OwnedFd, SocketAddr)> = if req.hold_exit_fd && !o.slirp_port_handler {
        reserved
            .take_tcp()
            .into_iter()
            .map(|(l, port)| {
                (
                    OwnedFd::from(l),
                    SocketAddr::new(IpAddr::V4(o.guest()), port),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    // The rest is bound again by slirp4netns itself.
    drop(reserved);
    let helper_err = |message: String| NetworkError::Helper {
        container: req.id.to_string(),
        program: "slirp4netns",
        message,
    };
    let sock = socket_path(env, req.id);
    let _ = std::fs::remove_file(&sock);
    let log = env.netns_dir().join(format!("{}.log", req.id));
    let logf = std::fs::File::create(&log).map_err(|e| NetworkError::io(&log, e))?;
    let (mut ready, write_end) =
        hutch_sys::child::report_pipe().map_err(|e| NetworkError::io("pipe", e))?;
    let exit = if req.hold_exit_fd {
        Some(hutch_sys::child::exit_pipe().map_err(|e| NetworkError::io("pipe", e))?)
    } else {
        None
    };
    let args = args(
        &o,
        req.opts.mac.as_deref(),
        &sock,
        ns,
        write_end.as_raw_fd(),
        exit.as_ref().map(|(r, _)| r.as_raw_fd()),
    );
    tracing::debug!("starting {} {}", prog.display(), args.join(" "));
    let logf2 = logf.try_clone().map_err(|e| NetworkError::io(&log, e))?;
    // A process group of its own: a Ctrl-C meant for `hutch run` must not reach it.
    let mut cmd = Command::new(&prog);
    hutch_sys::child::inherit_in_child(&mut cmd, vec![write_end.as_raw_fd()]);
    let mut child = cmd
        .args(&args)
        .stdin(Stdio::null())
        .stdout(logf)
        .stderr(logf2)
        .process_group(0)
        .spawn()
        .map_err(|e| helper_err(format!("cannot run {}: {e}", prog.display())))?;
    drop(write_end);
    let exit_write = exit.map(|(r, w)| {
        drop(r);
        w
    });
    let pid = child.id() as i32;
    st.helper = Some(Helper {
        program: "slirp4netns".into(),
        pid,
        api_socket: Some(sock.clone()),
    });
    let mut buf = [0u8; 1];
    let ok = matches!(ready.read(&mut buf), Ok(1) if buf[0] == b'1');
    if !ok {
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        return Err(helper_err(format!(
            "it did not become ready: {}",
            text.lines().collect::<Vec<_>>().join("; ")
        )));
    }
    let udp = st.ports.iter().any(|m| m.protocol == "udp");
    st.port_forwarder = match (tcp.is_empty(), udp) {
        (true, _) => "slirp4netns",
        (false, false) => "hutch-conmon",
        (false, true) => "hutch-conmon (tcp), slirp4netns (udp)",
    }
    .into();
    for m in st.ports.clone() {
        if m.protocol == "tcp" && !tcp.is_empty() {
            continue;
        }
        for (hp, cp) in m.pairs() {
            let host_addr = if m.host_ip.is_empty() {
                "0.0.0.0".to_string()
            } else {
                m.host_ip.clone()
            };
            let req_json = serde_json::json!({
                "execute": "add_hostfwd",
                "arguments": {
                    "proto": m.protocol,
                    "host_addr": host_addr,
                    "host_port": hp,
                    "guest_port": cp,
                }
            });
            let resp = api(&sock, &req_json)
                .map_err(|e| helper_err(format!("API socket {}: {e}", sock.display())))?;
            if let Some(err) = resp.get("error") {
                let desc = err
                    .get("desc")
                    .and_then(|d| d.as_str())
                    .unwrap_or("unknown error");
                return Err(NetworkError::PortInUse {
                    container: req.id.to_string(),
                    port: format!("{host_addr}:{hp}/{}", m.protocol),
                    source: std::io::Error::other(desc.to_string()),
                });
            }
        }
    }
    st.ip = Some(IpAddr::V4(o.guest()));
    st.prefix_len = o.net().1;
    st.gateway = Some(IpAddr::V4(o.gateway()));
    st.mac = req.opts.mac.clone().unwrap_or_default();
    // As podman: the gateway reaches the host's loopback only when allowed; otherwise
    // host.containers.internal names the host's own address.
    st.host_address = if o.allow_host_loopback {
        Some(IpAddr::V4(o.gateway()))
    } else {
        crate::pasta::host_route().0
    };
    st.dns_servers = vec![IpAddr::V4(o.dns())];
    Ok(Handoff {
        exit_fd: exit_write,
        netns: (!tcp.is_empty()).then(|| ns.to_path_buf()),
        ports: tcp,
    })
}

/// One request on slirp4netns's API socket (one JSON object each way per connection).
fn api(sock: &Path, req: &serde_json::Value) -> std::io::Result<serde_json::Value> {
    let mut s = std::os::unix::net::UnixStream::connect(sock)?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    s.write_all(req.to_string().as_bytes())?;
    s.shutdown(std::net::Shutdown::Write)?;
    let mut out = String::new();
    s.read_to_string(&mut out)?;
    serde_json::from_str(&out).map_err(|e| std::io::Error::other(format!("{out:?}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options() {
        let o = SlirpOptions::parse(
            "c",
            &["cidr=10.5.0.7/16".into(), "allow_host_loopback=true".into()],
        )
        .unwrap();
        assert_eq!(o.guest(), Ipv4Addr::new(10, 5, 0, 100));
        assert_eq!(o.dns(), Ipv4Addr::new(10, 5, 0, 3));
        assert!(o.allow_host_loopback);
        assert!(SlirpOptions::parse("c", &["mtu=x".into()]).is_err());
        assert!(!o.slirp_port_handler);
        let p = |v: &str| SlirpOptions::parse("c", &[format!("port_handler={v}")]);
        assert!(p("slirp4netns").unwrap().slirp_port_handler);
        assert!(!p("rootlesskit").unwrap().slirp_port_handler);
        assert!(p("socat").is_err());
        let a = args(&o, None, Path::new("/s"), Path::new("/n"), 3, Some(4)).join(" ");
        assert!(a.contains("--exit-fd=4"));
        assert!(a.contains("--cidr=10.5.0.0/16") && !a.contains("--disable-host-loopback"));
        assert!(a.ends_with("--netns-type=path /n tap0"));
    }
}
