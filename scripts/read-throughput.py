#!/usr/bin/env python3
"""Read throughput of one `intiqal serve` instance on SQLite against one on PostgreSQL, same
data (copied with `intiqal copy`), same requests, measured one after the other (issue 12).

  scripts/read-throughput.py --binary .build/debug/intiqal --database "$INTIQAL_TEST_DATABASE_URL" \
      [--readers 16] [--seconds 15] [--path /api/v1/status]
"""
import argparse, os, socket, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, uuid

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def run(binary, *args, env=None):
    r = subprocess.run([binary, *args], capture_output=True, text=True, env=env)
    if r.returncode != 0: sys.exit(f"{' '.join(args[:2])}: exit {r.returncode}: {r.stderr.strip()}")
    return r.stdout

def measure(binary, target_args, env, token, readers, seconds, path):
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--port", str(port), *target_args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    proc.stdout.readline()
    deadline = time.time() + 60
    while True:
        try: urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2); break
        except Exception:
            if time.time() > deadline: sys.exit("instance did not start")
            time.sleep(0.2)
    counts, lat, lock = {}, [], threading.Lock()
    stop = time.time() + seconds
    def reader():
        while time.time() < stop:
            t0 = time.time()
            try:
                with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                            headers={"Authorization": f"Bearer {token}"}), timeout=30) as r:
                    r.read(); code = r.status
            except urllib.error.HTTPError as e: code = e.code
            except Exception: code = "connection"
            with lock:
                counts[code] = counts.get(code, 0) + 1
                if code == 200: lat.append(time.time() - t0)
    threads = [threading.Thread(target=reader) for _ in range(readers)]
    for t in threads: t.start()
    for t in threads: t.join()
    proc.terminate(); proc.wait()
    lat.sort()
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else 0
    return counts, len(lat) / seconds, p(0.5), p(0.99)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/debug/intiqal")
    ap.add_argument("--database", default=os.environ.get("INTIQAL_TEST_DATABASE_URL"))
    ap.add_argument("--readers", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--path", default="/api/v1/status")
    a = ap.parse_args()
    if not a.database: sys.exit("--database: give a postgres:// URL or set INTIQAL_TEST_DATABASE_URL")
    d = tempfile.mkdtemp(prefix="intiqal-read-")
    f = os.path.join(d, "w.intiqal")
    url = a.database + ("&" if "?" in a.database else "?") + "schema=read_" + uuid.uuid4().hex[:12]
    env = dict(os.environ)
    run(a.binary, "init", f, "--example", "iraq-2024", "--by", "admin")
    run(a.binary, "users", "add", "--workspace", f, "--name", "admin", "--party", "IRQ", "--role", "admin", "--by", "admin")
    run(a.binary, "copy", f, url, env=env)
    # Tokens are secrets: not in an export, so not copied; one made on each side.
    for name, args in [("sqlite", ["--workspace", f]), ("postgres", ["--database", url])]:
        token = run(a.binary, "tokens", "new", *args, "--user", "admin", "--label", "read", "--by", "admin", env=env).split()[-1]
        counts, rps, p50, p99 = measure(a.binary, args, env, token, a.readers, a.seconds, a.path)
        print(f"{name:8} GET {a.path}, {a.readers} readers, {a.seconds:.0f} s: {rps:.1f} req/s, p50 {p50:.0f} ms, p99 {p99:.0f} ms, responses {counts}")

if __name__ == "__main__":
    main()
