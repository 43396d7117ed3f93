//! API tests: an everyday docker CLI session against the service, the way a user types it —
//! `run` (pulling a missing image, exit codes, stdin), `run -p` and a request through the port,
//! `exec -it` through a pseudo-terminal, `attach`, `logs -f`, `save | load` and `events`.

use super::Service;
use crate::fixtures::busybox;
use crate::harness::{require, Output, TestContext};
use std::time::Duration;

fn setup(name: &str) -> (TestContext, Service, String) {
    require("runc", "runc");
    let ctx = TestContext::new(name);
    let img = busybox().plain();
    let svc = Service::start(&ctx);
    (ctx, svc, img)
}

/// `script` run by bash as the test user, with `docker` talking to the service.
fn docker_sh(svc: &Service, ctx: &TestContext, script: &str) -> Output {
    let docker = require("docker", "docker.io");
    ctx.command("bash")
        .env("DOCKER_HOST", svc.host())
        .env("DOCKER_CONFIG", ctx.dir.join(".docker"))
        .env("DOCKER", &docker)
        .args(["-euo", "pipefail", "-c", script])
        .timeout(Duration::from_secs(120))
        .run()
}

/// The docker CLI with a 24x70 pseudo-terminal as its stdin, stdout and stderr (python's pty,
/// nothing typed into it); returns its exit code and what it wrote to the terminal.
fn docker_on_a_pty(svc: &Service, ctx: &TestContext, args: &[&str]) -> Output {
    let docker = require("docker", "docker.io");
    let py = r#"
import fcntl, os, pty, struct, subprocess, sys, termios
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 70, 0, 0))
p = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
os.close(slave)
out = b""
while True:
    try:
        b = os.read(master, 4096)
    except OSError:
        break
    if not b:
        break
    out += b
sys.stdout.write(out.decode(errors="replace"))
sys.exit(p.wait())
"#;
    ctx.command("python3")
        .env("DOCKER_HOST", svc.host())
        .env("DOCKER_CONFIG", ctx.dir.join(".docker"))
        .args(["-c", py])
        .arg(&docker)
        .args(args)
        .timeout(Duration::from_secs(120))
        .run()
}

#[test]
fn docker_cli_run_exec_attach_logs_and_ports() {
    let (ctx, svc, img) = setup("api-cli-run");
    // The image is not here yet: `docker run` pulls it (the create's 404 makes it pull).
    let out = docker_sh(
        &svc,
        &ctx,
        &format!(r#""$DOCKER" run --rm {img} sh -c 'echo hello; echo oops >&2; exit 3'"#),
    );
    assert_eq!(out.code, Some(3), "{out:?}");
    assert_eq!(out.stdout.trim(), "hello", "{out:?}");
    assert!(out.stderr.contains("oops"), "{out:?}");
    assert!(
        out.stderr.contains("Unable to find image"),
        "docker run pulled: {out:?}"
    );
    let out = docker_sh(
        &svc,
        &ctx,
        &format!(r#"printf 'a\nb\n' | "$DOCKER" run --rm -i {img} sh -c 'cat; exit 0'"#),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(out.stdout, "a\nb\n", "{out:?}");
    // A command that is not there: 127, as docker.
    let out = docker_sh(
        &svc,
        &ctx,
        &format!(r#""$DOCKER" run --rm {img} /no/such/program"#),
    );
    assert_eq!(out.code, Some(127), "{out:?}");

    // `run -d -p`, and a request through the published port.
    let out = docker_sh(
        &svc,
        &ctx,
        &format!(
            r#""$DOCKER" run -d --name web -p 127.0.0.1::8080 {img} sh -c 'mkdir /www && echo served-by-hutch > /www/index.html && exec busybox httpd -f -p 8080 -h /www'"#
        ),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    let port = docker_sh(&svc, &ctx, r#""$DOCKER" port web 8080/tcp"#);
    let port: u16 = port
        .stdout
        .trim()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("docker port: {port:?}"));
    assert_eq!(super::raw::http_get(port, "/").trim(), "served-by-hutch");

    // `exec -it` through a terminal of the caller's size; `exec -i` with piped input.
    let out = docker_on_a_pty(
        &svc,
        &ctx,
        &["exec", "-it", "web", "sh", "-c", "tty; stty size; exit 5"],
    );
    assert_eq!(out.code, Some(5), "{out:?}");
    assert!(out.stdout.contains("/dev/pts/"), "{out:?}");
    assert!(out.stdout.contains("24 70"), "{out:?}");
    let out = docker_sh(
        &svc,
        &ctx,
        r#"echo piped | "$DOCKER" exec -i web sh -c 'read l; echo got:$l'"#,
    );
    assert_eq!(out.stdout.trim(), "got:piped", "{out:?}");
    let out = docker_sh(&svc, &ctx, r#""$DOCKER" rm -f web"#);
    assert_eq!(out.code, Some(0), "{out:?}");

    // `attach` to a container reading its stdin: the input goes in, the output and the exit
    // code come back when the container ends.
    let out = docker_sh(
        &svc,
        &ctx,
        &format!(
            r#""$DOCKER" run -di --name att {img} sh -c 'while read l; do echo got:$l; done; echo bye; exit 7'"#
        ),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    let out = docker_sh(&svc, &ctx, r#"printf 'x\ny\n' | "$DOCKER" attach att"#);
    assert_eq!(out.code, Some(7), "{out:?}");
    assert_eq!(out.stdout, "got:x\ngot:y\nbye\n", "{out:?}");

    // `logs -f` follows until the container ends.
    let out = docker_sh(
        &svc,
        &ctx,
        &format!(
            r#""$DOCKER" run -d --name lf {img} sh -c 'echo first; sleep 2; echo second' >/dev/null
               "$DOCKER" logs -f lf"#
        ),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(out.stdout, "first\nsecond\n", "{out:?}");
    let out = docker_sh(&svc, &ctx, r#""$DOCKER" rm att lf"#);
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(
        ctx.hutch(["ps", "-aq"]).run().success().stdout.trim(),
        "",
        "nothing left"
    );
}

#[test]
fn docker_cli_save_load_and_events() {
    let (ctx, svc, img) = setup("api-cli-save");
    let out = docker_sh(
        &svc,
        &ctx,
        &format!(
            r#"since=$(date +%s)
               "$DOCKER" pull -q {img} >/dev/null
               "$DOCKER" tag {img} saved/copy:1
               "$DOCKER" save saved/copy:1 | "$DOCKER" load
               "$DOCKER" run --rm --name evc saved/copy:1 true
               "$DOCKER" rmi saved/copy:1 >/dev/null
               "$DOCKER" save {img} > "$HOME/img.tar"
               "$DOCKER" rmi {img} >/dev/null
               "$DOCKER" load -i "$HOME/img.tar"
               "$DOCKER" images --format '{{{{.Repository}}}}:{{{{.Tag}}}}'
               echo ---
               "$DOCKER" events --since "$since" --until "$(( $(date +%s) + 1 ))" \
                 --filter container=evc --format '{{{{.Type}}}} {{{{.Action}}}}'"#
        ),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    let (loads, rest) = out.stdout.split_once("---\n").expect("the marker");
    assert!(loads.contains("Loaded image: saved/copy:1"), "{out:?}");
    let repo_tag = img.rsplit_once('/').map(|(_, t)| t).unwrap_or(&img);
    assert!(
        loads.lines().any(|l| l.ends_with(repo_tag)),
        "the image is back after load: {out:?}"
    );
    let events: Vec<&str> = rest.lines().collect();
    for want in [
        "container create",
        "container start",
        "container die",
        "container destroy",
    ] {
        assert!(events.contains(&want), "{want} in {events:?}");
    }
    let pos = |a: &str| events.iter().position(|e| *e == a).unwrap();
    assert!(pos("container start") < pos("container die"), "{events:?}");
}
