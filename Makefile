# Build, test and install wegwijs. `make install PREFIX=/opt/wegwijs` puts the binary in
# PREFIX/bin and the bundled courses in PREFIX/share/wegwijs/courses, where the binary finds them.
PREFIX ?= /usr/local

.PHONY: build run test references setup build-deps install uninstall package package-check

build: build-deps
	swift build -c release

# Take the bundled course (builds first when needed); ARGS are passed on, e.g.
# `make run ARGS="--lang en"`. Every end of a course is a normal end here, so make adds no
# "*** Error" line: passed (0), not passed (2), stopped (3), interrupted (130) or ended by a
# signal (129, 131, 143) end `make run` with 0 (the course has already said which); only a real
# error (1, 64, 65, 74) makes make report a failure. GNU make cannot exit with a recipe's own
# status (it exits 2), so a script that needs the exact status runs the binary,
# .build/debug/wegwijs, itself.
run: build-deps
	@status=0; swift run wegwijs $(ARGS) || status=$$?; \
	case $$status in 0|2|3|129|130|131|143) ;; *) exit $$status ;; esac

# Re-record the reference files in Tests/References after an intended change of an output;
# read `git diff Tests/References` before committing them.
references:
	WEGWIJS_RECORD_REFERENCES=1 swift test --filter ReferenceTests

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
