#!/usr/bin/env python3
"""Writes N learners x A attempts of realistic completion records for `wegwijs report`.

Usage: generate.py OUT_DIR [--learners 20000] [--attempts 5] [--course courses/uwv-sociale-media.json] [--seed 1]

Each record follows a real route through the course (real scenario and option ids, so files
have the size and shape the runner writes: JSONEncoder pretty-printed, sorted keys). Statuses
and scores are drawn at random; the records are for timing the report, not for `verify`.
Standard library only.
"""
import math, argparse, hashlib, json, os, random, uuid
from datetime import datetime, timedelta, timezone


def route(course, rng):
    scenarios = course["scenarios"]
    index = {s["id"]: i for i, s in enumerate(scenarios)}
    position, answers = 0, []
    while position is not None:
        s = scenarios[position]
        if s.get("kind", "single") == "multiple":
            chosen = sorted(rng.sample([o["id"] for o in s["options"]], rng.randint(1, 2)))
            link = s.get("next")
        else:
            option = rng.choice(s["options"])
            chosen = [option["id"]]
            link = option.get("next") or s.get("next")
        answers.append((s["id"], chosen))
        if link == "end":
            position = None
        elif link:
            position = index[link]
        else:
            position = position + 1 if position + 1 < len(scenarios) else None
    return answers


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def percent(earned, possible):
    """One decimal, halves away from zero, as the runner rounds (Scoring.percent)."""
    return math.floor(max(0.0, min(1.0, earned / possible)) * 1000 + 0.5) / 10


def record(course, sha, learner, moment, status, rng):
    answers = route(course, rng)
    at = moment
    answer_list = []
    for scenario, options in answers:
        at += timedelta(seconds=rng.randint(10, 60))
        answer_list.append({"at": stamp(at), "options": options, "scenario": scenario})
    if status == "in-progress":
        answer_list = answer_list[: rng.randint(1, len(answer_list) - 1)]
    guidelines = []
    earned_total = possible_total = 0
    for g in course["guidelines"]:
        possible = rng.randint(4, 12)
        # A pass scores at least 80 % on every guideline, so the record agrees with itself and
        # with the pass rule (80 % overall, 60 % per guideline), as a real one does.
        earned = rng.randint(-(-possible * 4 // 5), possible) if status == "passed" else rng.randint(-2, possible)
        earned_total += earned
        possible_total += possible
        guidelines.append({"earned": earned, "id": g["id"], "percent": percent(earned, possible),
                           "possible": possible})
    rec = {
        "answers": answer_list,
        "attemptId": str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(),
        "course": {"dueWithinDays": course.get("dueWithinDays"), "id": course["id"], "sha256": sha,
                   "validFor": course.get("validFor"), "version": course["version"]},
        "criticalChosen": [],
        "format": "wegwijs.record/1",
        "guidelines": guidelines,
        "language": "nl",
        "learner": {"id": learner, "name": f"Medewerker {learner}"},
        "score": {"earned": earned_total, "percent": percent(earned_total, possible_total),
                  "possible": possible_total},
        "startedAt": stamp(moment),
        "status": status,
    }
    if status != "in-progress":
        rec["finishedAt"] = stamp(at)
    rec["course"] = {k: v for k, v in rec["course"].items() if v is not None}
    # JSONEncoder's pretty printing on Linux: two spaces, "key" : value.
    return json.dumps(rec, indent=2, sort_keys=True, ensure_ascii=False, separators=(",", " : ")) + "\n", at


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--learners", type=int, default=20000)
    parser.add_argument("--attempts", type=int, default=5)
    parser.add_argument("--course", default=os.path.join(os.path.dirname(__file__), "../../courses/uwv-sociale-media.json"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    raw = open(args.course, "rb").read()
    course, sha = json.loads(raw), hashlib.sha256(raw).hexdigest()
    start = datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc)
    count = 0
    for number in range(args.learners):
        learner = str(100000 + number)
        folder = os.path.join(args.out, course["id"], learner)
        os.makedirs(folder, exist_ok=True)
        moment = start + timedelta(days=rng.randint(0, 300), minutes=rng.randint(0, 600))
        for attempt in range(args.attempts):
            last = attempt == args.attempts - 1
            status = rng.choice(["passed", "failed", "in-progress"] if last else ["failed", "failed", "passed", "abandoned"])
            text, finished = record(course, sha, learner, moment, status, rng)
            name = "in-progress.json" if status == "in-progress" else \
                finished.strftime("%Y%m%dT%H%M%SZ") + "-%08x.json" % rng.getrandbits(32)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                handle.write(text)
            count += 1
            moment = finished + timedelta(days=rng.randint(1, 40))
    print(f"{count} records for {args.learners} learners in {args.out}")


if __name__ == "__main__":
    main()
