#!/bin/sh
# Times `wegwijs report --format html` for 20,000 learners x 3 courses (a roster of 20,000 with
# departments and e-mail addresses, one attempt per learner and course: 60,000 records), and the
# same report as CSV, to show what the page itself costs. Runs outside `swift test`.
# Usage: benchmarks/html/compare.sh [DIR] [LEARNERS]   (default /var/tmp/wegwijs-bench-html, 20000)
# Each command runs RUNS times (default 3) on a warm page cache; the best wall time counts.
# Set WEGWIJS to use an existing binary instead of building a release one.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-/var/tmp/wegwijs-bench-html}
learners=${2:-20000}
runs=${RUNS:-3}

. "$root/benchmarks/best.sh"
release_binary
if [ ! -d "$dir/records" ]; then
    mkdir -p "$dir"
    # A third course: the bundled course under another id (a yearly refresher).
    python3 -c "import json,sys; c=json.load(open(sys.argv[1])); c['id']='sociale-media-herhaling'; json.dump(c, open(sys.argv[2],'w'))" \
        "$root/courses/uwv-sociale-media.json" "$dir/herhaling.json"
    for course in "$root/courses/uwv-sociale-media.json" "$root/courses/voorbeeld.json" "$dir/herhaling.json"; do
        python3 "$root/benchmarks/report/generate.py" "$dir/records" --learners "$learners" --attempts 1 --course "$course"
    done
    python3 "$root/benchmarks/html/generate_roster.py" "$dir/roster.csv" --learners "$learners"
fi
echo "records: $(find "$dir/records" -name '*.json' -type f | wc -l) files, roster of $learners, $(nproc) cores"


find "$dir/records" -name '*.json' -type f -print0 | xargs -0 cat >/dev/null   # warm the page cache
common="'$WEGWIJS' report '$dir/records' --roster '$dir/roster.csv' --as-of 2026-11-25"
best html "$common --format html --lang nl --output '$dir/report.html'"
best csv "$common --format csv --output '$dir/report.csv'"
echo "page: $(du -h "$dir/report.html" | cut -f1) (must render in < 2 s)"
