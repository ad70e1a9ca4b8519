#!/usr/bin/env bash
# Ralph LRS 5.1.0 in a project-local Python (.venv-lrs): the xAPI tests start it themselves
# (Tests/Support/ralph/serve.py) on 127.0.0.1 and check statements with its strict models.
set -euo pipefail
if ! [ -x .venv-lrs/bin/ralph ] || ! .venv-lrs/bin/python -c 'import ralph.api, requests, uvicorn' 2>/dev/null; then
    python3 -m venv .venv-lrs
    .venv-lrs/bin/pip install --quiet 'ralph-malph[cli,lrs]==5.1.0' requests
fi
