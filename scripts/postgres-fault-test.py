#!/usr/bin/env python3
"""Faults and load on PostgreSQL (issue 12, docs/deploy.md): two `intiqal serve` instances on
one database behind a round-robin client, N concurrent writers recording ratings for S seconds.

  scripts/postgres-fault-test.py --binary .build/debug/intiqal --database "$INTIQAL_TEST_DATABASE_URL" \
      [--writers 200] [--seconds 30] [--fault none|kill|restart] [--readers 0]

Checks, and prints as figures:
  - every acknowledged write (201) is in the database afterwards (zero lost);
  - no 5xx other than 503 (and, with no fault, none at all);
  - --fault kill: one instance is killed halfway; the other goes on;
  - --fault restart: PostgreSQL is restarted halfway (pg_ctlcluster, as root); the instances
    reconnect by themselves, clients see only 503s or connection errors meanwhile, never a
    wrong answer.
Exits 1 when a check fails. Each run uses a fresh schema of the database.
"""
import argparse, json, os, random, signal, socket, subprocess, sys, threading, time, urllib.error, urllib.request, uuid

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def run(binary, *args, env=None, stdin=None):
    r = subprocess.run([binary, *args], capture_output=True, text=True, env=env, input=stdin)
    if r.returncode != 0:
        sys.exit(f"{' '.join(args[:2])}: exit {r.returncode}: {r.stderr.strip()}")
    return r.stdout

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/debug/intiqal")
    ap.add_argument("--database", default=os.environ.get("INTIQAL_TEST_DATABASE_URL"))
    ap.add_argument("--writers", type=int, default=200)
    ap.add_argument("--readers", type=int, default=0)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--fault", choices=["none", "kill", "restart"], default="none")
    a = ap.parse_args()
    if not a.database: sys.exit("--database: give a postgres:// URL or set INTIQAL_TEST_DATABASE_URL")
    schema = "load_" + uuid.uuid4().hex[:12]
    url = a.database + ("&" if "?" in a.database else "?") + "schema=" + schema
    env = dict(os.environ, INTIQAL_DATABASE_URL=url)
    scenario = os.path.join(os.path.dirname(__file__), "..", "Sources", "IntiqalScenario", "Examples", "iraq-2024.yaml")
    run(a.binary, "import", url, scenario, "--by", "admin", env=env)
    run(a.binary, "users", "add", "--name", "admin", "--party", "IRQ", "--role", "admin", "--by", "admin", env=env)
    run(a.binary, "users", "add", "--name", "wg", "--party", "IRQ", "--role", "working-group-member", "--group", "capability",
        "--by", "admin", env=env)
    token = run(a.binary, "tokens", "new", "--user", "wg", "--label", "load", "--scope", "read-write", "--by", "admin", env=env).split()[-1]

    ports = [free_port(), free_port()]
    procs = []
    for p in ports:
        procs.append(subprocess.Popen([a.binary, "serve", "--port", str(p)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True))
    for proc in procs: proc.stdout.readline()
    deadline = time.time() + 60
    for p in ports:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{p}/health", timeout=2); break
            except Exception:
                if time.time() > deadline: sys.exit(f"instance on {p} did not start")
                time.sleep(0.2)

    lock = threading.Lock()
    acked, counts, latencies, wrong = [], {}, [], []
    alive = [True, True]
    turn = [0]
    stop = time.time() + a.seconds

    def bump(key):
        with lock: counts[key] = counts.get(key, 0) + 1

    def writer(n):
        rnd = random.Random(n)
        while time.time() < stop:
            with lock:
                turn[0] += 1
                i = turn[0] % 2
            body = json.dumps({"party": "IRQ", "group": "capability", "region": "anbar", "capability": "isr",
                               "month": f"{2020 + rnd.randrange(5)}-{1 + rnd.randrange(12):02d}", "value": rnd.randrange(5)}).encode()
            req = urllib.request.Request(f"http://127.0.0.1:{ports[i]}/api/v1/assessments", data=body, method="POST",
                                         headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            t0 = time.time()
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    doc = json.load(r)
                    with lock:
                        acked.append(doc["id"]); latencies.append(time.time() - t0)
                    if doc.get("value") is None or doc.get("party") != "IRQ":
                        with lock: wrong.append(doc)
                    bump(r.status)
            except urllib.error.HTTPError as e:
                bump(e.code)
            except Exception:
                bump("connection")
                time.sleep(0.05)

    def reader(n):
        while time.time() < stop:
            with lock:
                turn[0] += 1
                i = turn[0] % 2
            try:
                with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{ports[i]}/api/v1/status",
                                            headers={"Authorization": f"Bearer {token}"}), timeout=30) as r:
                    r.read(); bump(f"read {r.status}")
            except urllib.error.HTTPError as e:
                bump(f"read {e.code}")
            except Exception:
                bump("read connection")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(a.writers)]
    threads += [threading.Thread(target=reader, args=(n,)) for n in range(a.readers)]
    for t in threads: t.start()
    if a.fault != "none":
        time.sleep(a.seconds / 2)
        if a.fault == "kill":
            procs[0].send_signal(signal.SIGKILL); alive[0] = False
            print(f"fault: killed the instance on port {ports[0]} at {a.seconds / 2:.0f} s")
        else:
            version = subprocess.run("ls /usr/lib/postgresql | sort -V | tail -1", shell=True, capture_output=True, text=True).stdout.strip()
            t0 = time.time()
            subprocess.run(["pg_ctlcluster", version, "main", "restart"], check=True)
            print(f"fault: restarted PostgreSQL ({time.time() - t0:.1f} s) at {a.seconds / 2:.0f} s")
    for t in threads: t.join()

    exported = json.loads(run(a.binary, "export", url, env=env))
    stored = {r["id"] for r in exported["assessments"]}
    lost = [i for i in acked if i not in stored]
    for proc in procs:
        if proc.poll() is None: proc.terminate()
    for proc in procs: proc.wait()
    server_errors = {k: v for k, v in counts.items() if isinstance(k, int) and k >= 500}
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else 0
    print(f"writers {a.writers}, readers {a.readers}, {a.seconds:.0f} s, fault {a.fault}: "
          f"{len(acked)} acknowledged ({len(acked) / a.seconds:.0f}/s), lost {len(lost)}, responses {dict(sorted(counts.items(), key=str))}, "
          f"write latency p50 {p(0.5):.0f} ms p99 {p(0.99):.0f} ms")
    ok = not lost and not wrong and all(k == 503 for k in server_errors) and (a.fault != "none" or not server_errors) and acked
    ledger_ok = len(stored) == len(exported["assessments"])
    if not ok or not ledger_ok:
        print(f"FAILED: lost {len(lost)}, wrong answers {len(wrong)}, 5xx {server_errors}")
        sys.exit(1)
    print("ok: zero lost, no wrong answer" + ("" if a.fault == "none" else ", errors only 503 / refused connections during the fault"))

if __name__ == "__main__":
    main()
