#!/usr/bin/env python3
"""Compares `wegwijs validate` of the same generated course in the text format and in JSON.

usage: text_vs_json.py [--scenarios N] [--runs R] [--binary PATH]

Run `swift build -c release --scratch-path .build-release` first (or pass --binary). The course
comes from generate.py as JSON and is turned into the text format with `wegwijs convert`; the
script checks that converting back gives the same canonical JSON, then prints the median wall
time of R runs of `wegwijs validate` on each file (the whole process, start-up included) and
their ratio. It exits 1 when the text format takes more than 2x the JSON.
"""
import json
import os
import subprocess
import sys

from bench import arguments, generated_course, timed


def main():
    args = arguments(__doc__)
    with generated_course(args.scenarios) as (folder, course):
        text = os.path.join(folder, "benchmark.md")
        back = os.path.join(folder, "back.json")
        subprocess.run([args.binary, "convert", course, "--to", "text", "--output", text], check=True)
        subprocess.run([args.binary, "convert", text, "--to", "json", "--output", back], check=True)
        with open(course, encoding="utf-8") as a, open(back, encoding="utf-8") as b:
            if json.load(a) != json.load(b):
                sys.exit("the text form does not convert back to the same course")
        json_time = timed([args.binary, "validate", course], args.runs)
        text_time = timed([args.binary, "validate", text], args.runs)
        sizes = os.path.getsize(course) / 1_048_576, os.path.getsize(text) / 1_048_576
    ratio = text_time / json_time
    print(f"course: {args.scenarios} scenarios; JSON {sizes[0]:.1f} MB, "
          f"text {sizes[1]:.1f} MB; median of {args.runs} runs; {os.cpu_count()} CPUs")
    print(f"wegwijs validate, JSON (whole process): {json_time * 1000:8.1f} ms")
    print(f"wegwijs validate, text (whole process): {text_time * 1000:8.1f} ms   {ratio:4.2f}x the JSON")
    if ratio > 2:
        print("above the 2x target", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
