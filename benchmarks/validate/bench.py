"""What the validate benchmarks share: their options, the release binary, a generated course in
a folder of its own (removed afterwards, also when a run fails), and the timing of a command."""
import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def arguments(doc):
    """--scenarios, --runs and --binary; exits when the binary has not been built."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release", "release", "wegwijs"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} not found: run `swift build -c release --scratch-path .build-release` first, or pass --binary")
    return args


@contextlib.contextmanager
def generated_course(scenarios):
    """A folder holding benchmark.json, a course of `scenarios` scenarios from generate.py."""
    folder = tempfile.mkdtemp(prefix="validate-bench-")
    try:
        course = os.path.join(folder, "benchmark.json")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), course, str(scenarios)], check=True)
        yield folder, course
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def timed(command, runs):
    """The median wall time of `runs` runs of `command` (the whole process); exits when one fails."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout.decode()}{result.stderr.decode()[:2000]}")
    return statistics.median(times)
