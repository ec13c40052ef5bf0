#!/usr/bin/env python3
"""Random-input test of the `intiqal` command line (issue 9, item 9).

Seeded and bounded in time. Each case mutates an input (a scenario file from the bundled
examples, a CSV, a report, a workspace's flags) or draws random flag values for a command, runs
the real executable, and checks what every input must give:

  * exit status 0 or 1: never a signal (a trap, a crash), never another code;
  * within the time limit: never a hang;
  * on status 1, a message on stderr that is ours (no Swift runtime or Foundation wording);
  * on status 1 from a command that writes, nothing written: the workspace's full export is
    what it was, and no output file appears.

A failing case is kept (command line and input files) under --findings, and the run ends with
a closing line `fuzz: N passed, M failed`; status 1 if any case failed.

    scripts/fuzz-cli.py --binary .build/debug/intiqal --seconds 120 --seed 1
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "Sources", "IntiqalScenario", "Examples")
FOREIGN = ("Fatal error", "NSCocoaErrorDomain", "Swift/", "Illegal instruction", "Segmentation", "libyaml",
           "Unknown option '--workspace'")

NUMBERS = ["0", "-1", "-3", "1", "2.5", "99", "1e308", "-1e308", "1e-320", "nan", "inf", "-inf", "NaN",
           "4611686018427387904", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
           "0x10", "1_000", "+5", "١٢", "3 rising", "", "~", "null", "true", "maybe", "[1, 2]", "{a: 1}"]
WORDS = ["anbar", "isr", "IRQ", "USA", "threat", "capability", "requirement", "2025-01", "9999-12", "1899-12",
         "2025-13", "2025-1", "", " ", "الأنبار", "é", "\u200f", "a" * 300, "x/y", "../..", "*c", "&a", "-", "--",
         "federal-iraq", "conditions", "deadlines", "json", "table", "html", "ar", "en"]


def mutate_text(rng, text):
    """One random edit of a YAML or CSV text, of the kinds hostile inputs take."""
    lines = text.split("\n")
    kind = rng.randrange(14)
    i = rng.randrange(len(lines)) if lines else 0
    if kind == 0 and lines:  # a number replaced by a strange one
        import re
        nums = list(re.finditer(r"(?<![\w.-])-?\d+(\.\d+)?(?![\w-])", text))
        if nums:
            m = rng.choice(nums)
            return text[:m.start()] + rng.choice(NUMBERS) + text[m.end():]
    if kind == 1 and lines:  # a scalar value replaced by another type
        line = lines[i]
        if ":" in line:
            key, _, _ = line.partition(":")
            lines[i] = key + ": " + rng.choice(["[a, b]", "{x: 1}", "", "null", "maybe", "- 1", "&x 1", "*x", "|", "!!binary AAAA"])
            return "\n".join(lines)
    if kind == 2 and lines:
        del lines[i]
        return "\n".join(lines)
    if kind == 3 and lines:
        lines.insert(i, lines[rng.randrange(len(lines))])
        return "\n".join(lines)
    if kind == 4:  # deep nesting
        depth = rng.choice([10, 100, 1000, 5000])
        return text + "\nnested: " + "[" * depth + "1" + "]" * depth + "\n"
    if kind == 5 and rng.random() < 0.5:  # a list item anchored, then repeated by alias inside its list
        import re
        items = [j for j, line in enumerate(lines) if re.match(r"^\s*- \S", line)]
        if items:
            j = rng.choice(items)
            indent = lines[j][: len(lines[j]) - len(lines[j].lstrip())]
            lines[j] = indent + "- &c " + lines[j].lstrip()[2:]
            lines[j + 1:j + 1] = [indent + "- *c"] * rng.choice([10, 1000, 3000])
            return "\n".join(lines)
    if kind == 5:  # aliases fanned out
        n = rng.choice([10, 300, 3000])
        inner = "[" + ", ".join(["*a"] * n) + "]"
        return text + "\nbomb0: &a [x, y, z]\nbomb1: &b " + inner + "\nbomb2: [" + ", ".join(["*b"] * n) + "]\n"
    if kind == 6:  # bad UTF-8 / NUL / BOM / CRLF
        choice = rng.randrange(4)
        if choice == 0:
            return text[: len(text) // 2] + "\udcff\udcfe" + text[len(text) // 2:]
        if choice == 1:
            return text.replace("\n", "\n\x00", 1)
        if choice == 2:
            return "\ufeff" + text
        return text.replace("\n", "\r\n")
    if kind == 7:  # truncation
        return text[: rng.randrange(len(text) + 1)]
    if kind == 8 and text:  # character flips
        chars = list(text)
        for _ in range(rng.randrange(1, 8)):
            chars[rng.randrange(len(chars))] = rng.choice(":-[]{}&*!|>'\"#, \t\n0123456789")
        return "".join(chars)
    if kind == 9 and lines:  # indentation broken
        lines[i] = " " * rng.randrange(0, 9) + lines[i].lstrip()
        return "\n".join(lines)
    if kind == 10 and lines:  # a huge line
        lines[i] = lines[i] + "x" * rng.choice([10_000, 200_000])
        return "\n".join(lines)
    if kind == 11 and lines:  # a record duplicated many times
        lines[i:i] = [lines[i]] * rng.choice([2, 100, 5000])
        return "\n".join(lines)
    if kind == 12:
        return rng.choice(["", "\n", "---\n", "[]", "{}", "null", "- - -", "%YAML 9.9\n---\na: 1", "a: !!python/object 1"])
    return text.replace(rng.choice(WORDS[:8]), rng.choice(WORDS), 1)


def given_but_missing(args, err):
    """ArgumentParser's "Missing value for '--x'" where the command line gave --x a value."""
    import re
    m = re.search(r"Missing value for '(--[\w-]+)", err)
    if not m:
        return False
    flag = m.group(1)
    for i, a in enumerate(args):
        if a == flag and i + 1 < len(args):
            return True
        if a.startswith(flag + "=") and len(a) > len(flag) + 1:
            return True
    return False


MAX_INPUT = 32 << 20  # bytes of one generated input: hostile enough, quick to write and read


def write(path, text):
    with open(path, "wb") as f:
        f.write(text.encode("utf-8", "surrogateescape")[:MAX_INPUT])


class Runner:
    def __init__(self, binary, workdir, timeout, findings):
        self.binary, self.workdir, self.timeout, self.findings = binary, workdir, timeout, findings
        self.passed = self.failed = 0
        self.template = os.path.join(workdir, "template.intiqal")
        self.run(["init", self.template, "--example", "iraq-2024"], check=False)
        self.keys = {}
        for party in ["IRQ", "USA"]:
            key = os.path.join(workdir, party + ".key")
            self.run(["keys", "new", "--party", party, "--out", key], check=False)
            self.run(["keys", "register", "--workspace", self.template, "--key", key], check=False)
            self.keys[party] = key
        self.run(["decide", "adopt-plan", "--workspace", self.template], check=False)

    def run(self, args, check=True, writes=None, outputs=(), inputs=()):
        """Runs one case; judges it when `check`. `writes`: a workspace the command may change."""
        before = self.export(writes) if writes else None
        started = time.monotonic()
        try:
            p = subprocess.run([self.binary] + args, stdin=subprocess.DEVNULL, capture_output=True, timeout=self.timeout,
                               cwd=self.workdir)
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, err = None, "timed out after %ss" % self.timeout
        if not check:
            return code
        problem = None
        if code is None:
            problem = "hang: " + err
        elif code not in (0, 1):
            problem = "exit status %d (signal or unexpected code)" % code
        elif code == 1:
            if not err.strip():
                problem = "exit 1 without a message"
            elif any(f in err for f in FOREIGN):
                problem = "message not ours: " + err.strip()[:300]
            elif given_but_missing(args, err):
                problem = "a value was given but the message says it is missing: " + err.strip()[:300]
            elif writes and self.export(writes) != before:
                problem = "exit 1 but the workspace changed (partial write)"
            else:
                for out in outputs:
                    if os.path.exists(out):
                        problem = "exit 1 but %s was written" % out
        if problem:
            self.failed += 1
            self.keep(args, problem, inputs, time.monotonic() - started)
        else:
            self.passed += 1
        return code

    def export(self, workspace):
        p = subprocess.run([self.binary, "export", workspace], capture_output=True, timeout=self.timeout, cwd=self.workdir)
        return p.stdout

    def keep(self, args, problem, inputs, seconds):
        n = self.failed
        case = os.path.join(self.findings, "case-%03d" % n)
        os.makedirs(case, exist_ok=True)
        for path in inputs:
            if os.path.isfile(path):
                shutil.copy(path, case)
        with open(os.path.join(case, "README"), "w") as f:
            f.write("problem: %s\nseconds: %.1f\ncommand: intiqal %s\n" % (problem, seconds, " ".join(repr(a) for a in args)))
        print("FAIL %s: intiqal %s\n     %s" % (case, " ".join(args)[:200], problem), flush=True)

    def fresh_workspace(self):
        path = os.path.join(self.workdir, "w.intiqal")
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        shutil.copy(self.template, path)
        return path


def scenario_case(rng, r, examples):
    text = rng.choice(examples)
    for _ in range(rng.choice([1, 1, 2, 3, 5])):
        text = mutate_text(rng, text)
    path = os.path.join(r.workdir, "s.yaml")
    write(path, text)
    out = os.path.join(r.workdir, "out-%d" % rng.randrange(1 << 30))
    command = rng.choice([
        ["plan", path, "--risk-runs", "0"],
        ["plan", path, "--mode", "deadlines", "--risk-runs", "20", "--format", rng.choice(["json", "html", "table"]), "--out", out],
        ["risk", path, "--runs", "50"],
    ])
    if rng.random() < 0.3:  # import into a workspace: all or nothing
        w = r.fresh_workspace()
        r.run(["import", w, path], writes=w, inputs=[path])
    else:
        r.run(command, outputs=[out] if "--out" in command else [], inputs=[path])


CSV_SEEDS = {
    "assess": "party,group,region,capability,month,value,trend,confidence\nIRQ,capability,anbar,isr,2025-01,3,,high\n"
              "USA,threat,anbar,,2025-01,2,falling,medium\nIRQ,requirement,ninewa,air-cover,2025-02,2,,low\n",
    "incidents": "date,region,count\n2024-01-05,anbar,3\n2024-02-11,ninewa,1\n2024-02-12,anbar,2\n2024-03-01,diyala,1\n",
    "history": "month,region,gap,coalitionShare\n2024-01,anbar,0.5,0.8\n2024-02,anbar,0.4,0.7\n",
}


def csv_case(rng, r):
    kind = rng.choice(list(CSV_SEEDS))
    text = CSV_SEEDS[kind]
    for _ in range(rng.choice([1, 2, 3])):
        text = mutate_text(rng, text)
    path = os.path.join(r.workdir, "f.csv")
    write(path, text)
    if kind == "assess":
        w = r.fresh_workspace()
        r.run(["assess", "--workspace", w, "--csv", path], writes=w, inputs=[path])
    elif kind == "incidents":
        r.run(["fit-incidents", path, "--format", rng.choice(["json", "table"])], inputs=[path])
    else:
        incidents = os.path.join(r.workdir, "i.csv")
        write(incidents, CSV_SEEDS["incidents"] * 3)
        r.run(["fit-incidents", incidents, "--history", path], inputs=[path, incidents])


REPORT = ("On March 3, 2025, the joint commission met in Baghdad and agreed a timeline.\n"
          "وفي يوم الاثنين 3 آذار 2025 عقدت اللجنة اجتماعها في بغداد، وقتل 5 أشخاص في هجوم على قاعدة عين الأسد.\n")


def report_case(rng, r):
    text = REPORT * rng.choice([1, 3, 50])
    for _ in range(rng.choice([1, 2, 4])):
        text = mutate_text(rng, text)
    path = os.path.join(r.workdir, "r.txt")
    write(path, text)
    if rng.random() < 0.5:
        r.run(["extract", path, "--format", rng.choice(["json", "table"])] +
              (["--published", rng.choice(WORDS[6:12] + ["2025-03-04", "2025-02-30"])] if rng.random() < 0.5 else []), inputs=[path])
    else:
        w = r.fresh_workspace()
        r.run(["ingest", "--workspace", w, path], writes=w, inputs=[path])


def value(rng):
    return rng.choice(NUMBERS + WORDS)


def flags_case(rng, r):
    w = r.fresh_workspace()
    commands = [
        (["assess", "--workspace", w], ["--party", "--group", "--region", "--capability", "--month", "--value", "--trend", "--confidence", "--scale"]),
        (["decide", rng.choice(["adopt-plan", "gate-met", "resolve-dispute", "phase-complete", "adopt-scale", "commitment-status", "frob"]), "--workspace", w],
         ["--mode", "--region", "--capability", "--month", "--factor", "--value", "--trend", "--phase", "--version", "--commitment", "--status"]),
        (["sign", "--workspace", w, "--key", r.keys[rng.choice(["IRQ", "USA"])]], ["--entry"]),
        (["status", "--workspace", w], ["--month", "--format"]),
        (["audit", "--workspace", w], ["--entity", "--last"]),
        (["ledger", rng.choice(["verify", "list", "frob"]), "--workspace", w], []),
        (["ledger", "show", "--workspace", w, value(rng)], []),
        (["review", "--workspace", w], ["--item", "--status"]),
        (["users", "add", "--workspace", w], ["--name", "--party", "--role", "--group"]),
        (["risk"], ["--runs", "--seed", "--threshold", "--consecutive", "--mode", "--format", "--lang"]),
        (["plan", "--risk-runs", rng.choice(["0", "10", "-1", "x"])], ["--mode", "--format", "--lang"]),
        (["export", w], ["--format"]),
        (["init", os.path.join(r.workdir, rng.choice(["", "new.intiqal", "w.intiqal"]))], ["--example"]),
        (["keys", "new"], ["--party"]),
    ]
    base, flags = rng.choice(commands)
    args = list(base)
    for flag in rng.sample(flags, k=rng.randrange(0, len(flags) + 1)) if flags else []:
        v = value(rng)
        args += [flag + "=" + v] if rng.random() < 0.3 else [flag, v]
    if "risk" in args and not any(a.startswith("--runs") for a in args):
        args += ["--runs", "20"]
    writes = w if base[0] in ("assess", "decide", "sign", "review", "users") else None
    r.run(args, writes=writes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "intiqal"), type=os.path.abspath)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "1")))
    ap.add_argument("--timeout", type=float, default=60, help="seconds one run may take before it counts as a hang")
    ap.add_argument("--findings", default=os.path.join(ROOT, ".build", "fuzz-findings"))
    a = ap.parse_args()
    rng = random.Random(a.seed)
    examples = [open(os.path.join(EXAMPLES, f), encoding="utf-8").read() for f in sorted(os.listdir(EXAMPLES)) if f.endswith(".yaml")]
    shutil.rmtree(a.findings, ignore_errors=True)
    os.makedirs(a.findings, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="intiqal-fuzz-") as workdir:
        r = Runner(a.binary, workdir, a.timeout, a.findings)
        deadline = time.monotonic() + a.seconds
        print("fuzz: seed %d, %ds, binary %s" % (a.seed, a.seconds, a.binary), flush=True)
        while time.monotonic() < deadline:
            case = rng.choice(["scenario", "scenario", "csv", "report", "flags", "flags"])
            if case == "scenario":
                scenario_case(rng, r, examples)
            elif case == "csv":
                csv_case(rng, r)
            elif case == "report":
                report_case(rng, r)
            else:
                flags_case(rng, r)
    print("fuzz: %d passed, %d failed" % (r.passed, r.failed))
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
