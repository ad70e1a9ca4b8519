#!/usr/bin/env python3
"""Compares `wegwijs validate` with Python jsonschema on the same generated course.

usage: compare.py [--scenarios N] [--runs R] [--binary PATH]

Run `swift build -c release --scratch-path .build-release` first (or pass --binary). Prints
the median wall time of R runs of each:
  - wegwijs: the whole process (`wegwijs validate FILE`), start-up included; it parses,
    decodes, checks every SPEC rule (references, reachability, loops, scoring) and locates
    every problem;
  - jsonschema (process): `python3 -c ...` loading the file and validating it against
    courses/course.schema.json with Draft202012Validator, start-up included;
  - jsonschema (in-process): json.load + validation only, interpreter and schema already
    loaded (the most favourable figure for Python).
The speed-up is reported against both Python figures.
"""
import json
import os
import statistics
import sys
import time

from bench import ROOT, arguments, generated_course, timed

SCHEMA = os.path.join(ROOT, "courses", "course.schema.json")


def main():
    args = arguments(__doc__)
    import jsonschema

    with generated_course(args.scenarios) as (_, course):
        size = os.path.getsize(course) / 1_048_576
        wegwijs = timed([args.binary, "validate", course], args.runs)
        check = ("import json, sys, jsonschema; s = json.load(open(sys.argv[1])); "
                 "v = jsonschema.Draft202012Validator(s); e = list(v.iter_errors(json.load(open(sys.argv[2])))); "
                 "sys.exit(1 if e else 0)")
        python_process = timed([sys.executable, "-c", check, SCHEMA, course], args.runs)

        with open(SCHEMA, encoding="utf-8") as handle:
            validator = jsonschema.Draft202012Validator(json.load(handle))
        in_process = []
        for _ in range(args.runs):
            start = time.perf_counter()
            with open(course, encoding="utf-8") as handle:
                errors = list(validator.iter_errors(json.load(handle)))
            in_process.append(time.perf_counter() - start)
            if errors:
                sys.exit(f"jsonschema found {len(errors)} errors in the generated course: {errors[0].message}")
        python_in_process = statistics.median(in_process)

    print(f"course: {args.scenarios} scenarios, {size:.1f} MB; median of {args.runs} runs; {os.cpu_count()} CPUs")
    print(f"wegwijs validate (whole process):      {wegwijs * 1000:8.1f} ms")
    print(f"python jsonschema (whole process):     {python_process * 1000:8.1f} ms   {python_process / wegwijs:5.1f}x slower")
    print(f"python jsonschema (in-process only):   {python_in_process * 1000:8.1f} ms   {python_in_process / wegwijs:5.1f}x slower")
    if python_in_process / wegwijs < 10:
        print("below the 10x target", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
