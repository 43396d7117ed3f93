#!/usr/bin/env python3
"""Token server for the bearer-auth integration tests (Docker registry token spec).

Listens on 127.0.0.1 (port 0 = any free port; the port is printed as the first stdout line),
checks HTTP Basic credentials, and answers GET ?service=..&scope=.. with an RS256 JWT whose
`x5c` header carries the certificate of the signing key: docker-registry verifies the chain
against its `rootcertbundle`. Anonymous requests get a token with no access; wrong credentials
get 401. Every request is logged to stderr, one line each, so tests can see the flow happened.
Standard library plus the `openssl` command only.
"""

import argparse
import base64
import http.server
import json
import subprocess
import sys
import time
import urllib.parse


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--cert", required=True, help="PEM certificate put into the x5c header")
    ap.add_argument("--key", required=True, help="PEM RSA private key that signs tokens")
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--issuer", required=True)
    ap.add_argument("--openssl", default="openssl")
    args = ap.parse_args()

    der = subprocess.run(
        [args.openssl, "x509", "-in", args.cert, "-outform", "DER"],
        capture_output=True,
        check=True,
    ).stdout
    expected = "Basic " + base64.b64encode(
        f"{args.user}:{args.password}".encode()
    ).decode()

    def sign(data):
        return subprocess.run(
            [args.openssl, "dgst", "-sha256", "-sign", args.key],
            input=data,
            capture_output=True,
            check=True,
        ).stdout

    class Handler(http.server.BaseHTTPRequestHandler):
        def reply(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if status == 401:
                self.send_header("WWW-Authenticate", 'Basic realm="hutch-it-token"')
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            query = urllib.parse.parse_qs(url.query)
            auth = self.headers.get("Authorization", "")
            if url.path != "/token":
                self.log(404, "-", [])
                self.reply(404, {"errors": [{"code": "NOT_FOUND", "message": url.path}]})
                return
            if auth and auth != expected:
                self.log(401, "bad-credentials", [])
                self.reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "invalid username or password"}]})
                return
            subject = args.user if auth else ""
            access = []
            # Scopes look like `repository:NAME:pull,push`; NAME never holds ':' but be lenient.
            for scope in query.get("scope", []):
                for one in scope.split(" "):
                    kind, _, rest = one.partition(":")
                    name, _, actions = rest.rpartition(":")
                    if auth and kind and name:
                        access.append(
                            {"type": kind, "name": name, "actions": [a for a in actions.split(",") if a]}
                        )
            now = int(time.time())
            header = {"typ": "JWT", "alg": "RS256", "x5c": [base64.b64encode(der).decode()]}
            claims = {
                "iss": args.issuer,
                "sub": subject,
                "aud": query.get("service", [""])[0],
                "exp": now + 600,
                "nbf": now - 30,
                "iat": now,
                "jti": f"{now}-{id(self)}",
                "access": access,
            }
            signing = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
            token = signing.decode() + "." + b64url(sign(signing))
            self.log(200, subject or "anonymous", access)
            self.reply(200, {"token": token, "access_token": token, "expires_in": 600, "issued_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))})

        def log(self, status, who, access):
            granted = ",".join(f"{a['name']}:{'+'.join(a['actions'])}" for a in access) or "-"
            sys.stderr.write(f"token {status} {who} {granted}\n")
            sys.stderr.flush()

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
