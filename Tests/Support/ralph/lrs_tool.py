#!/usr/bin/env python3
"""Reads and writes an LRS for the tests, independently of Wegwijs's own client.

Usage:
  lrs_tool.py dump URL USER PASSWORD   every statement in the LRS (following `more` links)
  lrs_tool.py canon FILE...            the statements of NDJSON files
  lrs_tool.py post URL USER PASSWORD FILE   POST one JSON statement; prints the HTTP status

`dump` and `canon` print one statement per line in a canonical form (keys sorted; the LRS's
own `stored`, `authority` and `version` dropped; timestamps as UTC `Z`), sorted, so two sets
of statements are equal exactly when the outputs are. Duplicates stay, so they show.
"""
import json
import sys
from datetime import datetime, timezone
from urllib.parse import urljoin

import requests

HEADERS = {"X-Experience-API-Version": "1.0.3"}


def canonical(statement):
    statement = {k: v for k, v in statement.items() if k not in ("stored", "authority", "version")}
    if "timestamp" in statement:
        moment = datetime.fromisoformat(statement["timestamp"].replace("Z", "+00:00"))
        statement["timestamp"] = moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return json.dumps(statement, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def dump(url, user, password):
    lines = []
    next_url = url.rstrip("/") + "/statements?limit=500"
    pages = 0
    while next_url and pages < 100000:
        pages += 1
        answer = requests.get(next_url, auth=(user, password), headers=HEADERS, timeout=60)
        answer.raise_for_status()
        body = answer.json()
        lines += [canonical(s) for s in body["statements"]]
        more = body.get("more")
        next_url = urljoin(url, more) if more else None
    return lines


def main():
    command = sys.argv[1]
    if command == "dump":
        lines = dump(*sys.argv[2:5])
    elif command == "canon":
        lines = []
        for name in sys.argv[2:]:
            with open(name, encoding="utf-8") as handle:
                lines += [canonical(json.loads(line)) for line in handle if line.strip()]
    elif command == "post":
        url, user, password, name = sys.argv[2:6]
        with open(name, encoding="utf-8") as handle:
            statement = json.load(handle)
        answer = requests.post(url.rstrip("/") + "/statements", json=statement, auth=(user, password),
                               headers=HEADERS, timeout=60)
        print(answer.status_code)
        return
    else:
        sys.exit(f"unknown command {command}")
    for line in sorted(lines):
        print(line)


main()
