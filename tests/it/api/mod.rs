//! The Docker Engine API service (`hutch system service`) driven by real clients: the docker CLI,
//! docker-py, docker-compose and testcontainers, plus raw HTTP for status codes and shapes. Each
//! test starts its own service on a socket in its context directory, as the unprivileged user.

#![allow(dead_code)] // helpers the endpoint tests use as they land

mod build;
mod cli;
mod clients;
mod containers;
mod images;
mod netvol;
mod raw;
mod streams;
mod system;

use crate::harness::{missing, require, Cmd, Running, TestContext};
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A running `hutch system service` on a private socket; killed when dropped.
pub struct Service {
    pub sock: PathBuf,
    running: Option<Running>,
}

impl Service {
    /// Starts the service with `--time 0` (never idle-exits) and waits for its socket.
    pub fn start(ctx: &TestContext) -> Service {
        Service::start_with(ctx, &["--time", "0"])
    }

    /// Starts the service with extra arguments before the socket URI.
    pub fn start_with(ctx: &TestContext, args: &[&str]) -> Service {
        let sock = ctx.dir.join("api.sock");
        let mut cmd = ctx.hutch(["system", "service"]);
        cmd.args(args)
            .arg(format!("unix://{}", sock.display()))
            .timeout(Duration::from_secs(3600));
        let running = cmd.spawn();
        let svc = Service {
            sock,
            running: Some(running),
        };
        svc.wait_ready();
        svc
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if UnixStream::connect(&self.sock).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "hutch system service did not listen on {} within 20s",
            self.sock.display()
        );
    }

    /// `unix://SOCKET`, for DOCKER_HOST.
    pub fn host(&self) -> String {
        format!("unix://{}", self.sock.display())
    }

    /// The docker CLI as the test user, talking to this service.
    pub fn docker<I, S>(&self, ctx: &TestContext, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let docker = require("docker", "docker.io");
        let mut cmd = ctx.command(docker);
        cmd.env("DOCKER_HOST", self.host())
            .env("DOCKER_CONFIG", ctx.dir.join(".docker"))
            .args(args);
        cmd
    }

    /// A Python interpreter of the tests' venv (docker-py, testcontainers) as the test user,
    /// with DOCKER_HOST pointing at this service.
    pub fn python(&self, ctx: &TestContext, script: &str) -> Cmd {
        let mut cmd = ctx.command(venv_python());
        cmd.env("DOCKER_HOST", self.host()).arg("-c").arg(script);
        cmd
    }

    /// One raw HTTP request; returns status, headers (lowercase names) and body.
    pub fn request(&self, method: &str, path: &str, body: Option<&str>) -> raw::Reply {
        raw::request(&self.sock, method, path, body)
    }

    /// Stops the service (SIGKILL) and returns its output.
    pub fn stop(mut self) -> crate::harness::Output {
        let mut r = self.running.take().unwrap();
        r.kill9();
        r.wait()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        if let Some(mut r) = self.running.take() {
            r.kill9();
            let out = r.wait();
            if std::thread::panicking() {
                eprintln!("--- service stderr ---\n{}", out.stderr);
            }
        }
    }
}

/// The venv with docker-py and testcontainers (`.ci/run` makes it; HUTCH_IT_VENV overrides).
pub fn venv_python() -> PathBuf {
    let venv = std::env::var("HUTCH_IT_VENV").unwrap_or_else(|_| "/opt/hutch-it-venv".into());
    let py = PathBuf::from(&venv).join("bin/python");
    if !py.is_file() {
        missing(
            &format!("a Python venv with docker-py and testcontainers at {venv}"),
            &format!("/usr/bin/python3 -m venv {venv} && {venv}/bin/pip install 'docker>=7.1,<8' 'testcontainers>=4.8,<5'"),
        );
    }
    py
}

/// Reads everything from a unix stream (helper for streaming checks).
pub fn read_all(mut s: UnixStream) -> Vec<u8> {
    let mut v = Vec::new();
    let _ = s.read_to_end(&mut v);
    v
}

/// Writes a request and leaves the stream open (for hijack and streaming tests).
pub fn open_request(sock: &std::path::Path, head: &str, body: &[u8]) -> UnixStream {
    let mut s = UnixStream::connect(sock).expect("connect to the service socket");
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    s
}
