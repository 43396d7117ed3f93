#!/usr/bin/env python3
"""A proxy in front of a registry that refuses streamed blob uploads, as registries that only
take ranged chunks do: a PATCH without Content-Range has its (chunked) body read and thrown
away, then gets 416 Range Not Satisfiable. Every other request is forwarded as is, Host header
included, so the Location headers the registry makes name the proxy.

Listens on 127.0.0.1 (port 0 = any free port; the port is printed as the first stdout line).
Each refusal is logged to stderr as `refused PATH`. Standard library only.
"""

import argparse
import http.client
import http.server
import sys

HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--upstream", required=True, help="HOST:PORT of the registry")
    args = ap.parse_args()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def read_chunked(self):
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return
                self.rfile.read(size)
                self.rfile.readline()

        def answer(self, status, headers, body, head=False):
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            if body and not head:
                self.wfile.write(body)

        def handle_any(self):
            chunked = "chunked" in (self.headers.get("Transfer-Encoding") or "").lower()
            if self.command == "PATCH" and "Content-Range" not in self.headers:
                if chunked:
                    self.read_chunked()
                else:
                    self.rfile.read(int(self.headers.get("Content-Length") or 0))
                print(f"refused {self.path}", file=sys.stderr, flush=True)
                body = b'{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"give Content-Range"}]}'
                self.answer(
                    416,
                    [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
                    body,
                )
                return
            if chunked:
                self.answer(411, [("Content-Length", "0")], b"")
                self.close_connection = True
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
            if body is not None or self.command in ("PUT", "POST", "PATCH"):
                headers["Content-Length"] = str(length)
            conn = http.client.HTTPConnection(args.upstream, timeout=120)
            conn.request(self.command, self.path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            out = [(k, v) for k, v in r.getheaders() if k.lower() not in HOP]
            if self.command == "HEAD":
                out.append(("Content-Length", r.getheader("Content-Length") or "0"))
            else:
                out.append(("Content-Length", str(len(data))))
            conn.close()
            self.answer(r.status, out, data, head=self.command == "HEAD")

        do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
