#!/usr/bin/env bash
# What building wegwijs needs besides Swift: GNU readline's headers (the CReadline target) and
# libcurl's (the CCurl target: HTTP(S) to the LRS). `make build` and `make run` run this too.
set -euo pipefail
missing=()
[ -f /usr/include/readline/readline.h ] || missing+=(libreadline-dev)
[ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ] \
    || [ -n "$(find /usr/include -path '*/curl/curl.h' -print -quit 2>/dev/null)" ] || missing+=(libcurl4-openssl-dev)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "wegwijs needs ${missing[*]} to build: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
