#!/usr/bin/env bash
# Debian's Chromium, for the browser test of `report --format html` (loads the page headless,
# checks the DOM, takes a screenshot). Without it that test fails; it never skips.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
