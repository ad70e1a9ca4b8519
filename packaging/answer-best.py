#!/usr/bin/env python3
"""Take a course piped, as a learner who knows the best answers (packaging/check.sh).

Usage: answer-best.py COURSE.json -- WEGWIJS_COMMAND...

The bundled course draws its situations from pools and shuffles the options of each attempt,
so no fixed answer file passes it. This reads the run's output up to each prompt, finds the
situation by its English title and the letter of each option by its text, and sends the best
answer as the engine defines it (single choice: the option with the most points, the first of
equals; multiple choice: every option with more than 0 points), and confirms the acknowledgement
after a pass. Exits with the run's exit code;
the run's output goes to standard output.
"""
import json
import os
import re
import subprocess
import sys


def normal(text):
    return " ".join(text.split())


def main():
    course_file, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    with open(course_file, encoding="utf-8") as f:
        course = json.load(f)
    by_title = {normal(s["title"]["en"]): s for s in course["scenarios"]}
    if len(by_title) != len(course["scenarios"]):
        sys.exit("answer-best: two situations share an English title")

    process = subprocess.Popen(command + ["--lang", "en", "--plain"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen = b""
    answered = 0
    while True:
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            break
        sys.stdout.buffer.write(chunk)
        seen += chunk
        text = seen.decode("utf-8", "replace")
        if text.endswith("[yes/no] "):
            # The acknowledgement after a pass: the learner confirms having read the policy.
            process.stdin.write(b"yes\n")
            process.stdin.flush()
            seen = b""
            continue
        if not re.search(r"Your answer \([a-z]-[a-z]\): $", text):
            continue
        block = text[text.rfind("\nSituation "):]
        lines = block.split("\n")
        title = normal(lines[2])
        scenario = by_title.get(title)
        if scenario is None:
            process.kill()
            sys.exit(f"answer-best: no situation titled '{title}'")
        letters = {}
        current = None
        for line in lines:
            match = re.match(r"^  ([a-z])\) (.*)$", line)
            if match:
                current = match.group(1)
                letters[current] = match.group(2)
            elif current and line.startswith("     "):
                letters[current] += " " + line.strip()
            elif current and line.strip() == "":
                current = None
        totals = {}
        for letter, shown in letters.items():
            option = [o for o in scenario["options"] if normal(o["text"]["en"]) == normal(shown)]
            if len(option) != 1:
                process.kill()
                sys.exit(f"answer-best: option {letter}) '{shown}' not found in '{scenario['id']}'")
            totals[letter] = sum(option[0].get("scores", {}).values())
        if scenario.get("kind", "single") == "multiple":
            best = [letter for letter in sorted(totals) if totals[letter] > 0]
        else:
            top = max(totals.values())
            best = [min(letter for letter in totals if totals[letter] == top)]
        process.stdin.write((" ".join(best) + "\n").encode())
        process.stdin.flush()
        answered += 1
        seen = b""
        if answered > 100:
            process.kill()
            sys.exit("answer-best: more than 100 prompts")
    process.stdin.close()
    status = process.wait()
    print(f"\nanswer-best: {answered} situations answered, exit {status}", file=sys.stderr)
    sys.exit(status)


if __name__ == "__main__":
    main()
