#!/usr/bin/env python3
"""100 learners at once over ssh, and the same 100 locally (docs/server.md, "Capacity").

Starts Debian's sshd of its own on 127.0.0.1 (a free port, its own host key and sshd_config,
AuthorizedKeysCommand `wegwijs ssh authorized-keys`), as the current account (root here: the
same recipe as the tests). Each learner has a key and answers the bundled course piped, one
answer at a time: the driver sends an answer only after the prompt for it has arrived, and
times from the answer sent to the next prompt (or the end) received. The figures are given for
every answer, and for the answers sent once the last learner had its first question (the 100
logins done: the steady state a learner meets while the others take the course too). Then the
same 100 run `wegwijs run` locally with the same driver. Everything stops by itself (bounded waits).

Usage: benchmarks/ssh/run.py [--learners 100] [--binary .build/release/wegwijs] [--account NAME] [--keys-file] [--kex ALGORITHMS]
                             [--think SECONDS]

--think: each learner pauses before each answer, as a person reads the situation first: a
random time from half to one and a half times SECONDS (seeded, so runs are comparable). The
default 0 answers the moment the prompt arrives: 100 sessions asking for the machine at once,
a throughput test rather than what a learner meets. Real learners read for many seconds per
situation; `--think 2` is a crowd of very fast readers (about 50 answers a second in all).

--account: serve as that (existing) account, as a real server does, instead of the current one;
it should have /bin/sh as its shell, like the service account of docs/server.md:
`adduser --system --group --shell /bin/sh --home /nonexistent wegwijs-bench && usermod -p '*' wegwijs-bench`
(sshd refuses a locked account). Run as root then. KEEP=1 keeps the work folder (sshd.log).
"""
import argparse, asyncio, os, pwd, random, resource, shutil, socket, statistics, subprocess, sys, tempfile, time

PROMPT = b"Je antwoord ("


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss(root_pid):
    """RSS in kB of every process below root_pid, by pid: (name, rss)."""
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
        except OSError:
            pass
    found, todo = {}, [root_pid]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            todo.append(child)
            try:
                with open(f"/proc/{child}/status") as f:
                    status = dict(line.split(":", 1) for line in f if ":" in line)
                found[child] = (status["Name"].strip(), int(status.get("VmRSS", "0 kB").split()[0]))
            except (OSError, KeyError, ValueError):
                pass
    return found


async def learner(command, gaps, firsts, think=0.0, rng=None, seconds=300):
    """Takes the course once, piped, answering 'a' at every prompt (after a pause of `think`
    seconds on average, when given); returns the exit status. Appends (time the answer was
    sent, seconds to the next prompt) to gaps, and the time its first prompt arrived (the login
    done) to firsts."""
    process = await asyncio.create_subprocess_exec(*command, stdin=asyncio.subprocess.PIPE,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
    seen, buffer, sent_at = 0, b"", None
    deadline = time.monotonic() + seconds
    while True:
        try:
            chunk = await asyncio.wait_for(process.stdout.read(65536), timeout=max(0.1, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            process.kill()
            break
        if not chunk:
            if sent_at is not None:
                gaps.append((sent_at, time.monotonic() - sent_at))
            break
        buffer += chunk
        count = buffer.count(PROMPT)
        if count > seen and buffer.rstrip().endswith(b"):"):
            if sent_at is not None:
                gaps.append((sent_at, time.monotonic() - sent_at))
            else:
                firsts.append(time.monotonic())
            seen = count
            if think > 0:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
            sent_at = time.monotonic()
            process.stdin.write(b"a\n")
            await process.stdin.drain()
    try:
        process.stdin.close()
    except Exception:
        pass
    return await asyncio.wait_for(process.wait(), timeout=30)


async def crowd(commands, sample=None, think=0.0):
    gaps, firsts, peaks = [], [], {}
    done = asyncio.Event()

    async def sampler():
        while not done.is_set():
            if sample:
                for pid, (name, rss) in sample().items():
                    if rss > peaks.get(pid, ("", 0))[1]:
                        peaks[pid] = (name, rss)
            await asyncio.sleep(0.2)

    task = asyncio.create_task(sampler())
    started = time.monotonic()
    rng = random.Random(20261204)
    statuses = await asyncio.gather(*(learner(c, gaps, firsts, think, random.Random(rng.random())) for c in commands))
    wall = time.monotonic() - started
    done.set()
    await task
    logins = (max(firsts) - started) if firsts else wall
    return statuses, gaps, wall, peaks, logins, started


def cpu_seconds(pid, children=True):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    own = int(fields[11]) + int(fields[12])
    reaped = int(fields[13]) + int(fields[14])
    return (own + (reaped if children else 0)) / ticks


def ended_records(records):
    counts = {}
    for course in os.listdir(records):
        if course.startswith("."):
            continue
        for learner in os.listdir(os.path.join(records, course)):
            names = [n for n in os.listdir(os.path.join(records, course, learner))
                     if n.endswith(".json") and not n.startswith(".") and n != "in-progress.json"]
            counts[learner] = counts.get(learner, 0) + len(names)
    return counts


def percentiles(gaps):
    gaps_ms = sorted(g * 1000 for _, g in gaps)
    if not gaps_ms:
        return "no answers", float("nan")
    p = lambda q: gaps_ms[min(len(gaps_ms) - 1, int(q * len(gaps_ms)))]
    return (f"{len(gaps_ms)} answers; answer→next prompt p50 {statistics.median(gaps_ms):.1f} ms, "
            f"p95 {p(0.95):.1f} ms, max {gaps_ms[-1]:.1f} ms"), p(0.95)


def summary(label, statuses, gaps, wall, n, logins, started):
    """Every answer, then the answers sent once the last learner had its first question (the
    logins all done: what a learner meets while the others are taking the course too)."""
    text, p95 = percentiles(gaps)
    print(f"{label}: {n} learners in {wall:.1f} s; exit statuses {sorted(set(statuses))}; {text}")
    settled = [(sent, gap) for sent, gap in gaps if sent - started >= logins]
    text, p95_settled = percentiles(settled)
    print(f"{label}: the last of the {n} had its first question after {logins:.1f} s; after that: {text}")
    return p95, p95_settled


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--binary", default=".build/release/wegwijs")
    parser.add_argument("--account", default=None)
    parser.add_argument("--keys-file", action="store_true",
                        help="an authorized_keys file written once by `wegwijs ssh authorized-keys` instead of the AuthorizedKeysCommand")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a learner pauses before each answer (default 0: answer at once)")
    parser.add_argument("--kex", default=None, help="sshd's KexAlgorithms, e.g. curve25519-sha256 (default: OpenSSH's)")
    args = parser.parse_args()
    binary = os.path.realpath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary}: build it first (swift build -c release)")
    courses = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "..", "courses")
    work = tempfile.mkdtemp(prefix="wegwijs-ssh-bench-")
    account = args.account or pwd.getpwuid(os.geteuid()).pw_name
    keys, clients, records, local = (os.path.join(work, n) for n in ("keys", "clients", "records", "local"))
    for folder in (keys, clients):
        os.makedirs(folder)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{work}/host"], check=True)
    ids = [f"B{n:04d}" for n in range(args.learners)]
    for learner_id in ids:
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", f"{clients}/{learner_id}"], check=True)
        shutil.copy(f"{clients}/{learner_id}.pub", f"{keys}/{learner_id}.pub")
    if args.account:
        entry = pwd.getpwnam(args.account)
        os.chmod(work, 0o755)
        os.makedirs(records, mode=0o750)
        for path in (keys, records):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        for name in os.listdir(keys):
            os.chmod(os.path.join(keys, name), 0o644)
    port = free_port()
    if args.keys_file:
        # gitolite's way: the file is written when a key changes, and sshd reads it per login.
        with open(f"{work}/authorized_keys", "w") as f:
            subprocess.run([binary, "ssh", "authorized-keys", "--keys", keys], stdout=f, check=True)
        os.chmod(f"{work}/authorized_keys", 0o644)
        keys_lines = f"AuthorizedKeysFile {work}/authorized_keys\n"
    else:
        keys_lines = (f"AuthorizedKeysFile none\nAuthorizedKeysCommand {binary} ssh authorized-keys --keys {keys} "
                      f"--user %u --type %t --key %k\nAuthorizedKeysCommandUser {account}\n")
    if args.kex:
        keys_lines += f"KexAlgorithms {args.kex}\n"
    config = f"""ListenAddress 127.0.0.1
Port {port}
HostKey {work}/host
PidFile {work}/sshd.pid
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowUsers {account}
PermitRootLogin forced-commands-only
MaxSessions 1
{keys_lines}DisableForwarding yes
PermitTTY yes
MaxStartups 200
SetEnv WEGWIJS_RECORDS={records} WEGWIJS_COURSES={courses} XDG_CONFIG_HOME=/nonexistent WEGWIJS_SYSTEM_CONFIG_FILE=/nonexistent/system.json
"""
    with open(f"{work}/sshd_config", "w") as f:
        f.write(config)
    os.makedirs("/run/sshd", exist_ok=True)
    sshd = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", f"{work}/sshd_config"],
                            stdout=open(f"{work}/sshd.log", "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        ssh = lambda learner_id: ["ssh", "-F", "/dev/null", "-i", f"{clients}/{learner_id}", "-p", str(port),
                                  "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                                  "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                                  "-o", "LogLevel=ERROR", f"{account}@127.0.0.1"]
        cpu_before = cpu_seconds(sshd.pid)
        statuses, gaps, wall, peaks, logins, started = asyncio.run(crowd([ssh(i) for i in ids], sample=lambda: tree_rss(sshd.pid), think=args.think))
        time.sleep(1)
        ssh_cpu = (cpu_seconds(sshd.pid) - cpu_before) / args.learners
        counts = ended_records(records)
        p95_ssh, settled_ssh = summary("over ssh", statuses, gaps, wall, args.learners, logins, started)
        one_each = all(counts.get(i, 0) == 1 for i in ids) and len(counts) == len(ids)
        print(f"over ssh: ended records: exactly one for each learner: {one_each} ({sum(counts.values())} records)")
        by_name = {}
        for name, rss in peaks.values():
            by_name.setdefault(name, []).append(rss)
        for name, values in sorted(by_name.items()):
            print(f"over ssh: peak RSS of '{name}' processes: mean {statistics.mean(values) / 1024:.1f} MB "
                  f"(max {max(values) / 1024:.1f} MB, {len(values)} seen)")
        total = sum(rss for name, rss in peaks.values() if name in ("sshd", "wegwijs", "bash", "sh"))
        print(f"over ssh: memory per session (peak RSS of its sshd, shell and wegwijs processes, summed): "
              f"{total / 1024 / args.learners:.1f} MB")
        print(f"over ssh: CPU per session (sshd + shell + wegwijs, server side): {ssh_cpu * 1000:.0f} ms")
    finally:
        sshd.kill()
        sshd.wait()
    environment = dict(os.environ, WEGWIJS_RECORDS=local, WEGWIJS_COURSES=courses,
                       XDG_CONFIG_HOME="/nonexistent", WEGWIJS_SYSTEM_CONFIG_FILE="/nonexistent/system.json")
    os.environ.update(environment)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    statuses, gaps, wall, peaks, logins, started = asyncio.run(crowd([[binary, "run", "--learner", i] for i in ids],
                                                    sample=lambda: tree_rss(os.getpid()), think=args.think))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    local_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / args.learners
    p95_local, settled_local = summary("locally", statuses, gaps, wall, args.learners, logins, started)
    counts = ended_records(local)
    print(f"locally: ended records: exactly one for each learner: {all(counts.get(i, 0) == 1 for i in ids)}")
    rss = [r for _, r in peaks.values()]
    if rss:
        print(f"locally: peak RSS of wegwijs: mean {statistics.mean(rss) / 1024:.1f} MB (max {max(rss) / 1024:.1f} MB)")
    print(f"locally: CPU per run: {local_cpu * 1000:.0f} ms")
    print(f"ratio ssh/local: p95 {p95_ssh / p95_local:.2f} (once all are in: {settled_ssh / settled_local:.2f}), CPU {ssh_cpu / local_cpu:.2f}")
    if not os.environ.get("KEEP"):
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"kept {work}")


if __name__ == "__main__":
    main()
