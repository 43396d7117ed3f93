//! The `/exec` endpoints and `POST /containers/{id}/exec`: exec instances live in the engine's
//! registry (`Engine::exec_create` and friends); `start` hijacks the connection like attach.

use crate::hijack::{self, Session};
use crate::http::{blocking, empty, json, ok_json, ApiError, Req, Response, Result};
use crate::router::{allow, not_found};
use crate::server::State;
use hutch_engine::container::exec::{ExecEnd, ExecError, ExecSpec};
use hyper::{Method, StatusCode};
use serde::Deserialize;
use serde_json::json;
use std::io::Write;
use std::sync::Arc;

pub async fn route(st: &Arc<State>, req: &mut Req, rest: &[String]) -> Result<Response> {
    let p: Vec<&str> = rest.iter().map(String::as_str).collect();
    match p.as_slice() {
        [id, "start"] => {
            allow(req, &[Method::POST])?;
            start(st, req, id).await
        }
        [id, "resize"] => {
            allow(req, &[Method::POST])?;
            resize(st, req, id).await
        }
        [id, "json"] => {
            allow(req, &[Method::GET])?;
            inspect(st, id).await
        }
        _ => Err(not_found()),
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct ExecConfig {
    attach_stdin: bool,
    attach_stdout: bool,
    attach_stderr: bool,
    detach_keys: Option<String>,
    tty: bool,
    env: Option<Vec<String>>,
    cmd: Option<Vec<String>>,
    privileged: bool,
    user: Option<String>,
    working_dir: Option<String>,
}

/// `POST /containers/{id}/exec`.
pub async fn create(st: &Arc<State>, req: &mut Req, name: &str) -> Result<Response> {
    allow(req, &[Method::POST])?;
    let cfg: ExecConfig = req.json().await?;
    let spec = ExecSpec {
        cmd: cfg.cmd.unwrap_or_default(),
        env: cfg
            .env
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.contains('='))
            .collect(),
        user: cfg.user.filter(|u| !u.is_empty()),
        workdir: cfg.working_dir.filter(|w| !w.is_empty()),
        tty: cfg.tty,
        interactive: cfg.attach_stdin,
        privileged: cfg.privileged,
        detach: false,
        detach_keys: cfg.detach_keys.filter(|k| !k.is_empty()),
        preserve_fds: 0,
    };
    let eng = st.engine.clone();
    let name = name.to_string();
    let (out, err) = (cfg.attach_stdout, cfg.attach_stderr);
    let id = blocking(move || Ok(eng.exec_create(&name, spec, out, err)?)).await?;
    Ok(json(StatusCode::CREATED, &json!({ "Id": id })))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase", default)]
struct StartConfig {
    detach: bool,
    console_size: Option<Vec<u16>>,
}

async fn start(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let cfg: StartConfig = req.json().await?;
    let eng = st.engine.clone();
    let key = id.to_string();
    let info = blocking(move || Ok(eng.exec_inspect(&key)?)).await?;
    if info.started {
        return Err(ApiError::conflict(format!(
            "exec instance {} has already been started",
            info.id
        )));
    }
    let size = cfg
        .console_size
        .filter(|s| s.len() == 2 && s[0] > 0 && s[1] > 0)
        .map(|s| (s[0], s[1]));
    let eng = st.engine.clone();
    let id = info.id.clone();
    if cfg.detach {
        blocking(move || {
            let mut sink = std::io::sink();
            let devnull = std::fs::File::open("/dev/null")
                .map_err(|e| ApiError::internal(format!("opening /dev/null: {e}")))?;
            let io = hutch_engine::container::exec::ExecIo {
                stdin: None,
                stdout: std::os::fd::AsFd::as_fd(&devnull),
                stderr: &mut sink,
                size,
                control: None,
            };
            match eng.exec_start(&id, true, io) {
                Ok(_) => Ok(()),
                Err(ExecError::Container(e)) => Err(e.into()),
                Err(e) => Err(ApiError::internal(e.to_string())),
            }
        })
        .await?;
        return Ok(empty(StatusCode::OK));
    }
    let s = Session {
        tty: info.spec.tty,
        stdin: info.spec.interactive,
        stdout: info.attach_stdout,
        stderr: info.attach_stderr,
    };
    hijack::serve(st, req, s, move |mut side| {
        let end = eng.exec_start(&id, false, side.io(size));
        match end {
            Ok(ExecEnd::Exited(_) | ExecEnd::Started | ExecEnd::Detached) => {}
            Err(e) => {
                // Docker tells a client whose exec could not run in the stream itself.
                let _ = writeln!(side.stderr, "{e}");
            }
        }
    })
}

async fn resize(st: &Arc<State>, req: &mut Req, id: &str) -> Result<Response> {
    let h: u16 = req.q_int("h")?.unwrap_or(0);
    let w: u16 = req.q_int("w")?.unwrap_or(0);
    let eng = st.engine.clone();
    let id = id.to_string();
    blocking(move || Ok(eng.exec_resize(&id, h, w)?)).await?;
    Ok(empty(StatusCode::OK))
}

async fn inspect(st: &Arc<State>, id: &str) -> Result<Response> {
    let eng = st.engine.clone();
    let id = id.to_string();
    let i = blocking(move || Ok(eng.exec_inspect(&id)?)).await?;
    let (entrypoint, args) = match i.spec.cmd.split_first() {
        Some((first, rest)) => (first.clone(), rest.to_vec()),
        None => (String::new(), Vec::new()),
    };
    ok_json(&json!({
        "CanRemove": false,
        "ContainerID": i.container_id,
        "DetachKeys": i.spec.detach_keys.clone().unwrap_or_default(),
        "ExitCode": i.exit_code,
        "ID": i.id,
        "OpenStderr": i.attach_stderr,
        "OpenStdin": i.spec.interactive,
        "OpenStdout": i.attach_stdout,
        "ProcessConfig": {
            "arguments": args,
            "entrypoint": entrypoint,
            "privileged": i.spec.privileged,
            "tty": i.spec.tty,
            "user": i.spec.user.clone().unwrap_or_default(),
        },
        "Running": i.running,
        "Pid": i.pid,
    }))
}
