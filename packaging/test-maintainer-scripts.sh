#!/usr/bin/env bash
# Runs the package's real maintainer scripts (postinst, prerm, postrm) with the real adduser,
# against copy-on-write overlays of /etc and /var/lib in a mount namespace of their own: the
# account, the group and the folders appear only in the overlays' upper folders, never on this
# machine. Usage (root): test-maintainer-scripts.sh CONTROL_DIR SCRATCH_DIR
# (CONTROL_DIR as `dpkg-deb -e` unpacks it). With PACKAGE_ROOT (as `dpkg-deb -x` unpacks it),
# the ExecStart lines of the server units then run as their User= and Group= in the folders the
# postinst made. Exit 1 with every failed check named.
# Usage: test-maintainer-scripts.sh CONTROL_DIR SCRATCH_DIR [PACKAGE_ROOT]
set -euo pipefail
control=$(cd "$1" && pwd)
scratch=$2
package_root=${3:-}
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
control=$1 scratch=$2 package_root=$3
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
[[ $password == '*' ]] || fail "wegwijs has password field '$password': it must be '*' (no password, not locked: sshd refuses a locked account without PAM)"
folder_is /var/lib/wegwijs/keys 750 wegwijs wegwijs
for folder in /var/lib/wegwijs /var/lib/wegwijs/records /var/lib/wegwijs/reports; do
    folder_is "$folder" 2750 wegwijs wegwijs-hr
done
[ -z "$(ls -A /var/lib/wegwijs/records)" ] || fail "the records folder is not empty after installation"
ok "postinst configure: account wegwijs (uid $uid, $shell), group wegwijs-hr, folders 2750 wegwijs:wegwijs-hr"

# The server units' commands, as their unit runs them (user, group, umask, ExecStart with the
# package's binary), before any record exists: sync has no LRS configured (64); report writes
# its page, owned by wegwijs, group wegwijs-hr by the setgid folder.
unit_command() {  # unit -> "user group command..."
    local file="$package_root/lib/systemd/system/$1" command
    command=$(sed -n 's/^ExecStart=//p' "$file")
    command=${command//\/usr\/bin\/wegwijs/$package_root/usr/bin/wegwijs}
    command=${command//\$WEGWIJS_REPORT_OPTIONS/}
    echo "$(sed -n 's/^User=//p' "$file") $(sed -n 's/^Group=//p' "$file") $command"
}
as_unit() {  # unit: runs its command, prints its exit code
    local user group command
    read -r user group command <<<"$(unit_command "$1")"
    # shellcheck disable=SC2086 # the command's words, as systemd splits them
    (cd / && umask 0027 && runuser -u "$user" -g "$group" -- env -i PATH=/usr/bin:/bin HOME=/var/lib/wegwijs \
        WEGWIJS_SYSTEM_CONFIG_FILE=/nonexistent/config.json $command) >"$scratch/$1.out" 2>&1
    echo $?
}
if [ -n "$package_root" ]; then
    status=$(as_unit wegwijs-sync.service)
    if [ "$status" = 64 ] && grep -q 'no LRS configured' "$scratch/wegwijs-sync.service.out"; then
        ok "wegwijs-sync.service's command runs as wegwijs: no LRS configured yet (exit 64)"
    else
        fail "wegwijs-sync.service's command exited $status: $(cat "$scratch/wegwijs-sync.service.out")"
    fi
    status=$(as_unit wegwijs-report.service)
    page=/var/lib/wegwijs/reports/wegwijs-report.html
    if [ "$status" = 0 ] && grep -q '<html' "$page" 2>/dev/null; then
        # The page's own mode is what `report --output` gives (no group or other write); the
        # 2750 folder keeps everybody outside wegwijs-hr from reaching it.
        read -r mode owner group <<<"$(stat -c '%a %U %G' "$page")"
        [ "$owner:$group" = wegwijs:wegwijs-hr ] || fail "$page belongs to $owner:$group"
        (( (8#$mode & 8#022) == 0 )) || fail "$page is writable by group or others ($mode)"
        ok "wegwijs-report.service's command writes $page ($(stat -c '%a %U:%G' "$page"))"
    else
        fail "wegwijs-report.service's command exited $status: $(cat "$scratch/wegwijs-report.service.out")"
    fi
    rm -f "$page"
fi

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
chmod 0755 "$scratch"  # the service account runs the package's binary from below it
unshare -m --propagation private "$scratch/inside.sh" "$control" "$scratch" "$package_root" || status=$?
# Outside the namespace nothing changed.
if getent passwd wegwijs >/dev/null || [ -e /var/lib/wegwijs ]; then
    echo "test-maintainer-scripts: FAIL: the account or /var/lib/wegwijs leaked onto this machine" >&2
    exit 1
fi
exit $status
