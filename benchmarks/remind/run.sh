#!/usr/bin/env bash
# `wegwijs remind` for a roster of 20,000 employees, 5,000 of them overdue (so 5,000 reminders,
# 1,000 of them with the manager in Cc), to a real local SMTP server (aiosmtpd, the tests'
# Tests/Support/smtp_sink.py, which writes every message to disk). Then the same run again: the
# reminder log keeps all 5,000 from being sent twice. Time, peak memory, messages received and
# connections used. Needs .venv with aiosmtpd (.ci/setup.d/20-python.sh) and /usr/bin/time.
# Usage: benchmarks/remind/run.sh [EMPLOYEES] [OVERDUE]
set -euo pipefail
cd "$(dirname "$0")/../.."
EMPLOYEES=${1:-20000}
OVERDUE=${2:-5000}
ROOT=$(pwd)
PY=$ROOT/.venv/bin/python
W=$(mktemp -d /tmp/wegwijs-remind-bench.XXXXXX)
SINK_PID=
cleanup() { [ -n "$SINK_PID" ] && kill -9 "$SINK_PID" 2>/dev/null || true; rm -rf "$W"; }
trap cleanup EXIT

swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)/wegwijs
export XDG_CONFIG_HOME=$W/config WEGWIJS_SYSTEM_CONFIG_FILE=$W/none.json
unset WEGWIJS_RECORDS WEGWIJS_SMTP_CREDENTIALS_FILE

PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$W/mail" "$W/records"
"$PY" Tests/Support/smtp_sink.py "$PORT" "$W/mail" >"$W/sink.log" 2>&1 &
SINK_PID=$!
for _ in $(seq 200); do [ -e "$W/mail/ready" ] && break; sleep 0.05; done

# Overdue: started in 2020 (due 30 days later); the others start in 2099 (not due yet).
"$PY" - "$EMPLOYEES" "$OVERDUE" >"$W/roster.csv" <<'PYEOF'
import sys
employees, overdue = int(sys.argv[1]), int(sys.argv[2])
print("personeelsnummer;naam;e-mail;afdeling;startdatum;taal;manager_email")
for n in range(employees):
    start = "1-6-2020" if n < overdue else "2099-01-01"
    manager = "chef%d@example.org" % (n % 50) if n % 5 == 0 else ""
    print("%06d;Medewerker %d Ünal;m%d@example.org;Afdeling %d;%s;%s;%s" % (n, n, n, n % 8, start, "nl" if n % 2 else "en", manager))
PYEOF

run() {
    /usr/bin/time -f "%e s wall, %M kB peak" "$BIN" remind "$W/records" --roster "$W/roster.csv" \
        --course Tests/Fixtures/branching.json --smtp "127.0.0.1:$PORT" --from hr@example.org
}
echo "first run ($EMPLOYEES employees, $OVERDUE overdue):"
run
echo "messages received: $(wc -l <"$W/mail/messages.ndjson"), connections: $("$PY" -c 'import json,sys; print(len({tuple(json.loads(l)["peer"]) for l in open(sys.argv[1])}))' "$W/mail/messages.ndjson")"
echo "second run (all sent within --every):"
run
echo "messages received in all: $(wc -l <"$W/mail/messages.ndjson")"
