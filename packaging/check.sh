#!/usr/bin/env bash
# `make package-check`: builds the Debian package and checks it as an administrator would find
# it, without installing it on this machine. Fails loudly (exit 1, the failing check named) on
# any problem. Needs root (a mount namespace hides the Swift toolchain; the maintainer scripts
# run against overlays of /etc and /var/lib). What is and is not verified: docs/package.md.
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
fail() { echo "package-check: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "package-check: ok: $*"; }
fatal() { echo "package-check: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fatal "needs root (unshare -m, mount): sudo make package-check"

bash packaging/build-deb.sh
deb=$(find dist -maxdepth 1 -name 'wegwijs_*_amd64.deb' -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2)
[ -f "${deb:-/nonexistent}" ] || fatal "make package wrote no dist/wegwijs_*_amd64.deb"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/wegwijs-package-check.XXXXXX")
chmod 0755 "$scratch"  # the service account runs the unpacked binary (test-maintainer-scripts.sh)
cleanup() {
    # Overlay mounts live only in the namespaces below, which are gone by now.
    rm -rf "$scratch"
}
trap cleanup EXIT

echo "== dpkg-deb --info"
info=$(dpkg-deb --info "$deb")
echo "$info" | sed -n '/Package:/,$p'
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = wegwijs ] || fail "Package is '$(field Package)'"
[ "$(field Architecture)" = amd64 ] || fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
for needed in libreadline8 libcurl4 libc6 adduser; do
    [[ ", $depends" == *", $needed"* ]] || fail "Depends lacks $needed: $depends"
done
# Only runtime libraries: no -dev package, no Swift.
if [[ $depends == *-dev* || $depends == *swift* ]]; then fail "Depends names a build package: $depends"; fi
for script in postinst prerm postrm conffiles md5sums; do
    echo "$info" | grep -qE "^ +[0-9]+ bytes, +[0-9]+ lines +\*? *$script" || fail "control member $script missing"
done
pass "control fields (Depends: $depends)"

echo "== dpkg-deb --contents"
contents=$(dpkg-deb --contents "$deb")
expect_path() {
    local mode=$1 path=$2
    local line
    line=$(echo "$contents" | awk -v p="./$path" '$6 == p { print }')
    if [ -z "$line" ]; then fail "not in the package: /$path"; return; fi
    [[ $line == "$mode root/root "* ]] || fail "/$path: '$line' (expected $mode root/root)"
}
expect_path -rwxr-xr-x usr/bin/wegwijs
expect_path -rw-r--r-- usr/share/wegwijs/courses/uwv-sociale-media.json
expect_path -rw-r--r-- usr/share/wegwijs/courses/voorbeeld.json
expect_path -rw-r--r-- usr/share/man/man1/wegwijs.1.gz
expect_path -rw-r--r-- usr/share/man/man1/wegwijs-run.1.gz
expect_path -rw-r--r-- usr/share/man/man1/wegwijs-sync.1.gz
expect_path -rw-r--r-- usr/share/man/man1/wegwijs-report.1.gz
expect_path -rw-r--r-- usr/share/bash-completion/completions/wegwijs
expect_path -rw-r--r-- usr/share/zsh/vendor-completions/_wegwijs
expect_path -rw-r--r-- usr/share/fish/vendor_completions.d/wegwijs.fish
expect_path -rw-r--r-- usr/share/doc/wegwijs/copyright
expect_path -rw-r--r-- usr/share/doc/wegwijs/changelog.Debian.gz
expect_path -rw-r--r-- etc/wegwijs/config.json
for unit in wegwijs-sync.service wegwijs-sync.timer wegwijs-report.service wegwijs-report.timer; do
    expect_path -rw-r--r-- "lib/systemd/system/$unit"
done
expect_path -rw-r--r-- usr/lib/systemd/user/wegwijs-sync.service
expect_path -rw-r--r-- usr/lib/systemd/user/wegwijs-sync.timer
# Records are never in the package (dpkg would remove them): only the postinst makes /var/lib/wegwijs.
if echo "$contents" | grep -q ' \./var/'; then fail "the package ships files under /var"; fi
[ "$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)" = /etc/wegwijs/config.json ] \
    || fail "conffiles is not exactly /etc/wegwijs/config.json"
pass "contents ($(echo "$contents" | wc -l) entries)"

echo "== lintian"
lintian_out=$(lintian --info --display-info "$deb" 2>&1) || true
echo "$lintian_out"
# No error, and no warning either (the one override, with its reason: packaging/debian/lintian-overrides).
if echo "$lintian_out" | grep -q '^E: '; then fail "lintian reports errors"
elif echo "$lintian_out" | grep -q '^W: '; then fail "lintian reports warnings"
else pass "lintian: no error, no warning"; fi

echo "== the binary, unpacked, with /opt/swift hidden"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin/wegwijs"
readelf -d "$bin" | grep -qE 'RUNPATH|RPATH' && fail "the binary has a RUNPATH/RPATH: $(readelf -d "$bin" | grep -E 'RUNPATH|RPATH')"
if readelf -d "$bin" | grep -q 'NEEDED.*swift'; then fail "the binary needs a Swift library: $(readelf -d "$bin" | grep swift)"; fi
if readelf -S "$bin" | grep -q '\.debug_info'; then fail "the binary is not stripped"; fi
readelf -d "$bin" | grep -q 'FLAGS.*BIND_NOW' || fail "the binary is not linked with -z now"
# The bundled course draws situations and shuffles options per attempt, so no fixed answer file
# passes it: packaging/answer-best.py reads each situation from the piped run and answers best.
PWD_AT_START=$PWD
cat > "$scratch/run-hidden.sh" <<EOF
#!/usr/bin/env bash
# Inside a mount namespace: an empty /opt/swift, so nothing of the toolchain can be loaded.
set -euo pipefail
mount -t tmpfs tmpfs /opt/swift
[ -z "\$(ls -A /opt/swift)" ] || { echo "/opt/swift is not empty" >&2; exit 99; }
export WEGWIJS_SYSTEM_CONFIG_FILE="$root/etc/wegwijs/config.json" XDG_CONFIG_HOME="$scratch/config" HOME="$scratch"
unset WEGWIJS_COURSES WEGWIJS_RECORDS
cd "$scratch"
case "\$1" in
    version) "$bin" --version ;;
    courses) "$bin" courses ;;
    help) "$bin" run --help ;;
    run) python3 "$PWD_AT_START/packaging/answer-best.py" "$root/usr/share/wegwijs/courses/uwv-sociale-media.json" \
             -- "$bin" run --learner 424242 --records "$scratch/records" ;;
esac
EOF
chmod +x "$scratch/run-hidden.sh"
hidden() { unshare -m --propagation private "$scratch/run-hidden.sh" "$@"; }

version=$(hidden version) || fail "--version without Swift exited $?"
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ && $(field Version) == "$version-"* ]]; then
    fail "--version printed '$version'; the package is $(field Version)"
fi
pass "--version without Swift: $version"

courses_out=$(hidden courses) || fail "courses without Swift exited $?"
echo "$courses_out"
grep -q uwv-sociale-media <<<"$courses_out" || fail "courses does not list uwv-sociale-media from /usr/share/wegwijs/courses"
grep -q voorbeeld <<<"$courses_out" || fail "courses does not list voorbeeld"
pass "courses finds the bundled courses"

status=0
run_out=$(hidden run 2>&1) || status=$?
[ "$status" = 0 ] || { echo "$run_out" | tail -20; fail "the piped run of the bundled course exited $status (0 = passed)"; }
record=$(find "$scratch/records/uwv-sociale-media/424242" -name '*.json' ! -name 'in-progress.json' 2>/dev/null | head -1)
if [ -n "$record" ] && grep -q '"status" *: *"passed"' "$record"; then
    pass "a piped run of the bundled course passes without Swift ($record)"
else
    fail "no passed record after the piped run: $(find "$scratch/records" 2>&1 | head)"
fi

echo "== completions and manual pages"
bash -n "$root/usr/share/bash-completion/completions/wegwijs" || fail "the bash completion script does not parse"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_wegwijs" || fail "zsh completion does not parse"; fi
if command -v fish >/dev/null; then fish -n "$root/usr/share/fish/vendor_completions.d/wegwijs.fish" || fail "fish completion does not parse"; fi
grep -q 'sync' "$root/usr/share/bash-completion/completions/wegwijs" || fail "bash completion lacks the sync command"
man_text=$(zcat "$root/usr/share/man/man1/wegwijs-sync.1.gz")
grep -q 'Fl -records' <<<"$man_text" || fail "wegwijs-sync(1) lacks --records"
if command -v mandoc >/dev/null; then
    mandoc -T lint -W error "$root"/usr/share/man/man1/*.gz || fail "mandoc -T lint finds errors in the manual pages"
fi
pass "completions parse, manual pages present"

echo "== systemd units"
# Verify in a root made of the unpacked package plus this machine's own systemd units (targets,
# sockets), so ExecStart=/usr/bin/wegwijs is the package's binary.
vroot="$scratch/verify-root"
cp -a "$root" "$vroot"
cp -rn /lib/systemd/system/. "$vroot/lib/systemd/system/"
mkdir -p "$scratch/xdg"
chmod 0700 "$scratch/xdg"
verify_out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --root="$vroot" --man=no \
    wegwijs-sync.service wegwijs-sync.timer wegwijs-report.service wegwijs-report.timer 2>&1) \
    || { echo "$verify_out"; fail "systemd-analyze verify on the system units"; }
if [ -n "$verify_out" ]; then echo "$verify_out"; fail "systemd-analyze verify has remarks on the system units"
else pass "systemd-analyze verify: the system units"; fi
# verify --user takes no --root: the package's binary appears at /usr/bin/wegwijs through an
# overlay in a mount namespace of its own.
mkdir -p "$scratch/bin-upper" "$scratch/bin-work"
cp "$bin" "$scratch/bin-upper/wegwijs"
# shellcheck disable=SC2016 # $1 and $2 expand in the inner sh
user_out=$(unshare -m --propagation private sh -c 'mount -t overlay overlay \
        -o "lowerdir=/usr/bin,upperdir=$1/bin-upper,workdir=$1/bin-work" /usr/bin \
        && XDG_RUNTIME_DIR="$1/xdg" systemd-analyze verify --user --man=no "$2/wegwijs-sync.service" "$2/wegwijs-sync.timer"' \
        sh "$scratch" "$root/usr/lib/systemd/user" 2>&1) \
    || { echo "$user_out"; fail "systemd-analyze verify --user on the user units"; }
if [ -n "$user_out" ]; then echo "$user_out"; fail "systemd-analyze verify --user has remarks on the user units"
else pass "systemd-analyze verify --user: the user units"; fi
for unit in wegwijs-sync.service wegwijs-report.service; do
    exposure=$(systemd-analyze security --offline=yes --root="$root" "$root/lib/systemd/system/$unit" 2>&1 \
        | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
    if [ -z "$exposure" ]; then fail "systemd-analyze security gave no exposure level for $unit"; continue; fi
    # 0 = hardened to the bone, 10 = exposed; "OK" ends at 4.9 by systemd's own scale.
    if awk -v e="$exposure" 'BEGIN { exit !(e < 3.0) }'; then pass "$unit exposure $exposure (systemd-analyze security)"
    else fail "$unit exposure $exposure: not below 3.0"; fi
done

echo "== maintainer scripts"
shellcheck -s sh packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm \
    || fail "shellcheck finds problems in the maintainer scripts"
dpkg-deb -e "$deb" "$scratch/control"
bash packaging/test-maintainer-scripts.sh "$scratch/control" "$scratch/maint" "$root" || fail "maintainer scripts"

if [ "$failures" -gt 0 ]; then
    echo "package-check: $failures check(s) FAILED for $deb" >&2
    exit 1
fi
echo "package-check: all checks passed for $deb"
