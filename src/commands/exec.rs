//! `hutch exec`: runs `runtime exec` straight from the CLI (no monitor in between: fastest),
//! with the process's stdio wired to ours.

use crate::cli::ExecArgs;
use hutch_engine::container::{self, runtime::ExecCommand, runtime::OciRuntime, spec};
use hutch_engine::{EngineError, ExitCode};
use serde_json::json;
use std::io::{BufRead, Write};
use std::process::Stdio;

pub fn run(ctx: &super::Ctx, args: ExecArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::engine(ctx)?;
    let c = super::ctrs::find(&eng, &args.container)?;
    let obs = container::observe(&eng.paths, &c);
    if obs.state != container::RUNNING {
        return Err(EngineError::from(container::ContainerError::BadState {
            name: c.name.clone(),
            state: super::ps::display_state(&obs.state).to_string(),
            reason: "can only exec into running containers".into(),
        })
        .into());
    }
    let cfg = container::config_of(&c).map_err(EngineError::from)?;
    let dirs = eng.dirs(&c.id);
    let user_spec = args.user.clone().unwrap_or_else(|| cfg.user.clone());
    let user = if cfg.userns == "keep-id" && user_spec.is_empty() {
        spec::ProcessUser {
            uid: ctx.paths.uid,
            gid: ctx.paths.gid,
            ..Default::default()
        }
    } else {
        spec::resolve_user(&c.id, &dirs.merged, &user_spec, &cfg.group_add)
            .map_err(EngineError::from)?
    };
    let mut env = cfg.env.clone();
    let hostname = if cfg.hostname.is_empty() {
        c.id[..12].to_string()
    } else {
        cfg.hostname.clone()
    };
    container::config::set_env(&mut env, format!("HOSTNAME={hostname}"));
    if args.tty && !env.iter().any(|e| e.starts_with("TERM=")) {
        env.push("TERM=xterm".into());
    }
    for f in &args.env_file {
        let text = std::fs::read_to_string(f).map_err(|e| EngineError::io(f, e))?;
        for l in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            add_env(&mut env, l);
        }
    }
    for e in &args.env {
        add_env(&mut env, e);
    }
    if !env.iter().any(|e| e.starts_with("HOME=")) {
        env.push(format!(
            "HOME={}",
            user.home.clone().unwrap_or_else(|| "/".into())
        ));
    }
    let mut ccfg = cfg.clone();
    ccfg.privileged = cfg.privileged || args.privileged;
    let caps = spec::capabilities(&ccfg);
    let eff = if user.uid == 0 {
        caps.clone()
    } else {
        Vec::new()
    };
    let process = json!({
        "terminal": args.tty,
        "user": {"uid": user.uid, "gid": user.gid, "additionalGids": user.additional_gids},
        "args": args.command,
        "env": env,
        "cwd": args.workdir.clone().unwrap_or_else(|| cfg.workdir.clone()),
        "capabilities": {"bounding": caps, "effective": eff, "permitted": eff, "inheritable": [], "ambient": []},
        "noNewPrivileges": cfg.no_new_privileges,
    });
    let pfile = dirs.run.join(format!("exec-{}.json", std::process::id()));
    std::fs::write(&pfile, process.to_string()).map_err(|e| EngineError::io(&pfile, e))?;
    let runtime = eng.runtime(&cfg);
    if args.tty {
        let r = exec_tty(&runtime, &c.id, &dirs, &pfile, &args);
        let _ = std::fs::remove_file(&pfile);
        return r;
    }
    if args.detach {
        // The detached process inherits the runtime's stdio: nothing of ours may stay open in
        // it (a pipe would keep us waiting for its end). Runtime errors go to a log file.
        let log = dirs.run.join(format!("exec-{}.log", std::process::id()));
        let status = runtime
            .exec(
                &c.id,
                &pfile,
                &ExecCommand {
                    detach: true,
                    log: Some(log.clone()),
                    ..Default::default()
                },
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| anyhow::anyhow!("running {}: {e}", runtime.path().display()))?;
        let text = std::fs::read(&log).unwrap_or_default();
        let _ = std::fs::remove_file(&log);
        let _ = std::fs::remove_file(&pfile);
        if !status.success() {
            let errors: Vec<u8> = text
                .split(|b| *b == b'\n')
                .filter(|l| l.windows(11).any(|w| w == b"level=error"))
                .flat_map(|l| l.iter().copied().chain([b'\n']))
                .collect();
            let msg = container::runtime::runtime_message(&errors);
            eprintln!("Error: container {}: {msg}", c.name);
            return Ok(runtime_error_code(&msg));
        }
        return Ok(0);
    }
    let mut cmd = runtime.exec(&c.id, &pfile, &ExecCommand::default());
    cmd.stdin(if args.interactive {
        Stdio::inherit()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::inherit())
    .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| anyhow::anyhow!("running {}: {e}", runtime.path().display()))?;
    // The process's stderr passes through; runc's own error lines (time=... level=error) are
    // kept to map "not found" and "permission denied" to 127 and 126.
    let mut runtime_errors = Vec::new();
    if let Some(err) = child.stderr.take() {
        let mut out = std::io::stderr();
        for line in std::io::BufReader::new(err)
            .split(b'\n')
            .map_while(Result::ok)
        {
            let text = String::from_utf8_lossy(&line);
            if text.contains("level=error") {
                runtime_errors.push(container::runtime::runtime_message(&line));
            } else {
                let _ = out.write_all(&line);
                let _ = out.write_all(b"\n");
            }
        }
    }
    let status = child.wait()?;
    let _ = std::fs::remove_file(&pfile);
    if !runtime_errors.is_empty() {
        let msg = runtime_errors.join("; ");
        eprintln!("Error: container {}: {msg}", c.name);
        return Ok(runtime_error_code(&msg));
    }
    use std::os::unix::process::ExitStatusExt;
    Ok(status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(ExitCode::ENGINE))
}

fn add_env(env: &mut Vec<String>, item: &str) {
    if item.contains('=') {
        container::config::set_env(env, item.to_string());
    } else if let Ok(v) = std::env::var(item) {
        container::config::set_env(env, format!("{item}={v}"));
    }
}

/// `exec -t`: the runtime makes the pty inside the container and hands us its master over a
/// console socket; we copy between it and our terminal (raw mode) and return the exit code.
fn exec_tty(
    runtime: &container::runtime::CliRuntime,
    id: &str,
    dirs: &container::Dirs,
    process: &std::path::Path,
    args: &ExecArgs,
) -> anyhow::Result<i32> {
    use std::io::IsTerminal;
    use std::io::Read;
    use std::os::fd::AsFd;
    let name = format!("exec-{}.sock", std::process::id());
    let mut sock_path = dirs.run.join(&name);
    if sock_path.as_os_str().len() > 100 {
        // A socket address holds 107 bytes; deep runroots use /tmp for this short-lived one.
        sock_path = std::env::temp_dir().join(format!("hutch-{}-{name}", ctx_uid()));
    }
    let listener =
        hutch_sys::sock::stream_listen(&sock_path).map_err(|e| EngineError::io(&sock_path, e))?;
    // runc hands over a console only when it detaches: the process is then re-parented to us
    // (a child subreaper), and we reap it for its exit code.
    hutch_sys::subreaper::become_subreaper()?;
    let pid_file = dirs.run.join(format!("exec-{}.pid", std::process::id()));
    let mut cmd = runtime.exec(
        id,
        process,
        &ExecCommand {
            tty: true,
            detach: true,
            pid_file: Some(pid_file.clone()),
            console_socket: Some(sock_path.clone()),
            log: None,
        },
    );
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let cleanup = |p: &std::path::Path| {
        let _ = std::fs::remove_file(p);
    };
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            cleanup(&sock_path);
            anyhow::bail!("running {}: {e}", runtime.path().display());
        }
    };
    let conn = loop {
        let ready = hutch_sys::client::poll(&[listener.as_fd()], 100)?;
        if ready[0].readable {
            if let Some(c) = hutch_sys::sock::accept(listener.as_fd())? {
                break Some(c);
            }
        }
        if child.try_wait()?.is_some() {
            break None;
        }
    };
    cleanup(&sock_path);
    let runtime_failed = |child: &mut std::process::Child| -> i32 {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        let msg = container::runtime::runtime_message(err.as_bytes());
        eprintln!("Error: {msg}");
        runtime_error_code(&msg)
    };
    let Some(conn) = conn else {
        return Ok(runtime_failed(&mut child));
    };
    hutch_sys::client::poll(&[conn.as_fd()], -1)?;
    let master = hutch_sys::sock::recv_fd(conn.as_fd())?;
    if !child.wait()?.success() {
        cleanup(&pid_file);
        return Ok(runtime_failed(&mut child));
    }
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    cleanup(&pid_file);
    if args.detach {
        return Ok(0);
    }
    let keys = container::attach::parse_detach_keys(
        args.detach_keys
            .as_deref()
            .unwrap_or(container::attach::DEFAULT_DETACH_KEYS),
    )
    .map_err(EngineError::from)?;
    let raw = if std::io::stdin().is_terminal() {
        let stdin: &'static std::io::Stdin = Box::leak(Box::new(std::io::stdin()));
        hutch_sys::client::RawTerminal::enter(stdin.as_fd()).ok()
    } else {
        None
    };
    let detached = container::attach::proxy_pty(master, args.interactive, &keys);
    drop(raw);
    if detached.map_err(EngineError::from)? {
        eprintln!();
        return Ok(0);
    }
    // The terminal closed: the process is gone or about to be; collect its exit code.
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(30) {
        match hutch_sys::subreaper::reap()? {
            Some((p, code)) if p == pid => return Ok(code),
            Some(_) => continue,
            None => std::thread::sleep(std::time::Duration::from_millis(5)),
        }
    }
    anyhow::bail!("exec process {pid} did not exit after closing its terminal")
}

fn ctx_uid() -> u32 {
    hutch_sys::process::getuid()
}

/// 127 when the command does not exist, 126 when it cannot be executed, else 125.
fn runtime_error_code(msg: &str) -> i32 {
    if msg.contains("executable file not found") || msg.contains("no such file or directory") {
        ExitCode::NOT_FOUND
    } else if msg.contains("permission denied") {
        ExitCode::CANNOT_EXECUTE
    } else {
        ExitCode::ENGINE
    }
}
