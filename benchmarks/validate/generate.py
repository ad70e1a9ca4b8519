#!/usr/bin/env python3
"""Writes a large, valid Wegwijs course for the validate benchmark.

usage: generate.py OUT.json [SCENARIOS]   (default 5000 scenarios)

Every scenario has three options in Dutch and English; every tenth scenario branches on a
wrong answer to a follow-up scenario, every seventh takes several answers.
"""
import json
import sys


def text(nl, en):
    return {"nl": nl, "en": en}


def course(count):
    guidelines = [
        {"id": f"richtlijn-{g}", "title": text(f"Richtlijn {g}", f"Guideline {g}"),
         "summary": text(f"Samenvatting van richtlijn {g}.", f"Summary of guideline {g}.")}
        for g in range(1, 6)
    ]
    scenarios = []
    for i in range(count):
        g1 = f"richtlijn-{i % 5 + 1}"
        g2 = f"richtlijn-{(i + 2) % 5 + 1}"
        multiple = i % 7 == 3
        branching = not multiple and i % 10 == 0 and i + 2 < count
        options = [
            {"id": "goed", "text": text(f"Het goede antwoord bij situatie {i}.", f"The right answer to situation {i}."),
             "scores": {g1: 2, g2: 1}, "feedback": text("Goed gedaan.", "Well done.")},
            {"id": "half", "text": text(f"Een redelijk antwoord bij situatie {i}.", f"A fair answer to situation {i}."),
             "scores": {g1: 1}, "feedback": text("Bijna.", "Almost.")},
            {"id": "fout", "text": text(f"Een slecht antwoord bij situatie {i}.", f"A poor answer to situation {i}."),
             "scores": {g1: -1, g2: -2}, "critical": i % 3 == 0, "feedback": text("Liever niet.", "Better not.")},
        ]
        if branching:
            options[2]["next"] = f"s{i + 1}"
        scenario = {
            "id": f"s{i}",
            "title": text(f"Situatie {i}", f"Situation {i}"),
            "channel": ["LinkedIn", "X", "Facebook", "WhatsApp"][i % 4],
            "situation": text(f"Op een dag gebeurt er iets op sociale media (situatie {i}). Een collega vraagt je om raad.",
                              f"One day something happens on social media (situation {i}). A colleague asks your advice."),
            "question": text("Wat doe je?", "What do you do?"),
            "kind": "multiple" if multiple else "single",
            "options": options,
            "explanation": text("Zo doen we dat, omdat het de richtlijn volgt.", "This is how we do it, following the guideline."),
        }
        if branching:
            # The right answers skip the follow-up scenario.
            scenario["next"] = f"s{i + 2}"
        scenarios.append(scenario)
    return {
        "$schema": "course.schema.json",
        "format": "wegwijs.course/1",
        "id": "benchmark",
        "version": "1.0.0",
        "language": "nl",
        "languages": ["nl", "en"],
        "title": text("Benchmarkcursus", "Benchmark course"),
        "passing": {"overall": 80, "perGuideline": 60, "noCritical": True},
        "validFor": "P1Y",
        "guidelines": guidelines,
        "scenarios": scenarios,
    }


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 5000
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(course(count), out, ensure_ascii=False, indent=2)
        out.write("\n")


if __name__ == "__main__":
    main()
