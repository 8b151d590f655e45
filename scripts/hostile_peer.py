#!/usr/bin/env python3
"""Hostile peers for scripts/bench_hostile.sh (not run on its own).

  hostile_peer.py liar PORTFILE        a service that counts 10^12 of everything and serves none
  hostile_peer.py huge PORTFILE SIZE   answers every request with SIZE bytes (Content-Length),
                                       made as they are sent; SIZE "endless" never ends (chunked)
  hostile_peer.py stall HOST:PORT N    opens N stalled connections (most mid-body), prints
                                       "ready", holds them until stdin closes
  hostile_peer.py flood HOST:PORT N    N short-lived connections of four kinds, one after another

Servers write their port to PORTFILE once listening and run until killed.
"""
import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIE = 10**12


class Quiet(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass


class Liar(Quiet):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        path = self.path.split("?")[0]
        if path.endswith("/search"):
            body = {"siteDocumentItems": [], "pagingOffsetMetadata": {"count": 0, "offset": 0, "total": LIE}}
        elif path.endswith("/items"):
            body = {"items": []}
        elif path.endswith("/galleries"):
            body = {"totalGalleries": LIE, "galleries": []}
        else:
            body = {"gallery": {"id": path.rsplit("/", 1)[-1], "totalItems": LIE, "items": []}}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = answer


def huge_handler(size):
    chunk = b" " * 65536

    class Huge(Quiet):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            try:
                if size is None:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    self.wfile.write(b"b\r\n{\"items\": [\r\n")
                    while True:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                else:
                    self.send_header("Content-Length", str(size))
                    self.end_headers()
                    left = size
                    while left > 0:
                        part = chunk[: min(left, len(chunk))]
                        self.wfile.write(part)
                        left -= len(part)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

    return Huge


def serve(handler, portfile):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    with open(portfile, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


def address(text):
    host, port = text.rsplit(":", 1)
    return host, int(port)


def stall(addr, n):
    held = []
    for i in range(n):
        s = socket.create_connection(addr)
        kind = i % 10
        if kind == 1:
            s.sendall(b"POST /webhooks HTTP/1.1\r\nHost: x\r\n")
        elif kind >= 2:
            s.sendall(b"POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789")
        held.append(s)
    print("ready", flush=True)
    sys.stdin.read()
    for s in held:
        s.close()


def flood(addr, n):
    request = b"GET /progallery/v2/galleries HTTP/1.1\r\nHost: s\r\nAuthorization: k\r\nConnection: close\r\n\r\n"
    for i in range(n):
        s = socket.create_connection(addr)
        kind = i % 4
        if kind == 1:
            s.sendall(b"GET /progallery/v2/gall")
        elif kind == 2:
            s.sendall(request)
            while s.recv(65536):
                pass
        elif kind == 3:
            s.sendall(b"\x16\x03\x01\x02\x00 not http\r\n\r\n")
        s.close()


def main():
    mode = sys.argv[1]
    if mode == "liar":
        serve(Liar, sys.argv[2])
    elif mode == "huge":
        size = None if sys.argv[3] == "endless" else int(sys.argv[3])
        serve(huge_handler(size), sys.argv[2])
    elif mode == "stall":
        stall(address(sys.argv[2]), int(sys.argv[3]))
    elif mode == "flood":
        flood(address(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
