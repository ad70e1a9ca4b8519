#!/usr/bin/env python3
"""Writes a roster of N employees (100000, 100001, …, as benchmarks/report/generate.py numbers
them) with a department, an e-mail address and a start date, for the HTML report benchmark.

Usage: generate_roster.py OUT.csv [--learners 20000] [--columns 5] [--seed 1]   (standard library only)
--columns above 5 adds the columns an HR export carries besides (job title, location, cost
centre, contract, ...), filled with realistic text, up to that many columns in all.
"""
import argparse, random
from datetime import date, timedelta

DEPARTMENTS = ["Klantcontact", "WW", "WIA", "Wajong", "Handhaving", "ICT", "Financiën", "HRM", "Communicatie",
               "Juridische Zaken", "Arbeidsdeskundigen", "Verzekeringsartsen"]

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--learners", type=int, default=20000)
parser.add_argument("--columns", type=int, default=5)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)
EXTRA = ["functie", "locatie", "kostenplaats", "contract", "uren per week", "schaal", "leidinggevende", "team",
         "telefoon", "kamer", "geboortedatum", "geslacht", "nationaliteit", "postcode", "woonplaats", "iban",
         "datum uit dienst", "reden uit dienst", "opleidingsniveau", "BIG-registratie", "VOG-datum", "laptop",
         "pasnummer", "parkeervergunning", "ov-kaart", "thuiswerkdagen", "verlofsaldo", "ziekteverzuim",
         "functioneringsgesprek", "beoordeling", "talen", "opmerkingen", "bron", "gewijzigd door", "gewijzigd op"]
extra = [EXTRA[i % len(EXTRA)] + ("" if i < len(EXTRA) else f" {i // len(EXTRA) + 1}") for i in range(max(0, args.columns - 5))]
FILLERS = ["Adviseur klantcontact", "Amsterdam", "KP-4711", "vast", "36", "schaal 9", "J. de Vries", "Team Noord",
           "020-1234567", "2.14", "1985-03-02", "v", "Nederlandse", "1011 AB", "Utrecht", "NL00BANK0123456789", "",
           "", "hbo", "", "2024-05-01", "HP EliteBook 840", "P-009123", "nee", "ja", "di, do", "87,5", "2,1%",
           "2026-04-15", "goed", "nl, en", "\"Heeft ook; een puntkomma\"", "AFAS", "hr-import", "2026-11-01"]
with open(args.out, "w", encoding="utf-8") as out:
    out.write(";".join(["personeelsnummer", "naam", "e-mail", "afdeling", "startdatum"] + extra) + "\n")
    for number in range(args.learners):
        learner = 100000 + number
        start = date(2024, 9, 1) + timedelta(days=rng.randint(0, 800))
        more = "".join(";" + FILLERS[i % len(FILLERS)] for i in range(len(extra)))
        out.write(f"{learner};Medewerker {learner};m{learner}@example.org;{rng.choice(DEPARTMENTS)};{start.isoformat()}{more}\n")
