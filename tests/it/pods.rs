//! Pods as podman has them: an infra container (catatonit) holding the network, IPC and UTS
//! namespaces its containers share, ports published on the pod, the pod's containers starting,
//! stopping and being removed together, `ps --pod`, and podman's errors and exit codes.

use crate::harness::TestContext;
use crate::network::{host_port, setup as net_setup, tcp_ask};

fn out(ctx: &TestContext, args: &[&str]) -> String {
    ctx.hutch(args).run().success().stdout_trim().to_string()
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().filter(|l| !l.is_empty()).collect()
}

#[test]
fn pod_create_ps_inspect_and_errors() {
    let (ctx, img) = crate::busybox_context("pod-basics");
    let id = out(
        &ctx,
        &["pod", "create", "--name", "p1", "--label", "tier=web"],
    );
    assert_eq!(id.len(), 64, "{id}");
    ctx.hutch(["pod", "exists", "p1"]).run().code(0);
    ctx.hutch(["pod", "exists", &id[..12]]).run().code(0);
    ctx.hutch(["pod", "exists", "nope"]).run().code(1);

    let ps = out(&ctx, &["pod", "ps"]);
    let head = lines(&ps)[0]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        head, "POD ID NAME STATUS CREATED INFRA ID # OF CONTAINERS",
        "{ps}"
    );
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "ps",
                "--format",
                "{{.Name}} {{.Status}} {{.NumberOfContainers}}"
            ]
        ),
        "p1 Created 1"
    );
    assert_eq!(out(&ctx, &["pod", "ps", "-q"]), &id[..12]);

    let v: serde_json::Value = serde_json::from_str(&out(&ctx, &["pod", "inspect", "p1"])).unwrap();
    assert_eq!(v["Id"], id.as_str());
    assert_eq!(v["Name"], "p1");
    assert_eq!(v["State"], "Created");
    assert_eq!(v["Hostname"], "p1");
    assert_eq!(v["Labels"]["tier"], "web");
    assert_eq!(
        v["SharedNamespaces"],
        serde_json::json!(["ipc", "net", "uts"])
    );
    assert_eq!(v["NumContainers"], 1);
    let infra = v["InfraContainerID"].as_str().unwrap().to_string();
    assert_eq!(v["Containers"][0]["Id"], infra.as_str());
    assert_eq!(
        out(
            &ctx,
            &["inspect", "--format", "{{.IsInfra}} {{.Pod}}", &infra]
        ),
        format!("true {id}")
    );
    // The infra container runs the host's catatonit from a local pause image (never pulled).
    assert_eq!(
        out(&ctx, &["inspect", "--format", "{{.ImageName}}", &infra]),
        format!("localhost/hutch-pause:{}", env!("CARGO_PKG_VERSION"))
    );

    // podman's errors and exit codes.
    ctx.hutch(["pod", "create", "--name", "p1"])
        .run()
        .code(125)
        .stderr_has(&["name \"p1\" is in use: pod already exists"])
        .one_line_error();
    ctx.hutch(["pod", "start", "nope"])
        .run()
        .code(125)
        .stderr_has(&["no pod with name or ID nope found: no such pod"]);
    ctx.hutch(["pod", "rm", "nope"]).run().code(1);
    ctx.hutch(["pod", "rm", "--force", "nope"]).run().code(0);
    ctx.hutch(["pod", "rm", "--ignore", "nope"]).run().code(0);
    ctx.hutch(["pod", "create", "--share", "mnt"])
        .run()
        .code(125)
        .stderr_has(&["invalid kernel namespace to share: mnt"]);
    ctx.hutch(["pod", "create", "--infra=false", "--share", "net"])
        .run()
        .code(125)
        .stderr_has(&["you must have an infra container to share namespaces"]);
    ctx.hutch(["run", "--rm", "--pod", "nope", &img, "true"])
        .run()
        .code(125)
        .stderr_has(&["no pod with name or ID nope found"]);
    ctx.hutch(["create", "--pod", "p1", "-p", "8080", &img])
        .run()
        .code(125)
        .stderr_has(&["ports must be defined when the pod is created"]);
    ctx.hutch(["create", "--pod", "p1", "--hostname", "x", &img])
        .run()
        .code(125)
        .stderr_has(&["cannot set hostname when joining the pod UTS namespace"]);
    ctx.hutch(["rm", "-f", &infra])
        .run()
        .code(125)
        .stderr_has(&["is the infra container of pod"]);
    ctx.hutch(["pod", "exists", "p1"]).run().code(0);
    // container prune leaves the (never started) infra container to its pod.
    ctx.hutch(["container", "prune", "-f"]).run().success();
    ctx.hutch(["container", "exists", &infra]).run().code(0);

    // A pod with its containers created but not started is removed without --force.
    out(
        &ctx,
        &["create", "--pod", "p1", "--name", "c1", &img, "true"],
    );
    assert_eq!(out(&ctx, &["pod", "rm", "p1"]), id);
    ctx.hutch(["pod", "exists", "p1"]).run().code(1);
    assert_eq!(out(&ctx, &["ps", "-aq"]), "");
}

#[test]
fn pod_shares_network_uts_and_ipc_and_publishes_ports() {
    let (ctx, img) = net_setup("pod-share");
    out(
        &ctx,
        &[
            "pod",
            "create",
            "--name",
            "web",
            "--infra-name",
            "web-infra",
            "-p",
            "127.0.0.1::8080",
        ],
    );
    out(
        &ctx,
        &[
            "run",
            "-d",
            "--pod",
            "web",
            "--name",
            "srv",
            &img,
            "echo-server",
            "tcp",
            "8080",
        ],
    );
    // A server in one container is reached on localhost from another.
    let port = host_port(&ctx, "web-infra", "8080/tcp");
    let from_host = tcp_ask(port, "from-host");
    assert!(from_host.ends_with(" from-host"), "{from_host}");
    let local = out(
        &ctx,
        &[
            "run",
            "--rm",
            "--pod",
            "web",
            &img,
            "echo-server",
            "send",
            "localhost",
            "8080",
            "hi",
        ],
    );
    assert_eq!(local, "from=127.0.0.1 hi");
    // The pod's host name, and one UTS, IPC and network namespace for all its containers.
    assert_eq!(
        out(&ctx, &["run", "--rm", "--pod", "web", &img, "hostname"]),
        "web"
    );
    let ns = "for n in net ipc uts; do readlink /proc/self/ns/$n; done";
    let a = out(&ctx, &["exec", "srv", "sh", "-c", ns]);
    let b = out(&ctx, &["run", "--rm", "--pod", "web", &img, "sh", "-c", ns]);
    assert_eq!(a, b);
    let alone = out(&ctx, &["run", "--rm", &img, "sh", "-c", ns]);
    assert!(
        lines(&alone).iter().all(|l| !a.contains(l)),
        "{alone} vs {a}"
    );

    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "ps",
                "--format",
                "{{.Status}} {{.NumberOfContainers}} {{.ContainerNames}}"
            ]
        ),
        "Running 2 web-infra,srv"
    );
    // ps --pod: podman's POD ID and PODNAME columns; --filter pod=.
    let ps = out(&ctx, &["ps", "--pod"]);
    assert!(
        lines(&ps)[0].contains("POD ID") && lines(&ps)[0].ends_with("PODNAME"),
        "{ps}"
    );
    assert_eq!(
        out(
            &ctx,
            &[
                "ps",
                "--filter",
                "pod=web",
                "--format",
                "{{.Names}} {{.PodName}}"
            ]
        ),
        // Oldest first, as podman: the infra container was made first.
        "web-infra web\nsrv web"
    );
    let names = out(&ctx, &["pod", "ps", "--ctr-names"]);
    let head: Vec<&str> = lines(&names)[0].split_whitespace().collect();
    assert_eq!(head.last(), Some(&"NAMES"), "{names}");
    let stats = out(
        &ctx,
        &[
            "pod",
            "stats",
            "--no-stream",
            "--format",
            "{{.Name}}",
            "web",
        ],
    );
    assert!(lines(&stats).contains(&"srv"), "{stats}");
    let stats = out(&ctx, &["pod", "stats", "--no-stream", "web"]);
    assert!(lines(&stats)[0].starts_with("POD "), "{stats}");
    assert!(
        lines(&stats)[0].contains(" CID ") && stats.contains("web-infra"),
        "{stats}"
    );
    let top = out(&ctx, &["pod", "top", "web"]);
    assert!(
        top.contains("catatonit") && top.contains("echo-server"),
        "{top}"
    );

    // Stopped and started together.
    out(&ctx, &["pod", "stop", "-t", "0", "web"]);
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "ps",
                "--format",
                "{{.Status}} {{.ContainerStatuses}}"
            ]
        ),
        "Exited exited,exited"
    );
    out(&ctx, &["pod", "start", "web"]);
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "ps",
                "--format",
                "{{.Status}} {{.ContainerStatuses}}"
            ]
        ),
        "Running running,running"
    );
    let port = host_port(&ctx, "web-infra", "8080/tcp");
    assert!(tcp_ask(port, "again").ends_with(" again"));

    // A running pod is removed only with --force, with all its containers.
    ctx.hutch(["pod", "rm", "web"])
        .run()
        .code(125)
        .stderr_has(&["web-infra, srv are running"]);
    out(&ctx, &["pod", "rm", "-f", "-t", "0", "web"]);
    assert_eq!(out(&ctx, &["ps", "-aq"]), "");
    ctx.hutch(["pod", "exists", "web"]).run().code(1);
    let events = out(
        &ctx,
        &[
            "events",
            "--stream=false",
            "--filter",
            "type=pod",
            "--format",
            "{{.Status}} {{.Name}}",
        ],
    );
    for e in ["create web", "stop web", "start web", "remove web"] {
        assert!(events.contains(e), "{e} in {events}");
    }
}

#[test]
fn pod_new_infra_false_last_container_and_prune() {
    let (ctx, img) = crate::busybox_context("pod-new");
    out(
        &ctx,
        &[
            "run",
            "-d",
            "--pod",
            "new:solo",
            "-p",
            "127.0.0.1::8080",
            "--name",
            "a",
            &img,
            "sleep",
            "1000",
        ],
    );
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "ps",
                "--format",
                "{{.Name}} {{.Status}} {{.NumberOfContainers}}"
            ]
        ),
        "solo Running 2"
    );
    assert_eq!(out(&ctx, &["exec", "a", "hostname"]), "solo");
    // The container's published port moved to the new pod, as podman does.
    let infra = out(
        &ctx,
        &[
            "pod",
            "inspect",
            "solo",
            "--format",
            "{{.InfraContainerID}}",
        ],
    );
    let port = out(&ctx, &["port", &infra, "8080/tcp"]);
    assert!(port.starts_with("127.0.0.1:"), "{port}");

    out(&ctx, &["pod", "create", "--infra=false", "--name", "bare"]);
    out(
        &ctx,
        &[
            "run", "-d", "--pod", "bare", "--name", "b", &img, "sleep", "1000",
        ],
    );
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "inspect",
                "bare",
                "--format",
                "{{.InfraContainerID}}|{{.NumContainers}}"
            ]
        ),
        "|1"
    );
    // Nothing is shared without an infra container: b has its own host name.
    assert_ne!(out(&ctx, &["exec", "b", "hostname"]), "bare");

    // --share +pid: the pod's containers see the infra container's catatonit as PID 1.
    out(&ctx, &["pod", "create", "--share", "+pid", "--name", "pp"]);
    let init = out(
        &ctx,
        &["run", "--rm", "--pod", "pp", &img, "cat", "/proc/1/cmdline"],
    );
    assert!(init.contains("catatonit"), "{init:?}");
    out(&ctx, &["pod", "rm", "-f", "-t", "0", "pp"]);
    ctx.hutch([
        "run", "--rm", "--pod", "solo", "--userns", "keep-id", &img, "true",
    ])
    .run()
    .code(125)
    .stderr_has(&["--userns=keep-id cannot join the pod's IPC"]);

    // A pod whose infra container alone runs is running too: rm needs --force.
    out(
        &ctx,
        &[
            "pod",
            "create",
            "--name",
            "idle",
            "--infra-name",
            "idle-infra",
        ],
    );
    out(&ctx, &["pod", "start", "idle"]);
    ctx.hutch(["pod", "rm", "idle"])
        .run()
        .code(125)
        .stderr_has(&["idle-infra is running"]);
    ctx.hutch(["pod", "rm", "-f", "-t", "0", "idle"])
        .run()
        .success();

    // Removing the last container leaves the pod.
    out(&ctx, &["rm", "-f", "-t", "0", "a"]);
    ctx.hutch(["pod", "exists", "solo"]).run().code(0);
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "ps",
                "--filter",
                "name=solo",
                "--format",
                "{{.NumberOfContainers}}"
            ]
        ),
        "1"
    );
    // system prune leaves a created pod and its infra container alone.
    out(&ctx, &["pod", "create", "--name", "fresh"]);
    out(&ctx, &["system", "prune", "-f"]);
    ctx.hutch(["pod", "exists", "fresh"]).run().code(0);
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "ps",
                "--filter",
                "name=fresh",
                "--format",
                "{{.NumberOfContainers}}"
            ]
        ),
        "1"
    );
    // pod prune removes the stopped pods only.
    out(&ctx, &["pod", "stop", "-t", "0", "solo", "bare"]);
    let pruned = out(&ctx, &["pod", "prune", "-f"]);
    assert_eq!(lines(&pruned).len(), 2, "{pruned}");
    assert_eq!(out(&ctx, &["pod", "ps", "--format", "{{.Name}}"]), "fresh");
    assert_eq!(
        out(&ctx, &["ps", "-a", "--format", "{{.PodName}}"]),
        "fresh"
    );
}

#[test]
fn pod_on_a_user_network() {
    let (ctx, img) = net_setup("pod-usernet");
    out(&ctx, &["network", "create", "pn"]);
    out(
        &ctx,
        &[
            "pod",
            "create",
            "--name",
            "np",
            "--network",
            "pn",
            "--network-alias",
            "svc",
        ],
    );
    out(
        &ctx,
        &[
            "run",
            "-d",
            "--pod",
            "np",
            "--name",
            "srv",
            &img,
            "echo-server",
            "tcp",
            "8080",
        ],
    );
    // Another container on the network reaches the pod by its alias.
    let answer = out(
        &ctx,
        &[
            "run",
            "--rm",
            "--network",
            "pn",
            &img,
            "echo-server",
            "send",
            "svc",
            "8080",
            "hello",
        ],
    );
    assert!(answer.ends_with(" hello"), "{answer}");
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "inspect",
                "np",
                "--format",
                "{{.InfraConfig.Networks}}"
            ]
        ),
        "[pn]"
    );
    out(&ctx, &["pod", "rm", "-f", "-t", "0", "np"]);
}

#[test]
fn pod_verbs_logs_exit_policy_and_id_files() {
    let (ctx, img) = crate::busybox_context("pod-verbs");
    let idfile = ctx.dir.join("pod.id");
    let _ = std::fs::remove_file(&idfile);
    // The name as an argument, podman's way; the ID written to a file others read it from.
    let id = out(
        &ctx,
        &[
            "pod",
            "create",
            "--pod-id-file",
            idfile.to_str().unwrap(),
            "vp",
        ],
    );
    assert_eq!(std::fs::read_to_string(&idfile).unwrap(), id);
    out(
        &ctx,
        &[
            "run",
            "-d",
            "--pod-id-file",
            idfile.to_str().unwrap(),
            "--name",
            "l1",
            &img,
            "sh",
            "-c",
            "echo one; exec sleep 1000",
        ],
    );
    out(
        &ctx,
        &[
            "run",
            "-d",
            "--pod",
            "vp",
            "--name",
            "l2",
            &img,
            "sh",
            "-c",
            "echo two; exec sleep 1000",
        ],
    );
    let status = |ctx: &TestContext| {
        out(
            ctx,
            &[
                "pod",
                "ps",
                "--filter",
                "name=vp",
                "--format",
                "{{.Status}}",
            ],
        )
    };
    crate::harness::until(
        "both containers to log",
        std::time::Duration::from_secs(30),
        || {
            let logs = ctx.hutch(["pod", "logs", "vp"]).run().success().stdout;
            logs.contains(" one") && logs.contains(" two")
        },
    );
    assert_eq!(
        out(&ctx, &["pod", "logs", "--container", "l2", "vp"])
            .split_whitespace()
            .last(),
        Some("two")
    );

    assert_eq!(out(&ctx, &["pod", "pause", "vp"]), id);
    assert_eq!(status(&ctx), "Paused");
    out(&ctx, &["pod", "unpause", "vp"]);
    assert_eq!(status(&ctx), "Running");
    assert_eq!(out(&ctx, &["pod", "kill", "vp"]), id);
    crate::harness::until(
        "the killed pod to exit",
        std::time::Duration::from_secs(30),
        || status(&ctx) == "Exited",
    );
    out(&ctx, &["pod", "restart", "vp"]);
    assert_eq!(status(&ctx), "Running");
    // One container stopped: the pod is degraded.
    out(&ctx, &["stop", "-t", "0", "l1"]);
    assert_eq!(status(&ctx), "Degraded");
    assert_eq!(
        out(
            &ctx,
            &[
                "pod",
                "rm",
                "-f",
                "-t",
                "0",
                "--pod-id-file",
                idfile.to_str().unwrap()
            ]
        ),
        id
    );
    assert!(!idfile.exists(), "pod rm --pod-id-file removes the file");

    // --exit-policy stop: the pod stops once its last container exits.
    out(
        &ctx,
        &["pod", "create", "--exit-policy", "stop", "--name", "ep"],
    );
    assert_eq!(
        out(
            &ctx,
            &["pod", "inspect", "ep", "--format", "{{.ExitPolicy}}"]
        ),
        "stop"
    );
    out(&ctx, &["run", "-d", "--pod", "ep", &img, "true"]);
    crate::harness::until(
        "the pod to stop after its container",
        std::time::Duration::from_secs(30),
        || {
            out(
                &ctx,
                &[
                    "pod",
                    "ps",
                    "--filter",
                    "name=ep",
                    "--format",
                    "{{.Status}}",
                ],
            ) == "Exited"
        },
    );

    // --replace, and an infra container from an image with a command of one's own.
    out(
        &ctx,
        &[
            "pod",
            "create",
            "--name",
            "ep",
            "--replace",
            "--infra-image",
            &img,
            "--infra-command",
            r#"["sleep", "1000"]"#,
        ],
    );
    out(&ctx, &["pod", "start", "ep"]);
    let infra = out(
        &ctx,
        &["pod", "inspect", "ep", "--format", "{{.InfraContainerID}}"],
    );
    assert_eq!(
        out(
            &ctx,
            &["inspect", "--format", "{{.State.Status}} {{.Path}}", &infra]
        ),
        "running sleep"
    );
    out(&ctx, &["pod", "rm", "-f", "-t", "0", "ep"]);
    assert_eq!(out(&ctx, &["ps", "-aq"]), "");
}
