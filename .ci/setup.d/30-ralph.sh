#!/usr/bin/env bash
# Ralph LRS 5.1.0 in a project-local Python (.venv-lrs): the xAPI tests start it themselves
# (Tests/Support/ralph/serve.py) on 127.0.0.1 and check statements with its strict models.
# Needs root only when python3 or python3-venv is missing (apt-get); otherwise it says what to
# install. Needs PyPI.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
if ! [ -x .venv-lrs/bin/ralph ] || ! .venv-lrs/bin/python -c 'import ralph.api, requests, uvicorn' 2>/dev/null; then
    python_venv_ready || apt_install "for the tests' Python environments" python3 python3-venv
    python3 -m venv .venv-lrs
    .venv-lrs/bin/pip install --quiet 'ralph-malph[cli,lrs]==5.1.0' requests
fi
