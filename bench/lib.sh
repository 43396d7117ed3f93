# Shared set-up for the benchmarks: the unprivileged user, a release build of hutch, images made
# from local files (Debian minbase via debootstrap, busybox-static), and a local registry.
# Sourced by the bench scripts; they run as root and measure as $BENCH_USER.

set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
BENCH_USER=${HUTCH_BENCH_USER:-hutch-test}
CACHE=${HUTCH_BENCH_CACHE:-/var/tmp/hutch-bench}
WORK=$(mktemp -d /tmp/hutch-bench.XXXXXX)
REG_PID=""
FS_IMG=""

die() { echo "bench: $*" >&2; exit 1; }
cleanup() {
    [ -n "$REG_PID" ] && kill "$REG_PID" 2>/dev/null || true
    as_user "$WORK/bin/hutch" --root "$WORK/hutch-root" --runroot "$WORK/run/hutch" unshare rm -rf "$WORK/hutch-root" >/dev/null 2>&1 || true
    # bench/containers: hutch on hutch-runtime, on storage of its own.
    as_user "$WORK/bin/hutch" --root "$WORK/hutchr-root" --runroot "$WORK/run/hutchr" rm -af -t 0 >/dev/null 2>&1 || true
    as_user "$WORK/bin/hutch" --root "$WORK/hutchr-root" --runroot "$WORK/run/hutchr" unshare rm -rf "$WORK/hutchr-root" >/dev/null 2>&1 || true
    pkill -u "$BENCH_USER" -f -- "--root $WORK/hutchr-root" 2>/dev/null || true
    as_user podman --root "$WORK/podman-root" --runroot "$WORK/run/podman" unshare rm -rf "$WORK/podman-root" >/dev/null 2>&1 || true
    # bench/containers with HUTCH_BASELINE: the earlier build's storage.
    if [ -x "$WORK/base-bin/hutch" ]; then
        as_user "$WORK/base-bin/hutch" --root "$WORK/base-root" --runroot "$WORK/run/base" rm -af -t 0 >/dev/null 2>&1 || true
        as_user "$WORK/base-bin/hutch" --root "$WORK/base-root" --runroot "$WORK/run/base" unshare rm -rf "$WORK/base-root" >/dev/null 2>&1 || true
        pkill -u "$BENCH_USER" -f -- "--root $WORK/base-root" 2>/dev/null || true
    fi
    # The pause process keeps the command line that started it, which names the bench storage.
    pkill -u "$BENCH_USER" -f -- "--root $WORK/hutch-root" 2>/dev/null || true
    umount -l "$WORK/run" 2>/dev/null || true
    umount -l "$WORK" 2>/dev/null || true
    [ -n "$FS_IMG" ] && rm -f "$FS_IMG"
    rm -rf "$WORK"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || die "run as root (it builds images with debootstrap and drops to $BENCH_USER to measure)"
id "$BENCH_USER" >/dev/null 2>&1 || die "user $BENCH_USER missing: useradd -m $BENCH_USER (with a /etc/subuid range)"
for t in hyperfine podman skopeo docker-registry debootstrap busybox python3; do
    command -v "$t" >/dev/null || die "$t not installed (see .ci/run for the package list)"
done
for t in mkfs.ext4 losetup; do
    command -v "$t" >/dev/null || die "$t not installed (e2fsprogs, mount)"
done

# Both engines' storage goes on a fresh ext4 (made with mkfs's defaults, so with a journal, as
# on a workstation's disk) and their runroots on a tmpfs (as $XDG_RUNTIME_DIR is): the machine's
# own filesystems carry the history of everything run on them before (a churned ext4 without a
# journal makes every new inode scan past recently freed ones, and where a new directory lands
# decides how slow that is), which made one engine's file creation 2x slower than the other's
# by placement alone.
FS_IMG="$CACHE/bench-fs.img"
mkdir -p "$CACHE"
rm -f "$FS_IMG"
truncate -s "${HUTCH_BENCH_FS_SIZE:-24G}" "$FS_IMG"
mkfs.ext4 -q -F "$FS_IMG"
mount -o loop "$FS_IMG" "$WORK"
install -d -m 0755 -o "$BENCH_USER" -g "$BENCH_USER" "$WORK/run"
mount -t tmpfs -o "size=2G,mode=0755,uid=$(id -u "$BENCH_USER"),gid=$(id -g "$BENCH_USER")" tmpfs "$WORK/run"
chmod 0755 "$WORK"; chown "$BENCH_USER" "$WORK"

BUID=$(id -u "$BENCH_USER")
export XDG_RUNTIME_DIR_USER=/tmp/hutch-bench-xdg-$BUID
install -d -m 0700 -o "$BENCH_USER" -g "$BENCH_USER" "$XDG_RUNTIME_DIR_USER"
# A podman pause process left by an earlier run holds a mount namespace from before $WORK was
# mounted, where $WORK is an empty directory: end it so podman starts one that sees the mount.
if [ -f "$XDG_RUNTIME_DIR_USER/libpod/tmp/pause.pid" ]; then
    kill "$(cat "$XDG_RUNTIME_DIR_USER/libpod/tmp/pause.pid")" 2>/dev/null || true
fi

# Runs a command as the bench user with a clean environment.
as_user() {
    setpriv --reuid="$BENCH_USER" --regid="$BENCH_USER" --init-groups \
        env -i HOME="$(getent passwd "$BENCH_USER" | cut -d: -f6)" PATH=/usr/local/bin:/usr/bin:/bin \
        XDG_RUNTIME_DIR="$XDG_RUNTIME_DIR_USER" CONTAINERS_CONF="$WORK/containers.conf" "$@"
}

build_hutch() {
    (cd "$REPO" && cargo build --release -q -p hutch -p hutch-conmon -p hutch-runtime)
    install -d -m 0755 "$WORK/bin"
    install -m 0755 "$REPO/target/release/hutch" "$REPO/target/release/hutch-conmon" \
        "$REPO/target/release/hutch-runtime" "$WORK/bin/"
    printf '[engine]\nevents_logger = "file"\ncgroup_manager = "cgroupfs"\n' > "$WORK/containers.conf"
    chmod 0644 "$WORK/containers.conf"
}

make_images() {
    mkdir -p "$CACHE"
    if [ ! -f "$CACHE/rootfs.done" ]; then
        rm -rf "$CACHE/rootfs"
        debootstrap --variant=minbase bookworm "$CACHE/rootfs" http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1 \
            || die "debootstrap failed, see $CACHE/debootstrap.log"
        touch "$CACHE/rootfs.done"
    fi
    if [ ! -f "$CACHE/debian-oci/index.json" ]; then
        python3 "$HERE/mkimage.py" "$CACHE/debian-oci" "$CACHE/rootfs" --split usr/share,usr/lib/x86_64-linux-gnu,usr/bin
    fi
    if [ ! -f "$CACHE/busybox-oci/index.json" ]; then
        rm -rf "$CACHE/busybox-root"
        mkdir -p "$CACHE/busybox-root/bin" "$CACHE/busybox-root/etc"
        cp "$(command -v busybox)" "$CACHE/busybox-root/bin/busybox"
        for a in $(busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$CACHE/busybox-root/bin/$a"; done
        echo 'root:x:0:0:root:/root:/bin/sh' > "$CACHE/busybox-root/etc/passwd"
        echo 'root:x:0:' > "$CACHE/busybox-root/etc/group"
        python3 "$HERE/mkimage.py" "$CACHE/busybox-oci" "$CACHE/busybox-root"
    fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_registry() {
    REG_PORT=$(free_port)
    mkdir -p "$WORK/registry"
    cat > "$WORK/registry/config.yml" <<YML
version: 0.1
log: { level: error }
storage: { filesystem: { rootdirectory: $WORK/registry/data }, delete: { enabled: true } }
http: { addr: 127.0.0.1:$REG_PORT }
YML
    docker-registry serve "$WORK/registry/config.yml" >"$WORK/registry/log" 2>&1 &
    REG_PID=$!
    for _ in $(seq 50); do curl -fs "http://127.0.0.1:$REG_PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
    REG="127.0.0.1:$REG_PORT"
    for img in debian busybox; do
        skopeo copy -q --dest-tls-verify=false "oci:$CACHE/$img-oci:latest" "docker://$REG/$img:latest"
    done
}

HUTCH="$WORK/bin/hutch --root $WORK/hutch-root --runroot $WORK/run/hutch"
PODMAN="podman --root $WORK/podman-root --runroot $WORK/run/podman --storage-driver overlay"
