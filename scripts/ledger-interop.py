#!/usr/bin/env python3
"""Checks that `intiqal ledger verify` and the independent scripts/verify-ledger.py agree.

Builds, with the real CLI, an example workspace (keys countersigned, decisions signed, a
receipt), a workspace with 1,000 decisions (keys and the first entries by the CLI; the
decisions and their 2,000 signatures appended by this script, as a second writer would), and
tampered copies of both: every kind of tampering the Swift verifier catches. For each case it
runs both verifiers (the Python one on `intiqal ledger export`) and fails unless they agree on
the outcome and on the entry they name. Needs `cryptography` and `rfc8785` (pip).
Usage: scripts/ledger-interop.py [path/to/intiqal]   (default: swift build's debug binary)
"""
import base64, hashlib, json, os, re, shutil, sqlite3, subprocess, sys, tempfile
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# Cases both verifiers must accept; every other case must be refused (exit 1) by both.
VALID = {"example", "old format-1 ledger", "old format-1 ledger, then format-2 signatures", "example with receipt", "1,000 decisions with receipt", "last entry deleted, no receipt", "forged key appended"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERIFY_PY = os.path.join(ROOT, "scripts", "verify-ledger.py")


def run(*args, check=True):
    r = subprocess.run(list(args), capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"ledger-interop: {' '.join(args)} failed:\n{r.stderr}")
    return r


class Key:
    def __init__(self, path=None, party="USA"):
        if path:
            d = json.load(open(path))
            self.party, self.private = d["party"], Ed25519PrivateKey.from_private_bytes(base64.b64decode(d["privateKey"]))
        else:
            self.party, self.private = party, Ed25519PrivateKey.generate()
        raw = self.private.public_key().public_bytes_raw()
        self.public = base64.b64encode(raw).decode()


def rows(db):
    return [list(r) for r in sqlite3.connect(db).execute("SELECT seq, kind, prev_hash, hash, body FROM ledger_entry ORDER BY seq")]


def write_rows(db, entries):
    con = sqlite3.connect(db)
    con.execute("DELETE FROM ledger_entry")
    con.executemany("INSERT INTO ledger_entry (seq, kind, prev_hash, hash, body) VALUES (?, ?, ?, ?, ?)", entries)
    con.commit()
    con.close()


def entry(seq, kind, prev, body):
    body = dict(body, seq=seq, type=kind, format=2)
    raw = rfc8785.dumps(body)
    return [seq, kind, prev, hashlib.sha256(bytes.fromhex(prev) + raw).hexdigest(), raw.decode()]


def signature(seq, prev, target, key, head=None):
    body = {"entry": target[0], "entryHash": target[3], "head": head or prev, "party": key.party, "publicKey": key.public,
            "by": "interop", "at": "2026-01-01T00:00:00Z", "seq": seq, "type": "signature", "format": 2}
    body["signature"] = base64.b64encode(key.private.sign(rfc8785.dumps(body))).decode()
    return entry(seq, "signature", prev, body)


def rechain(entries, start):
    """Re-hashes entries[start:] after an edit, as someone with the file but no key would."""
    for i in range(start, len(entries)):
        prev = entries[i - 1][3] if i else "0" * 64
        raw = entries[i][4].encode()
        body = json.loads(raw)
        if "head" in body and body.get("format") == 2:
            body["head"] = prev
            raw = rfc8785.dumps(body)
        entries[i][2], entries[i][3], entries[i][4] = prev, hashlib.sha256(bytes.fromhex(prev) + raw).hexdigest(), raw.decode()
    return entries


def main():
    intiqal = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(
        run("swift", "build", "--show-bin-path", "--package-path", ROOT).stdout.strip(), "intiqal")
    tmp = tempfile.mkdtemp(prefix="ledger-interop-")
    try:
        os.chdir(tmp)
        # The example ledger, entirely through the CLI.
        run(intiqal, "init", "ex.intiqal", "--example", "iraq-2024")
        for p in ("IRQ", "USA"):
            run(intiqal, "keys", "new", "--party", p, "--out", f"{p}.key")
            run(intiqal, "keys", "register", "--workspace", "ex.intiqal", "--key", f"{p}.key")
        run(intiqal, "sign", "--workspace", "ex.intiqal", "--entry", "1", "--key", "USA.key")
        run(intiqal, "sign", "--workspace", "ex.intiqal", "--entry", "2", "--key", "IRQ.key")
        run(intiqal, "decide", "adopt-plan", "--workspace", "ex.intiqal")
        run(intiqal, "decide", "gate-met", "--workspace", "ex.intiqal", "--region", "anbar", "--capability", "isr", "--month", "2025-06")
        for seq, p in ((5, "IRQ"), (5, "USA"), (6, "USA")):
            run(intiqal, "sign", "--workspace", "ex.intiqal", "--entry", str(seq), "--key", f"{p}.key")
        run(intiqal, "ledger", "receipt", "--workspace", "ex.intiqal", "--key", "IRQ.key", "--out", "irq.receipt")
        irq, usa = Key("IRQ.key"), Key("USA.key")
        # 1,000 decisions: the first four entries (keys) by the CLI, the rest appended here.
        shutil.copy("ex.intiqal", "big.intiqal")
        big = rows("big.intiqal")[:4]
        for n in range(1000):
            d = {"decision": "gate-met", "summary": f"gate {n} met", "payload": {"n": n, "share": n / 7, "tiny": 1e-7 * n},
                 "requiredParties": ["IRQ", "USA"], "by": "interop", "at": "2026-01-01T00:00:00Z"}
            big.append(entry(len(big) + 1, "decision", big[-1][3], d))
            target = big[-1]
            for k in (irq, usa):
                big.append(signature(len(big) + 1, big[-1][3], target, k))
        write_rows("big.intiqal", big)
        run(intiqal, "ledger", "receipt", "--workspace", "big.intiqal", "--key", "USA.key", "--out", "big.receipt")

        ex = rows("ex.intiqal")
        # A format-1 ledger, as written before RFC 8785 bodies: keys active at once, signatures over the hash.
        def legacy(seq, kind, prev, body):
            raw = json.dumps(dict(body, seq=seq, type=kind), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
            return [seq, kind, prev, hashlib.sha256(bytes.fromhex(prev) + raw).hexdigest(), raw.decode()]
        old = []
        for k in (irq, usa):
            old.append(legacy(len(old) + 1, "key", old[-1][3] if old else "0" * 64,
                              {"party": k.party, "publicKey": k.public, "role": "co-chair", "by": "sec", "at": "2024-01-01T00:00:00Z"}))
        old.append(legacy(3, "decision", old[-1][3], {"decision": "gate-met", "summary": "gate met — بوابة", "payload": {"n": 1},
                                                       "requiredParties": ["IRQ", "USA"], "by": "sec", "at": "2024-01-02T00:00:00Z"}))
        for k in (irq, usa):
            sig = base64.b64encode(k.private.sign(bytes.fromhex(old[2][3]))).decode()
            old.append(legacy(len(old) + 1, "signature", old[-1][3], {"entry": 3, "entryHash": old[2][3], "party": k.party,
                                                                         "publicKey": k.public, "signature": sig, "by": "x", "at": "t"}))
        forged, forged2 = Key(party="USA"), Key(party="IRQ")

        def appended(base, *makers):
            out = [list(r) for r in base]
            for make in makers:
                out.append(make(len(out) + 1, out[-1][3], out))
            return out

        def edited(base, i, fn, rehash=True):
            out = [list(r) for r in base]
            out[i][4] = fn(out[i][4])
            return rechain(out, i) if rehash else out

        key_entry = lambda k: lambda seq, prev, _: entry(seq, "key", prev, {"party": k.party, "publicKey": k.public, "role": "co-chair", "by": "x", "at": "t"})
        cases = [  # name, base workspace, ledger rows or None (as built), receipts
            ("example", "ex", None, []),
            ("old format-1 ledger", "ex", old, []),
            ("old format-1 ledger, then format-2 signatures", "ex", appended(old, lambda s, p, out: signature(s, p, out[2], irq)), []),
            ("old format-1 ledger, signature edited", "ex", edited(old, 3, lambda b: b.replace('"signature":"', '"signature":"A'), rehash=False), []),
            ("example with receipt", "ex", None, ["irq.receipt"]),
            ("1,000 decisions with receipt", "big", None, ["big.receipt"]),
            ("body edited", "ex", edited(ex, 4, lambda b: b.replace("conditions", "deadlines"), rehash=False), []),
            ("body edited and re-hashed", "ex", edited(ex, 4, lambda b: b.replace("conditions", "deadlines")), []),
            ("1,000: body edited and re-hashed", "big", edited(big, 1501, lambda b: b.replace("gate", "gaet")), []),
            ("key entry edited and re-hashed", "ex", edited(ex, 1, lambda b: b.replace('"by":"', '"by":"x')), []),
            ("last entry deleted", "ex", ex[:-1], ["irq.receipt"]),
            ("last entry deleted, no receipt", "ex", ex[:-1], []),
            ("all entries deleted", "ex", [], ["irq.receipt"]),
            ("1,000: last 10 deleted", "big", big[:-10], ["big.receipt"]),
            ("middle entry deleted", "ex", ex[:3] + ex[4:], []),
            ("two entries swapped", "ex", ex[:2] + [[3] + ex[3][1:], [4] + ex[2][1:]] + ex[4:], []),
            ("rewritten behind receipt", "ex", big[:len(ex)], ["irq.receipt"]),
            ("signature bytes changed and re-hashed", "ex", edited(ex, 6, lambda b: re.sub(r'"signature":"(.)', lambda m: '"signature":"' + ("B" if m.group(1) == "A" else "A"), b)), []),
            ("non-canonical body re-hashed", "ex", edited(ex, 4, lambda b: b.replace(",", ", ", 1)), []),
            ("unknown format re-hashed", "ex", edited(ex, 4, lambda b: b.replace('"format":2', '"format":3')), []),
            ("forged key appended", "ex", appended(ex, key_entry(forged)), []),
            ("forged key appended and signing", "ex", appended(ex, key_entry(forged), lambda s, p, out: signature(s, p, out[4], forged)), []),
            ("forged keys countersigning each other", "ex", appended(ex, key_entry(forged), key_entry(forged2),
                lambda s, p, out: signature(s, p, out[-2], forged2), lambda s, p, out: signature(s, p, out[-2], forged)), []),
            ("key countersigned by its own party", "ex", appended(ex, key_entry(forged), lambda s, p, out: signature(s, p, out[-1], usa)), []),
            ("unregistered key signs", "ex", appended(ex, lambda s, p, out: signature(s, p, out[4], Key(party="IRQ"))), []),
            ("signature with a wrong head", "ex", appended(ex, lambda s, p, out: signature(s, p, out[5], irq, head="ab" * 32)), []),
            ("old-style entry after a new one", "ex", appended(ex, lambda s, p, out: [s, "key", p] + (lambda raw: [hashlib.sha256(bytes.fromhex(p) + raw).hexdigest(), raw.decode()])(
                json.dumps({"by": "x", "party": "USA", "publicKey": forged.public, "role": "co-chair", "seq": s, "type": "key", "at": "t"}, sort_keys=True, separators=(",", ":")).encode())), []),
        ]
        disagreements = 0
        for n, (name, base, ledger, receipts) in enumerate(cases):
            db = f"case{n}.intiqal"
            shutil.copy(f"{base}.intiqal", db)
            if ledger is not None:
                write_rows(db, ledger)
            swift = run(intiqal, "ledger", "verify", "--workspace", db, *sum((["--receipt", r] for r in receipts), []), check=False)
            run(intiqal, "ledger", "export", "--workspace", db, "--out", f"case{n}", *sum((["--receipt", r] for r in receipts), []))
            py = run(sys.executable, VERIFY_PY, f"case{n}", check=False)
            named = lambda text: (re.findall(r"entry (\d+):", text) or [None])[0] if "receipt" not in text else "receipt"
            expected = 0 if name in VALID else 1
            same = swift.returncode == py.returncode == expected and named(swift.stderr) == named(py.stderr)
            disagreements += not same
            print(f"{'agree' if same else 'DISAGREE':8} swift {swift.returncode} python {py.returncode} (expected {expected})  {name}"
                  + ("" if same else f"\n  swift:  {swift.stderr.strip() or swift.stdout.strip()}\n  python: {py.stderr.strip() or py.stdout.strip()}"))
        if disagreements:
            sys.exit(f"ledger-interop: {disagreements} of {len(cases)} cases disagree")
        print(f"ledger-interop: both verifiers agree on all {len(cases)} cases")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
