#!/usr/bin/env bash
# What `make package` and `make package-check` need besides Swift: dpkg-dev (dpkg-shlibdeps),
# lintian (the package's check), shellcheck (the maintainer scripts), patchelf (removes the
# RUNPATH SwiftPM sets), systemd (systemd-analyze verify/security on the units), and adduser (the
# postinst test runs it in a mount namespace). Idempotent: installs only what is missing.
set -euo pipefail
missing=()
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)
command -v lintian >/dev/null || missing+=(lintian)
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v patchelf >/dev/null || missing+=(patchelf)
command -v systemd-analyze >/dev/null || missing+=(systemd)
command -v adduser >/dev/null || [ -x /usr/sbin/adduser ] || missing+=(adduser)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "packaging wegwijs needs ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
