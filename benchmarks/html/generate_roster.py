#!/usr/bin/env python3
"""Writes a roster of N employees (100000, 100001, …, as benchmarks/report/generate.py numbers
them) with a department, an e-mail address and a start date, for the HTML report benchmark.

Usage: generate_roster.py OUT.csv [--learners 20000] [--seed 1]   (standard library only)
"""
import argparse, random
from datetime import date, timedelta

DEPARTMENTS = ["Klantcontact", "WW", "WIA", "Wajong", "Handhaving", "ICT", "Financiën", "HRM", "Communicatie",
               "Juridische Zaken", "Arbeidsdeskundigen", "Verzekeringsartsen"]

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--learners", type=int, default=20000)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)
with open(args.out, "w", encoding="utf-8") as out:
    out.write("personeelsnummer;naam;e-mail;afdeling;startdatum\n")
    for number in range(args.learners):
        learner = 100000 + number
        start = date(2024, 9, 1) + timedelta(days=rng.randint(0, 800))
        out.write(f"{learner};Medewerker {learner};m{learner}@example.org;{rng.choice(DEPARTMENTS)};{start.isoformat()}\n")
