#!/usr/bin/env python3
"""Attempts with known properties for `wegwijs stats`, and an independent computation of the
figures (SPEC §3 scoring and §8 measures written out again here, sharing no code with Wegwijs).

  itemstats.py generate RECORDS_DIR COURSE_FILE   writes the records
  itemstats.py expected RECORDS_DIR COURSE_FILE [--since YYYY-MM-DD] [--attempts first|all]
      prints the figures as JSON; `first` (the default) counts each learner's earliest ended
      attempt (by start, then end, then path), chosen before --since applies

The attempts: 120 learners with an ability from 0 to 1 (seeded), ten of them twice.
- `easy`: everyone refuses (too-easy);
- `miskeyed`: the key gives the points to the weak learners' answer, strong learners choose
  the option that is really right and lose points (negative discrimination: check-key);
- `risky`: the weakest fifth leak the figures (critical, chosen often), nobody picks `never`
  (unused option);
- `branch`: the strongest choose `explain` and see `follow-up`, so `follow-up` is shown less;
- `multi`: several options per answer.
Also written, and not to be counted: in-progress attempts, attempts on another version of the
course file, attempts of another course.
Standard library only.
"""
import hashlib, json, os, random, statistics, sys
from datetime import datetime, timedelta, timezone

START = datetime(2026, 3, 1, 9, 0, 0, tzinfo=timezone.utc)


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def choose(ability, rng):
    """The answers of a learner of this ability: (scenario, [options]) in route order."""
    answers = [("easy", ["refuse"])]
    answers.append(("miskeyed", ["really-right"] if ability > 0.5 else ["keyed-right"]))
    if ability < 0.2:
        risky = "leak"
    elif ability < 0.45:
        risky = "hedge"
    else:
        risky = "refer"
    answers.append(("risky", [risky]))
    if ability > 0.6:
        answers.append(("branch", ["explain"]))
        answers.append(("follow-up", ["calm"] if rng.random() < ability else ["angry"]))
    else:
        answers.append(("branch", ["leave"]))
    answers.append(("multi", ["audience", "tone"] if ability > 0.4 else ["audience", "likes"]))
    return answers


def write(folder, course_id, sha, learner, status, answers, started, finished, name):
    record = {
        "format": "wegwijs.record/1", "attemptId": f"{learner}-{name}",
        "learner": {"id": learner}, "language": "en",
        "course": {"id": course_id, "version": "1.0.0", "sha256": sha},
        "startedAt": stamp(started), "status": status,
        "score": {"earned": 0, "possible": 0, "percent": None}, "guidelines": [], "criticalChosen": [],
        "answers": [{"scenario": s, "options": o, "at": stamp(started + timedelta(seconds=10 * (i + 1)))}
                    for i, (s, o) in enumerate(answers)],
    }
    if finished is not None:
        record["finishedAt"] = stamp(finished)
    path = os.path.join(folder, course_id, learner)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, f"{name}.json"), "w") as out:
        json.dump(record, out, indent=2, sort_keys=True)


def generate(root, course_path):
    sha = hashlib.sha256(open(course_path, "rb").read()).hexdigest()
    rng = random.Random(14)
    for number in range(120):
        learner = str(1000 + number)
        ability = number / 119
        started = START + timedelta(hours=number)
        finished = started + timedelta(seconds=300 + number * 7)
        # Status as the runner would write it does not matter: stats re-scores the answers.
        write(root, "stats-test", sha, learner, "failed", choose(ability, rng), started, finished, "a1")
        if number % 12 == 0:
            again = started + timedelta(days=30)
            write(root, "stats-test", sha, learner, "passed", choose(min(1, ability + 0.3), rng), again,
                  again + timedelta(seconds=400), "a2")
    # Not counted: unfinished, another version of the file, another course.
    write(root, "stats-test", sha, "2000", "in-progress", [("easy", ["share"])], START, None, "in-progress")
    write(root, "stats-test", "0" * 64, "2001", "passed", [("easy", ["share"])], START, START + timedelta(seconds=60), "old")
    write(root, "other-course", sha, "2002", "passed", [("easy", ["share"])], START, START + timedelta(seconds=60), "other")


FLAG_ORDER = ["too-easy", "too-hard", "check-key", "unused-option", "critical-often"]
NEEDS = {"too-easy": 1, "too-hard": 1, "check-key": 30, "unused-option": 50, "critical-often": 1}


def keys(s):
    """The options that earn the points: the most points (above 0); multiple: every option with
    points; ranking: the first in the right order (the file's first)."""
    totals = [sum(o["scores"].values()) for o in s["options"]]
    kind = s.get("kind", "single")
    if kind == "ranking":
        return {s["options"][0]["id"]}
    if kind == "multiple":
        return {o["id"] for o, t in zip(s["options"], totals) if t > 0}
    best = max(totals)
    return {o["id"] for o, t in zip(s["options"], totals) if t == best and best > 0}


def expected(root, course_path, since=None, selection="first"):
    course = json.load(open(course_path))
    sha = hashlib.sha256(open(course_path, "rb").read()).hexdigest()
    guidelines = [g["id"] for g in course["guidelines"]]
    scenarios = {s["id"]: s for s in course["scenarios"]}
    passing = {"overall": 80, "perGuideline": 60, "noCritical": True, **course.get("passing", {})}

    def possible(s, g):
        values = [o["scores"].get(g, 0) for o in s["options"]]
        if s.get("kind", "single") == "multiple":
            return sum(v for v in values if v > 0)
        return max(0, max(values))

    def clamp(x):
        return min(1.0, max(0.0, x))

    attempts = []
    for folder, _, files in os.walk(root):
        for name in files:
            record = json.load(open(os.path.join(folder, name)))
            if record["course"]["id"] != course["id"] or record["status"] not in ("passed", "failed"):
                continue
            if record["course"]["sha256"] != sha or "refresher" in record:
                continue
            record["_path"] = os.path.join(folder, name)
            attempts.append(record)
    candidates = len(attempts)
    if selection == "first":
        first = {}
        for record in attempts:
            key = (record["startedAt"], record["finishedAt"], record["_path"])
            learner = record["learner"]["id"]
            if learner not in first or key < first[learner][0]:
                first[learner] = (key, record)
        attempts = [record for _, record in first.values()]
    later = candidates - len(attempts)
    attempts = [r for r in attempts if not (since and r["finishedAt"][:10] < since)]

    def parse(text):
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")

    rows = []
    for record in attempts:
        E = {g: 0 for g in guidelines}
        P = {g: 0 for g in guidelines}
        per = {}
        critical = False
        for answer in record["answers"]:
            s = scenarios[answer["scenario"]]
            chosen = [o for o in s["options"] if o["id"] in answer["options"]]
            e = sum(o["scores"].get(g, 0) for o in chosen for g in guidelines)
            p = sum(possible(s, g) for g in guidelines)
            for g in guidelines:
                E[g] += sum(o["scores"].get(g, 0) for o in chosen)
                P[g] += possible(s, g)
            critical = critical or any(o.get("critical") for o in chosen)
            per[s["id"]] = (e, p, answer["options"])
        total_e, total_p = sum(E.values()), sum(P.values())
        over = 100 * total_e < passing["overall"] * total_p
        below = [g for g in guidelines if P[g] > 0 and 100 * E[g] < passing["perGuideline"] * P[g]]
        crit = passing["noCritical"] and critical
        rows.append({"learner": record["learner"]["id"], "E": E, "P": P, "total_e": total_e, "total_p": total_p,
                     "percent": clamp(total_e / total_p) * 100, "passed": not (over or below or crit),
                     "over": over, "below": below, "critical": crit, "per": per,
                     "duration": (parse(record["finishedAt"]) - parse(record["startedAt"])).total_seconds()})

    n = len(rows)
    result = {"course": {
        "attempts": n, "learners": len({r["learner"] for r in rows}),
        "pass_rate": 100 * sum(r["passed"] for r in rows) / n,
        "mean_percent": sum(r["percent"] for r in rows) / n,
        "median_percent": statistics.median(r["percent"] for r in rows),
        "median_duration_seconds": statistics.median(r["duration"] for r in rows),
        "failed_overall": sum(r["over"] for r in rows),
        "failed_guideline": {g: sum(g in r["below"] for r in rows) for g in guidelines},
        "failed_critical": sum(r["critical"] for r in rows),
        "attempts_counted": selection, "later_attempts_not_counted": later if selection == "first" else 0,
    }, "scenarios": [], "guidelines": [], "flags": []}

    for s in course["scenarios"]:
        shown = [r for r in rows if s["id"] in r["per"]]
        xs = [clamp(r["per"][s["id"]][0] / r["per"][s["id"]][1]) for r in shown]
        facility = 100 * sum(xs) / len(xs) if shown else None
        pairs = [(clamp(r["per"][s["id"]][0] / r["per"][s["id"]][1]),
                  100 * clamp((r["total_e"] - r["per"][s["id"]][0]) / (r["total_p"] - r["per"][s["id"]][1])))
                 for r in shown if r["total_p"] - r["per"][s["id"]][1] > 0]
        discrimination = None
        if len(shown) >= 10 and len(pairs) >= 2:
            a = [x for x, _ in pairs]
            b = [y for _, y in pairs]
            if statistics.pstdev(a) > 1e-6 and statistics.pstdev(b) > 1e-6:
                discrimination = statistics.correlation(a, b)
        flags = []
        if facility is not None and facility >= 95:
            flags.append("too-easy")
        if facility is not None and facility <= 30:
            flags.append("too-hard")
        if discrimination is not None and discrimination < 0 and len(shown) >= 30:
            flags.append("check-key")
        options = []
        for o in s["options"]:
            chosen = sum(o["id"] in r["per"][s["id"]][2] for r in shown)
            share = 100 * chosen / len(shown) if shown else None
            option_flags = []
            if share is not None and share < 2 and len(shown) >= 50:
                option_flags.append("unused-option")
            if share is not None and o.get("critical") and share >= 10:
                option_flags.append("critical-often")
            options.append({"id": o["id"], "key": o["id"] in keys(s), "critical": bool(o.get("critical")), "chosen": chosen, "share": share,
                            "flags": option_flags})
            result["flags"] += [{"flag": f, "scenario": s["id"], "option": o["id"]} for f in option_flags]
        result["flags"] += [{"flag": f, "scenario": s["id"], "option": None} for f in flags]
        applicable = [f for f in FLAG_ORDER
                      if (f != "unused-option" or s.get("kind", "single") != "ranking")
                      and (f != "critical-often" or any(o.get("critical") for o in s["options"]))]
        too_few = [{"flag": f, "needs": NEEDS[f]} for f in applicable if len(shown) < NEEDS[f]]
        result["scenarios"].append({"id": s["id"], "shown": len(shown), "facility": facility,
                                    "discrimination": discrimination, "flags": flags, "too_few_for": too_few,
                                    "options": options})
    for g in guidelines:
        assessed = [r for r in rows if r["P"][g] > 0]
        result["guidelines"].append({
            "id": g, "assessed": len(assessed),
            "mean_percent": sum(clamp(r["E"][g] / r["P"][g]) * 100 for r in assessed) / len(assessed) if assessed else None,
            "at_or_above_percent": 100 * sum(100 * r["E"][g] >= passing["perGuideline"] * r["P"][g] for r in assessed) / len(assessed)
            if assessed else None})
    return result


if __name__ == "__main__":
    command, root, course_path = sys.argv[1:4]
    if command == "generate":
        generate(root, course_path)
    else:
        options = dict(zip(sys.argv[4::2], sys.argv[5::2]))
        json.dump(expected(root, course_path, options.get("--since"), options.get("--attempts", "first")), sys.stdout, indent=1)
