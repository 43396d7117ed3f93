//! Attached runs over slirp4netns and pasta, many times in a row: `run -it` under a terminal
//! (typing into it too), `run -a`, and `run -i` with piped input, each with `--rm`. They used to
//! end now and then with "attach socket: Connection reset by peer" (issue 18: slirp4netns as the
//! default network waited for this).

use crate::harness::{hutch_bin, require};
use crate::network::setup;

/// How many times each way of attaching runs per network mode.
const ROUNDS: usize = 20;

/// Runs `hutch ARGS` `ROUNDS` times under a new pseudo-terminal and prints one line per run:
/// `ROUND CODE OUTPUT` (output as a Python repr). With `typed`, those bytes are typed into the
/// terminal as soon as the run starts, and again right after (input that arrives while the
/// container ends). `stdout=pty` puts stdout on the terminal too (what an interactive shell does),
/// else it goes to a pipe.
const PTY_DRIVER: &str = r#"
import os, pty, select, subprocess, sys, time
rounds, typed, stdout_pty = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3] == "pty"
for i in range(rounds):
    master, slave = pty.openpty()
    args = [a.replace("ROUND", str(i)) for a in sys.argv[4:]]
    p = subprocess.Popen(args, stdin=slave, stdout=slave if stdout_pty else subprocess.PIPE,
                         stderr=subprocess.STDOUT if not stdout_pty else slave,
                         start_new_session=True)
    os.close(slave)
    out, typed_again = b"", False
    if typed:
        os.write(master, typed)
    fds = [master] + ([p.stdout] if p.stdout else [])
    deadline = time.time() + 60
    while fds and time.time() < deadline:
        r, _, _ = select.select(fds, [], [], 0.5)
        for f in r:
            try:
                data = os.read(f if isinstance(f, int) else f.fileno(), 65536)
            except OSError:
                data = b""
            if not data:
                fds.remove(f)
                continue
            out += data
            if typed and f == master and b"got" in out and not typed_again:
                # More input while the container ends: nobody reads it any more.
                typed_again = True
                try:
                    os.write(master, typed * 8)
                except OSError:
                    pass
        if p.poll() is not None and not r:
            break
    code = p.wait(timeout=60)
    os.close(master)
    print(i, code, repr(out.decode(errors="replace")), flush=True)
"#;

fn check_rounds(what: &str, out: &crate::harness::Output, want: impl Fn(usize) -> String) {
    assert_eq!(out.code, Some(0), "{what}: {out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), ROUNDS, "{what}: {out:?}");
    let failed: Vec<&&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            let mut w = l.splitn(3, ' ');
            let (_, code, text) = (w.next(), w.next(), w.next().unwrap_or(""));
            code != Some("0") || !text.contains(&want(*i))
        })
        .map(|(_, l)| l)
        .collect();
    assert!(
        failed.is_empty(),
        "{what}: {} of {ROUNDS} runs failed:\n{}",
        failed.len(),
        failed
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn attached_runs_survive(network: &str) {
    // The test user's python3 (on the context's PATH), not the one on ours.
    require("python3", "python3");
    let (ctx, img) = setup(&format!("attach-{network}"));
    let hutch = hutch_bin().display().to_string();
    let run = |args: &[&str]| {
        let mut v = vec![hutch.as_str(), "run", "--rm", "--network", network];
        v.extend_from_slice(args);
        v.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let pty = |typed: &str, stdout: &str, args: Vec<String>| {
        ctx.command("python3")
            .args(["-c", PTY_DRIVER, &ROUNDS.to_string(), typed, stdout])
            .args(args)
            .timeout(std::time::Duration::from_secs(600))
            .run()
    };
    // `run -it` with only stdin on the terminal (stdout to a file or pipe), nothing typed.
    let out = pty(
        "",
        "pipe",
        run(&["-it", &img, "sh", "-c", "echo tty-ROUND"]),
    );
    check_rounds("run -it, stdout to a pipe", &out, |i| format!("tty-{i}"));
    // `run -it` on a terminal, typing a line the container reads, and more as it ends.
    let out = pty(
        "line\n",
        "pty",
        run(&["-it", &img, "sh", "-c", "read x; echo got-$x-ROUND"]),
    );
    check_rounds("run -it, typing", &out, |i| format!("got-line-{i}"));
    // `run -a stdout -a stderr` (no stdin) and its exit code.
    for i in 0..ROUNDS {
        let out = ctx
            .hutch(run(&["-a", "stdout", "-a", "stderr", &img])[1..].iter())
            .args([
                "sh",
                "-c",
                &format!("echo out-{i}; echo err-{i} >&2; exit 3"),
            ])
            .run();
        assert_eq!(out.code, Some(3), "run -a, round {i}: {out:?}");
        assert_eq!(
            out.stdout,
            format!("out-{i}\n"),
            "run -a, round {i}: {out:?}"
        );
        assert_eq!(
            out.stderr,
            format!("err-{i}\n"),
            "run -a, round {i}: {out:?}"
        );
    }
    // `run -i` with input from a pipe, which the container reads to the end.
    for i in 0..ROUNDS {
        let script =
            format!("printf 'in-{i}\\n' | \"$0\" run --rm --network {network} -i {img} cat",);
        let out = ctx.command("sh").args(["-c", &script, &hutch]).run();
        assert_eq!(out.code, Some(0), "run -i, round {i}: {out:?}");
        assert_eq!(
            out.stdout,
            format!("in-{i}\n"),
            "run -i, round {i}: {out:?}"
        );
    }
    // All of a megabyte arrives (input came in packets of up to 64 KiB, of which the monitor
    // kept the first 8 KiB).
    let script =
        format!("head -c 1000000 /dev/zero | \"$0\" run --rm --network {network} -i {img} wc -c");
    let out = ctx.command("sh").args(["-c", &script, &hutch]).run();
    assert_eq!(out.code, Some(0), "run -i, a megabyte: {out:?}");
    assert_eq!(out.stdout.trim(), "1000000", "run -i, a megabyte: {out:?}");
    // More input than the container reads before it exits: what is left is discarded, and the
    // output and exit code still arrive (the monitor closed with the input unread, which reset
    // the session before they could be read).
    let script = format!(
        "head -c 1100000 /dev/zero | \"$0\" run --rm --network {network} -i {img} \
         sh -c 'sleep 1; echo done; exit 4'",
    );
    let out = ctx.command("sh").args(["-c", &script, &hutch]).run();
    assert_eq!(out.code, Some(4), "run -i, unread input: {out:?}");
    assert_eq!(out.stdout, "done\n", "run -i, unread input: {out:?}");
    // Every --rm container is gone.
    let left = ctx.hutch(["ps", "-aq"]).run().success();
    assert_eq!(left.stdout_trim(), "", "containers left behind");
}

#[test]
fn attached_runs_over_slirp4netns() {
    attached_runs_survive("slirp4netns");
}

#[test]
fn attached_runs_over_pasta() {
    attached_runs_survive("pasta");
}
