# Sourced by the benchmark scripts (after setting $root).
#
# release_binary: sets WEGWIJS to a release build in .build-release-bench (built when needed),
# unless WEGWIJS is set already, and checks that /usr/bin/time is there.
release_binary() {
    [ -x /usr/bin/time ] || { echo "/usr/bin/time is needed: apt-get install -y time" >&2; exit 1; }
    if [ -z "${WEGWIJS:-}" ]; then
        (cd "$root" && swift build -c release --scratch-path .build-release-bench >/dev/null)
        WEGWIJS="$root/.build-release-bench/release/wegwijs"
    fi
}

# best NAME COMMAND: runs COMMAND $runs times (output discarded), prints the best wall time and
# the peak memory, and sets time_NAME to the best time.
best() {
    name=$1; shift
    best_time=""; best_memory=""
    i=0
    while [ $i -lt "$runs" ]; do
        /usr/bin/time -f "%e %M" -o /tmp/wegwijs-bench-time sh -c "$*" >/dev/null 2>&1
        read -r seconds memory < /tmp/wegwijs-bench-time
        if [ -z "$best_time" ] || [ "$(echo "$seconds < $best_time" | bc)" = 1 ]; then best_time=$seconds; fi
        if [ -z "$best_memory" ] || [ "$memory" -gt "$best_memory" ]; then best_memory=$memory; fi
        i=$((i + 1))
    done
    printf '%-8s %6.2f s   peak %6d MB\n' "$name" "$best_time" $((best_memory / 1024))
    eval "time_$name=$best_time"
}
