#!/usr/bin/env bash
# Builds dist/wegwijs_<version>_amd64.deb (`make package`): a release binary with the Swift
# runtime linked in (--static-swift-stdlib), so the target machine needs no Swift toolchain.
# Layout and choices: docs/package.md. Environment: PACKAGE_BUILD (the build folder, default
# .build-package), DIST (default dist).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${PACKAGE_BUILD:-.build-package}
dist=${DIST:-dist}
fail() { echo "make package: $*" >&2; exit 1; }

bash .ci/setup.d/10-build.sh
bash .ci/setup.d/70-package.sh

echo "== release build with the Swift runtime linked in ($build)"
# -z now: every symbol bound at start, so the GOT can be read-only (Debian's bindnow hardening).
flags=(-c release --static-swift-stdlib --scratch-path "$build" -Xlinker -z -Xlinker now)
swift build "${flags[@]}" --product wegwijs
bin=$(swift build "${flags[@]}" --show-bin-path)
[ -x "$bin/wegwijs" ] || fail "no binary at $bin/wegwijs"
# The tool swift-argument-parser's GenerateManual plugin runs (`generate-manual`), built from the
# checkout SwiftPM made for this build: the plugin itself would build the whole package again,
# without --static-swift-stdlib.
parser="$build/checkouts/swift-argument-parser"
[ -f "$parser/Package.swift" ] || fail "no swift-argument-parser checkout in $parser"
swift build --package-path "$parser" --scratch-path "$build/generate-manual" --product generate-manual
manual="$(swift build --package-path "$parser" --scratch-path "$build/generate-manual" --show-bin-path)/generate-manual"
[ -x "$manual" ] || fail "no generate-manual at $manual"

upstream=$("$bin/wegwijs" --version)
[[ $upstream =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "wegwijs --version printed '$upstream', not a version"
version="$upstream-1"
# Reproducible dates: the last commit's time (or now, outside git).
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH

work=$(mktemp -d "${TMPDIR:-/tmp}/wegwijs-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/root"

echo "== files"
install -d "$root/usr/bin"
install -m 0755 "$bin/wegwijs" "$root/usr/bin/wegwijs"
# Debian ships stripped binaries without a RUNPATH (SwiftPM sets $ORIGIN; nothing is found there).
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/wegwijs"
patchelf --remove-rpath "$root/usr/bin/wegwijs"

# The bundled courses, where the binary looks first after $WEGWIJS_COURSES: <bin>/../share/wegwijs/courses.
install -d "$root/usr/share/wegwijs/courses"
install -m 0644 courses/*.json "$root/usr/share/wegwijs/courses/"

# Manual pages: one per command (wegwijs.1, wegwijs.run.1, ...), gzipped without a timestamp.
install -d "$root/usr/share/man/man1" "$work/man"
"$manual" "$root/usr/bin/wegwijs" --multi-page --output-directory "$work/man" \
    --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" --section 1 \
    --authors 'Wegwijs maintainers <wegwijs@uwv.example>'
for page in "$work"/man/*.1; do
    # `wegwijs.run.1` documents `wegwijs run`: installed as wegwijs-run(1), with that one-word
    # name in its NAME section (whatis and apropos read no spaces there; the synopsis keeps
    # "wegwijs run"), and `.Pp` for the empty lines between paragraphs (groff warns on them).
    name=$(basename "$page" .1)
    name=${name//./-}
    awk -v name="$name" '
        /^\.Dt / { print ".Dt " toupper(name) " " $3; next }
        /^\.Sh NAME$/ { section = "name" } /^\.Sh SYNOPSIS$/ { section = "synopsis" }
        section == "name" && /^\.Nm / { shown = substr($0, 5); print ".Nm " name; next }
        section == "synopsis" && $0 == ".Nm" && shown != "" { print ".Nm " shown; shown = ""; next }
        /^$/ { print ".Pp"; next }
        { print }' "$page" | gzip -9n > "$root/usr/share/man/man1/$name.1.gz"
done

install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d"
# bash-completion sources the file: no #! line.
"$root/usr/bin/wegwijs" --generate-completion-script bash | sed '1{/^#!/d}' > "$root/usr/share/bash-completion/completions/wegwijs"
"$root/usr/bin/wegwijs" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_wegwijs"
"$root/usr/bin/wegwijs" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/wegwijs.fish"
chmod 0644 "$root"/usr/share/*/completions/wegwijs "$root"/usr/share/zsh/vendor-completions/_wegwijs \
    "$root"/usr/share/fish/vendor_completions.d/wegwijs.fish

install -d "$root/usr/share/doc/wegwijs"
install -m 0644 packaging/debian/copyright "$root/usr/share/doc/wegwijs/copyright"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u -R -d "@$SOURCE_DATE_EPOCH")/" packaging/debian/changelog \
    | gzip -9n > "$root/usr/share/doc/wegwijs/changelog.Debian.gz"
install -m 0644 README.md docs/*.md "$root/usr/share/doc/wegwijs/"
gzip -9n "$root"/usr/share/doc/wegwijs/*.md

install -d "$root/etc/wegwijs"
install -m 0644 packaging/debian/config.json "$root/etc/wegwijs/config.json"

install -d "$root/lib/systemd/system" "$root/usr/lib/systemd/user"
install -m 0644 packaging/systemd/*.service packaging/systemd/*.timer "$root/lib/systemd/system/"
install -m 0644 packaging/systemd/user/*.service packaging/systemd/user/*.timer "$root/usr/lib/systemd/user/"

if [ -f packaging/debian/lintian-overrides ]; then
    install -d "$root/usr/share/lintian/overrides"
    install -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/wegwijs"
fi

echo "== control"
install -d "$root/DEBIAN"
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$root/DEBIAN/"
install -m 0644 packaging/debian/conffiles "$root/DEBIAN/conffiles"
# Depends: what dpkg-shlibdeps finds for the binary's libraries (readline, libcurl, libc,
# libstdc++, libgcc), plus adduser for the postinst.
mkdir -p "$work/src/debian"
printf 'Source: wegwijs\n\nPackage: wegwijs\nArchitecture: amd64\n' > "$work/src/debian/control"
shlibs=$(cd "$work/src" && dpkg-shlibdeps -O -e"$root/usr/bin/wegwijs" 2>"$work/shlibdeps.log") \
    || { cat "$work/shlibdeps.log" >&2; fail "dpkg-shlibdeps failed"; }
depends="${shlibs#shlibs:Depends=}, adduser"
[[ $depends == *libreadline* && $depends == *libcurl* ]] || fail "unexpected Depends: $depends"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" packaging/debian/control.in \
    > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' | sort -z \
    | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

mkdir -p "$dist"
deb="$dist/wegwijs_${version}_amd64.deb"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "== $deb ($(du -h "$deb" | cut -f1)), Depends: $depends"
