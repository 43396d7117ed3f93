# testcontainers against hutch's API service: a container with a published port, waited for by
# its log line and reached through the port; the reaper container (RYUK_CONTAINER_IMAGE, a local
# stand-in for Ryuk) mounts the API socket. The container is deliberately left running and this
# process ends by SIGKILL, as a crashed test run would: then the reaper (which a normal exit
# removes first) must remove the container.
import os
import signal
import sys
import urllib.request

from testcontainers.core.container import DockerContainer
from testcontainers.core.waiting_utils import wait_for_logs

IMG = os.environ["IMG"]
c = DockerContainer(IMG).with_command(
    ["sh", "-c", "mkdir -p /www && echo hello-tc > /www/index.html && echo serving && exec busybox httpd -f -p 8000 -h /www"]
).with_exposed_ports(8000)
c.start()
wait_for_logs(c, "serving", timeout=30)
host = c.get_container_host_ip()
port = c.get_exposed_port(8000)
body = b""
for _ in range(50):
    try:
        body = urllib.request.urlopen(f"http://{host}:{port}/", timeout=2).read()
        break
    except Exception:  # noqa: BLE001
        import time

        time.sleep(0.2)
if body != b"hello-tc\n":
    print(f"request through the published port {host}:{port} got {body!r}", file=sys.stderr)
    sys.exit(1)
print(f"testcontainers: ok {c.get_wrapped_container().id}", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
