#!/usr/bin/env python3
"""Independent verifier of an exported Intiqal ledger, written from docs/ledger-verification.md.

Usage: verify-ledger.py DIR [RECEIPT ...]   (DIR from `intiqal ledger export`; receipts in
DIR/receipts/ are checked too). Prints `ok: …` and exits 0, or names the first bad entry or
receipt and exits 1. Needs PyPI's `cryptography` and `rfc8785`.
"""
import base64, binascii, hashlib, json, os, sys
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


KINDS = {"adopt-plan", "gate-met", "resolve-dispute", "phase-complete", "adopt-scale", "commitment-status"}


class Bad(Exception):
    pass


def no_duplicates(pairs):
    if len({k for k, _ in pairs}) != len(pairs):
        raise ValueError("duplicate key")
    return dict(pairs)


def b64(text):
    return base64.b64decode(text, validate=True)


def ed25519_ok(public_key, signature, message):
    try:
        Ed25519PublicKey.from_public_bytes(b64(public_key)).verify(b64(signature), message)
        return True
    except (InvalidSignature, ValueError, TypeError, binascii.Error):
        return False


def walk(root):
    """Steps 2-3: returns (hashes, registrations); raises Bad("entry N: …") at the first bad entry."""
    prev, fmt, hashes, decisions, keys, pairs = bytes(32), 1, [], {}, {}, set()
    lines = open(os.path.join(root, "chain.txt"), encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines, 1):
        seq_text, kind, prev_hash, hash_hex = line.split(" ")
        seq = int(seq_text)
        fail = lambda reason: Bad(f"entry {seq}: {reason}")
        if seq != i: raise fail(f"out of sequence (expected entry {i})")
        if prev_hash != prev.hex(): raise fail("previous-hash link does not match")
        raw = open(os.path.join(root, "entries", f"{seq:06d}.json"), "rb").read()
        try:
            body = json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicates)
            assert isinstance(body, dict)
        except Exception:
            raise fail("body is not valid JSON")
        if "format" not in body: entry_fmt = 1
        elif body["format"] == 2 and type(body["format"]) is int: entry_fmt = 2
        else: raise fail("unknown format")
        if entry_fmt == 2 and rfc8785.dumps(body) != raw: raise fail("body is not in canonical form (RFC 8785)")
        if hashlib.sha256(prev + raw).hexdigest() != hash_hex: raise fail("hash does not match its body and previous hash")
        if type(body.get("seq")) is not int or body["seq"] != seq or body.get("type") != kind: raise fail("body's seq or type does not match")
        if entry_fmt < fmt: raise fail("a format-1 entry after a format-2 entry")
        fmt = entry_fmt

        def s(k):
            if not isinstance(body.get(k), str): raise fail(f"{kind} entry is missing {k}")
            return body[k]
        if kind == "key":
            party, pub = s("party"), s("publicKey")
            try: assert len(b64(pub)) == 32
            except Exception: raise fail("key entry without a 32-byte public key")
            if fmt == 2 and any(k["publicKey"] == pub for k in keys.values()): raise fail("public key already registered")
            keys[seq] = {"party": party, "publicKey": pub, "format": fmt, "active": fmt == 1, "cs": []}
        elif kind == "decision":
            for k in ("decision", "summary", "by", "at"): s(k)
            if body["decision"] not in KINDS: raise fail("unknown decision kind")
            parties = body.get("requiredParties")
            if not isinstance(body.get("payload"), dict) or not isinstance(parties, list): raise fail("decision entry is missing a field")
            decisions[seq] = {"hash": hash_hex, "required": [p for p in parties if isinstance(p, str)]}
        elif kind == "signature":
            target, th, party, pub, sig = body.get("entry"), s("entryHash"), s("party"), s("publicKey"), s("signature")
            if type(target) is not int: raise fail("signature entry is missing entry")
            if fmt == 2 and body.get("head") != prev.hex(): raise fail("head does not match the previous entry's hash")
            unsigned = {k: v for k, v in body.items() if k != "signature"}
            message = rfc8785.dumps(unsigned) if fmt == 2 else bytes.fromhex(th)
            signer = next((k for k in keys.values() if k["publicKey"] == pub and k["party"] == party), None)
            if target in decisions:
                if decisions[target]["hash"] != th: raise fail("signs a hash that is not its entry's")
                if signer is None: raise fail(f"signed with a key not registered for {party}")
                if not signer["active"]: raise fail("signed with a key that no other party has countersigned")
                if party not in decisions[target]["required"]: raise fail("not a required party")
            elif fmt == 2 and target in keys:
                key = keys[target]
                if hashes[target - 1] != th: raise fail("signs a hash that is not its entry's")
                if signer is None: raise fail(f"countersigned with a key not registered for {party}")
                if party == key["party"]: raise fail("countersigns a key of its own party")
                if key["active"]: raise fail("countersigns a key that is already active")
                if signer["active"]: key["active"] = True
                elif not any(k["active"] for k in keys.values()):
                    pairs.add((pub, key["publicKey"]))
                    if (key["publicKey"], pub) in pairs: key["active"] = signer["active"] = True
                else: raise fail("countersigned with a key that is not itself countersigned")
                key["cs"].append({"entry": seq, "party": party, "publicKey": pub, "signature": sig})
            else: raise fail(f"signs entry {target}, which is not an earlier decision or key registration")
            if not ed25519_ok(pub, sig, message): raise fail("signature does not verify")
        else: raise fail(f"unknown type {kind}")
        hashes.append(hash_hex)
        prev = bytes.fromhex(hash_hex)
    return hashes, keys


def check_receipt(path, hashes, keys):
    lines = open(path, "rb").read().decode("utf-8").split("\n")
    labels = ["seq", "head", "at", "party", "public-key", "signature"]
    if len(lines) != 8 or lines[0] != "intiqal-ledger-receipt 1" or lines[7] != "" or \
       any(not lines[n + 1].startswith(l + " ") for n, l in enumerate(labels)):
        return "not a receipt"
    seq, head, at, party, pub, sig = (lines[n + 1][len(l) + 1:] for n, l in enumerate(labels))
    seq = int(seq)
    message = rfc8785.dumps({"type": "receipt", "seq": seq, "head": head, "at": at, "party": party, "publicKey": pub})
    if not ed25519_ok(pub, sig, message): return "its signature does not verify"
    if len(hashes) < seq: return f"the ledger has {len(hashes)} entries, fewer than the receipt's {seq}"
    if hashes[seq - 1] != head: return f"entry {seq}'s hash is not the receipt's head: history was rewritten"
    if not any(s <= seq and k["party"] == party and k["publicKey"] == pub for s, k in keys.items()):
        return "its key is not registered for its party"
    return None


def main(root, *extra):
    try:
        hashes, keys = walk(root)
    except Bad as bad:
        sys.exit(f"verify-ledger: {bad}")
    except (OSError, ValueError) as error:
        sys.exit(f"verify-ledger: {root}: not a complete ledger export ({error})")
    index = [{"countersignatures": k["cs"], "entry": s, "format": k["format"], "party": k["party"], "publicKey": k["publicKey"]}
             for s, k in keys.items()]
    if open(os.path.join(root, "keys.json"), "rb").read() != rfc8785.dumps(index) + b"\n":
        sys.exit("verify-ledger: keys.json does not match the entries")
    folder = os.path.join(root, "receipts")
    receipts = [os.path.join(folder, n) for n in sorted(os.listdir(folder))] if os.path.isdir(folder) else []
    problems = []
    for path in receipts + list(extra):
        try: why = check_receipt(path, hashes, keys)
        except (OSError, ValueError): why = "not a receipt"
        if why: problems.append(f"receipt {path}: {why}")
    if problems:
        sys.exit("verify-ledger: " + "\nverify-ledger: ".join(problems))
    print(f"ok: {len(hashes)} entries, {len(keys)} keys, {len(receipts) + len(extra)} receipts")


if __name__ == "__main__":
    if len(sys.argv) < 2: sys.exit(__doc__)
    main(*sys.argv[1:])
