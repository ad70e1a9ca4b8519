# Build, test and install wegwijs. `make install PREFIX=/opt/wegwijs` puts the binary in
# PREFIX/bin and the bundled courses in PREFIX/share/wegwijs/courses, where the binary finds them.
PREFIX ?= /usr/local

.PHONY: build run test setup build-deps install uninstall package package-check

build: build-deps
	swift build -c release

# Take the bundled course (builds first when needed).
run: build-deps
	swift run wegwijs

# Install what the tests need when it is missing (.ci/setup), then run them, then build and
# check the Debian package (slow: a release build with the Swift runtime linked in).
test: setup
	swift test
	bash packaging/check.sh

# dist/wegwijs_<version>_amd64.deb (docs/package.md).
package:
	bash packaging/build-deb.sh

# Builds the package and checks it: contents, lintian, the binary without Swift, the units,
# the maintainer scripts (needs root).
package-check:
	bash packaging/check.sh

setup:
	bash .ci/setup

# The C libraries' headers the build needs (readline, libcurl), when missing.
build-deps:
	bash .ci/setup.d/10-build.sh

install: build
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/wegwijs/courses"
	install -m 0755 "$$(swift build -c release --show-bin-path)/wegwijs" "$(PREFIX)/bin/wegwijs"
	install -m 0644 courses/*.json "$(PREFIX)/share/wegwijs/courses/"

uninstall:
	rm -f "$(PREFIX)/bin/wegwijs"
	rm -rf "$(PREFIX)/share/wegwijs"
