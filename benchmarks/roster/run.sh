#!/bin/sh
# `wegwijs report` against a roster of 20,000 employees with 40 columns (an HR export: 7 MB),
# and the same roster with only the 5 columns the report reads, with one record per employee
# (20,000 records of the bundled course); then the roster alone (an empty records folder), so
# the roster's own cost shows. Best wall time of RUNS (default 3) and the peak memory.
# Usage: benchmarks/roster/run.sh [DIR] [EMPLOYEES]   (default /var/tmp/wegwijs-bench-roster, 20000)
# Set WEGWIJS to use an existing binary instead of building a release one. Runs outside `swift test`.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-/var/tmp/wegwijs-bench-roster}
employees=${2:-20000}
runs=${RUNS:-3}

. "$root/benchmarks/best.sh"
release_binary
if [ ! -d "$dir/records" ]; then
    mkdir -p "$dir/empty"
    python3 "$root/benchmarks/report/generate.py" "$dir/records" --learners "$employees" --attempts 1 \
        --course "$root/courses/uwv-sociale-media.json"
    python3 "$root/benchmarks/html/generate_roster.py" "$dir/roster-40.csv" --learners "$employees" --columns 40
    python3 "$root/benchmarks/html/generate_roster.py" "$dir/roster-5.csv" --learners "$employees" --columns 5
fi
export XDG_CONFIG_HOME="$dir/config" WEGWIJS_SYSTEM_CONFIG_FILE="$dir/none.json"
echo "records: $(find "$dir/records" -name '*.json' -type f | wc -l) files; rosters: $(du -h "$dir/roster-40.csv" | cut -f1) (40 columns), $(du -h "$dir/roster-5.csv" | cut -f1) (5 columns); $(nproc) cores"


find "$dir/records" -name '*.json' -type f -print0 | xargs -0 cat >/dev/null   # warm the page cache
course=uwv-sociale-media
best wide "'$WEGWIJS' report '$dir/records' --course $course --roster '$dir/roster-40.csv' --as-of 2026-11-25 --format csv"
best narrow "'$WEGWIJS' report '$dir/records' --course $course --roster '$dir/roster-5.csv' --as-of 2026-11-25 --format csv"
best roster "'$WEGWIJS' report '$dir/empty' --course $course --roster '$dir/roster-40.csv' --as-of 2026-11-25 --format csv"
rows=$("$WEGWIJS" report "$dir/records" --course $course --roster "$dir/roster-40.csv" --as-of 2026-11-25 --format csv 2>/dev/null | wc -l)
echo "rows in the report: $((rows - 1))"
