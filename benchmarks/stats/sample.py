#!/usr/bin/env python3
"""Writes believable, self-consistent attempts at a course: for `wegwijs stats` examples (the
worked example in docs/trainers.md and the screenshots in docs/).

Usage: sample.py OUT_DIR [--course courses/uwv-sociale-media.json] [--learners 400] [--seed 7]
                 [--start 2026-09-01] [--days 80]   (attempts start on a day in that span)

Pools are drawn at random per attempt. Each learner has an ability between 0 and 1; in every scenario they choose the best option with
that probability, else another option (for a multiple-answer scenario: each positively scored
option with that probability, each other option with its complement halved). Routes follow the
branching; scores, status and criticalChosen are computed by the rule of SPEC §3, so the records
are what the runner would write (unsigned). Standard library only.
"""
import argparse, hashlib, json, os, random, uuid
from datetime import datetime, timedelta, timezone


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--course", default=os.path.join(os.path.dirname(__file__), "../../courses/uwv-sociale-media.json"))
    parser.add_argument("--learners", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", default="2026-09-01")
    parser.add_argument("--days", type=int, default=80)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    raw = open(args.course, "rb").read()
    course, sha = json.loads(raw), hashlib.sha256(raw).hexdigest()
    guidelines = [g["id"] for g in course["guidelines"]]
    scenarios = course["scenarios"]
    index = {s["id"]: i for i, s in enumerate(scenarios)}
    passing = {"overall": 80, "perGuideline": 60, "noCritical": True, **course.get("passing", {})}

    def possible(s, g):
        values = [o["scores"].get(g, 0) for o in s["options"]]
        return sum(v for v in values if v > 0) if s.get("kind", "single") == "multiple" else max(0, max(values))

    def total(o):
        return sum(o["scores"].values())

    start = datetime.strptime(args.start, "%Y-%m-%d").replace(hour=8, tzinfo=timezone.utc)
    for number in range(args.learners):
        learner = str(100000 + number)
        ability = min(0.98, max(0.3, rng.gauss(0.85, 0.1)))
        moment = start + timedelta(days=rng.randint(0, args.days), minutes=rng.randint(0, 600))
        at = moment
        # Pools: draw `draw` members of each; a skipped member passes on to its own `next`.
        drawn, skipped = [], set()
        for pool in course.get("pools", []):
            chosen_members = rng.sample(pool["scenarios"], pool["draw"])
            drawn += chosen_members
            skipped |= set(pool["scenarios"]) - set(chosen_members)
        position, answers = 0, []
        while position is not None:
            s = scenarios[position]
            if s["id"] in skipped:
                link = s.get("next")
                position = None if link == "end" else index[link] if link else (position + 1 if position + 1 < len(scenarios) else None)
                continue
            options = s["options"]
            if s.get("kind", "single") == "multiple":
                chosen = [o for o in options if rng.random() < (ability if total(o) > 0 else (1 - ability) / 2)]
                chosen = chosen or [rng.choice(options)]
                link = s.get("next")
            else:
                best = max(options, key=total)
                others = [o for o in options if o is not best]
                option = best if rng.random() < ability else rng.choice(others)
                chosen = [option]
                link = option.get("next") or s.get("next")
            at += timedelta(seconds=rng.randint(15, 70))
            answers.append((s, chosen, at))
            position = None if link == "end" else index[link] if link else (position + 1 if position + 1 < len(scenarios) else None)
        earned = {g: sum(o["scores"].get(g, 0) for _, chosen, _ in answers for o in chosen) for g in guidelines}
        possible_g = {g: sum(possible(s, g) for s, _, _ in answers) for g in guidelines}
        critical = [s["id"] for s, chosen, _ in answers if any(o.get("critical") for o in chosen)]
        E, P = sum(earned.values()), sum(possible_g.values())
        passed = 100 * E >= passing["overall"] * P \
            and all(100 * earned[g] >= passing["perGuideline"] * possible_g[g] for g in guidelines if possible_g[g] > 0) \
            and not (passing["noCritical"] and critical)

        def percent(e, p):
            return None if p == 0 else int(min(1, max(0, e / p)) * 1000 + 0.5) / 10  # half away from zero, as Swift rounds

        record = {
            "format": "wegwijs.record/1", "attemptId": str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(),
            "learner": {"id": learner, "name": f"Medewerker {learner}"}, "language": "nl",
            "course": {k: v for k, v in {"id": course["id"], "version": course["version"], "sha256": sha,
                                         "validFor": course.get("validFor"), "dueWithinDays": course.get("dueWithinDays")}.items()
                       if v is not None},
            "startedAt": stamp(moment), "finishedAt": stamp(at + timedelta(seconds=20)),
            "status": "passed" if passed else "failed",
            "score": {"earned": E, "possible": P, "percent": percent(E, P)},
            "guidelines": [{"id": g, "earned": earned[g], "possible": possible_g[g], "percent": percent(earned[g], possible_g[g])}
                           for g in guidelines],
            "criticalChosen": critical,
            "answers": [{"scenario": s["id"], "options": [o["id"] for o in chosen], "at": stamp(when)} for s, chosen, when in answers],
        }
        if course.get("pools"):
            record["drawn"] = [s["id"] for s in scenarios if s["id"] in drawn]
        if course.get("shuffleOptions"):
            record["seed"] = rng.getrandbits(52)
        folder = os.path.join(args.out, course["id"], learner)
        os.makedirs(folder, exist_ok=True)
        name = (at + timedelta(seconds=20)).strftime("%Y%m%dT%H%M%SZ") + "-%08x.json" % rng.getrandbits(32)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            json.dump(record, out, indent=2, sort_keys=True, ensure_ascii=False)
    print(f"{args.learners} attempts at {course['id']} in {args.out}")


if __name__ == "__main__":
    main()
