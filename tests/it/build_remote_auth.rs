//! `hutch build` fetching from servers that want credentials or trust: `ADD` of a git
//! repository over ssh from a real sshd on 127.0.0.1 (run as the test user, with its own host
//! key), authenticated by an agent given with `--ssh`; and `ADD` of an HTTPS URL whose
//! certificate comes from a CA the test makes, trusted through `SSL_CERT_FILE`.

use crate::build::{build, context, run_out};
use crate::build_sources::git;
use crate::busybox_context as setup;
use crate::harness::{require, session, TestContext};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A process the test started; killed when dropped (and by the session if the test dies).
pub(crate) struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// An ssh-agent as the test user, listening on `sock`, left running.
pub(crate) fn start_ssh_agent(ctx: &TestContext, sock: &Path) -> Daemon {
    let agent = require("ssh-agent", "openssh-client");
    start_as_user(
        ctx,
        &agent,
        &["-D", "-a", sock.to_str().unwrap()],
        "SSH_AUTH_SOCK",
        true,
    )
}

/// `prog args` as the test user, left running; returns once a line of its stderr (or of its
/// stdout, with `on_stdout`) contains `ready`.
pub(crate) fn start_as_user(
    ctx: &TestContext,
    prog: &Path,
    args: &[&str],
    ready: &str,
    on_stdout: bool,
) -> Daemon {
    let mut cmd = Command::new("setpriv");
    cmd.arg(format!("--reuid={}", ctx.user.uid))
        .arg(format!("--regid={}", ctx.user.gid))
        .arg("--clear-groups")
        .arg("--")
        .arg(prog)
        .args(args)
        .env_clear()
        .env("HOME", &ctx.home)
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .stdin(Stdio::null());
    if on_stdout {
        cmd.stdout(Stdio::piped()).stderr(Stdio::null());
    } else {
        cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    }
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("start {prog:?}: {e}"));
    session().at_exit(&format!("kill -9 {}", child.id()));
    let out: Box<dyn std::io::Read + Send> = match on_stdout {
        true => Box::new(child.stdout.take().unwrap()),
        false => Box::new(child.stderr.take().unwrap()),
    };
    let mut lines = BufReader::new(out).lines();
    let mut seen = String::new();
    loop {
        match lines.next() {
            Some(Ok(l)) if l.contains(ready) => break,
            Some(Ok(l)) => seen.push_str(&format!("{l}\n")),
            _ => panic!("{prog:?} did not start: {seen}"),
        }
    }
    // The rest of its stderr is not read: keep it from blocking on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Daemon(child)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn build_add_clones_over_ssh_with_the_agent_given_by_ssh() {
    let (ctx, img) = setup("build-add-ssh");
    let sshd = require("sshd", "openssh-server");
    let keygen = require("ssh-keygen", "openssh-client");
    let ssh_dir = ctx.dir.join("sshd");
    ctx.write_file(&ssh_dir.join("placeholder"), "");
    for key in ["host_key", "user_key"] {
        let path = ssh_dir.join(key);
        ctx.command(&keygen)
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&path)
            .run()
            .success();
    }
    let read = |p: PathBuf| std::fs::read_to_string(p).unwrap();
    ctx.write_file(
        &ssh_dir.join("authorized_keys"),
        read(ssh_dir.join("user_key.pub")),
    );
    // A bare repository the test user owns, served by an sshd that user runs.
    let src = ctx.dir.join("repo-src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("hello.txt"), "over ssh\n").unwrap();
    git(&src, &["init", "-q", "-b", "main"]);
    git(&src, &["add", "."]);
    git(&src, &["commit", "-q", "-m", "one"]);
    let bare = ctx.dir.join("repo.git");
    git(
        &ctx.dir,
        &["clone", "-q", "--bare", src.to_str().unwrap(), "repo.git"],
    );
    Command::new("chown")
        .arg("-R")
        .arg(format!("{}:{}", ctx.user.uid, ctx.user.gid))
        .arg(&bare)
        .status()
        .unwrap();
    let port = free_port();
    let config = ssh_dir.join("sshd_config");
    ctx.write_file(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nAuthorizedKeysFile {}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n\
             StrictModes no\nPidFile none\n",
            ssh_dir.join("host_key").display(),
            ssh_dir.join("authorized_keys").display()
        ),
    );
    let _sshd = start_as_user(
        &ctx,
        &sshd,
        &["-D", "-e", "-f", config.to_str().unwrap()],
        "Server listening",
        false,
    );
    // The test user knows the server's key, as a user would after checking it.
    let known = ctx.home.join(".ssh/known_hosts");
    let host_line = format!(
        "[127.0.0.1]:{port} {}",
        read(ssh_dir.join("host_key.pub")).trim()
    );
    ctx.write_file(&known, format!("{host_line}\n"));
    // An agent holding the key, started by the test; hutch gets only its socket.
    let sock = ssh_dir.join("agent.sock");
    let _agent = start_ssh_agent(&ctx, &sock);
    ctx.command(require("ssh-add", "openssh-client"))
        .env("SSH_AUTH_SOCK", &sock)
        .arg(ssh_dir.join("user_key"))
        .run()
        .success();

    let url = format!("ssh://127.0.0.1:{port}{}", bare.display());
    let df = format!("FROM {img}\nADD {url}#main /repo/\n");
    let dir = context(&ctx, "ssh", &[("Dockerfile", &df)]);
    // Without an agent the server accepts no key: the error names the repository and --ssh.
    let bad = build(&ctx, &dir, &["-t", "sshgit"]).code(125);
    assert!(
        bad.stderr.contains(&url) && bad.stderr.contains("--ssh default="),
        "{}",
        bad.stderr
    );
    let sock_arg = format!("default={}", sock.display());
    build(&ctx, &dir, &["--ssh", &sock_arg, "-t", "sshgit"]).success();
    assert_eq!(run_out(&ctx, "sshgit", "cat /repo/hello.txt"), "over ssh\n");
    // An unknown host key fails the build at once (no question on a terminal) and says so.
    ctx.write_file(&known, "");
    let unknown = build(&ctx, &dir, &["--no-cache", "--ssh", &sock_arg]).code(125);
    assert!(unknown.stderr.contains("known_hosts"), "{}", unknown.stderr);
}

const HTTPS_SERVER: &str = r#"
import functools, http.server, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[3])
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print("port", srv.server_address[1], flush=True)
srv.serve_forever()
"#;

#[test]
fn build_add_https_url_trusts_a_ca_given_by_ssl_cert_file() {
    let (mut ctx, img) = setup("build-add-https");
    let openssl = require("openssl", "openssl");
    let python = require("python3", "python3");
    let tls = ctx.dir.join("tls");
    let www = ctx.dir.join("www");
    ctx.write_file(&www.join("file.txt"), "over tls\n");
    std::fs::create_dir_all(&tls).unwrap();
    let ca = tls.join("ca.crt");
    let openssl_ok = |args: &[&str]| {
        let out = Command::new(&openssl)
            .args(args)
            .current_dir(&tls)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    openssl_ok(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=hutch build test CA",
    ]);
    openssl_ok(&[
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "srv.key",
        "-out",
        "srv.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    std::fs::write(tls.join("ext.cnf"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    openssl_ok(&[
        "x509",
        "-req",
        "-in",
        "srv.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "srv.crt",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
    ]);
    std::fs::write(tls.join("serve.py"), HTTPS_SERVER).unwrap();
    let mut child = Command::new(python)
        .arg("-u")
        .arg(tls.join("serve.py"))
        .arg(tls.join("srv.crt"))
        .arg(tls.join("srv.key"))
        .arg(&www)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    session().at_exit(&format!("kill -9 {}", child.id()));
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _server = Daemon(child);
    let port: u16 = line
        .trim()
        .strip_prefix("port ")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("the HTTPS server did not say its port: {line:?}"));
    let url = format!("https://127.0.0.1:{port}/file.txt");
    let df = format!("FROM {img}\nADD {url} /got.txt\n");
    let dir = context(&ctx, "https", &[("Dockerfile", &df)]);
    // The CA is not trusted yet: the error names the URL and how to trust it.
    let bad = build(&ctx, &dir, &["-t", "https"]).code(125);
    assert!(
        bad.stderr.contains(&url)
            && bad.stderr.contains("not trusted")
            && bad.stderr.contains("SSL_CERT_FILE"),
        "{}",
        bad.stderr
    );
    ctx.set_env("SSL_CERT_FILE", ca.to_str().unwrap());
    build(&ctx, &dir, &["-t", "https"]).success();
    assert_eq!(run_out(&ctx, "https", "cat /got.txt"), "over tls\n");
}
