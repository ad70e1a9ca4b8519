#!/usr/bin/env bash
# Debian's Chromium, for the browser test of `report --format html` (loads the page headless,
# checks the DOM, takes a screenshot). Without it that test fails; it never skips.
# Needs root only when Chromium is missing (apt-get); otherwise it says what to install.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
apt_install "for the browser tests" "${missing[@]}"
