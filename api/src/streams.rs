//! The container endpoints that stream: attach (hijacked), logs, resize, archive, export, top,
//! changes, stats.

use crate::hijack::{self, frame, Session};
use crate::http::{blocking, channel_body, empty, ok_json, ApiError, Req, Response, Result};
use crate::pipe::{BodyReader, ChannelWriter};
use crate::router::{allow, not_found};
use crate::server::State;
use base64::Engine as _;
use bytes::Bytes;
use hutch_engine::container;
use hutch_engine::container::copy::PathStat;
use hutch_engine::container::logs::{self, LogQuery};
use hutch_engine::container::run::AttachRequest;
use hutch_engine::EngineError;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Method, StatusCode};
use serde_json::json;
use std::io::Write;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc;

pub async fn route(st: &Arc<State>, req: &mut Req, rest: &[String]) -> Result<Response> {
    let p: Vec<&str> = rest.iter().map(String::as_str).collect();
    match p.as_slice() {
        [id, "attach"] => {
            allow(req, &[Method::POST])?;
            attach(st, req, id).await
        }
        [_, "attach", "ws"] => Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "attaching over a websocket is not supported: use POST /containers/{id}/attach",
        )),
        [id, "logs"] => {
            allow(req, &[Method::GET])?;
            logs(st, req, id).await
        }
        [id, "resize"] => {
            allow(req, &[Method::POST])?;
            let h: u16 = req.q_int("h")?.unwrap_or(0);
            let w: u16 = req.q_int("w")?.unwrap_or(0);
            let (eng, id) = (st.engine.clone(), id.to_string());
            blocking(move || Ok(eng.resize_tty(&id, h, w)?)).await?;
            Ok(empty(StatusCode::OK))
        }
        [id, "archive"] => {
            allow(req, &[Method::GET, Method::HEAD, Method::PUT])?;
            if req.method == Method::PUT {
                put_archive(st, req, id).await
            } else {
                get_archive(st, req, id).await
            }
        }
        [id, "export"] => {
            allow(req, &[Method::GET])?;
            export(st, id).await
        }
        [id, "top"] => {
            allow(req, &[Method::GET])?;
            top(st, req, id).await
        }
        [id, "changes"] => {
            allow(req, &[Method::GET])?;
            let (eng, id) = (st.engine.clone(), id.to_string());
            let changes = blocking(move || Ok(eng.changes(&id)?)).await?;
            let v: Vec<_> = changes
                .iter()
                .map(|c| {
                    let kind = match c.kind {
                        'C' => 0,
                        'A' => 1,
                        _ => 2,
                    };
                    json!({"Path": c.path, "Kind": kind})
                })
                .collect();
            ok_json(&v)
        }
        [id, "stats"] => {
            allow(req, &[Method::GET])?;
            stats(st, req, id).await
        }
        _ => Err(not_found()),
    }
}

fn stream_response(
    rx: mpsc::Receiver<std::io::Result<Bytes>>,
    content_type: &'static str,
) -> Response {
    let mut r = hyper::Response::new(channel_body(rx));
    r.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

async fn attach(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    let stream = req.q_bool("stream", false)?;
    let with_logs = req.q_bool("logs", false)?;
    let s_in = req.q_bool("stdin", false)?;
    let s_out = req.q_bool("stdout", false)?;
    let s_err = req.q_bool("stderr", false)?;
    let detach_keys = req
        .q("detachKeys")
        .filter(|k| !k.is_empty())
        .map(str::to_string);
    let (eng, n) = (st.engine.clone(), name.to_string());
    let (c, cfg) = blocking(move || {
        let c = eng.lookup(&n)?;
        let cfg = container::config_of(&c)?;
        Ok((c, cfg))
    })
    .await?;
    if let Some(k) = &detach_keys {
        hutch_engine::container::attach::parse_detach_keys(k)?;
    }
    let s = Session {
        tty: cfg.tty,
        stdin: s_in && stream,
        stdout: s_out,
        stderr: s_err,
    };
    let eng = st.engine.clone();
    hijack::serve(st, req, s, move |mut side| {
        if with_logs {
            let q = LogQuery::default();
            let _ = logs::read(
                eng.paths(),
                eng.db(),
                std::slice::from_ref(&c),
                &q,
                |_, l| {
                    let w: &mut dyn Write = if l.stream == "stderr" {
                        &mut side.stderr
                    } else {
                        &mut side.stdout
                    };
                    match w.write_all(l.text.as_bytes()) {
                        Ok(()) => ControlFlow::Continue(()),
                        Err(_) => ControlFlow::Break(()),
                    }
                },
            );
        }
        if !stream {
            return;
        }
        let req = AttachRequest {
            stdin: s_in,
            detach_keys,
        };
        if let Err(e) = eng.attach_when_started(&c.id, &req, &mut side.io(None)) {
            let _ = writeln!(side.stderr, "{e}");
        }
    })
}

/// Docker's `since`/`until`: Unix seconds with an optional fraction; 0 or empty is none.
fn unix_time(req: &Req, key: &str) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
    let Some(v) = req.q(key).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let f: f64 = v.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "invalid value {v:?} for {key}: expected Unix seconds"
        ))
    })?;
    if f <= 0.0 {
        return Ok(None);
    }
    let secs = f.trunc() as i64;
    let nanos = ((f - f.trunc()) * 1e9) as u32;
    Ok(chrono::DateTime::from_timestamp(secs, nanos))
}

async fn logs(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    let follow = req.q_bool("follow", false)?;
    let out = req.q_bool("stdout", false)?;
    let err = req.q_bool("stderr", false)?;
    let timestamps = req.q_bool("timestamps", false)?;
    if !out && !err {
        return Err(ApiError::bad_request(
            "Bad parameters: you must choose at least one stream",
        ));
    }
    let tail = match req.q("tail") {
        None | Some("") | Some("all") => None,
        Some(v) => Some(v.parse::<usize>().map_err(|_| {
            ApiError::bad_request(format!("invalid value {v:?} for tail: a number or \"all\""))
        })?),
    };
    let stop = Arc::new(AtomicBool::new(false));
    let q = LogQuery {
        since: unix_time(req, "since")?,
        until: unix_time(req, "until")?,
        tail,
        follow,
        stop: Some(stop.clone()),
    };
    let (eng, n) = (st.engine.clone(), name.to_string());
    let (c, tty) = blocking(move || {
        let c = eng.lookup(&n)?;
        let tty = container::config_of(&c)?.tty;
        Ok((c, tty))
    })
    .await?;
    let (tx, rx) = mpsc::channel(64);
    let eng = st.engine.clone();
    let busy = st.busy();
    // A client that goes away stops a follower that has nothing to send (it would only notice
    // at its next line). The watcher lets go of its sender when the reading is done.
    let watcher = tx.clone();
    let stop_on_close = stop.clone();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        tokio::select! {
            _ = watcher.closed() => stop_on_close.store(true, Ordering::Relaxed),
            _ = done_rx => {}
        }
    });
    tokio::task::spawn_blocking(move || {
        let _busy = busy;
        let _done = done_tx;
        let r = logs::read(
            eng.paths(),
            eng.db(),
            std::slice::from_ref(&c),
            &q,
            |_, l| {
                let is_err = l.stream == "stderr";
                if (is_err && !err) || (!is_err && !out) {
                    return ControlFlow::Continue(());
                }
                let mut text = String::new();
                if timestamps {
                    text.push_str(&l.time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true));
                    text.push(' ');
                }
                text.push_str(&l.text);
                let chunk = if tty {
                    Bytes::from(text)
                } else {
                    frame(if is_err { 2 } else { 1 }, text.as_bytes())
                };
                match tx.blocking_send(Ok(chunk)) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(_) => ControlFlow::Break(()),
                }
            },
        );
        if let Err(e) = r {
            tracing::debug!("logs of {}: {e}", c.id);
        }
        stop.store(true, Ordering::Relaxed);
    });
    Ok(stream_response(
        rx,
        if tty {
            "application/vnd.docker.raw-stream"
        } else {
            "application/vnd.docker.multiplexed-stream"
        },
    ))
}

async fn export(st: &Arc<State>, name: &str) -> Result<Response> {
    let (tx, rx) = mpsc::channel(16);
    let (eng, name) = (st.engine.clone(), name.to_string());
    let busy = st.busy();
    // Errors before the first byte become the status; later ones cut the stream short.
    let (first_tx, first_rx) = tokio::sync::oneshot::channel::<Result<()>>();
    tokio::task::spawn_blocking(move || {
        let _busy = busy;
        let mut first = Some(first_tx);
        let w = ChannelWriter::new(tx.clone());
        let started = || {
            if let Some(f) = first.take() {
                let _ = f.send(Ok(()));
            }
        };
        let r = eng
            .export(&name, started, w)
            .and_then(|mut w| w.flush().map_err(|e| EngineError::io("export stream", e)));
        match (r, first.take()) {
            (Err(e), Some(f)) => {
                let _ = f.send(Err(e.into()));
            }
            (Err(e), None) => {
                let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
            }
            _ => {}
        }
    });
    first_rx
        .await
        .map_err(|_| ApiError::internal("the export task ended early"))??;
    Ok(stream_response(rx, "application/x-tar"))
}

/// Docker's stat of an archive path: Go's `os.FileMode` bits, RFC 3339 mtime.
fn stat_header(s: &PathStat) -> String {
    let m = s.mode;
    let mut mode = m & 0o777;
    let fmt = m & 0o170000;
    mode |= match fmt {
        0o040000 => 1 << 31,
        0o120000 => 1 << 27,
        0o010000 => 1 << 25,
        0o140000 => 1 << 24,
        0o060000 => 1 << 26,
        0o020000 => (1 << 26) | (1 << 21),
        _ => 0,
    };
    for (bit, go) in [(0o4000, 1 << 23), (0o2000, 1 << 22), (0o1000, 1 << 20)] {
        if m & bit != 0 {
            mode |= go;
        }
    }
    let v = json!({
        "name": s.name,
        "size": s.size,
        "mode": mode,
        "mtime": s.mtime.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "linkTarget": s.link_target,
    });
    base64::engine::general_purpose::STANDARD.encode(v.to_string())
}

fn archive_path(req: &Req) -> Result<String> {
    match req.q("path") {
        Some(p) if !p.is_empty() => Ok(p.to_string()),
        _ => Err(ApiError::bad_request(
            "the path query parameter is required: the path in the container",
        )),
    }
}

async fn get_archive(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    let path = archive_path(req)?;
    let head = req.method == Method::HEAD;
    let (eng, n) = (st.engine.clone(), name.to_string());
    let (tx, rx) = mpsc::channel(16);
    let (stat_tx, stat_rx) = tokio::sync::oneshot::channel::<Result<String>>();
    let busy = st.busy();
    tokio::task::spawn_blocking(move || {
        let _busy = busy;
        let mut stat_tx = Some(stat_tx);
        let w = ChannelWriter::new(tx.clone());
        let on_stat = |s: &PathStat| {
            if let Some(t) = stat_tx.take() {
                let _ = t.send(Ok(stat_header(s)));
            }
            !head
        };
        let r = eng.copy_from(&n, &path, on_stat, w).and_then(|w| match w {
            Some(mut w) => w.flush().map_err(|e| EngineError::io("archive stream", e)),
            None => Ok(()),
        });
        if let Err(e) = r {
            match stat_tx.take() {
                Some(s) => {
                    let _ = s.send(Err(e.into()));
                }
                None => {
                    let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
                }
            }
        }
    });
    let stat = stat_rx
        .await
        .map_err(|_| ApiError::internal("the archive task ended early"))??;
    let mut r = if head {
        empty(StatusCode::OK)
    } else {
        stream_response(rx, "application/x-tar")
    };
    let h = r.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/x-tar"));
    if let Ok(v) = HeaderValue::from_str(&stat) {
        h.insert("X-Docker-Container-Path-Stat", v);
    }
    Ok(r)
}

async fn put_archive(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    let path = archive_path(req)?;
    let opts = hutch_engine::container::copy::CopyInto {
        keep_non_dirs: req.q_bool("noOverwriteDirNonDir", false)?,
        // Docker keeps the tar's owners unless asked to give everything to the container's
        // user (`docker cp -a`).
        archive: req.q_bool("copyUIDGID", false)?,
        replace_dirs: false,
        pause: false,
    };
    let mut reader = BodyReader::new(req.take_body()?);
    let (eng, n) = (st.engine.clone(), name.to_string());
    blocking(move || {
        eng.copy_into(&n, &path, &mut reader, opts)?;
        // A tar's end comes before the client's padding: answering before reading the rest
        // would reset the connection under a client still sending it.
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
        Ok(())
    })
    .await?;
    Ok(empty(StatusCode::OK))
}

async fn top(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    // Docker's default `-ef` (and any ps option) shows podman's default columns; other words
    // are podman's descriptors.
    let args: Vec<String> = req
        .q("ps_args")
        .unwrap_or("")
        .split([' ', ','])
        .filter(|a| !a.is_empty() && !a.starts_with('-'))
        .map(str::to_string)
        .collect();
    let (eng, n) = (st.engine.clone(), name.to_string());
    let (titles, rows) = blocking(move || Ok(eng.top(&n, &args)?)).await?;
    ok_json(&json!({"Titles": titles, "Processes": rows}))
}

fn stats_json(
    c: &hutch_engine::Container,
    now: &container::stats::Sample,
    pre: Option<&container::stats::Sample>,
) -> serde_json::Value {
    let cpu = |s: Option<&container::stats::Sample>| {
        json!({
            "cpu_usage": {
                "total_usage": s.map_or(0, |s| s.cpu_ns),
                "usage_in_kernelmode": 0,
                "usage_in_usermode": s.map_or(0, |s| s.cpu_ns),
            },
            "system_cpu_usage": s.map_or(0, |s| s.system_ns),
            "online_cpus": s.map_or(0, |s| s.online_cpus),
            "throttling_data": {"periods": 0, "throttled_periods": 0, "throttled_time": 0},
        })
    };
    let mut nets = serde_json::Map::new();
    for d in &now.networks {
        nets.insert(
            d.name.clone(),
            json!({
                "rx_bytes": d.rx_bytes, "rx_packets": d.rx_packets,
                "rx_errors": d.rx_errors, "rx_dropped": d.rx_dropped,
                "tx_bytes": d.tx_bytes, "tx_packets": d.tx_packets,
                "tx_errors": d.tx_errors, "tx_dropped": d.tx_dropped,
            }),
        );
    }
    let zero_time = "0001-01-01T00:00:00Z".to_string();
    json!({
        "name": format!("/{}", c.name),
        "id": c.id,
        "read": now.read.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "preread": pre.map_or(zero_time, |p| p.read.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)),
        "pids_stats": {"current": now.pids},
        "blkio_stats": {
            // Bytes the container's processes read and wrote (from /proc, or its cgroup).
            "io_service_bytes_recursive": [
                {"major": 0, "minor": 0, "op": "read", "value": now.block_read},
                {"major": 0, "minor": 0, "op": "write", "value": now.block_write},
            ],
            "io_serviced_recursive": null,
            "io_queue_recursive": null, "io_service_time_recursive": null,
            "io_wait_time_recursive": null, "io_merged_recursive": null,
            "io_time_recursive": null, "sectors_recursive": null,
        },
        "num_procs": 0,
        "storage_stats": {},
        "cpu_stats": cpu(Some(now)),
        "precpu_stats": cpu(pre),
        "memory_stats": {"usage": now.memory_bytes, "limit": now.memory_limit, "stats": {}},
        "networks": nets,
    })
}

async fn stats(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    let stream = req.q_bool("stream", true)?;
    let one_shot = req.q_bool("one-shot", false)?;
    let (eng, n) = (st.engine.clone(), name.to_string());
    let (c, first) = blocking(move || {
        let c = eng.lookup(&n)?;
        let s = eng.stats(&c.id)?;
        Ok((c, s))
    })
    .await?;
    if !stream {
        let pre = if one_shot {
            None
        } else {
            // A second sample a moment later, so the client can compute a CPU percentage.
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            Some(first.clone())
        };
        let now = match &pre {
            Some(_) => {
                let (eng, id) = (st.engine.clone(), c.id.clone());
                blocking(move || Ok(eng.stats(&id)?))
                    .await
                    .unwrap_or(first.clone())
            }
            None => first.clone(),
        };
        return ok_json(&stats_json(&c, &now, pre.as_ref()));
    }
    let (tx, rx) = mpsc::channel(4);
    let eng = st.engine.clone();
    let busy = st.busy();
    tokio::spawn(async move {
        let _busy = busy;
        let mut pre: Option<container::stats::Sample> = None;
        let mut now = first;
        loop {
            let mut line = stats_json(&c, &now, pre.as_ref()).to_string();
            line.push('\n');
            if tx.send(Ok(Bytes::from(line))).await.is_err() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            let (e, id) = (eng.clone(), c.id.clone());
            match blocking(move || Ok(e.stats(&id)?)).await {
                Ok(s) => {
                    pre = Some(std::mem::replace(&mut now, s));
                }
                // Stopped or removed: the stream ends.
                Err(_) => return,
            }
        }
    });
    Ok(stream_response(rx, "application/json"))
}
