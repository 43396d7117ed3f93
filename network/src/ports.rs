//! Published ports: parsing `-p [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp]` (with ranges),
//! `-P` from the image's EXPOSE, choosing free host ports, and checking a host port is free
//! before any helper starts (so "address in use" is reported before the container exists).

use crate::NetworkError;
use serde::{Deserialize, Serialize};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};

/// One published port range, as podman stores it: `range` consecutive ports from each start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    /// Empty: every host address.
    #[serde(default)]
    pub host_ip: String,
    pub container_port: u16,
    /// 0 until a free port is chosen (when the helper starts).
    pub host_port: u16,
    #[serde(default = "one")]
    pub range: u16,
    pub protocol: String,
}

fn one() -> u16 {
    1
}

impl PortMapping {
    /// `0.0.0.0:8080->80/tcp` per port, as `podman ps` shows them.
    pub fn display(&self) -> String {
        let ip = if self.host_ip.is_empty() {
            "0.0.0.0".to_string()
        } else if self.host_ip.contains(':') {
            format!("[{}]", self.host_ip)
        } else {
            self.host_ip.clone()
        };
        if self.range <= 1 {
            format!(
                "{ip}:{}->{}/{}",
                self.host_port, self.container_port, self.protocol
            )
        } else {
            format!(
                "{ip}:{}-{}->{}-{}/{}",
                self.host_port,
                self.host_port + (self.range - 1),
                self.container_port,
                self.container_port + (self.range - 1),
                self.protocol
            )
        }
    }

    /// The (host port, container port) pairs of the range.
    pub fn pairs(&self) -> impl Iterator<Item = (u16, u16)> + '_ {
        (0..self.range.max(1)).map(|i| (self.host_port + i, self.container_port + i))
    }
}

fn bad(value: &str, reason: impl Into<String>) -> NetworkError {
    NetworkError::InvalidPort {
        value: value.to_string(),
        reason: reason.into(),
    }
}

/// `N` or `N-M` → (start, count).
fn parse_range(value: &str, s: &str) -> Result<(u16, u16), NetworkError> {
    let num = |x: &str| -> Result<u16, NetworkError> {
        match x.parse::<u16>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(bad(value, format!("{x:?} is not a port number (1-65535)"))),
        }
    };
    match s.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (num(a)?, num(b)?);
            if b < a {
                return Err(bad(value, format!("the range {s} ends before it starts")));
            }
            Ok((a, b - a + 1))
        }
        None => Ok((num(s)?, 1)),
    }
}

/// Parses one `-p/--publish` value.
pub fn parse_publish(value: &str) -> Result<Vec<PortMapping>, NetworkError> {
    let (spec, proto) = match value.rsplit_once('/') {
        Some((s, p)) => (s, p.to_ascii_lowercase()),
        None => (value, "tcp".to_string()),
    };
    let protocols: Vec<String> = proto.split(',').map(str::to_string).collect();
    for p in &protocols {
        if p != "tcp" && p != "udp" {
            return Err(bad(
                value,
                format!("unsupported protocol {p:?} (tcp or udp)"),
            ));
        }
    }
    // An IPv6 host address is written in brackets: [::1]:8080:80.
    let (host_ip, rest) = if let Some(r) = spec.strip_prefix('[') {
        let (ip, rest) = r
            .split_once("]:")
            .ok_or_else(|| bad(value, "expected [IPv6]:[HOSTPORT]:CONTAINERPORT"))?;
        (Some(ip.to_string()), rest.to_string())
    } else {
        let parts: Vec<&str> = spec.split(':').collect();
        match parts.len() {
            1 | 2 => (None, spec.to_string()),
            3 => (
                Some(parts[0].to_string()),
                format!("{}:{}", parts[1], parts[2]),
            ),
            _ => {
                return Err(bad(
                    value,
                    "expected [IP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL]",
                ))
            }
        }
    };
    if let Some(ip) = &host_ip {
        if !ip.is_empty() {
            ip.parse::<IpAddr>()
                .map_err(|_| bad(value, format!("{ip:?} is not an IP address")))?;
        }
    }
    let (host, ctr) = match rest.split_once(':') {
        Some((h, c)) => (Some(h), c),
        None => (None, rest.as_str()),
    };
    let (cport, crange) = parse_range(value, ctr)?;
    let (hport, hrange) = match host {
        None | Some("") => (0, crange),
        Some(h) => parse_range(value, h)?,
    };
    if hrange != crange {
        return Err(bad(
            value,
            format!("the host range has {hrange} ports and the container range {crange}"),
        ));
    }
    if u32::from(cport) + u32::from(crange) - 1 > 65535
        || u32::from(hport) + u32::from(hrange) - 1 > 65535
    {
        return Err(bad(value, "the range goes past port 65535"));
    }
    Ok(protocols
        .into_iter()
        .map(|protocol| PortMapping {
            host_ip: host_ip.clone().unwrap_or_default(),
            container_port: cport,
            host_port: hport,
            range: crange,
            protocol,
        })
        .collect())
}

/// The image's EXPOSE entries (`80/tcp`, `53/udp`, `8000-8010`) as mappings to random host
/// ports, for `-P`; ports already published explicitly are skipped.
pub fn publish_all(exposed: &[String], explicit: &[PortMapping]) -> Vec<PortMapping> {
    let mut out = Vec::new();
    for e in exposed {
        let (port, proto) = e.split_once('/').unwrap_or((e.as_str(), "tcp"));
        let Ok((start, count)) = parse_range(e, port) else {
            continue;
        };
        for p in start..start.saturating_add(count) {
            let taken = explicit.iter().chain(&out).any(|m: &PortMapping| {
                m.protocol == proto && (m.container_port..m.container_port + m.range).contains(&p)
            });
            if !taken {
                out.push(PortMapping {
                    host_ip: String::new(),
                    container_port: p,
                    host_port: 0,
                    range: 1,
                    protocol: proto.to_string(),
                });
            }
        }
    }
    out
}

fn bind_addr(m: &PortMapping, port: u16) -> SocketAddr {
    let ip = m
        .host_ip
        .parse::<IpAddr>()
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    SocketAddr::new(ip, port)
}

/// One host port bound by [`reserve`], and the container port it is published as.
enum Bound {
    Tcp(TcpListener, u16),
    // Held only to keep the port taken.
    Udp(#[allow(dead_code)] UdpSocket),
}

/// Holds the host ports of a container bound, so that nothing takes them between the check
/// and the helper's own bind; dropped right before the helper starts, except for TCP listeners
/// handed to the container's monitor (see [`Reserved::take_tcp`]).
pub struct Reserved(Vec<Bound>);

impl Reserved {
    /// The listening TCP sockets, each with the container port its connections go to; the UDP
    /// sockets stay here (dropping `Reserved` frees them).
    pub fn take_tcp(&mut self) -> Vec<(TcpListener, u16)> {
        let (tcp, udp): (Vec<Bound>, Vec<Bound>) = std::mem::take(&mut self.0)
            .into_iter()
            .partition(|b| matches!(b, Bound::Tcp(..)));
        self.0 = udp;
        tcp.into_iter()
            .filter_map(|b| match b {
                Bound::Tcp(l, port) => Some((l, port)),
                Bound::Udp(_) => None,
            })
            .collect()
    }
}

fn try_bind(m: &PortMapping, port: u16, container_port: u16) -> std::io::Result<Bound> {
    let addr = bind_addr(m, port);
    if m.protocol == "udp" {
        Ok(Bound::Udp(UdpSocket::bind(addr)?))
    } else {
        Ok(Bound::Tcp(TcpListener::bind(addr)?, container_port))
    }
}

/// Chooses free host ports for mappings that have none and checks that every other host port
/// is free by binding it; returns the mappings with their ports and the sockets holding them.
pub fn reserve(
    container: &str,
    ports: &[PortMapping],
) -> Result<(Vec<PortMapping>, Reserved), NetworkError> {
    let mut held: Vec<Bound> = Vec::new();
    let mut out = Vec::new();
    for m in ports {
        let mut m = m.clone();
        if m.host_port == 0 {
            m.host_port = random_ports(&m, &mut held).map_err(|e| NetworkError::PortInUse {
                container: container.to_string(),
                port: format!("a free host port for {}/{}", m.container_port, m.protocol),
                source: e,
            })?;
        } else {
            for (hp, cp) in m.pairs() {
                let s = try_bind(&m, hp, cp).map_err(|e| NetworkError::PortInUse {
                    container: container.to_string(),
                    port: format!(
                        "{}:{hp}/{}",
                        if m.host_ip.is_empty() {
                            "0.0.0.0"
                        } else {
                            &m.host_ip
                        },
                        m.protocol
                    ),
                    source: e,
                })?;
                held.push(s);
            }
        }
        out.push(m);
    }
    Ok((out, Reserved(held)))
}

/// Gives every mapping without a host port a free one now, as podman does at create time, so
/// the container keeps its ports across restarts. Ports given explicitly are not checked here
/// (that happens when the container starts).
pub fn assign_random(
    container: &str,
    ports: &[PortMapping],
) -> Result<Vec<PortMapping>, NetworkError> {
    let mut held: Vec<Bound> = Vec::new();
    let mut out = Vec::new();
    for m in ports {
        let mut m = m.clone();
        if m.host_port == 0 {
            m.host_port = random_ports(&m, &mut held).map_err(|e| NetworkError::PortInUse {
                container: container.to_string(),
                port: format!("a free host port for {}/{}", m.container_port, m.protocol),
                source: e,
            })?;
        }
        out.push(m);
    }
    Ok(out)
}

/// Finds `m.range` consecutive free ports (the kernel picks the first; the rest must follow).
fn random_ports(m: &PortMapping, held: &mut Vec<Bound>) -> std::io::Result<u16> {
    for _ in 0..50 {
        let first = if m.protocol == "udp" {
            let s = UdpSocket::bind(bind_addr(m, 0))?;
            s.local_addr()?.port()
        } else {
            let s = TcpListener::bind(bind_addr(m, 0))?;
            s.local_addr()?.port()
        };
        if u32::from(first) + u32::from(m.range) > 65536 {
            continue;
        }
        let mut got = Vec::new();
        let ok = (0..m.range).all(|i| match try_bind(m, first + i, m.container_port + i) {
            Ok(s) => {
                got.push(s);
                true
            }
            Err(_) => false,
        });
        if ok {
            held.extend(got);
            return Ok(first);
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AddrInUse,
        "no free port range found",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_forms() {
        let m = &parse_publish("80").unwrap()[0];
        assert_eq!((m.host_port, m.container_port, m.range), (0, 80, 1));
        assert_eq!(m.protocol, "tcp");
        let m = &parse_publish("8080:80/udp").unwrap()[0];
        assert_eq!((m.host_port, m.container_port), (8080, 80));
        assert_eq!(m.protocol, "udp");
        let m = &parse_publish("127.0.0.1:8080:80").unwrap()[0];
        assert_eq!(m.host_ip, "127.0.0.1");
        let m = &parse_publish("127.0.0.1::80").unwrap()[0];
        assert_eq!((m.host_ip.as_str(), m.host_port), ("127.0.0.1", 0));
        let m = &parse_publish("[::1]:8080:80").unwrap()[0];
        assert_eq!(m.host_ip, "::1");
        let m = &parse_publish("8000-8002:9000-9002").unwrap()[0];
        assert_eq!((m.host_port, m.container_port, m.range), (8000, 9000, 3));
        assert_eq!(m.display(), "0.0.0.0:8000-8002->9000-9002/tcp");
        assert_eq!(parse_publish("53:53/tcp,udp").unwrap().len(), 2);
        assert!(parse_publish("8000-8001:80").is_err());
        assert!(parse_publish("0").is_err());
        assert!(parse_publish("70000").is_err());
        assert!(parse_publish("80/sctpx").is_err());
        assert!(parse_publish("nope:80:80").is_err());
    }

    #[test]
    fn expose_skips_explicit() {
        let explicit = parse_publish("8080:80").unwrap();
        let all = publish_all(&["80/tcp".into(), "53/udp".into()], &explicit);
        assert_eq!(all.len(), 1);
        assert_eq!(
            (all[0].container_port, all[0].protocol.as_str()),
            (53, "udp")
        );
    }

    #[test]
    fn reserve_finds_free_ports_and_refuses_taken_ones() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let taken = parse_publish(&format!("127.0.0.1:{port}:80")).unwrap();
        assert!(matches!(
            reserve("c", &taken),
            Err(NetworkError::PortInUse { .. })
        ));
        let (got, _held) = reserve("c", &parse_publish("127.0.0.1::80").unwrap()).unwrap();
        assert_ne!(got[0].host_port, 0);
        let (_, mut held) =
            reserve("c", &parse_publish("127.0.0.1::80-81/tcp,udp").unwrap()).unwrap();
        let tcp = held.take_tcp();
        assert_eq!(tcp.iter().map(|(_, p)| *p).collect::<Vec<_>>(), [80, 81]);
        assert_eq!(held.0.len(), 2, "the UDP sockets stay");
        let mut two = parse_publish("127.0.0.1::80-81/udp").unwrap();
        two.extend(taken.clone());
        let got = assign_random("c", &two).unwrap();
        assert!(got[0].host_port != 0 && got[0].range == 2);
        assert_eq!(got[1], taken[0], "explicit ports are left alone");
    }
}
