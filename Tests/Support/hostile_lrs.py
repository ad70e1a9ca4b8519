#!/usr/bin/env python3
"""A hostile LRS for tests: an HTTP server on 127.0.0.1:PORT that answers as a script says.

Usage: hostile_lrs.py PORT SCRIPT LOG

SCRIPT is a JSON file, read again for every request (a test rewrites it between runs):
  {"get": ANSWER, "post": ANSWER}
ANSWER (every member optional):
  "status": 200                 the HTTP status
  "headers": {"Location": "…"}  extra headers
  "body": "…"                   the body (text), or
  "json": {…}                   the body as JSON
  "pages": [{…}, {…}]           GET only: page N (from ?page=N, default 0) as JSON
  "endless": true               a body that never ends (chunked, 64 kB at a time)
  "drip": 0.5                   the body one byte every so many seconds
  "close": true                 close the connection without answering
Each request is appended to LOG as one JSON line: method, path, host, authorization, body.
Ends itself when its parent (the test process) is gone.
"""
import http.server
import json
import os
import signal
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import parent_watch  # noqa: E402

parent_watch.watch()
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})

port, script_path, log_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_one(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body_in = self.rfile.read(length) if length else b""
        with open(log_path, "a") as log:
            log.write(json.dumps({"method": method, "path": self.path, "host": self.headers.get("Host"),
                                  "authorization": self.headers.get("Authorization"),
                                  "body": body_in.decode("utf-8", "replace")}) + "\n")
        try:
            with open(script_path) as handle:
                script = json.load(handle)
        except (OSError, ValueError):
            script = {}
        answer = script.get(method.lower(), {})
        if answer.get("close"):
            self.close_connection = True
            return
        status = answer.get("status", 200)
        if "pages" in answer:
            query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            page = int(query.get("page", ["0"])[0])
            pages = answer["pages"]
            body = json.dumps(pages[min(page, len(pages) - 1)]).encode()
        elif "json" in answer:
            body = json.dumps(answer["json"]).encode()
        else:
            body = answer.get("body", "{\"statements\": []}" if method == "GET" else "[]").encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for name, value in answer.get("headers", {}).items():
            self.send_header(name, value)
        try:
            if answer.get("endless"):
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"[" + b"1," * 32767
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            elif answer.get("drip"):
                self.send_header("Content-Length", str(len(body) + 1000))
                self.end_headers()
                for byte in (body + b" " * 1000):
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(answer["drip"])
            else:
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_GET(self):
        self.handle_one("GET")

    def do_POST(self):
        self.handle_one("POST")

    def do_PUT(self):
        self.handle_one("PUT")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


Server(("127.0.0.1", port), Handler).serve_forever()
