#!/usr/bin/env python3
"""Load benchmarks of `intiqal serve`, from a second process on loopback (docs/server.md, "Speed").

Prepares a workspace file (iraq-2024, two working-group members with read-write API tokens),
serves it on a free loopback port, then:

  reads     wrk (Debian's package) against GET /api/v1/status, GET /api/v1/assessments?limit=50
            and GET /api/v1/plan?mode=conditions, authenticated with a token: requests/s, p50/p99,
            non-2xx answers (needs `wrk`; skipped with a note when it is missing).
  writers   N concurrent writers (asyncio, keep-alive connections) recording ratings with
            POST /api/v1/assessments for S seconds: acknowledged writes (201 with an id), 5xx,
            throughput, p50/p99; then every acknowledged id is read back through the API with
            its value.
  sigkill   the same writers, the server killed with SIGKILL half-way, started again on the
            same file: every write acknowledged before the kill must be there.

Every request goes to 127.0.0.1 only; every loop is bounded in time. Exit 1 when a check fails
(a lost write, a 5xx, a target missed with --targets).

  python3 scripts/load-bench.py --binary .build/release/intiqal                 # everything, full size
  python3 scripts/load-bench.py --binary .build/debug/intiqal --quick           # CI: 20 writers for 5 s + SIGKILL
"""
import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stdout}{p.stderr}")
    return p.stdout


class Server:
    def __init__(self, binary, workspace, port, log):
        self.binary, self.workspace, self.port, self.log = binary, workspace, port, log
        self.process = None

    def start(self):
        out = open(self.log, "ab")
        self.process = subprocess.Popen([self.binary, "serve", "--workspace", self.workspace, "--host", HOST, "--port", str(self.port)],
                                        stdout=out, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"the server exited ({self.process.returncode}); see {self.log}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/ready", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit(f"the server did not become ready; see {self.log}")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def prepare(binary, folder):
    """A workspace with iraq-2024, an admin and two capability working-group members with tokens."""
    ws = os.path.join(folder, "bench.intiqal")
    run([binary, "init", ws, "--example", "iraq-2024"])
    run([binary, "users", "add", "--workspace", ws, "--by", "root", "--name", "root", "--party", "IRQ", "--role", "admin"])
    tokens = {}
    for party in ["IRQ", "USA"]:
        name = f"{party.lower()}-capability"
        run([binary, "users", "add", "--workspace", ws, "--by", "root", "--name", name, "--party", party,
             "--role", "working-group-member", "--group", "capability"])
        out = run([binary, "tokens", "new", "--workspace", ws, "--by", name, "--label", "bench", "--scope", "read-write", "--days", "1"])
        tokens[party] = out.strip().splitlines()[-1].strip()
    return ws, tokens


def get_json(port, path, token):
    req = urllib.request.Request(f"http://{HOST}:{port}{path}", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


# ---------------------------------------------------------------- reads (wrk)

def wrk(url, token, seconds, connections, threads):
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency", "--timeout", "10s",
                          "-H", f"Authorization: Bearer {token}", url], capture_output=True, text=True).stdout
    def latency(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return None
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": float(rps.group(1)) if rps else 0.0, "p50": latency("50"), "p99": latency("99"),
            "non2xx": int(non2xx.group(1)) if non2xx else 0, "socket_errors": errors.group(1) if errors else "", "raw": out}


# ---------------------------------------------------------------- writers (asyncio)

class Writers:
    """`count` writers, each on its own keep-alive connection, recording ratings until `stop`."""

    def __init__(self, port, tokens, slots, count):
        self.port, self.tokens, self.slots, self.count = port, tokens, slots, count
        self.acked = {}          # id -> (party, region, capability, month, value)
        self.statuses = {}
        self.latencies = []
        self.connection_errors = 0
        self.stop_at = 0.0

    async def request(self, reader, writer, body, token):
        data = json.dumps(body).encode()
        writer.write((f"POST /api/v1/assessments HTTP/1.1\r\nHost: {HOST}:{self.port}\r\nAuthorization: Bearer {token}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n").encode() + data)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
        if "content-length" in headers:
            payload = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            payload = b""
            while True:
                size = int((await reader.readuntil(b"\r\n")).strip(), 16)
                chunk = await reader.readexactly(size + 2)
                if size == 0:
                    break
                payload += chunk[:-2]
        else:
            payload = b""
        return status, payload

    async def writer(self, n):
        party = ["IRQ", "USA"][n % 2]
        token = self.tokens[party]
        rng = random.Random(n)
        conn = None
        while time.time() < self.stop_at:
            if conn is None:
                try:
                    conn = await asyncio.wait_for(asyncio.open_connection(HOST, self.port), 5)
                except (OSError, asyncio.TimeoutError):
                    self.connection_errors += 1
                    await asyncio.sleep(0.1)
                    continue
            region, capability, month, values = rng.choice(self.slots)
            value = rng.choice(values)
            body = {"party": party, "group": "capability", "region": region, "capability": capability, "month": month, "value": value}
            started = time.perf_counter()
            try:
                status, payload = await asyncio.wait_for(self.request(*conn, body, token), 30)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError, ValueError, IndexError):
                # No answer: not acknowledged, so not counted (the write may or may not have happened).
                self.connection_errors += 1
                conn[1].close()
                conn = None
                continue
            self.latencies.append(time.perf_counter() - started)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status == 201:
                record = json.loads(payload)
                self.acked[record["id"]] = (party, region, capability, month, value)
        if conn is not None:
            conn[1].close()

    async def run(self, seconds, on_half=None):
        self.stop_at = time.time() + seconds
        tasks = [asyncio.create_task(self.writer(n)) for n in range(self.count)]
        if on_half:
            await asyncio.sleep(seconds / 2)
            await asyncio.get_running_loop().run_in_executor(None, on_half)
        await asyncio.gather(*tasks)


def slots_of(port, token):
    """Rating slots of the capability group that exist in the scenario (from the ratings it holds)."""
    by_slot = {}
    for r in get_json(port, "/api/v1/assessments?party=IRQ&group=capability&current=true", token)["items"]:
        by_slot.setdefault((r["region"], r.get("capability"), r["month"]), set()).add(r["value"])
    values = sorted({v for vs in by_slot.values() for v in vs})
    return [(region, cap, month, values) for (region, cap, month) in sorted(by_slot)]


def verify(port, tokens, acked):
    """Every acknowledged id is in the workspace with what was written. Returns the ids missing or wrong."""
    seen = {}
    for party, token in tokens.items():
        for r in get_json(port, f"/api/v1/assessments?party={party}&group=capability", token)["items"]:
            seen[r["id"]] = (r["party"], r["region"], r.get("capability"), r["month"], r["value"])
    return [i for i, want in acked.items() if seen.get(i) != want]


def cold_plans(port, token, slots, count=20):
    """A conditions-first plan made afresh: after each of `count` writes, one plan request (nothing kept)."""
    times = []
    for n in range(count):
        region, capability, month, values = slots[n % len(slots)]
        body = json.dumps({"party": "IRQ", "group": "capability", "region": region, "capability": capability, "month": month,
                           "value": values[n % len(values)]}).encode()
        req = urllib.request.Request(f"http://{HOST}:{port}/api/v1/assessments", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=60).read()
        started = time.perf_counter()
        get_json(port, "/api/v1/plan?mode=conditions", token)
        times.append(time.perf_counter() - started)
    print(f"plan, conditions-first, made afresh after a write ({count} times): p50 {percentile(times, 50):.1f} ms, "
          f"max {max(times) * 1000:.1f} ms")


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000


def report_writers(title, w, seconds):
    fives = sum(c for s, c in w.statuses.items() if s >= 500)
    print(f"{title}: {w.count} writers, {seconds:g} s: {len(w.acked)} acknowledged ({len(w.acked) / seconds:.0f}/s), "
          f"statuses {dict(sorted(w.statuses.items()))}, 5xx {fives}, unanswered {w.connection_errors}, "
          f"p50 {percentile(w.latencies, 50) or 0:.1f} ms, p99 {percentile(w.latencies, 99) or 0:.1f} ms")
    return fives


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build/release/intiqal")
    ap.add_argument("--quick", action="store_true", help="CI size: no wrk, 20 writers for 5 s, and the SIGKILL check")
    ap.add_argument("--writers", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--read-seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32, help="wrk connections for the reads")
    ap.add_argument("--plan-connections", type=int, default=4, help="wrk connections for the plan (a latency figure)")
    ap.add_argument("--only", choices=["reads", "writers", "sigkill"], action="append")
    ap.add_argument("--targets", action="store_true", help="exit 1 if a read target is missed (>= 5,000/s and p99 < 25 ms; plan p99 < 50 ms)")
    ap.add_argument("--keep", action="store_true", help="keep the workspace folder")
    args = ap.parse_args()
    if args.quick:
        args.writers, args.seconds = 20, 5.0
        args.only = args.only or ["writers", "sigkill"]
    phases = args.only or ["reads", "writers", "sigkill"]
    binary = os.path.abspath(args.binary)
    folder = tempfile.mkdtemp(prefix="intiqal-load-")
    failures = []
    print(f"== {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {binary}; workspace in {folder}")
    ws, tokens = prepare(binary, folder)
    port = free_port()
    server = Server(binary, ws, port, os.path.join(folder, "server.log"))
    server.start()
    try:
        slots = slots_of(port, tokens["IRQ"])
        if "reads" in phases:
            if shutil.which("wrk") is None:
                print("reads: skipped (no wrk; apt-get install -y wrk)")
            else:
                base = f"http://{HOST}:{port}/api/v1"
                for name, path, p99_target, connections in [
                        ("gate status", "/status", 25, args.connections),
                        ("assessments page (50)", "/assessments?limit=50", 25, args.connections),
                        ("plan, conditions-first", "/plan?mode=conditions", 50, args.plan_connections)]:
                    r = wrk(base + path, tokens["IRQ"], args.read_seconds, connections, 1)
                    name += f", {connections} connections"
                    print(f"read {name}: {r['rps']:.0f} requests/s, p50 {r['p50']} ms, p99 {r['p99']} ms, non-2xx {r['non2xx']}"
                          + (f", socket errors {r['socket_errors']}" if r["socket_errors"] else ""))
                    if r["non2xx"]:
                        failures.append(f"{name}: {r['non2xx']} non-2xx answers")
                    if args.targets and ((r["p99"] or 1e9) >= p99_target or (p99_target == 25 and r["rps"] < 5000)):
                        failures.append(f"{name}: target missed")
            cold_plans(port, tokens["IRQ"], slots)
        if "writers" in phases:
            w = Writers(port, tokens, slots, args.writers)
            asyncio.run(w.run(args.seconds))
            if report_writers("writers", w, args.seconds):
                failures.append("writers: 5xx answers")
            missing = verify(port, tokens, w.acked)
            print(f"writers: {len(w.acked) - len(missing)} of {len(w.acked)} acknowledged writes read back" +
                  (f"; MISSING or different: {missing[:20]}" if missing else ""))
            if missing:
                failures.append(f"writers: {len(missing)} acknowledged writes lost")
        if "sigkill" in phases:
            w = Writers(port, tokens, slots, args.writers)
            asyncio.run(w.run(args.seconds, on_half=server.kill))
            report_writers("sigkill (killed half-way)", w, args.seconds)
            server.start()
            missing = verify(port, tokens, w.acked)
            print(f"sigkill: restarted; {len(w.acked) - len(missing)} of {len(w.acked)} writes acknowledged before the kill are there" +
                  (f"; MISSING: {missing[:20]}" if missing else ""))
            if missing:
                failures.append(f"sigkill: {len(missing)} acknowledged writes lost")
            if not w.acked:
                failures.append("sigkill: no write was acknowledged before the kill")
    finally:
        server.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)
    print("load checks passed")


if __name__ == "__main__":
    main()
