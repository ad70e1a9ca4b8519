#!/usr/bin/env bash
# Delivery to a real Ralph LRS 5.1.0 (fs backend), outside `swift test`:
#  1. 2,000 ended attempts of the bundled course (~60,000 statements) from the outbox to Ralph:
#     `wegwijs sync` against `ralph write -b lrs` of the same statements from `wegwijs export`,
#     each into its own fresh server, side by side in one run; time and peak memory. Also
#     `ralph write` with sync's batch size (2,000), since the fs backend's cost per request grows
#     with what it stores and so favours big batches.
#  2. What an unreachable LRS adds to `run` per answer (connection refused, and a silent host).
# Needs .venv-lrs (bash .ci/setup) and /usr/bin/time. Usage: benchmarks/lrs/run.sh [ATTEMPTS]
# (3,400 attempts of the bundled course's 15-scenario route give 61,200 statements.)
# ONLY_RUN=1 measures only part 2; ONLY_SYNC=1 only part 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ATTEMPTS=${1:-2000}
ROOT=$(pwd)
VENV=$ROOT/.venv-lrs/bin
W=$(mktemp -d /tmp/wegwijs-lrs-bench.XXXXXX)
PIDS=()
# Servers started in command substitutions note their pids in $W/*.pid (a subshell cannot add to PIDS).
cleanup() { for pid in "${PIDS[@]}" $(cat "$W"/*.pid 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$W"; }
trap cleanup EXIT

swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)/wegwijs
export XDG_CONFIG_HOME=$W/config WEGWIJS_SYSTEM_CONFIG_FILE=$W/none.json
unset WEGWIJS_RECORDS WEGWIJS_LRS_URL WEGWIJS_LRS_CREDENTIALS_FILE

free_port() { "$VENV/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_ralph() { # NAME → prints the port
    local dir=$W/$1 port
    mkdir -p "$dir"
    RALPH_AUTH_FILE=$dir/auth.json RALPH_RUNSERVER_BACKEND=fs RALPH_APP_DIR=$dir/app \
        "$VENV/ralph" auth -u wegwijs -p secret -s all -A wegwijs https://example.org -w >/dev/null 2>&1
    port=$(free_port)
    "$VENV/python" Tests/Support/ralph/serve.py "$port" "$dir/data" "$dir/auth.json" >"$dir/log" 2>&1 &
    echo $! > "$W/$1.pid"
    for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
    echo "$port"
}
echo 'wegwijs:secret' > "$W/credentials"
export WEGWIJS_LRS_CREDENTIALS_FILE=$W/credentials

echo "== records: $ATTEMPTS ended attempts of uwv-sociale-media"
ANSWERS=$(printf 'a\n%.0s' $(seq 40))
echo "$ANSWERS" | "$BIN" run uwv-sociale-media --learner seed --records "$W/seed" >/dev/null || true
SEED=$(ls "$W"/seed/uwv-sociale-media/seed/*.json)
DEAD=$(free_port)
if [ -z "${ONLY_RUN:-}" ]; then
"$VENV/python" benchmarks/lrs/generate.py "$SEED" "$W/records" "$ATTEMPTS"
WEGWIJS_LRS_URL=http://127.0.0.1:$DEAD/xAPI "$BIN" sync --rescan --records "$W/records" >/dev/null 2>&1 || true
"$BIN" sync --status --records "$W/records"
"$BIN" export "$W/records" --format xapi --output "$W/all.ndjson"
echo "statements exported: $(wc -l < "$W/all.ndjson")"

A=$(start_ralph sync-lrs); B=$(start_ralph ralph-write-lrs)
echo "== wegwijs sync → Ralph on :$A"
WEGWIJS_LRS_URL=http://127.0.0.1:$A/xAPI /usr/bin/time -f 'wegwijs sync: %e s, peak %M KB' \
    "$BIN" sync --records "$W/records"
echo "== ralph write -b lrs → Ralph on :$B"
/usr/bin/time -f 'ralph write -b lrs: %e s, peak %M KB' "$VENV/ralph" write -b lrs \
    --lrs-base-url "http://127.0.0.1:$B" --lrs-username wegwijs --lrs-password secret < "$W/all.ndjson" 2>&1 | grep -v INFO || true
C=$(start_ralph ralph-write-2000-lrs)
echo "== ralph write -b lrs --chunk-size 2000 (sync's batch size) → Ralph on :$C"
/usr/bin/time -f 'ralph write -b lrs --chunk-size 2000: %e s, peak %M KB' "$VENV/ralph" write -b lrs --chunk-size 2000 \
    --lrs-base-url "http://127.0.0.1:$C" --lrs-username wegwijs --lrs-password secret < "$W/all.ndjson" 2>&1 | grep -v INFO || true
echo "statements in the LRS (sync, ralph write, ralph write --chunk-size 2000):" \
    "$(wc -l < "$W/sync-lrs/data/fs_lrs.jsonl") $(wc -l < "$W/ralph-write-lrs/data/fs_lrs.jsonl") $(wc -l < "$W/ralph-write-2000-lrs/data/fs_lrs.jsonl")"

echo "== the sending side alone: the same statements to an endpoint that stores nothing"
SINK=$(free_port)
"$VENV/python" benchmarks/lrs/sink.py "$SINK" "$W/sink-count" & PIDS+=($!)
sleep 1
"$VENV/python" benchmarks/lrs/generate.py "$SEED" "$W/records2" "$ATTEMPTS"
WEGWIJS_LRS_URL=http://127.0.0.1:$DEAD/xAPI "$BIN" sync --rescan --records "$W/records2" >/dev/null 2>&1 || true
WEGWIJS_LRS_URL=http://127.0.0.1:$SINK/xAPI /usr/bin/time -f 'wegwijs sync → sink: %e s, peak %M KB' \
    "$BIN" sync --records "$W/records2"
/usr/bin/time -f 'ralph write -b lrs → sink: %e s, peak %M KB' "$VENV/ralph" write -b lrs \
    --lrs-base-url "http://127.0.0.1:$SINK" --lrs-username wegwijs --lrs-password secret < "$W/all.ndjson" 2>&1 | grep -v INFO || true
echo "statements the sink counted (both runs): $(cat "$W/sink-count")"
fi

[ -n "${ONLY_SYNC:-}" ] && exit 0
echo "== run: the bundled course piped (its answers below), 15 rounds, the three set-ups interleaved, medians"
HOLE=$(free_port)
"$VENV/python" benchmarks/lrs/blackhole.py "$HOLE" 900 & PIDS+=($!)
ANSWERED=$(grep -c '"scenario"' "$SEED")
one_run() { # LABEL ROUND URL INPUT → microseconds
    local start end
    start=$(date +%s%N)
    printf '%s\n' "$4" | WEGWIJS_LRS_URL=$3 "$BIN" run uwv-sociale-media --learner "L$1$2" --records "$W/run-$1" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$1 $(( (end - start) / 1000 ))"
    # The run hands what still waits to a `sync --background` process of its own; let it start
    # (and, with a refusing LRS, finish) before the next run is timed, as between two learners.
    sleep 0.3
}
for round in $(seq 15); do
    one_run none "$round" "" "$ANSWERS"
    one_run refused "$round" "http://127.0.0.1:$DEAD/xAPI" "$ANSWERS"
    one_run silent "$round" "http://127.0.0.1:$HOLE/xAPI" "$ANSWERS"
    # One answer, then the end of input: the fixed cost of a run, without the answers.
    one_run none-1 "$round" "" "a"
    one_run refused-1 "$round" "http://127.0.0.1:$DEAD/xAPI" "a"
    one_run silent-1 "$round" "http://127.0.0.1:$HOLE/xAPI" "a"
done > "$W/run-times"
echo "== CPU spent waiting for an LRS that never answers (sync, stopped after 3 s)"
WEGWIJS_LRS_URL=http://127.0.0.1:$HOLE/xAPI /usr/bin/time -o "$W/cpu" -f 'sync waiting 3 s: %U s user + %S s system CPU, %e s wall' \
    timeout -s INT 3 "$BIN" sync --records "$W/run-silent" >/dev/null 2>&1 || true
grep -v "^Command" "$W/cpu"
"$VENV/python" - "$W/run-times" "$ANSWERED" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    label, micros = line.split()
    times.setdefault(label, []).append(int(micros) / 1000)
answers = int(sys.argv[2])
m = {label: statistics.median(values) for label, values in times.items()}
for label in ("none", "refused", "silent"):
    whole, fixed = m[label] - m["none"], m[label + "-1"] - m["none-1"]
    print(f"{label:8} run of {answers} answers: median {m[label]:7.1f} ms ({whole:+7.1f} against no LRS); "
          f"run of 1 answer: {m[label + '-1']:7.1f} ms ({fixed:+7.1f}); "
          f"added per answer: {(whole - fixed) / (answers - 1):+6.2f} ms")
PY
