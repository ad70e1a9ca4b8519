#!/usr/bin/env python3
"""Compares `wegwijs validate` of the same generated course in the text format and in JSON.

usage: text_vs_json.py [--scenarios N] [--runs R] [--binary PATH]

Run `swift build -c release --scratch-path .build-release` first (or pass --binary). The course
comes from generate.py as JSON and is turned into the text format with `wegwijs convert`; the
script checks that converting back gives the same canonical JSON, then prints the median wall
time of R runs of `wegwijs validate` on each file (the whole process, start-up included) and
their ratio. It exits 1 when the text format takes more than 2x the JSON.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout.decode()}{result.stderr.decode()[:2000]}")
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release", "release", "wegwijs"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} not found: run `swift build -c release --scratch-path .build-release` first, or pass --binary")

    folder = tempfile.mkdtemp(prefix="wegwijs-bench-")
    course = os.path.join(folder, "benchmark.json")
    text = os.path.join(folder, "benchmark.md")
    back = os.path.join(folder, "back.json")
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), course, str(args.scenarios)], check=True)
    subprocess.run([args.binary, "convert", course, "--to", "text", "--output", text], check=True)
    subprocess.run([args.binary, "convert", text, "--to", "json", "--output", back], check=True)
    with open(course, encoding="utf-8") as a, open(back, encoding="utf-8") as b:
        if json.load(a) != json.load(b):
            sys.exit("the text form does not convert back to the same course")

    json_time = timed([args.binary, "validate", course], args.runs)
    text_time = timed([args.binary, "validate", text], args.runs)
    ratio = text_time / json_time
    print(f"course: {args.scenarios} scenarios; JSON {os.path.getsize(course) / 1_048_576:.1f} MB, "
          f"text {os.path.getsize(text) / 1_048_576:.1f} MB; median of {args.runs} runs; {os.cpu_count()} CPUs")
    print(f"wegwijs validate, JSON (whole process): {json_time * 1000:8.1f} ms")
    print(f"wegwijs validate, text (whole process): {text_time * 1000:8.1f} ms   {ratio:4.2f}x the JSON")
    for path in (course, text, back):
        os.remove(path)
    os.rmdir(folder)
    if ratio > 2:
        print("above the 2x target", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
