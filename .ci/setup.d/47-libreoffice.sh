#!/usr/bin/env bash
# Debian's libreoffice-calc (`soffice --headless`): the Dutch CSV test opens the report's
# `--lang nl` CSV in Calc in the nl-NL locale, as a user would, converts it to a flat ODS file and
# reads the cell types back (percentages are numbers, `012345` keeps its zero). Without it that
# test fails; it never skips. Needs root only when soffice is missing (apt-get); otherwise it says
# what to install.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
apt_install "for the Dutch CSV test" "${missing[@]}"
