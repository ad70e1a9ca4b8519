#!/bin/sh
# Times `wegwijs report` against reading every record with cat (one, and one per core), and an
# equivalent jq pipeline.
# Runs outside `swift test`. Usage (from anywhere):
#   benchmarks/report/compare.sh [RECORDS_DIR] [LEARNERS] [ATTEMPTS]
# Defaults: /tmp/wegwijs-bench-records, 20000 learners x 5 attempts = 100,000 records.
# The records are generated once (benchmarks/report/generate.py) and reused. Each command
# runs RUNS times (default 3) on a warm page cache; the best wall time counts.
# Set WEGWIJS to use an existing binary instead of building a release one.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-/tmp/wegwijs-bench-records}
learners=${2:-20000}
attempts=${3:-5}
runs=${RUNS:-3}

command -v jq >/dev/null || { echo "jq is needed: apt-get install -y jq" >&2; exit 1; }
. "$root/benchmarks/best.sh"
release_binary
if [ ! -d "$dir" ]; then
    python3 "$root/benchmarks/report/generate.py" "$dir" --learners "$learners" --attempts "$attempts"
fi
files=$(find "$dir" -name '*.json' -type f | wc -l)
echo "records: $files files in $dir ($(du -sh "$dir" | cut -f1)), $(nproc) cores"

jq_filter='[.learner.id, .course.id, .status, .score.percent, (.finishedAt // .startedAt)]'
jq_group='group_by(.[1] + "/" + .[0]) | map({employee_id: .[0][0], course: .[0][1], attempts: length,
  best_percent: ([.[] | select(.[2] == "passed" or .[2] == "failed") | .[3]] | max),
  passed_at: ([.[] | select(.[2] == "passed") | .[4]] | max), last_activity: (map(.[4]) | max)})'


find "$dir" -name '*.json' -type f -print0 | xargs -0 cat >/dev/null   # warm the page cache
best cat "find '$dir' -name '*.json' -type f -print0 | xargs -0 cat"
# The floor for a reader with a worker per core: the same files read by one cat per core.
best catpar "find '$dir' -name '*.json' -type f -print0 | xargs -0 -P $(nproc) -n 500 cat"
best wegwijs "'$WEGWIJS' report '$dir' --format csv"
best jq "find '$dir' -name '*.json' -type f -print0 | xargs -0 jq -c '$jq_filter' | jq -s -c '$jq_group'"
echo "wegwijs / cat = $(echo "scale=2; $time_wegwijs / $time_cat" | bc)  (must be <= 2)"
echo "wegwijs / cat in parallel = $(echo "scale=2; $time_wegwijs / $time_catpar" | bc)  (must be <= 1.2)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jq / wegwijs  = $(echo "scale=2; $time_jq / $time_wegwijs" | bc)  (must be >= 5)"
