#!/usr/bin/env python3
"""Run a Ralph LRS 5.1.0 (file-system backend) on 127.0.0.1 for tests.

Usage: serve.py PORT DATA_DIR AUTH_FILE [TLS_CERT TLS_KEY]
  DATA_DIR  where the statements are kept (created if missing)
  AUTH_FILE credentials made by `ralph auth` (see README.md)
  TLS_CERT, TLS_KEY  PEM files: serve HTTPS instead of HTTP

Two bugs of ralph-malph 5.1.0's file-system backend are worked around here:
  1. every write uses CREATE mode, so each POST after the first fails with HTTP 500
     ("fs_lrs.jsonl already exists and overwrite is not allowed"): writes use APPEND;
  2. the `verb` and `activity` query filters compare a str with an IRI object and never
     match: they are turned back into strings before the query.
"""
import os
import signal
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import parent_watch  # noqa: E402

parent_watch.watch()

# A parent (a test runner's thread) may have blocked signals; let SIGTERM and SIGINT stop us.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})

port, data_dir, auth_file = sys.argv[1], sys.argv[2], sys.argv[3]
tls = {"ssl_certfile": sys.argv[4], "ssl_keyfile": sys.argv[5]} if len(sys.argv) > 5 else {}
os.makedirs(data_dir, exist_ok=True)
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_AUTH_FILE"] = os.path.abspath(auth_file)
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = os.path.abspath(data_dir)
os.environ.setdefault("RALPH_APP_DIR", os.path.join(os.path.abspath(data_dir), ".ralph-app"))

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

_query = FSLRSBackend.query_statements


def _query_statements(self, params, target=None):
    for field in ("verb", "activity"):
        value = params.__dict__.get(field)
        if value is not None and not isinstance(value, str):
            params.__dict__[field] = str(value)
    return _query(self, params, target)


FSLRSBackend.query_statements = _query_statements

uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(port), log_level="warning", **tls)
