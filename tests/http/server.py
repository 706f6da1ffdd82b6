#!/usr/bin/env python3
"""server.py — the HTTP server the tests/http scripts and bench/links.sh start on loopback.

    server.py --root DIR --portfile FILE --log FILE [--ports N] [--tls CERT KEY]

Listens on 127.0.0.1 (N ports, one per line in FILE; a port is a different "host" for
libcurl's per-host connection cap); with --tls it speaks HTTPS with that certificate.  Every request appends one line to the log:
"METHOD PATH if-none-match=... if-modified-since=... t=MONOTONIC".

  /res/NAME        DIR/NAME with ETag (content digest) and Last-Modified (file mtime);
                   304 when If-None-Match or If-Modified-Since says the client is current
  /redir/NAME      302 to /res/NAME             /loop      302 to itself
  /status/CODE     that status, a short body    /head405   405 to HEAD, 200 to GET
  /retry/CODE      CODE with Retry-After: 1 the first time per path+query, then 200
  /slow            waits 5 s before answering   /endless   200, no length, never ends
  /big             Content-Length: 100 MB, sends it
  /delay/MS/...    waits MS milliseconds, then 200 (the link benchmark)
  /to/URL          302 to URL (another origin)
  /trickle/N/MS    200 with Content-Length 1 MB, N bytes every MS milliseconds, never done
"""
import argparse, email.utils, hashlib, os, ssl, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

seen = set()
seen_lock = threading.Lock()
log_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def record(self):
        line = "%s %s if-none-match=%s if-modified-since=%s t=%.3f\n" % (
            self.command, self.path, self.headers.get("If-None-Match", "-"),
            (self.headers.get("If-Modified-Since", "-") or "-").replace(" ", "_"), time.monotonic())
        with log_lock, open(self.server.logfile, "a") as f:
            f.write(line)

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        if code != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and code != 304:
            try:
                self.wfile.write(body)
            except OSError:  # the client gave up (time-out tests)
                pass

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        self.record()
        p = self.path
        if p.startswith("/res/"):
            return self.resource(p[5:])
        if p.startswith("/redir/"):
            return self.send(302, b"", [("Location", "/res/" + p[7:])])
        if p.startswith("/to/"):
            return self.send(302, b"", [("Location", p[4:])])
        if p.startswith("/trickle/"):
            n, ms = (int(x) for x in p.split("/")[2:4])
            self.send_response(200)
            self.send_header("Content-Length", str(1024 * 1024))
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"x" * n)
                    self.wfile.flush()
                    time.sleep(ms / 1000.0)
            except OSError:
                return
        if p == "/loop":
            return self.send(302, b"", [("Location", "/loop")])
        if p.startswith("/status/"):
            return self.send(int(p[8:11]), b"status\n")
        if p == "/head405":
            return self.send(405 if self.command == "HEAD" else 200, b"ok\n")
        if p.startswith("/retry/"):
            with seen_lock:
                first = p not in seen
                seen.add(p)
            if first:
                return self.send(int(p[7:10]), b"busy\n", [("Retry-After", "1")])
            return self.send(200, b"ok\n")
        if p == "/slow":
            time.sleep(5)
            return self.send(200, b"slow\n")
        if p == "/endless":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"x" * 65536)
            except OSError:
                return
        if p == "/big":
            self.send_response(200)
            self.send_header("Content-Length", str(100 * 1024 * 1024))
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(1600):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                return
            return
        if p.startswith("/delay/"):
            ms = int(p.split("/")[2])
            time.sleep(ms / 1000.0)
            return self.send(200, b"ok\n")
        return self.send(404, b"not found\n")

    def resource(self, name):
        path = os.path.join(self.server.root, os.path.basename(name))
        try:
            with open(path, "rb") as f:
                body = f.read()
        except OSError:
            return self.send(404, b"not found\n")
        etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
        mtime = int(os.stat(path).st_mtime)
        lm = email.utils.formatdate(mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        current = False
        if inm is not None:
            current = inm == etag
        elif ims is not None:
            try:
                current = email.utils.parsedate_to_datetime(ims).timestamp() >= mtime
            except (TypeError, ValueError):
                current = False
        headers = [("ETag", etag), ("Last-Modified", lm)]
        if os.path.basename(name).startswith("nolm-"):
            headers = [("Last-Modified", lm)]  # validators: Last-Modified only
        self.send(304 if current else 200, body, headers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--portfile", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--ports", type=int, default=1)
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    a = ap.parse_args()
    tls = None
    if a.tls:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(a.tls[0], a.tls[1])
    servers = []
    ThreadingHTTPServer.request_queue_size = 256  # many connections at once (link checks)
    ThreadingHTTPServer.handle_error = lambda self, request, address: None  # clients that hang up
    for _ in range(a.ports):
        s = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        s.daemon_threads = True
        s.root, s.logfile = a.root, a.log
        if tls:
            s.socket = tls.wrap_socket(s.socket, server_side=True)
        servers.append(s)
        threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = a.portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write("".join("%d\n" % s.server_address[1] for s in servers))
    os.rename(tmp, a.portfile)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
