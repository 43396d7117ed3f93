# docker-py against hutch's API service: a scripted scenario over the everyday calls. Exits
# non-zero (with the failing step) on any mismatch. IMG names a busybox image in a local registry.
import io
import os
import sys
import tarfile
import time

import docker

IMG = os.environ["IMG"]
step = "connect"


def check(cond, what):
    if not cond:
        raise AssertionError(f"{step}: {what}")


try:
    client = docker.from_env(timeout=120)
    step = "ping/version/info"
    check(client.ping(), "ping")
    v = client.version()
    check(v["ApiVersion"] == "1.47", f"ApiVersion {v.get('ApiVersion')}")
    info = client.info()
    check("Containers" in info and "Images" in info, f"info keys {sorted(info)[:10]}")

    step = "pull"
    img = client.images.pull(IMG)
    check(img.id.startswith("sha256:"), f"image id {img.id}")
    check(any(t.endswith(":latest") for t in img.tags), f"tags {img.tags}")

    step = "run (exit code, output)"
    out = client.containers.run(IMG, ["sh", "-c", "echo out; echo err >&2"], remove=True, stderr=True)
    check(b"out" in out, f"run output {out!r}")
    try:
        client.containers.run(IMG, ["sh", "-c", "exit 3"], remove=True)
        check(False, "a failing command raises ContainerError")
    except docker.errors.ContainerError as e:
        check(e.exit_status == 3, f"exit status {e.exit_status}")

    step = "detached container, labels, list filters"
    c = client.containers.run(IMG, ["sh", "-c", "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.2; done"],
                              detach=True, labels={"it.scenario": "docker-py"}, name="pyc")
    c.reload()
    check(c.status == "running", f"status {c.status}")
    listed = client.containers.list(filters={"label": "it.scenario=docker-py"})
    check([x.id for x in listed] == [c.id], f"listed {listed}")

    step = "logs streaming"
    lines = []
    for chunk in c.logs(stream=True, follow=True):
        lines.append(chunk)
        if len(lines) >= 3:
            break
    check(b"line" in b"".join(lines), f"streamed logs {lines!r}")

    step = "exec without tty"
    r = c.exec_run(["sh", "-c", "echo hi; echo oops >&2; exit 4"], demux=True)
    check(r.exit_code == 4, f"exec exit code {r.exit_code}")
    check(r.output[0] == b"hi\n" and r.output[1] == b"oops\n", f"exec demuxed {r.output!r}")

    step = "exec with tty"
    r = c.exec_run(["sh", "-c", "tty; echo x"], tty=True)
    check(r.exit_code == 0, f"tty exec exit {r.exit_code}")
    check(b"/dev/pts" in r.output, f"tty exec output {r.output!r}")

    step = "archive put/get"
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        data = b"hello archive\n"
        ti = tarfile.TarInfo("greeting.txt")
        ti.size = len(data)
        t.addfile(ti, io.BytesIO(data))
    check(c.put_archive("/tmp", buf.getvalue()), "put_archive")
    r = c.exec_run(["cat", "/tmp/greeting.txt"])
    check(r.output == b"hello archive\n", f"file put: {r.output!r}")
    bits, stat = c.get_archive("/tmp/greeting.txt")
    raw = b"".join(bits)
    with tarfile.open(fileobj=io.BytesIO(raw)) as t:
        got = t.extractfile("greeting.txt").read()
    check(got == b"hello archive\n", f"get_archive {got!r}")
    check(stat["name"] == "greeting.txt" and stat["size"] == 14, f"stat {stat}")

    step = "stop/wait/remove"
    c.stop(timeout=1)
    c.reload()
    check(c.status == "exited", f"status after stop {c.status}")
    c.remove()
    check(not client.containers.list(all=True, filters={"name": "pyc"}), "removed")

    step = "volumes"
    vol = client.volumes.create("pyvol", labels={"it": "1"})
    check(vol.name == "pyvol", "volume name")
    out = client.containers.run(IMG, ["sh", "-c", "echo v > /data/f; cat /data/f"],
                                volumes={"pyvol": {"bind": "/data", "mode": "rw"}}, remove=True)
    check(out == b"v\n", f"volume write {out!r}")
    vol.remove()

    step = "networks"
    net = client.networks.create("pynet", labels={"it": "1"})
    srv = client.containers.run(IMG, ["sh", "-c", "mkdir /www && echo ok > /www/index.html && exec busybox httpd -f -p 8080 -h /www"],
                                detach=True, name="pysrv", network="pynet")
    out = b""
    for _ in range(50):
        try:
            out = client.containers.run(IMG, ["busybox", "wget", "-q", "-O", "-", "http://pysrv:8080/"],
                                        network="pynet", remove=True)
            break
        except docker.errors.ContainerError:
            time.sleep(0.2)
    check(out == b"ok\n", f"a request by name on a user network {out!r}")
    srv.remove(force=True)
    net.remove()
    print("docker-py scenario: ok")
except Exception as e:  # noqa: BLE001
    print(f"FAILED at {step}: {type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(1)
