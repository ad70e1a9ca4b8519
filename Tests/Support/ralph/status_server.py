#!/usr/bin/env python3
"""An HTTP server on 127.0.0.1:PORT that answers every request with STATUS and a JSON
`detail`: an LRS that refuses, for tests of what wegwijs does with such an answer.

Usage: status_server.py PORT STATUS
"""
import http.server
import json
import signal
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import parent_watch  # noqa: E402

parent_watch.watch()

# A parent (a test runner's thread) may have blocked signals; let SIGTERM and SIGINT stop us.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

port, status = int(sys.argv[1]), int(sys.argv[2])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        body = json.dumps({"detail": f"the test server answers {status}"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = answer
    do_POST = answer

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
