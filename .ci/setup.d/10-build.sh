#!/usr/bin/env bash
# What building wegwijs needs besides Swift: GNU readline's headers (the CReadline target) and
# libcurl's (the CCurl target: HTTP(S) to the LRS). `make build` and `make run` run this too.
# Needs root only when a package is missing (apt-get); otherwise it says what to install.
set -euo pipefail
source "$(dirname "$0")/../lib/apt.sh"
missing=()
[ -f /usr/include/readline/readline.h ] || missing+=(libreadline-dev)
[ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ] \
    || [ -n "$(find /usr/include -path '*/curl/curl.h' -print -quit 2>/dev/null)" ] || missing+=(libcurl4-openssl-dev)
apt_install "to build" "${missing[@]}"
