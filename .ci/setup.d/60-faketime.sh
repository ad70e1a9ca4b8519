#!/usr/bin/env bash
# faketime (libfaketime): the tests run wegwijs with the machine's clock set ahead, or jumping
# back mid-run, to check how records dated in the future and a clock going back are handled.
# Without it those tests fail; they never skip.
set -euo pipefail
if ! command -v faketime >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
        echo "the tests need faketime: sudo apt-get install faketime" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime
fi
