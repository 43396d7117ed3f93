#!/usr/bin/env python3
"""Turns a root filesystem directory into an OCI image layout, one gzip layer per listed subtree
plus one for the rest, so benchmarks pull a real multi-layer image made from local files."""
import argparse, gzip, hashlib, io, json, os, tarfile

SKIP = {"dev", "proc", "sys", "run/lock"}


def write_blob(out, data):
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(out, "blobs", "sha256", digest)
    with open(path, "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)


def make_layer(root, members):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for m in members:
            info = tar.gettarinfo(os.path.join(root, m), arcname=m)
            if info.ischr() or info.isblk():
                continue
            if info.isreg():
                with open(os.path.join(root, m), "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)
    raw = raw.getvalue()
    return raw, gzip.compress(raw, compresslevel=6, mtime=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("rootfs")
    ap.add_argument("--split", default="", help="comma-separated subtrees that get their own layer")
    ap.add_argument("--tag", default="latest")
    a = ap.parse_args()
    splits = [s.strip("/") for s in a.split.split(",") if s]
    groups = {s: [] for s in [""] + splits}
    for dirpath, dirnames, filenames in os.walk(a.rootfs):
        rel = os.path.relpath(dirpath, a.rootfs)
        rel = "" if rel == "." else rel
        if rel in SKIP:
            dirnames[:] = []
            continue
        for name in sorted(dirnames) + sorted(filenames):
            p = os.path.join(rel, name) if rel else name
            owner = next((s for s in splits if p == s or p.startswith(s + "/")), "")
            if owner and p == owner:
                groups[""].append(p)  # the directory itself belongs to the base
                continue
            groups[owner].append(p)
        dirnames.sort()
    os.makedirs(os.path.join(a.out, "blobs", "sha256"), exist_ok=True)
    layers, diff_ids = [], []
    for key in [""] + splits:
        raw, gz = make_layer(a.rootfs, groups[key])
        diff_ids.append("sha256:" + hashlib.sha256(raw).hexdigest())
        d, n = write_blob(a.out, gz)
        layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": d, "size": n})
    config = {
        "architecture": "amd64", "os": "linux", "created": "2026-01-01T00:00:00Z",
        "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["bash"]},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created": "2026-01-01T00:00:00Z", "created_by": "bench/mkimage.py"} for _ in layers],
    }
    cd, cn = write_blob(a.out, json.dumps(config).encode())
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cd, "size": cn},
                "layers": layers}
    md, mn = write_blob(a.out, json.dumps(manifest).encode())
    index = {"schemaVersion": 2, "manifests": [{"mediaType": manifest["mediaType"], "digest": md, "size": mn,
                                                "annotations": {"org.opencontainers.image.ref.name": a.tag}}]}
    with open(os.path.join(a.out, "index.json"), "w") as f:
        json.dump(index, f)
    with open(os.path.join(a.out, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)


if __name__ == "__main__":
    main()
