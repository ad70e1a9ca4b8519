#!/usr/bin/env bash
# GNU readline's headers, for the CReadline target.
set -euo pipefail
if ! [ -f /usr/include/readline/readline.h ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreadline-dev
fi
