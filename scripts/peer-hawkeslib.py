#!/usr/bin/env python3
"""Peer comparison for the Hawkes fit: hawkeslib on the same event times as risk-bench.

    swift run -c release risk-bench --export-events /tmp/events.txt
    python3 -m venv /tmp/hl && /tmp/hl/bin/pip install cython "numpy<2" scipy wheel setuptools
    /tmp/hl/bin/pip install --no-build-isolation hawkeslib && /tmp/hl/bin/pip install "numpy<2"
    /tmp/hl/bin/python scripts/peer-hawkeslib.py /tmp/events.txt 10000

Prints hawkeslib's gradient-descent ("gd") and EM fits of (mu, alpha, beta) with their
best-of-5 wall times. hawkeslib's theta is our beta (the exponential kernel's rate).
"""
import sys
import time

import numpy as np

np.float = float  # hawkeslib 0.2.2 still uses the alias removed in NumPy 1.24
from hawkeslib import UnivariateExpHawkesProcess  # noqa: E402


def main():
    path, horizon = sys.argv[1], float(sys.argv[2])
    t = np.array([float(x) for x in open(path).read().split()], dtype=np.float64)
    print(f"{len(t)} events over {horizon:g} days")
    for method in ("gd", "em"):
        best, params = float("inf"), None
        for _ in range(5):
            p = UnivariateExpHawkesProcess()
            start = time.perf_counter()
            p.fit(t, T=horizon, method=method)
            best = min(best, time.perf_counter() - start)
            params = p.get_params()
        mu, alpha, theta = params
        print(f"hawkeslib {method}: mu {mu:.4f} alpha {alpha:.4f} beta {theta:.4f}  best of 5: {best * 1000:.1f} ms")


if __name__ == "__main__":
    main()
