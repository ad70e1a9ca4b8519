#!/usr/bin/env bash
# A project-local Python with jsonschema and aiosmtpd: the tests check the bundled courses against
# courses/course.schema.json with it (.venv/bin/python), and run a real SMTP server for
# `wegwijs remind` (Tests/Support/smtp_sink.py). Needs root only when python3 or
# python3-venv is missing (apt-get); otherwise it says what to install. Needs PyPI.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
if ! [ -x .venv/bin/python ] || ! .venv/bin/python -c 'import jsonschema, aiosmtpd' 2>/dev/null; then
    python_venv_ready || apt_install "for the tests' Python environments" python3 python3-venv
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install --quiet jsonschema aiosmtpd
fi
