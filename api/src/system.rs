//! System endpoints: `/_ping`, `/version`, `/info`, `/events`, `/system/df`.

use crate::http::{blocking, channel_body, empty, full, ok_json, ApiError, Req, Response, Result};
use crate::router::{allow, not_found};
use crate::server::State;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Method, StatusCode};
use serde_json::{json, Map, Value};
use std::ops::ControlFlow;
use std::sync::Arc;

pub async fn route(st: &Arc<State>, req: &mut Req, segs: &[String]) -> Result<Response> {
    let p: Vec<&str> = segs.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["_ping"] => {
            allow(req, &[Method::GET, Method::HEAD])?;
            Ok(ping(req))
        }
        ["version"] => {
            allow(req, &[Method::GET])?;
            version(st)
        }
        ["info"] => {
            allow(req, &[Method::GET])?;
            info(st).await
        }
        ["events"] => {
            allow(req, &[Method::GET])?;
            events(st, req)
        }
        ["system", "df"] => {
            allow(req, &[Method::GET])?;
            df(st).await
        }
        _ => Err(not_found()),
    }
}

fn ping(req: &Req) -> Response {
    let mut r = if req.method == Method::HEAD {
        empty(StatusCode::OK)
    } else {
        hyper::Response::new(full("OK"))
    };
    let h = r.headers_mut();
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("no-cache, no-store, must-revalidate"),
    );
    h.insert("Pragma", HeaderValue::from_static("no-cache"));
    // The classic builder: the docker CLI then posts to /build instead of starting a BuildKit session.
    h.insert("Builder-Version", HeaderValue::from_static("1"));
    r
}

fn version(_st: &Arc<State>) -> Result<Response> {
    let kernel = hutch_engine::host::kernel();
    let version = env!("CARGO_PKG_VERSION");
    ok_json(&json!({
        "Platform": {"Name": "hutch"},
        "Components": [{
            "Name": "Engine",
            "Version": version,
            "Details": {
                "ApiVersion": crate::API_VERSION,
                "Arch": go_arch(),
                "BuildTime": "",
                "Experimental": "false",
                "GitCommit": "",
                "GoVersion": "",
                "KernelVersion": kernel,
                "MinAPIVersion": crate::MIN_API_VERSION,
                "Os": "linux",
            }
        }],
        "Version": version,
        "ApiVersion": crate::API_VERSION,
        "MinAPIVersion": crate::MIN_API_VERSION,
        "GitCommit": "",
        "GoVersion": "",
        "Os": "linux",
        "Arch": go_arch(),
        "KernelVersion": kernel,
        "BuildTime": "",
    }))
}

/// The architecture as Docker (Go) names it.
pub fn go_arch() -> &'static str {
    hutch_engine::info::go_arch()
}
// ---- /info ----

async fn info(st: &Arc<State>) -> Result<Response> {
    let st2 = st.clone();
    let info = blocking(move || Ok(st2.engine.info()?)).await?;
    ok_json(&info_view(&info, st.engine.paths()))
}

/// Docker's `/info` over the engine's [`hutch_engine::info::Info`].
fn info_view(i: &hutch_engine::info::Info, paths: &hutch_engine::Paths) -> Value {
    let h = &i.host;
    let mut warnings = Vec::new();
    if !h.cgroups.limits_available {
        if let Some(r) = &h.cgroups.limits_reason {
            warnings.push(format!("WARNING: resource limits are not available: {r}"));
        }
    }
    if let Some(w) = &h.runtime_dir_warning {
        warnings.push(format!("WARNING: {w}"));
    }
    let (runtime_name, runtimes) = match &h.runtime {
        Ok(p) => (
            p.name.clone(),
            json!({ p.name.clone(): {"path": p.path, "status": {"version": p.version}} }),
        ),
        Err(e) => {
            warnings.push(format!("WARNING: no OCI runtime: {e}"));
            (String::new(), json!({}))
        }
    };
    let limits = h.cgroups.limits_available;
    let cgroup_driver = if h.rootless && h.cgroups.version == "v1" {
        "none"
    } else {
        "cgroupfs"
    };
    let os = if h.distribution_version.is_empty() {
        h.distribution.clone()
    } else {
        format!("{} {}", h.distribution, h.distribution_version)
    };
    let mut security = vec!["name=seccomp,profile=default".to_string()];
    if h.rootless {
        security.insert(0, "name=rootless".into());
    }
    if h.cgroups.version == "v2" {
        security.push("name=cgroupns".into());
    }
    // A stable ID for this store: Docker's is a random one kept in its root.
    let id = hutch_engine::digest::Digest::sha256(
        format!("{}:{}", paths.uid, paths.graphroot.display()).as_bytes(),
    );
    let mut out = json!({
        "ID": id.hex(),
        "Containers": i.containers.total,
        "ContainersRunning": i.containers.running,
        "ContainersPaused": i.containers.paused,
        "ContainersStopped": i.containers.stopped,
        "Images": i.store.images,
        "Driver": i.store.driver,
        "DriverStatus": [
            ["Backing Filesystem", i.store.driver],
            ["Graph Root", i.store.graphroot.display().to_string()],
            ["Run Root", i.store.runroot.display().to_string()],
        ],
        "DockerRootDir": i.store.graphroot,
        "Plugins": {
            "Volume": ["local"],
            "Network": ["bridge"],
            "Authorization": null,
            "Log": ["k8s-file", "json-file"],
        },
        "MemoryLimit": limits,
        "SwapLimit": limits,
        "CpuCfsPeriod": limits,
        "CpuCfsQuota": limits,
        "CPUShares": limits,
        "CPUSet": limits,
        "PidsLimit": limits,
        "OomKillDisable": false,
        "IPv4Forwarding": true,
        "BridgeNfIptables": false,
        "BridgeNfIp6tables": false,
        "Debug": false,
        "NFd": 0,
        "NGoroutines": 0,
        "SystemTime": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "LoggingDriver": "k8s-file",
        "CgroupDriver": cgroup_driver,
        "CgroupVersion": h.cgroups.version.trim_start_matches('v'),
        "NEventsListener": 0,
        "KernelVersion": h.kernel,
        "OperatingSystem": os,
        "OSVersion": h.distribution_version,
        "OSType": h.os,
        "Architecture": std::env::consts::ARCH,
        "NCPU": h.cpus,
        "MemTotal": h.mem_total,
    });
    let more = json!({
        "IndexServerAddress": "https://index.docker.io/v1/",
        "RegistryConfig": {
            "AllowNondistributableArtifactsCIDRs": null,
            "AllowNondistributableArtifactsHostnames": null,
            "InsecureRegistryCIDRs": ["::1/128", "127.0.0.0/8"],
            "IndexConfigs": {
                "docker.io": {"Name": "docker.io", "Mirrors": [], "Secure": true, "Official": true},
            },
            "Mirrors": [],
        },
        "GenericResources": null,
        "HttpProxy": std::env::var("HTTP_PROXY").unwrap_or_default(),
        "HttpsProxy": std::env::var("HTTPS_PROXY").unwrap_or_default(),
        "NoProxy": std::env::var("NO_PROXY").unwrap_or_default(),
        "Name": h.hostname,
        "Labels": [],
        "ExperimentalBuild": false,
        "ServerVersion": env!("CARGO_PKG_VERSION"),
        "Runtimes": runtimes,
        "DefaultRuntime": runtime_name,
        "Swarm": {
            "NodeID": "",
            "NodeAddr": "",
            "LocalNodeState": "inactive",
            "ControlAvailable": false,
            "Error": "",
            "RemoteManagers": null,
        },
        "LiveRestoreEnabled": false,
        "Isolation": "",
        "InitBinary": "",
        "ContainerdCommit": {"ID": "", "Expected": ""},
        "RuncCommit": {"ID": "", "Expected": ""},
        "InitCommit": {"ID": "", "Expected": ""},
        "SecurityOptions": security,
        "ProductLicense": "Apache-2.0",
        "DefaultAddressPools": [],
        "CDISpecDirs": [],
        "Warnings": warnings,
    });
    if let (Some(a), Value::Object(b)) = (out.as_object_mut(), more) {
        a.extend(b);
    }
    out
}

// ---- /events ----

/// Docker's name for a hutch event action.
fn docker_action(kind: &str, action: &str) -> String {
    match (kind, action) {
        ("container", "died") => "die",
        ("container" | "volume" | "network", "remove") => "destroy",
        ("image", "remove") => "delete",
        _ => action,
    }
    .to_string()
}

/// The hutch action names a Docker `event=` filter value stands for.
fn hutch_actions(docker: &str) -> &[&str] {
    match docker {
        "die" => &["died"],
        "destroy" | "delete" => &["remove"],
        d if d.starts_with("health_status:") => &["health_status"],
        _ => &[],
    }
}

/// A time in Docker's query form: Unix seconds with optional `.nanoseconds`, or RFC 3339.
fn parse_time(key: &str, s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    let bad = || {
        ApiError::bad_request(format!(
            "invalid {key} {s:?}: expected Unix seconds (1700000000.000000000) or an RFC 3339 time"
        ))
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    let (secs, frac) = s.split_once('.').unwrap_or((s, ""));
    let secs: i64 = secs.parse().map_err(|_| bad())?;
    let nanos: u32 = if frac.is_empty() {
        0
    } else {
        if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        format!("{frac:0<9}").parse().map_err(|_| bad())?
    };
    chrono::DateTime::from_timestamp(secs, nanos).ok_or_else(bad)
}

/// One event as Docker encodes it (with the pre-1.22 `status`/`id`/`from` that clients still
/// read for containers and images).
fn event_view(ev: &hutch_engine::Event, attrs: &Value) -> Value {
    let mut action = docker_action(&ev.kind, &ev.action);
    // Docker names the new status in the action: `health_status: healthy`.
    if ev.action == "health_status" {
        if let Some(h) = attrs.get("health_status").and_then(Value::as_str) {
            action = format!("health_status: {h}");
        }
    }
    let mut attributes = Map::new();
    if let Some(m) = attrs.as_object() {
        for (k, v) in m {
            let v = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let k = if k == "containerExitCode" {
                "exitCode".to_string()
            } else {
                k.clone()
            };
            attributes.insert(k, Value::String(v));
        }
    }
    let actor_id = match ev.kind.as_str() {
        "image" if matches!(ev.action.as_str(), "pull" | "push" | "tag") && !ev.name.is_empty() => {
            ev.name.clone()
        }
        "image" => format!("sha256:{}", ev.id.trim_start_matches("sha256:")),
        _ => ev.id.clone(),
    };
    if ev.kind == "image" && !attributes.contains_key("name") && !ev.name.is_empty() {
        attributes.insert("name".into(), Value::String(ev.name.clone()));
    }
    let nanos = ev.time.timestamp_nanos_opt().unwrap_or(0);
    let mut out = json!({
        "Type": ev.kind,
        "Action": action,
        "Actor": {"ID": actor_id, "Attributes": attributes},
        "scope": "local",
        "time": ev.time.timestamp(),
        "timeNano": nanos,
    });
    if ev.kind == "container" || ev.kind == "image" {
        out["status"] = json!(action);
        out["id"] = json!(actor_id);
        if ev.kind == "container" {
            out["from"] = attrs.get("image").cloned().unwrap_or(json!(""));
        }
    }
    out
}

fn events(st: &Arc<State>, req: &Req) -> Result<Response> {
    let since = req.q("since").filter(|s| !s.is_empty());
    let until = req.q("until").filter(|s| !s.is_empty());
    let since = since.map(|s| parse_time("since", s)).transpose()?;
    let until = until.map(|s| parse_time("until", s)).transpose()?;
    let mut items = Vec::new();
    for f in req.filters()? {
        match f.split_once('=') {
            // Everything here is local and from this one "daemon".
            Some(("scope", "local")) | Some(("daemon", _)) => {}
            Some(("event" | "status", v)) => {
                items.push(format!("event={v}"));
                for h in hutch_actions(v) {
                    items.push(format!("event={h}"));
                }
            }
            _ => items.push(f),
        }
    }
    let filters = hutch_engine::filters::events(&items).map_err(hutch_engine::EngineError::from)?;
    let query = hutch_engine::events::EventQuery {
        filters,
        // Without either, Docker sends only what happens from now on.
        since: since.or_else(|| until.is_none().then(chrono::Utc::now)),
        until,
        stream: Some(true),
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<bytes::Bytes>>(64);
    let st2 = st.clone();
    tokio::task::spawn_blocking(move || {
        let _busy = st2.busy();
        let done = hutch_engine::events::follow_while(
            st2.engine.db(),
            &query,
            || !tx.is_closed(),
            |ev, attrs| -> std::result::Result<ControlFlow<()>, hutch_engine::EngineError> {
                let mut line = serde_json::to_vec(&event_view(ev, attrs)).unwrap_or_default();
                line.push(b'\n');
                Ok(match tx.blocking_send(Ok(line.into())) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                })
            },
        );
        if let Err(e) = done {
            tracing::warn!("following events: {e}");
            let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
        }
    });
    let mut r = hyper::Response::new(channel_body(rx));
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(r)
}

// ---- /system/df ----

/// Docker's container state names.
fn docker_state(state: &str) -> &str {
    match state {
        "configured" => "created",
        "stopped" => "exited",
        other => other,
    }
}

async fn df(st: &Arc<State>) -> Result<Response> {
    let st2 = st.clone();
    let (df, vols) = blocking(move || {
        let df = st2.engine.df()?;
        let vols = st2
            .engine
            .volumes(&hutch_engine::filters::Filters::default())?;
        Ok((df, vols))
    })
    .await?;
    let paths = st.engine.paths();
    let images: Vec<Value> = df
        .images
        .iter()
        .map(|i| {
            json!({
                "Id": format!("sha256:{}", i.id),
                "ParentId": "",
                "RepoTags": i.names,
                "RepoDigests": [],
                "Created": i.created.timestamp(),
                "Size": i.size,
                "SharedSize": -1,
                "VirtualSize": i.size,
                "Labels": {},
                "Containers": i.containers,
            })
        })
        .collect();
    let containers: Vec<Value> = df
        .containers
        .iter()
        .map(|c| {
            json!({
                "Id": c.id,
                "Names": [format!("/{}", c.name)],
                "Image": c.image,
                "ImageID": "",
                "Command": c.command.join(" "),
                "Created": c.created.timestamp(),
                "Ports": [],
                "SizeRw": c.size,
                "SizeRootFs": c.size,
                "Labels": {},
                "State": docker_state(&c.state),
                "Status": docker_state(&c.state),
                "HostConfig": {"NetworkMode": "default"},
                "NetworkSettings": {"Networks": {}},
                "Mounts": [],
            })
        })
        .collect();
    let volumes: Vec<Value> = df
        .volumes
        .iter()
        .filter_map(|u| {
            let (v, _) = vols.iter().find(|(v, _)| v.name == u.name)?;
            Some(crate::volumes::view(paths, v, Some((u.size, u.links))))
        })
        .collect();
    let layers: u64 = df.images.iter().map(|i| i.size).sum();
    ok_json(&json!({
        "LayersSize": layers,
        "Images": images,
        "Containers": containers,
        "Volumes": volumes,
        "BuildCache": [],
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, action: &str, attrs: Value) -> (hutch_engine::Event, Value) {
        let e = hutch_engine::Event {
            seq: 1,
            time: chrono::DateTime::from_timestamp(1_700_000_000, 5).unwrap(),
            kind: kind.into(),
            action: action.into(),
            id: "abc".into(),
            name: "web".into(),
            attributes: attrs.to_string(),
        };
        (e, attrs)
    }

    #[test]
    fn events_in_docker_words() {
        let (e, a) = ev(
            "container",
            "died",
            json!({"image": "busybox", "name": "web", "containerExitCode": 3}),
        );
        let v = event_view(&e, &a);
        assert_eq!(v["Action"], "die");
        assert_eq!(v["status"], "die");
        assert_eq!(v["from"], "busybox");
        assert_eq!(v["Actor"]["Attributes"]["exitCode"], "3");
        assert_eq!(v["time"], 1_700_000_000);
        assert_eq!(v["timeNano"], 1_700_000_000_000_000_005i64);
        let (e, a) = ev(
            "container",
            "health_status",
            json!({"health_status": "healthy"}),
        );
        assert_eq!(event_view(&e, &a)["Action"], "health_status: healthy");
        let (e, a) = ev("image", "remove", json!({}));
        let v = event_view(&e, &a);
        assert_eq!(
            (v["Action"].as_str(), v["id"].as_str()),
            (Some("delete"), Some("sha256:abc"))
        );
        let (e, a) = ev("volume", "remove", json!({"driver": "local"}));
        let v = event_view(&e, &a);
        assert_eq!(v["Action"], "destroy");
        assert!(v.get("status").is_none());
        assert_eq!(hutch_actions("health_status: unhealthy"), ["health_status"]);
        assert_eq!(hutch_actions("destroy"), ["remove"]);
    }

    #[test]
    fn times_in_docker_forms() {
        let t = parse_time("since", "1700000000.000000042").unwrap();
        assert_eq!(t.timestamp_nanos_opt(), Some(1_700_000_000_000_000_042));
        assert_eq!(
            parse_time("since", "1700000000.5")
                .unwrap()
                .timestamp_subsec_nanos(),
            500_000_000
        );
        assert!(parse_time("since", "2024-01-02T03:04:05Z").is_ok());
        for bad in ["", "x", "1.x", "1.1234567890", "-"] {
            assert!(parse_time("since", bad).is_err(), "{bad}");
        }
    }
}
