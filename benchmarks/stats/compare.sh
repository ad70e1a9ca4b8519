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

. "$root/benchmarks/best.sh"
release_binary
if [ ! -d "$dir" ]; then
    python3 "$root/benchmarks/report/generate.py" "$dir" --learners 20000 --attempts 5
fi
echo "records: $(find "$dir" -name '*.json' -type f | wc -l) files in $dir, $(nproc) cores"


find "$dir" -name '*.json' -type f -print0 | xargs -0 cat >/dev/null   # warm the page cache
best report "'$WEGWIJS' report '$dir' --format csv"
best stats "'$WEGWIJS' stats '$dir' --course uwv-sociale-media --format csv"
echo "stats / report = $(echo "scale=2; $time_stats / $time_report" | bc)  (must be <= 1.5)"
