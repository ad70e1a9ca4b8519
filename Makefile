# Build, test and install wegwijs. `make install PREFIX=/opt/wegwijs` puts the binary in
# PREFIX/bin and the bundled courses in PREFIX/share/wegwijs/courses, where the binary finds them.
PREFIX ?= /usr/local

.PHONY: build run test setup build-deps install uninstall

build: build-deps
	swift build -c release

# Take the bundled course (builds first when needed).
run: build-deps
	swift run wegwijs

# Install what the tests need when it is missing (.ci/setup), then run them.
test: setup
	swift test

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
