//! `hutch port`: the published ports of running containers, with the host ports they got,
//! as podman prints them (`80/tcp -> 0.0.0.0:8080`).

use crate::cli::PortArgs;
use hutch_engine::container;
use hutch_engine::EngineError;

pub fn run(ctx: &super::Ctx, args: PortArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db();
    let paths = &ctx.paths;
    let filter = match &args.private_port {
        Some(p) => {
            let (port, proto) = p.split_once('/').unwrap_or((p.as_str(), "tcp"));
            let port: u16 = port.parse().map_err(|_| {
                anyhow::anyhow!("invalid private port {p:?}: expected PORT[/tcp|udp]")
            })?;
            Some((port, proto.to_string()))
        }
        None => None,
    };
    let containers = if args.all {
        db.containers()?
    } else {
        let name = args.container.as_deref().unwrap_or_default();
        vec![container::lookup(db, name).map_err(EngineError::from)?]
    };
    let mut out = String::new();
    let mut found = false;
    for c in &containers {
        let ports = container::inspect::published_ports(paths, c);
        if args.all && !ports.is_empty() {
            out.push_str(&format!("{}\n", &c.id[..12]));
        }
        for m in &ports {
            let ip = if m.host_ip.is_empty() {
                "0.0.0.0"
            } else {
                &m.host_ip
            };
            for (hp, cp) in m.pairs() {
                match &filter {
                    Some((p, proto)) if *p != cp || *proto != m.protocol => {}
                    Some(_) => {
                        found = true;
                        out.push_str(&format!("{ip}:{hp}\n"));
                    }
                    None => out.push_str(&format!("{cp}/{} -> {ip}:{hp}\n", m.protocol)),
                }
            }
        }
    }
    print!("{out}");
    if let (Some(p), false) = (&args.private_port, found) {
        anyhow::bail!("failed to find published port {p:?}");
    }
    Ok(0)
}
