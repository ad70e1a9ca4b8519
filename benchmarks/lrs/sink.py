#!/usr/bin/env python3
"""An HTTP endpoint that accepts every POST at once (200, []) and counts the statements:
measures what the sending side costs, without an LRS's storage. Usage: sink.py PORT COUNT_FILE"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

count_file = sys.argv[2]
total = 0


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802
        global total
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        total += len(json.loads(body))
        with open(count_file, "w") as handle:
            handle.write(str(total))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"[]")

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
