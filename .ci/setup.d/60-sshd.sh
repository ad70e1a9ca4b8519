#!/usr/bin/env bash
# The tests of `wegwijs ssh` start Debian's sshd of their own (127.0.0.1, a free port, their own
# host key and sshd_config) and log in with Debian's ssh client. Installing needs root (apt-get).
# The package's own service is kept from starting (policy-rc.d): the tests never use port 22.
set -euo pipefail
missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "60-sshd.sh: installing ${missing[*]} needs root (apt-get)" >&2
        exit 1
    fi
    policy=/usr/sbin/policy-rc.d
    kept=""
    if [ -e "$policy" ]; then kept=$(mktemp); cp -p "$policy" "$kept"; fi
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    restore() { if [ -n "$kept" ]; then mv "$kept" "$policy"; else rm -f "$policy"; fi; }
    trap restore EXIT
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
