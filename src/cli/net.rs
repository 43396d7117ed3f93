//! The network flags `run`/`create` and `pod create` share (podman gives both the same ones):
//! defined once here, flattened into each.

use clap::Args;

#[derive(Debug, Args, Default)]
pub struct NetFlags {
    /// Network: pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, container:NAME|ID,
    /// ns:PATH, or user-defined NETWORK[:OPTIONS] (repeat or comma-separate for several)
    /// [default: containers.conf's default_rootless_network_cmd, else pasta when installed]
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Vec<String>,
    /// Publish a port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp] (ranges N-M; no
    /// HOSTPORT: a free port)
    #[arg(short, long, value_name = "PORT")]
    pub publish: Vec<String>,
    /// Another name on user-defined networks
    #[arg(long, value_name = "ALIAS")]
    pub network_alias: Vec<String>,
    /// DNS server (replaces the default ones)
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// DNS search domain
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// resolv.conf option (ndots:2, ...)
    #[arg(long, alias = "dns-opt", value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Add a line to /etc/hosts: HOST:IP (IP may be host-gateway)
    #[arg(long, value_name = "HOST:IP")]
    pub add_host: Vec<String>,
    /// The MAC address
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    /// The IPv4 address (pasta, or one user-defined network)
    #[arg(long, value_name = "IPV4")]
    pub ip: Option<String>,
    /// The IPv6 address (pasta, or one user-defined network)
    #[arg(long, value_name = "IPV6")]
    pub ip6: Option<String>,
}
