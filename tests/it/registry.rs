//! Real local registries (Debian's `docker-registry`) on 127.0.0.1: one plain HTTP, one with
//! htpasswd auth, one with TLS from a CA made here, and (on demand) one with bearer-token auth
//! backed by `tokenserver.py`. They share one storage directory, so an image pushed once (over
//! plain HTTP, by the small distribution-API client below) is served by all of them.

use crate::harness::{require, session};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

pub const AUTH_USER: &str = "hutchuser";
pub const AUTH_PASS: &str = "s3cret-pass";

pub struct Registry {
    pub port: u16,
    pub log: PathBuf,
    _child: Mutex<Child>,
}

impl Registry {
    /// `127.0.0.1:PORT`, the registry part of image references.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `127.0.0.1:PORT/REPO:TAG`
    pub fn image(&self, repo_tag: &str) -> String {
        format!("{}/{repo_tag}", self.host())
    }

    pub fn log_text(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }
}

pub struct Registries {
    pub plain: Registry,
    pub auth: Registry,
    pub tls: Registry,
    /// World-readable directory holding only `ca.crt`: what `--cert-dir` gets.
    pub ca_dir: PathBuf,
}

/// The three registries, started once per test process and stopped by the session watchdog.
pub fn registries() -> &'static Registries {
    static REGS: OnceLock<Registries> = OnceLock::new();
    REGS.get_or_init(start_all)
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().unwrap().port()
}

fn run_ok(cmd: &mut Command, what: &str) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn start_all() -> Registries {
    let registry_bin = require("docker-registry", "docker-registry");
    let openssl = require("openssl", "openssl");
    let htpasswd = require("htpasswd", "apache2-utils");
    let base = session().dir.join("registry");
    let storage = base.join("storage");
    let tls_dir = base.join("tls");
    let ca_dir = base.join("ca");
    for d in [&storage, &tls_dir, &ca_dir] {
        fs::create_dir_all(d).unwrap();
    }
    for d in [&base, &ca_dir] {
        fs::set_permissions(d, fs::Permissions::from_mode(0o755)).unwrap();
    }

    // A CA and a server certificate for 127.0.0.1, made fresh for every run.
    let ca_key = tls_dir.join("ca.key");
    let ca_crt = ca_dir.join("ca.crt");
    run_ok(
        Command::new(&openssl)
            .args([
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
            ])
            .arg("-keyout")
            .arg(&ca_key)
            .arg("-out")
            .arg(&ca_crt)
            .args(["-days", "2", "-subj", "/CN=hutch integration test CA"])
            .args([
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ]),
        "openssl: make CA",
    );
    fs::set_permissions(&ca_crt, fs::Permissions::from_mode(0o644)).unwrap();
    let srv_key = tls_dir.join("server.key");
    let srv_csr = tls_dir.join("server.csr");
    let srv_crt = tls_dir.join("server.crt");
    run_ok(
        Command::new(&openssl)
            .args([
                "req",
                "-new",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
            ])
            .arg("-keyout")
            .arg(&srv_key)
            .arg("-out")
            .arg(&srv_csr)
            .args(["-subj", "/CN=127.0.0.1"]),
        "openssl: make server key",
    );
    let ext = tls_dir.join("ext.cnf");
    fs::write(
        &ext,
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run_ok(
        Command::new(&openssl)
            .args(["x509", "-req", "-days", "2", "-CAcreateserial"])
            .arg("-in")
            .arg(&srv_csr)
            .arg("-CA")
            .arg(&ca_crt)
            .arg("-CAkey")
            .arg(&ca_key)
            .arg("-out")
            .arg(&srv_crt)
            .arg("-extfile")
            .arg(&ext),
        "openssl: sign server certificate",
    );

    let htpasswd_file = base.join("htpasswd");
    let out = Command::new(&htpasswd)
        .args(["-Bbn", AUTH_USER, AUTH_PASS])
        .output()
        .expect("run htpasswd");
    assert!(out.status.success(), "htpasswd -Bbn failed");
    fs::write(&htpasswd_file, &out.stdout).unwrap();

    let start =
        |name: &str, extra: String| start_registry(&registry_bin, &base, &storage, name, &extra);

    let plain = start("plain", String::new());
    let auth = start(
        "auth",
        format!(
            "auth:\n  htpasswd:\n    realm: hutch-it\n    path: {}\n",
            htpasswd_file.display()
        ),
    );
    let tls = start(
        "tls",
        format!(
            "  tls:\n    certificate: {}\n    key: {}\n",
            srv_crt.display(),
            srv_key.display()
        ),
    );
    let regs = Registries {
        plain,
        auth,
        tls,
        ca_dir,
    };
    // The plain registry is the one the tests push to: wait until it answers the API.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        match http(&regs.plain.host(), "GET", "/v2/", &[], Body::Empty) {
            Ok(r) if r.status == 200 => break,
            other if Instant::now() > deadline => {
                panic!("registry not ready: {other:?}\n{}", regs.plain.log_text())
            }
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    regs
}

/// Starts one docker-registry serving `storage` with `extra` appended to its config (under
/// `http:` when indented, top-level otherwise), on a free port, killed when the session ends.
fn start_registry(
    registry_bin: &Path,
    base: &Path,
    storage: &Path,
    name: &str,
    extra: &str,
) -> Registry {
    start_registry_logged(registry_bin, base, storage, name, extra, false)
}

/// A registry of its own (empty storage) with its access log on, so a test can count the
/// requests it got (`Registry::requests`). `extra` as for the shared ones.
pub fn fresh_registry(name: &str, extra: &str) -> Registry {
    registries();
    let registry_bin = require("docker-registry", "docker-registry");
    let base = session().dir.join("registry").join(format!("fresh-{name}"));
    let storage = base.join("storage");
    fs::create_dir_all(&storage).unwrap();
    start_registry_logged(&registry_bin, &base, &storage, name, extra, true)
}

/// `rangeproxy.py` in front of `upstream`: a registry that refuses streamed (unranged) PATCH
/// uploads with 416. Its log has a `refused PATH` line per refusal.
pub fn refusing_proxy(name: &str, upstream: &Registry) -> Registry {
    let python = require("python3", "python3");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/rangeproxy.py");
    let log = session().dir.join(format!("{name}.proxy.log"));
    let mut child = Command::new(&python)
        .arg(&script)
        .args(["--upstream", &upstream.host()])
        .env("HUTCH_IT_SESSION", &session().dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(fs::File::create(&log).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", script.display()));
    session().at_exit(&format!("kill -9 {}", child.id()));
    let mut line = String::new();
    let _ = BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
    let port: u16 = line.trim().parse().unwrap_or_else(|_| {
        let _ = child.kill();
        panic!(
            "rangeproxy did not start (printed {line:?}):\n{}",
            fs::read_to_string(&log).unwrap_or_default()
        )
    });
    Registry {
        port,
        log,
        _child: Mutex::new(child),
    }
}

/// htpasswd settings for `fresh_registry` (the shared registries' password file).
pub fn htpasswd_config() -> String {
    registries();
    format!(
        "auth:\n  htpasswd:\n    realm: hutch-it\n    path: {}\n",
        session().dir.join("registry/htpasswd").display()
    )
}

impl Registry {
    /// `METHOD PATH STATUS` of every request in the access log, in order.
    pub fn requests(&self) -> Vec<String> {
        self.log_text()
            .lines()
            .filter_map(|l| {
                let start = l.find("\"")? + 1;
                let rest = &l[start..];
                let end = rest.find(" HTTP/")?;
                let after = rest[end..].split_once("\" ")?.1;
                let status = after.split_whitespace().next()?;
                Some(format!("{} {status}", &rest[..end]))
            })
            .collect()
    }
}

fn start_registry_logged(
    registry_bin: &Path,
    base: &Path,
    storage: &Path,
    name: &str,
    extra: &str,
    access_log: bool,
) -> Registry {
    for _attempt in 0..5 {
        let port = free_port();
        let config = base.join(format!("{name}.yml"));
        let log = base.join(format!("{name}.log"));
        fs::write(
            &config,
            format!(
                "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: {}\n\
                 storage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\n  \
                 maintenance:\n    uploadpurging:\n      enabled: false\n\
                 http:\n  addr: 127.0.0.1:{port}\n  secret: hutch-integration-tests\n{extra}",
                !access_log,
                storage.display()
            ),
        )
        .unwrap();
        let child = Command::new(registry_bin)
            .arg("serve")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(fs::File::create(&log).unwrap())
            .stderr(fs::File::options().append(true).open(&log).unwrap())
            .spawn()
            .expect("start docker-registry");
        session().at_exit(&format!("kill -9 {}", child.id()));
        let mut child = child;
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut up = false;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                up = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        if up {
            return Registry {
                port,
                log,
                _child: Mutex::new(child),
            };
        }
        let _ = child.kill();
    }
    panic!(
        "docker-registry ({name}) did not start; see {}",
        base.join(format!("{name}.log")).display()
    );
}

pub const TOKEN_USER: &str = "tokenuser";
pub const TOKEN_PASS: &str = "t0ken-s3cret";

/// A registry that wants bearer tokens from a token server the tests run (`tokenserver.py`):
/// Basic credentials buy an RS256 JWT granting what was asked; anonymous callers get a token
/// granting nothing. It shares the other registries' storage, so everything pushed is there.
pub struct TokenRegistry {
    pub registry: Registry,
    pub token_port: u16,
    /// One line per token request: `token STATUS SUBJECT GRANTS`.
    pub token_log: PathBuf,
    _token_server: Mutex<Child>,
}

impl TokenRegistry {
    pub fn token_log_text(&self) -> String {
        fs::read_to_string(&self.token_log).unwrap_or_default()
    }
}

/// The token-auth registry and its token server, started once per test process (after the
/// others, whose storage it shares) and killed by the session watchdog.
pub fn token_registry() -> &'static TokenRegistry {
    static REG: OnceLock<TokenRegistry> = OnceLock::new();
    REG.get_or_init(start_token_registry)
}

fn start_token_registry() -> TokenRegistry {
    // The plain registry first: it creates the shared storage and is where images get pushed.
    registries();
    let registry_bin = require("docker-registry", "docker-registry");
    let openssl = require("openssl", "openssl");
    let python = require("python3", "python3");
    let base = session().dir.join("registry");
    let storage = base.join("storage");
    let dir = base.join("token");
    fs::create_dir_all(&dir).unwrap();

    let key = dir.join("signer.key");
    let cert = dir.join("signer.crt");
    run_ok(
        Command::new(&openssl)
            .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .args([
                "-days",
                "2",
                "-subj",
                "/CN=hutch integration test token signer",
            ]),
        "openssl: make token signing key",
    );

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/tokenserver.py");
    let token_log = dir.join("tokenserver.log");
    let mut server = Command::new(&python)
        .arg(&script)
        .arg("--cert")
        .arg(&cert)
        .arg("--key")
        .arg(&key)
        .args(["--user", TOKEN_USER, "--password", TOKEN_PASS])
        .args(["--issuer", "hutch-it-token-issuer"])
        .arg("--openssl")
        .arg(&openssl)
        .env("HUTCH_IT_SESSION", &session().dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(fs::File::create(&token_log).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", script.display()));
    session().at_exit(&format!("kill -9 {}", server.id()));
    // The server binds port 0 and prints the port it got: no race for a free port.
    let mut line = String::new();
    let _ = BufReader::new(server.stdout.take().unwrap()).read_line(&mut line);
    let token_port: u16 = line.trim().parse().unwrap_or_else(|_| {
        let _ = server.kill();
        panic!(
            "token server did not start (printed {line:?}); see {}:\n{}",
            token_log.display(),
            fs::read_to_string(&token_log).unwrap_or_default()
        )
    });

    let registry = start_registry(
        &registry_bin,
        &base,
        &storage,
        "token",
        &format!(
            "auth:\n  token:\n    realm: http://127.0.0.1:{token_port}/token\n    \
             service: hutch-it-registry\n    issuer: hutch-it-token-issuer\n    \
             rootcertbundle: {}\n",
            cert.display()
        ),
    );
    TokenRegistry {
        registry,
        token_port,
        token_log,
        _token_server: Mutex::new(server),
    }
}

/// A request body: small ones in memory, big layers streamed from a file.
pub enum Body<'a> {
    Empty,
    Bytes(&'a [u8]),
    File(&'a Path),
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request with `Connection: close` (the registry is real; the client is tiny).
pub fn http(
    host: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Body,
) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(host)?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    let len = match &body {
        Body::Empty => 0,
        Body::Bytes(b) => b.len() as u64,
        Body::File(p) => fs::metadata(p)?.len(),
    };
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {len}\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    match body {
        Body::Empty => {}
        Body::Bytes(b) => stream.write_all(b)?,
        Body::File(p) => {
            std::io::copy(&mut fs::File::open(p)?, &mut stream)?;
        }
    }
    stream.flush()?;
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {status_line:?}")))?;
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let mut body = Vec::new();
    if method != "HEAD" {
        reader.read_to_end(&mut body)?;
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// Where blob data comes from.
pub enum Blob<'a> {
    Bytes(&'a [u8]),
    File(&'a Path),
}

/// Uploads a blob to REPO unless the registry already has it (monolithic POST + PUT upload).
pub fn push_blob(host: &str, repo: &str, digest: &str, blob: Blob) {
    let head = http(
        host,
        "HEAD",
        &format!("/v2/{repo}/blobs/{digest}"),
        &[],
        Body::Empty,
    )
    .expect("HEAD blob");
    if head.status == 200 {
        return;
    }
    let start = http(
        host,
        "POST",
        &format!("/v2/{repo}/blobs/uploads/"),
        &[],
        Body::Empty,
    )
    .expect("start upload");
    assert_eq!(start.status, 202, "start upload for {repo}: {start:?}");
    let location = start
        .header("Location")
        .expect("upload Location")
        .to_string();
    // The registry answers with an absolute URL; keep only the path and query.
    let path = match location.find("://") {
        Some(i) => {
            let rest = &location[i + 3..];
            rest[rest.find('/').unwrap_or(rest.len())..].to_string()
        }
        None => location,
    };
    let sep = if path.contains('?') { '&' } else { '?' };
    let put_path = format!("{path}{sep}digest={digest}");
    let headers = [("Content-Type", "application/octet-stream")];
    let body = match blob {
        Blob::Bytes(b) => Body::Bytes(b),
        Blob::File(p) => Body::File(p),
    };
    let done = http(host, "PUT", &put_path, &headers, body).expect("PUT blob");
    assert_eq!(
        done.status,
        201,
        "upload {digest} to {repo}: {} {}",
        done.status,
        String::from_utf8_lossy(&done.body)
    );
}

/// Stores a manifest (or index) under a tag or digest.
pub fn push_manifest(host: &str, repo: &str, reference: &str, media_type: &str, bytes: &[u8]) {
    let r = http(
        host,
        "PUT",
        &format!("/v2/{repo}/manifests/{reference}"),
        &[("Content-Type", media_type)],
        Body::Bytes(bytes),
    )
    .expect("PUT manifest");
    assert_eq!(
        r.status,
        201,
        "push manifest {repo}:{reference} ({media_type}): {}",
        String::from_utf8_lossy(&r.body)
    );
}
