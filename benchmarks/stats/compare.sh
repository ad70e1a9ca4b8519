#!/bin/sh
# Times `wegwijs stats` against `wegwijs report` on the same records folder (by default the
# report benchmark's: 20,000 learners x 5 attempts = 100,000 records of the bundled course).
# Runs outside `swift test`. Usage: benchmarks/stats/compare.sh [RECORDS_DIR]
# Each command runs RUNS times (default 3) on a warm page cache; the best wall time counts.
# Set WEGWIJS to use an existing binary instead of building a release one.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-/tmp/wegwijs-bench-records}
runs=${RUNS:-3}

[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed: apt-get install -y time" >&2; exit 1; }
if [ -z "${WEGWIJS:-}" ]; then
    (cd "$root" && swift build -c release --scratch-path .build-release-bench >/dev/null)
    WEGWIJS="$root/.build-release-bench/release/wegwijs"
fi
if [ ! -d "$dir" ]; then
    python3 "$root/benchmarks/report/generate.py" "$dir" --learners 20000 --attempts 5
fi
echo "records: $(find "$dir" -name '*.json' -type f | wc -l) files in $dir, $(nproc) cores"

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
    printf '%-7s %6.2f s   peak %6d MB\n' "$name" "$best_time" $((best_memory / 1024))
    eval "time_$name=$best_time"
}

find "$dir" -name '*.json' -type f -print0 | xargs -0 cat >/dev/null   # warm the page cache
best report "'$WEGWIJS' report '$dir' --format csv"
best stats "'$WEGWIJS' stats '$dir' --course uwv-sociale-media --format csv"
echo "stats / report = $(echo "scale=2; $time_stats / $time_report" | bc)  (must be <= 1.5)"
