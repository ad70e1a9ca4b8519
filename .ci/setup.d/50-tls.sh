#!/usr/bin/env bash
# The HTTPS test of `sync` and `report --lrs`: openssl makes a test certificate authority,
# ca-certificates gives the trust store it is added to, and unshare/mount (util-linux, mount)
# add it in a mount namespace of the test's own. Without them that test fails; it never skips.
# Needs root only when a package is missing (apt-get); otherwise it says what to install.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
missing=()
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -f /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
command -v mount >/dev/null 2>&1 || missing+=(mount)
apt_install "for the HTTPS tests" "${missing[@]}"
