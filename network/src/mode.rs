//! `--network` modes: what a container's network namespace is and who configures it, parsed
//! from the CLI and stored in the container's configuration (older configurations stored a plain
//! string: `none`, `host` or `private`, which still read).

use crate::NetworkError;
use serde::{Deserialize, Deserializer, Serialize};
use std::path::PathBuf;

/// One container's network mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum NetworkMode {
    /// A namespace of its own with only `lo`.
    #[default]
    None,
    /// The host's (hutch's) network namespace.
    Host,
    /// A namespace of its own connected by pasta; `options` are extra pasta arguments.
    Pasta { options: Vec<String> },
    /// A namespace of its own connected by slirp4netns; `options` are `key=value` settings.
    Slirp4netns { options: Vec<String> },
    /// Another container's namespace; `id` is its full ID once resolved at create time.
    Container { id: String },
    /// An existing namespace file.
    Ns { path: PathBuf },
    /// User-defined (bridge) networks, set up by the `networks` module.
    Networks { networks: Vec<NetworkAttachment> },
}

/// A container's membership of one user-defined network, with its per-network options
/// (`--network NAME:alias=a,ip=10.0.0.5,mac=...,interface_name=eth1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct NetworkAttachment {
    pub name: String,
    pub aliases: Vec<String>,
    pub ips: Vec<String>,
    pub mac: Option<String>,
    pub interface_name: Option<String>,
}

impl NetworkMode {
    /// The name podman shows for the mode (inspect's NetworkMode, `ps --format {{.Networks}}`).
    pub fn name(&self) -> String {
        match self {
            NetworkMode::None => "none".into(),
            NetworkMode::Host => "host".into(),
            NetworkMode::Pasta { .. } => "pasta".into(),
            NetworkMode::Slirp4netns { .. } => "slirp4netns".into(),
            NetworkMode::Container { id } => format!("container:{id}"),
            NetworkMode::Ns { path } => format!("ns:{}", path.display()),
            NetworkMode::Networks { networks } => networks
                .iter()
                .map(|n| n.name.as_str())
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    /// Whether the container gets a network namespace file of its own (made by hutch).
    pub fn owns_netns(&self) -> bool {
        matches!(
            self,
            NetworkMode::None
                | NetworkMode::Pasta { .. }
                | NetworkMode::Slirp4netns { .. }
                | NetworkMode::Networks { .. }
        )
    }

    /// Whether the mode has a network of its own that `-p`, `--dns`, `--add-host` and the
    /// like can configure (not the host's or another container's).
    pub fn configurable(&self) -> bool {
        !matches!(self, NetworkMode::Host | NetworkMode::Container { .. })
    }
}

/// Parses the `--network` values (repeated flags and comma-separated names are both allowed for
/// named networks). `None` or `default`: the caller picks the default mode. `container:NAME` is
/// returned with NAME as given; the engine resolves it to an ID.
pub fn parse(values: &[String]) -> Result<Option<NetworkMode>, NetworkError> {
    let bad = |value: &str, reason: &str| NetworkError::InvalidMode {
        value: value.to_string(),
        reason: reason.to_string(),
    };
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    let Some(first) = values.first().copied() else {
        return Ok(None);
    };
    let (kind, rest) = match first.split_once(':') {
        Some((k, r)) => (k, Some(r)),
        None => (first, None),
    };
    let single = |mode: NetworkMode| -> Result<Option<NetworkMode>, NetworkError> {
        if values.len() > 1 {
            return Err(bad(
                &values.join(" "),
                &format!("{kind} cannot be combined with other networks"),
            ));
        }
        Ok(Some(mode))
    };
    let opts = |r: Option<&str>| -> Vec<String> {
        r.map(|r| {
            r.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
    };
    match kind {
        "default" if rest.is_none() && values.len() == 1 => Ok(None),
        "none" if rest.is_none() => single(NetworkMode::None),
        "host" if rest.is_none() => single(NetworkMode::Host),
        "private" if rest.is_none() => single(NetworkMode::None),
        "pasta" => single(NetworkMode::Pasta {
            options: opts(rest),
        }),
        "slirp4netns" => {
            let options = opts(rest);
            for o in &options {
                let key = o.split_once('=').map(|(k, _)| k).unwrap_or(o);
                if !SLIRP_OPTIONS.contains(&key) {
                    return Err(bad(
                        first,
                        &format!(
                            "unknown slirp4netns option {o:?} (supported: {})",
                            SLIRP_OPTIONS.join(", ")
                        ),
                    ));
                }
            }
            single(NetworkMode::Slirp4netns { options })
        }
        "container" => match rest {
            Some(r) if !r.is_empty() => single(NetworkMode::Container { id: r.to_string() }),
            _ => Err(bad(first, "expected container:NAME or container:ID")),
        },
        "ns" => match rest {
            Some(r) if r.starts_with('/') => single(NetworkMode::Ns {
                path: PathBuf::from(r),
            }),
            _ => Err(bad(first, "expected ns:PATH with an absolute path")),
        },
        "bridge" if rest.is_none() && values.len() == 1 => Ok(Some(NetworkMode::Networks {
            networks: vec![NetworkAttachment {
                name: crate::DEFAULT_NETWORK.into(),
                ..Default::default()
            }],
        })),
        _ => {
            let mut networks: Vec<NetworkAttachment> = Vec::new();
            for v in &values {
                // `a,b` lists networks unless what follows the comma is a NAME:OPT option.
                let att = parse_attachment(v)?;
                for a in att {
                    if RESERVED.contains(&a.name.as_str()) {
                        return Err(bad(
                            v,
                            &format!("{} cannot be combined with other networks", a.name),
                        ));
                    }
                    if networks.iter().any(|n| n.name == a.name) {
                        return Err(bad(v, &format!("network {} given twice", a.name)));
                    }
                    networks.push(a);
                }
            }
            Ok(Some(NetworkMode::Networks { networks }))
        }
    }
}

const RESERVED: &[&str] = &[
    "none",
    "host",
    "private",
    "pasta",
    "slirp4netns",
    "container",
    "ns",
];

/// slirp4netns options podman accepts.
pub const SLIRP_OPTIONS: &[&str] = &[
    "allow_host_loopback",
    "cidr",
    "enable_ipv6",
    "mtu",
    "outbound_addr",
    "outbound_addr6",
    "port_handler",
];

/// `NAME[:opt=v,opt=v]` or `NAME1,NAME2`.
fn parse_attachment(v: &str) -> Result<Vec<NetworkAttachment>, NetworkError> {
    let bad = |reason: String| NetworkError::InvalidMode {
        value: v.to_string(),
        reason,
    };
    let valid = |n: &str| {
        !n.is_empty()
            && n.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    };
    let Some((name, opts)) = v.split_once(':') else {
        let mut out = Vec::new();
        for n in v.split(',') {
            if !valid(n) {
                return Err(bad(format!("{n:?} is not a valid network name")));
            }
            out.push(NetworkAttachment {
                name: n.to_string(),
                ..Default::default()
            });
        }
        return Ok(out);
    };
    if !valid(name) {
        return Err(bad(format!("{name:?} is not a valid network name")));
    }
    let mut a = NetworkAttachment {
        name: name.to_string(),
        ..Default::default()
    };
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o.split_once('=') {
            Some(("alias", x)) => a.aliases.push(x.to_string()),
            Some(("ip" | "ip6", x)) => {
                x.parse::<std::net::IpAddr>()
                    .map_err(|_| bad(format!("{x:?} is not an IP address")))?;
                a.ips.push(x.to_string());
            }
            Some(("mac", x)) => a.mac = Some(crate::validate_mac(x).map_err(&bad)?),
            Some(("interface_name", x)) => a.interface_name = Some(x.to_string()),
            _ => {
                return Err(bad(format!(
                    "unknown network option {o:?} (supported: alias, ip, ip6, mac, interface_name)"
                )))
            }
        }
    }
    Ok(vec![a])
}

/// Reads a stored mode: the current tagged form, or the plain string of older configurations.
pub fn deserialize_compat<'de, D: Deserializer<'de>>(d: D) -> Result<NetworkMode, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    match v {
        serde_json::Value::String(s) => Ok(match s.as_str() {
            "host" => NetworkMode::Host,
            // Before networking, "private" was a namespace with only lo.
            _ => NetworkMode::None,
        }),
        serde_json::Value::Null => Ok(NetworkMode::None),
        other => serde_json::from_value(other).map_err(serde::de::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[&str]) -> Result<Option<NetworkMode>, NetworkError> {
        parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn modes() {
        assert_eq!(p(&[]).unwrap(), None);
        assert_eq!(p(&["none"]).unwrap(), Some(NetworkMode::None));
        assert_eq!(p(&["host"]).unwrap(), Some(NetworkMode::Host));
        assert_eq!(
            p(&["pasta:-t,8080,--mtu,1500"]).unwrap(),
            Some(NetworkMode::Pasta {
                options: vec!["-t".into(), "8080".into(), "--mtu".into(), "1500".into()]
            })
        );
        assert!(p(&["slirp4netns:bogus=1"]).is_err());
        assert!(p(&["slirp4netns:allow_host_loopback=true"]).is_ok());
        assert_eq!(
            p(&["container:web"]).unwrap(),
            Some(NetworkMode::Container { id: "web".into() })
        );
        assert!(p(&["ns:relative"]).is_err());
        assert!(p(&["host", "none"]).is_err());
        let Some(NetworkMode::Networks { networks }) = p(&["a,b"]).unwrap() else {
            panic!()
        };
        assert_eq!(networks.len(), 2);
        let Some(NetworkMode::Networks { networks }) = p(&["a:alias=x,ip=10.0.0.2", "b"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(networks[0].aliases, ["x"]);
        assert_eq!(networks[0].ips, ["10.0.0.2"]);
        assert!(p(&["a:ip=nope"]).is_err());
        assert!(p(&["a", "host"]).is_err());
    }

    #[test]
    fn old_configs_read() {
        #[derive(Deserialize)]
        struct C {
            #[serde(deserialize_with = "deserialize_compat")]
            network: NetworkMode,
        }
        let c: C = serde_json::from_str(r#"{"network":"private"}"#).unwrap();
        assert_eq!(c.network, NetworkMode::None);
        let c: C = serde_json::from_str(r#"{"network":"host"}"#).unwrap();
        assert_eq!(c.network, NetworkMode::Host);
        let json = serde_json::json!({"network": NetworkMode::Pasta { options: vec![] }});
        let c: C = serde_json::from_value(json).unwrap();
        assert_eq!(c.network, NetworkMode::Pasta { options: vec![] });
    }
}
