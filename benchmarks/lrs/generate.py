#!/usr/bin/env python3
"""Clones one real completion record into N ended attempts of N learners.

Usage: generate.py SEED_RECORD RECORDS_DIR N
Each clone gets its own attemptId (deterministic), learner id and name, and a start time one
minute after the previous one, so its statements differ; everything else is the real record.
"""
import json
import os
import sys
import uuid
from datetime import datetime, timedelta, timezone

seed_path, root, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(seed_path, encoding="utf-8") as handle:
    seed = json.load(handle)

fmt = "%Y-%m-%dT%H:%M:%SZ"
base = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
namespace = uuid.UUID("0f7a3c52-1b1e-4a8e-9d41-6a2f3c5b7e10")
started0 = datetime.strptime(seed["startedAt"], fmt).replace(tzinfo=timezone.utc)

def shifted(text, delta):
    return (datetime.strptime(text, fmt).replace(tzinfo=timezone.utc) + delta).strftime(fmt)

for n in range(1, count + 1):
    record = json.loads(json.dumps(seed))
    delta = base + timedelta(minutes=n) - started0
    record["attemptId"] = str(uuid.uuid5(namespace, str(n)))
    record["learner"] = {"id": f"E{n:05d}", "name": f"Learner {n}"}
    record["startedAt"] = shifted(record["startedAt"], delta)
    record["finishedAt"] = shifted(record["finishedAt"], delta)
    for answer in record["answers"]:
        answer["at"] = shifted(answer["at"], delta)
    folder = os.path.join(root, record["course"]["id"], record["learner"]["id"])
    os.makedirs(folder, exist_ok=True)
    stamp = record["finishedAt"].replace("-", "").replace(":", "")
    with open(os.path.join(folder, f"{stamp}-{n:08x}.json"), "w", encoding="utf-8") as handle:
        json.dump(record, handle, indent=2, sort_keys=True)
        handle.write("\n")
