#!/usr/bin/env bash
# gettext (msgfmt) and libxml2-utils (xmllint): the translation tests check the PO files that
# `wegwijs translate export` writes with GNU gettext's `msgfmt --check`, and its XLIFF files with
# `xmllint --schema` against the OASIS schema in Tests/Fixtures/xliff. Installing needs root.
# Without them those tests fail; they never skip.
set -euo pipefail
if ! command -v msgfmt >/dev/null 2>&1 || ! command -v xmllint >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
        echo "the tests need gettext and libxml2-utils: sudo apt-get install gettext libxml2-utils" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext libxml2-utils
fi
