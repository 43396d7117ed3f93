//! podman options hutch gained for issue 18 (part 3), run as podman users write them:
//! `run --preserve-fds`, `--hostuser`, `--default-mounts-file`, containers.conf's
//! `events_logfile_path`, `inspect --type pod`, exec's HOME under keep-id, and `--systemd`.

use crate::busybox_context;
use crate::harness::{hutch_bin, require, TestContext};
use std::path::Path;

/// `sh -c SCRIPT` as the test user, for descriptors and redirections around hutch.
fn sh(ctx: &TestContext, script: &str) -> crate::harness::Output {
    ctx.command("sh").args(["-c", script]).run()
}

/// `run --preserve-fds N` hands descriptors 3..3+N to the container, through the monitor and
/// the runtime (hutch-runtime and runc), attached or detached, and `exec --preserve-fds` to
/// the new process; a descriptor that is not open is refused with podman's words and 125.
#[test]
fn run_preserve_fds_passes_descriptors_into_the_container() {
    let (ctx, img) = busybox_context("gaps-preserve-fds");
    let hutch = hutch_bin().display().to_string();
    let input = ctx.dir.join("in.txt");
    ctx.write_file(&input, "from-the-host\n");
    for runtime in ["hutch-runtime", "runc"] {
        let out = ctx.dir.join(format!("out-{runtime}.txt"));
        ctx.write_file(&out, "");
        let rt = if runtime == "runc" {
            "--runtime runc"
        } else {
            ""
        };
        let r = sh(
            &ctx,
            &format!(
                "{hutch} {rt} run --rm --preserve-fds 2 {img} sh -c 'cat <&3; echo written >&4; \
                 ls /proc/self/fd' 3<{} 4>>{}",
                input.display(),
                out.display()
            ),
        )
        .success();
        assert!(r.stdout.contains("from-the-host"), "{runtime}: {r:?}");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "written\n",
            "{runtime}: {r:?}"
        );
        // Only 0-2 and the two preserved (and ls's own directory descriptor) are open.
        let fds: Vec<u32> = r
            .stdout
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!(fds.starts_with(&[0, 1, 2, 3, 4]), "{runtime}: {fds:?}");
        assert!(
            fds.len() <= 6,
            "{runtime}: more descriptors leaked in: {fds:?}"
        );
    }
    // Detached: the monitor keeps them until the container has them.
    let out = ctx.dir.join("out-detached.txt");
    ctx.write_file(&out, "");
    sh(
        &ctx,
        &format!(
            "{hutch} run -d --name pfd --preserve-fds 1 {img} sh -c 'echo detached >&3' 3>>{}",
            out.display()
        ),
    )
    .success();
    ctx.hutch(["wait", "pfd"]).run().success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "detached\n");
    // Without the descriptors: podman's error, nothing created.
    ctx.hutch(["run", "--rm", "--preserve-fds", "3", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&[
            "file descriptor 3 is not available - the preserve-fds option requires that file descriptors must be passed",
        ]);
    let ps = ctx
        .hutch(["ps", "-a", "--format", "{{.Names}}"])
        .run()
        .success();
    assert_eq!(ps.stdout_trim(), "pfd");

    // exec --preserve-fds, attached and detached.
    ctx.hutch(["run", "-d", "--name", "ex", &img, "sleep", "600"])
        .run()
        .success();
    let out = ctx.dir.join("out-exec.txt");
    ctx.write_file(&out, "");
    let r = sh(
        &ctx,
        &format!(
            "{hutch} exec --preserve-fds 2 ex sh -c 'cat <&3; echo from-exec >&4' 3<{} 4>>{}",
            input.display(),
            out.display()
        ),
    )
    .success();
    assert!(r.stdout.contains("from-the-host"), "{r:?}");
    sh(
        &ctx,
        &format!(
            "{hutch} exec -d --preserve-fds 1 ex sh -c 'echo detached-exec >&3' 3>>{}",
            out.display()
        ),
    )
    .success();
    crate::harness::until(
        "the detached exec writes",
        std::time::Duration::from_secs(10),
        || std::fs::read_to_string(&out).unwrap_or_default() == "from-exec\ndetached-exec\n",
    );
    ctx.hutch(["exec", "--preserve-fds", "1", "ex", "true"])
        .run()
        .code(125)
        .stderr_has(&["file descriptor 3 is not available"]);
    ctx.hutch(["rm", "-f", "-t", "0", "ex"]).run().success();
}

/// `--hostuser NAME|UID` adds the host user's passwd entry (podman's form: `*` password, the
/// working directory as home when the user's own is not in the container, /bin/sh), once per
/// name, never over an entry the image has; an unknown user is refused.
#[test]
fn hostuser_adds_the_host_users_passwd_entry() {
    let (ctx, img) = busybox_context("gaps-hostuser");
    let (name, uid) = (ctx.user.name.clone(), ctx.user.uid);
    let passwd = ctx
        .hutch([
            "run",
            "--rm",
            "--hostuser",
            &name,
            "--hostuser",
            &uid.to_string(),
            "--hostuser",
            "root",
            &img,
            "cat",
            "/etc/passwd",
        ])
        .run()
        .success();
    let gid = ctx.user.gid;
    let line = format!("{name}:*:{uid}:{gid}::/:/bin/sh");
    let lines: Vec<&str> = passwd.stdout.lines().collect();
    assert_eq!(
        lines.iter().filter(|l| **l == line).count(),
        1,
        "{}",
        passwd.stdout
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("root:")).count(),
        1,
        "{}",
        passwd.stdout
    );
    // The user can be named in the container, by --user and by exec -u; `id` knows it.
    let id = ctx
        .hutch([
            "run",
            "--rm",
            "--hostuser",
            &name,
            "--user",
            &name,
            &img,
            "id",
            "-un",
        ])
        .run()
        .success();
    assert_eq!(id.stdout_trim(), name);
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "hu",
        "--hostuser",
        &name,
        &img,
        "sleep",
        "600",
    ])
    .run()
    .success();
    let id = ctx
        .hutch(["exec", "-u", &name, "hu", "sh", "-c", "id -u; echo $HOME"])
        .run()
        .success();
    assert_eq!(id.stdout_trim(), format!("{uid}\n/"));
    ctx.hutch(["rm", "-f", "-t", "0", "hu"]).run().success();
    ctx.hutch(["run", "--rm", "--hostuser", "no-such-user-x", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["--hostuser", "no-such-user-x", "no such user"]);
}

/// `--default-mounts-file` (podman's mounts.conf): each existing source is copied for the
/// container and mounted at its destination, so the container's writes stay its own; a
/// missing source is skipped with a warning; the container's own mount there wins.
#[test]
fn default_mounts_file_mounts_a_copy_of_each_source() {
    let (ctx, img) = busybox_context("gaps-default-mounts");
    let src = ctx.dir.join("data");
    ctx.write_file(&src.join("f"), "hello\n");
    ctx.write_file(&src.join("sub/g"), "deeper\n");
    let conf = ctx.dir.join("mounts.conf");
    ctx.write_file(
        &conf,
        format!(
            "# podman's format\n{}:/run/dm\n{}/nonexistent:/run/nx\n",
            src.display(),
            ctx.dir.display()
        ),
    );
    let conf_s = conf.display().to_string();
    let out = ctx
        .hutch([
            "--default-mounts-file",
            &conf_s,
            "run",
            "--rm",
            &img,
            "sh",
            "-c",
            "cat /run/dm/f /run/dm/sub/g; echo new > /run/dm/written; ls /run/nx 2>&1; true",
        ])
        .run()
        .success();
    assert!(out.stdout.contains("hello\ndeeper\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains("No such file or directory"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("nonexistent") && out.stderr.contains("skipping"),
        "{}",
        out.stderr
    );
    assert!(
        !src.join("written").exists(),
        "the container wrote to the host's copy"
    );
    // Every container gets its own copy, kept for its lifetime.
    ctx.hutch([
        "--default-mounts-file",
        &conf_s,
        "create",
        "--name",
        "dm",
        &img,
        "cat",
        "/run/dm/f",
    ])
    .run()
    .success();
    let logs = ctx.hutch(["start", "-a", "dm"]).run().success();
    assert_eq!(logs.stdout_trim(), "hello");
    // A -v at the same destination wins.
    let own = ctx.dir.join("own");
    ctx.write_file(&own.join("f"), "mine\n");
    let out = ctx
        .hutch(["--default-mounts-file", &conf_s, "run", "--rm", "-v"])
        .arg(format!("{}:/run/dm", own.display()))
        .args([&img, "cat", "/run/dm/f"])
        .run()
        .success();
    assert_eq!(out.stdout_trim(), "mine");
    // A line that is not SOURCE:DESTINATION is refused, naming the file and line.
    ctx.write_file(&conf, "relative:/x\n");
    ctx.hutch([
        "--default-mounts-file",
        &conf_s,
        "run",
        "--rm",
        &img,
        "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["mounts.conf:1", "absolute"]);
}

/// containers.conf's `events_logfile_path`: each event is also appended there as a line of
/// podman's events.log; `events_logger = "none"` records nothing, there either.
#[test]
fn events_logfile_path_gets_podmans_lines() {
    let (ctx, img) = busybox_context("gaps-events-file");
    let log = ctx.dir.join("ev/events.log");
    let conf = ctx.config_home.join("containers/containers.conf");
    ctx.write_file(
        &conf,
        format!("[engine]\nevents_logfile_path = \"{}\"\n", log.display()),
    );
    ctx.write_file(&ctx.dir.join("ev/.keep"), "");
    ctx.hutch(["run", "--rm", "--name", "ev1", &img, "sh", "-c", "exit 3"])
        .run()
        .code(3);
    let text = std::fs::read_to_string(&log).expect("the events log file was written");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    let statuses: Vec<&str> = lines
        .iter()
        .filter(|v| v["Name"] == "ev1" && v["Type"] == "container")
        .map(|v| v["Status"].as_str().unwrap())
        .collect();
    for s in ["create", "start", "died", "remove"] {
        assert!(statuses.contains(&s), "{s} missing: {text}");
    }
    let died = lines.iter().find(|v| v["Status"] == "died").unwrap();
    assert_eq!(died["ContainerExitCode"], 3, "{died}");
    assert!(
        died["Image"].as_str().unwrap().contains("busybox"),
        "{died}"
    );
    assert_eq!(died["ID"].as_str().unwrap().len(), 64, "{died}");
    assert!(died["Time"].as_str().unwrap().ends_with('Z'), "{died}");
    // `hutch events` still has them.
    let evs = ctx
        .hutch(["events", "--stream=false", "--filter", "container=ev1"])
        .run()
        .success();
    assert!(evs.stdout.contains("died"), "{}", evs.stdout);

    // events_logger = "none": nothing anywhere.
    let before = std::fs::read_to_string(&log).unwrap();
    ctx.write_file(
        &conf,
        format!(
            "[engine]\nevents_logger = \"none\"\nevents_logfile_path = \"{}\"\n",
            log.display()
        ),
    );
    ctx.hutch(["run", "--rm", "--name", "ev2", &img, "true"])
        .run()
        .success();
    assert_eq!(std::fs::read_to_string(&log).unwrap(), before);
    // --events-backend file overrides containers.conf.
    ctx.hutch([
        "--events-backend",
        "file",
        "run",
        "--rm",
        "--name",
        "ev3",
        &img,
        "true",
    ])
    .run()
    .success();
    assert!(std::fs::read_to_string(&log).unwrap().contains("\"ev3\""));
}

/// `inspect --type pod` and plain `inspect` of a pod's name (after containers, images,
/// volumes and networks, as podman); podman's errors for a missing pod and a bad type.
#[test]
fn inspect_finds_pods() {
    let (ctx, _img) = busybox_context("gaps-inspect-pod");
    ctx.hutch(["pod", "create", "--infra=false", "--name", "mypod"])
        .run()
        .success();
    let one = ctx
        .hutch([
            "inspect",
            "--type",
            "pod",
            "--format",
            "{{.Name}} {{.State}} {{.NumContainers}}",
            "mypod",
        ])
        .run()
        .success();
    assert_eq!(one.stdout_trim(), "mypod Created 0");
    let all = ctx.hutch(["inspect", "mypod"]).run().success();
    let v: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!(v[0]["Name"], "mypod", "{v}");
    assert_eq!(v[0]["Id"].as_str().unwrap().len(), 64, "{v}");
    ctx.hutch(["inspect", "--type", "pod", "nosuch"])
        .run()
        .code(125)
        .stderr_has(&["no such pod nosuch"]);
    ctx.hutch(["inspect", "--type", "bogus", "x"])
        .run()
        .code(125)
        .stderr_has(&["invalid type \"bogus\"", "\"pod\""]);
    // Networks too.
    ctx.hutch(["network", "create", "inspnet"]).run().success();
    let net = ctx
        .hutch([
            "inspect",
            "--type",
            "network",
            "--format",
            "{{.Name}}",
            "inspnet",
        ])
        .run()
        .success();
    assert_eq!(net.stdout_trim(), "inspnet");
    ctx.hutch(["network", "rm", "inspnet"]).run().success();
}

/// `exec` in a `--userns=keep-id` container gets HOME from the user's entry in the
/// container's /etc/passwd, as the container's own process does (it used to be "/").
#[test]
fn keep_id_exec_home_is_the_users_passwd_home() {
    let (ctx, img) = busybox_context("gaps-keepid-home");
    // The image has nobody (65534) with home /nonexistent.
    ctx.hutch([
        "run",
        "-d",
        "--name",
        "kn",
        "--userns",
        "keep-id:uid=65534,gid=65534",
        &img,
        "sleep",
        "600",
    ])
    .run()
    .success();
    let home = ctx
        .hutch(["exec", "kn", "sh", "-c", "echo $HOME; id -u"])
        .run()
        .success();
    assert_eq!(home.stdout_trim(), "/nonexistent\n65534");
    let root = ctx
        .hutch(["exec", "-u", "root", "kn", "sh", "-c", "echo $HOME"])
        .run()
        .success();
    assert_eq!(root.stdout_trim(), "/root");
    // The added entry (no home of the user's in the container): the working directory, in
    // both the container's process and exec.
    ctx.hutch([
        "run", "-d", "--name", "kw", "--userns", "keep-id", "-w", "/tmp", &img, "sleep", "600",
    ])
    .run()
    .success();
    let home = ctx
        .hutch(["exec", "kw", "sh", "-c", "echo $HOME"])
        .run()
        .success();
    let passwd = ctx
        .hutch(["exec", "kw", "cat", "/etc/passwd"])
        .run()
        .success();
    let entry = passwd
        .stdout
        .lines()
        .find(|l| l.split(':').nth(2) == Some(&ctx.user.uid.to_string()))
        .unwrap_or_else(|| panic!("no entry for the user: {}", passwd.stdout))
        .to_string();
    assert_eq!(entry.split(':').nth(5), Some(home.stdout_trim()), "{entry}");
    assert_eq!(home.stdout_trim(), "/tmp");
    ctx.hutch(["rm", "-f", "-t", "0", "kn", "kw"])
        .run()
        .success();
}

/// A container whose terminal is closed for a while (every descriptor of it, as systemd does
/// when it starts as PID 1) and opened again through /dev/console keeps its output: the
/// monitor took the moment for the end of the output and lost the rest.
#[test]
fn terminal_output_survives_the_container_reopening_its_console() {
    let (ctx, img) = busybox_context("gaps-tty-reopen");
    ctx.hutch([
        "run",
        "-d",
        "-t",
        "--name",
        "reopen",
        &img,
        "sh",
        "-c",
        "echo before; exec 0<&- 1>&- 2>&-; sleep 0.5; echo after > /dev/console",
    ])
    .run()
    .success();
    ctx.hutch(["wait", "reopen"]).run().success();
    let logs = ctx.hutch(["logs", "reopen"]).run().success();
    assert!(
        logs.stdout.contains("before") && logs.stdout.contains("after"),
        "{logs:?}"
    );
    ctx.hutch(["rm", "reopen"]).run().success();
}

/// Builds an image of the host's own systemd (with the libraries `ldd` names) and busybox.
fn systemd_image(ctx: &TestContext) -> String {
    let systemd = Path::new("/lib/systemd/systemd");
    if !systemd.exists() {
        crate::harness::missing("/lib/systemd/systemd", "apt-get install systemd");
    }
    require("ldd", "libc-bin");
    let root = ctx.dir.join("sdroot");
    let copy = |from: &Path| {
        let to = root.join(from.strip_prefix("/").unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, &to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    };
    copy(systemd);
    let ldd = std::process::Command::new("ldd")
        .arg(systemd)
        .output()
        .unwrap();
    // The names the loader asks for, with the content of what they link to.
    for word in String::from_utf8_lossy(&ldd.stdout).split_whitespace() {
        if word.starts_with('/') {
            copy(Path::new(word));
        }
    }
    copy(Path::new("/bin/busybox"));
    for a in ["sh", "cat", "grep", "sleep"] {
        std::os::unix::fs::symlink("busybox", root.join("bin").join(a)).unwrap();
    }
    std::fs::create_dir_all(root.join("etc")).unwrap();
    std::fs::write(root.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n").unwrap();
    std::fs::write(root.join("etc/group"), "root:x:0:\n").unwrap();
    // systemd quits silently without an os-release it likes: the host's.
    copy(Path::new("/etc/os-release"));
    for d in ["tmp", "run", "var/log"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    std::fs::create_dir_all(root.join("sbin")).unwrap();
    std::os::unix::fs::symlink("/lib/systemd/systemd", root.join("sbin/init")).unwrap();
    let tar = ctx.dir.join("sd.tar");
    let st = std::process::Command::new("tar")
        .arg("-C")
        .arg(&root)
        .arg("-cf")
        .arg(&tar)
        .arg(".")
        .status()
        .unwrap();
    assert!(st.success());
    let _ = std::os::unix::fs::chown(&tar, Some(ctx.user.uid), Some(ctx.user.gid));
    ctx.hutch(["import"])
        .arg(&tar)
        .arg("localhost/sd:test")
        .run()
        .success();
    "localhost/sd:test".into()
}

/// `--systemd`: with systemd (or /sbin/init) as the command, or `always`, podman's set-up:
/// tmpfs on /run, /run/lock, /tmp and /var/log/journal, the cgroup tree mounted (on cgroup v1
/// hosts the name=systemd hierarchy read-write), `container_uuid`, SIGRTMIN+3 to stop; no
/// `--init` with `always`. The host's own systemd boots in it as far as a rootless cgroup v1
/// host allows: it greets the OS, then cannot create its own cgroup there.
#[test]
fn systemd_mode_sets_up_what_systemd_needs_and_systemd_starts() {
    let (ctx, img) = busybox_context("gaps-systemd");
    let out = ctx
        .hutch([
            "run",
            "--rm",
            "--systemd",
            "always",
            &img,
            "sh",
            "-c",
            "env; cat /proc/self/mountinfo; cat /run/.containerenv",
        ])
        .run()
        .success();
    for p in ["/run", "/run/lock", "/tmp", "/var/log/journal"] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.split_whitespace().nth(4) == Some(p) && l.contains(" - tmpfs ")),
            "{p}: {}",
            out.stdout
        );
    }
    assert!(
        out.stdout
            .lines()
            .any(|l| l.split_whitespace().nth(4) == Some("/sys/fs/cgroup")),
        "{}",
        out.stdout
    );
    if Path::new("/sys/fs/cgroup/systemd/release_agent").exists() {
        let named = out
            .stdout
            .lines()
            .rfind(|l| l.split_whitespace().nth(4) == Some("/sys/fs/cgroup/systemd"))
            .unwrap_or_else(|| panic!("no name=systemd hierarchy: {}", out.stdout));
        assert!(
            named.split_whitespace().nth(5).unwrap().starts_with("rw"),
            "{named}"
        );
    }
    let uuid = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("container_uuid="))
        .unwrap_or_else(|| panic!("no container_uuid: {}", out.stdout));
    assert_eq!(uuid.len(), 32);
    // /run/.containerenv stays visible under the new /run.
    assert!(out.stdout.contains("engine="), "{}", out.stdout);
    // Not in the default mode with an ordinary command: no container_uuid, SIGTERM to stop.
    let plain = ctx.hutch(["run", "--rm", &img, "env"]).run().success();
    assert!(!plain.stdout.contains("container_uuid"), "{}", plain.stdout);
    ctx.hutch(["create", "--name", "nosd", &img, "true"])
        .run()
        .success();
    let sig = ctx
        .hutch(["inspect", "--format", "{{.Config.StopSignal}}", "nosd"])
        .run()
        .success();
    assert_eq!(sig.stdout_trim(), "SIGTERM");
    ctx.hutch(["rm", "nosd"]).run().success();
    ctx.hutch(["run", "--rm", "--init", "--systemd", "always", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["cannot use container-init binary with systemd=always"]);

    // The host's systemd, found by its name: systemd mode without asking.
    let sd = systemd_image(&ctx);
    ctx.hutch([
        "run",
        "-d",
        "-t",
        "--name",
        "sd",
        &sd,
        "/lib/systemd/systemd",
        "--log-target=console",
        "--log-color=0",
    ])
    .run()
    .success();
    let sig = ctx
        .hutch(["inspect", "--format", "{{.Config.StopSignal}}", "sd"])
        .run()
        .success();
    assert!(matches!(sig.stdout_trim(), "37" | "SIGRTMIN+3"), "{sig:?}");
    let mut logs = String::new();
    let start = std::time::Instant::now();
    while !(logs.contains("Welcome to") || logs.contains("Exiting PID 1")) {
        let l = ctx.hutch(["logs", "sd"]).run();
        logs = format!("{}{}", l.stdout, l.stderr);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "systemd neither greeted the OS nor exited: {logs}\n{:?}",
            ctx.hutch(["ps", "-a"]).run()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(logs.contains("running in system mode"), "{logs}");
    assert!(logs.contains("Detected virtualization"), "{logs}");
    assert!(logs.contains("Welcome to"), "{logs}");
    ctx.hutch(["rm", "-f", "-t", "2", "sd"]).run().success();
}
