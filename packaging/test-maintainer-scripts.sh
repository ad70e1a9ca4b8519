#!/usr/bin/env bash
# Runs the package's real maintainer scripts (postinst, prerm, postrm) with the real adduser,
# against copy-on-write overlays of /etc and /var/lib in a mount namespace of their own: the
# account, the group and the folders appear only in the overlays' upper folders, never on this
# machine. Usage (root): test-maintainer-scripts.sh CONTROL_DIR SCRATCH_DIR
# (CONTROL_DIR as `dpkg-deb -e` unpacks it). Exit 1 with every failed check named.
set -euo pipefail
control=$(cd "$1" && pwd)
scratch=$2
[ "$(id -u)" = 0 ] || { echo "test-maintainer-scripts: needs root" >&2; exit 1; }
if getent passwd wegwijs >/dev/null || getent group wegwijs-hr >/dev/null; then
    echo "test-maintainer-scripts: this machine already has the account wegwijs or the group wegwijs-hr;" \
        "the test needs to see them created" >&2
    exit 1
fi
mkdir -p "$scratch"/{etc-upper,etc-work,lib-upper,lib-work}

cat > "$scratch/inside.sh" <<'EOF'
#!/usr/bin/env bash
set -uo pipefail
control=$1 scratch=$2
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$scratch/etc-upper,workdir=$scratch/etc-work" /etc
mount -t overlay overlay -o "lowerdir=/var/lib,upperdir=$scratch/lib-upper,workdir=$scratch/lib-work" /var/lib
failures=0
fail() { echo "maintainer scripts: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "maintainer scripts: ok: $*"; }
folder_is() {  # path mode owner group
    local got
    got=$(stat -c '%a %U %G' "$1" 2>&1)
    [ "$got" = "$2 $3 $4" ] || fail "$1 is '$got', expected '$2 $3 $4'"
}

"$control/postinst" configure || fail "postinst configure exited $?"
entry=$(getent passwd wegwijs) || fail "postinst made no account wegwijs"
IFS=: read -r _ _ uid gid _ home shell <<<"$entry"
[ "$home" = /var/lib/wegwijs ] || fail "home of wegwijs is '$home'"
[ "$shell" = /bin/sh ] || fail "shell of wegwijs is '$shell' (sshd runs the forced command through it)"
[ "$uid" -lt 1000 ] || fail "wegwijs is not a system account (uid $uid)"
[ "$(getent group "$gid" | cut -d: -f1)" = wegwijs ] || fail "the primary group of wegwijs is not wegwijs"
getent group wegwijs-hr >/dev/null || fail "postinst made no group wegwijs-hr"
password=$(getent shadow wegwijs | cut -d: -f2)
[[ $password == '*' || $password == '!'* ]] || fail "wegwijs can log in with a password ('$password')"
for folder in /var/lib/wegwijs /var/lib/wegwijs/records /var/lib/wegwijs/reports; do
    folder_is "$folder" 2750 wegwijs wegwijs-hr
done
[ -z "$(ls -A /var/lib/wegwijs/records)" ] || fail "the records folder is not empty after installation"
ok "postinst configure: account wegwijs (uid $uid, $shell), group wegwijs-hr, folders 2750 wegwijs:wegwijs-hr"

# A record, and an administrator's own choice of mode for the reports folder.
install -d -o wegwijs -g wegwijs-hr -m 2750 /var/lib/wegwijs/records/uwv-sociale-media/100001
echo '{"status":"passed"}' > /var/lib/wegwijs/records/uwv-sociale-media/100001/record.json
chmod 2700 /var/lib/wegwijs/reports

# An upgrade runs postinst configure again: nothing is made twice, nothing is changed back.
"$control/postinst" configure 2>&1 || fail "a second postinst configure exited $?"
[ "$(getent passwd wegwijs | cut -d: -f3)" = "$uid" ] || fail "the second postinst changed the uid"
[ "$(grep -c '^wegwijs:' /etc/passwd)" = 1 ] || fail "wegwijs is in /etc/passwd more than once"
folder_is /var/lib/wegwijs/reports 2700 wegwijs wegwijs-hr
ok "postinst again (upgrade): no change, the administrator's mode kept"

"$control/prerm" remove || fail "prerm remove exited $?"
"$control/postrm" remove || fail "postrm remove exited $?"
"$control/postrm" purge || fail "postrm purge exited $?"
[ -f /var/lib/wegwijs/records/uwv-sociale-media/100001/record.json ] || fail "remove or purge deleted a record"
getent passwd wegwijs >/dev/null || fail "purge removed the account wegwijs (the records' owner)"
folder_is /var/lib/wegwijs/records 2750 wegwijs wegwijs-hr
ok "prerm remove, postrm remove and purge: the record, its folders and the account stay"

for script in postinst prerm postrm; do
    if "$control/$script" no-such-action 2>/dev/null; then fail "$script accepts an unknown action"; fi
done
"$control/postinst" abort-upgrade || fail "postinst abort-upgrade exited $?"
"$control/postrm" upgrade && "$control/postrm" abort-install || fail "postrm upgrade/abort-install"
ok "unknown actions are refused, the other actions of Debian policy accepted"
exit $((failures > 0))
EOF
chmod +x "$scratch/inside.sh"
status=0
unshare -m --propagation private "$scratch/inside.sh" "$control" "$scratch" || status=$?
# Outside the namespace nothing changed.
if getent passwd wegwijs >/dev/null || [ -e /var/lib/wegwijs ]; then
    echo "test-maintainer-scripts: FAIL: the account or /var/lib/wegwijs leaked onto this machine" >&2
    exit 1
fi
exit $status
