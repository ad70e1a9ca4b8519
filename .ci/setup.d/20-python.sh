#!/usr/bin/env bash
# A project-local Python with jsonschema: the tests check the bundled courses against
# courses/course.schema.json with it (.venv/bin/python).
set -euo pipefail
if ! [ -x .venv/bin/python ] || ! .venv/bin/python -c 'import jsonschema' 2>/dev/null; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet jsonschema
fi
