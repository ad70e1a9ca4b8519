#!/usr/bin/env bash
# Debian's poppler-utils, for `pdfinfo`: the certificate test prints `wegwijs certificate`'s page
# to PDF with Chromium and counts its pages (exactly one A4 page). Without it that test fails;
# it never skips. Needs root only when pdfinfo is missing (apt-get); otherwise it says what to install.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
missing=()
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
apt_install "for the certificate test" "${missing[@]}"
