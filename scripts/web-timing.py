#!/usr/bin/env python3
"""Server time of each page of the web application on the example (`intiqal serve --demo`):
signs in as a user and reads the Server-Timing header of each main page, 20 times each.

    python3 scripts/web-timing.py --binary .build/release/intiqal [--user irq-capability]"""
import argparse, os, re, statistics, subprocess, sys, urllib.parse, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "browser"))
from web_test import Server, totp  # noqa: E402


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/intiqal")
    ap.add_argument("--user", default="irq-capability")
    ap.add_argument("--times", type=int, default=20)
    a = ap.parse_args()
    server = Server(a.binary, ["--demo"])
    opener = urllib.request.build_opener(NoRedirect)
    try:
        r = opener.open(server.base + "/signin")
        pre = re.search(r"intiqal_presession=(\w+)", r.headers["Set-Cookie"]).group(1)
        acct = server.accounts[a.user]
        form = {"presession": pre, "name": a.user, "password": acct["password"]}
        cookie = "intiqal_presession=" + pre

        def post(path, form):
            req = urllib.request.Request(server.base + path, data=urllib.parse.urlencode(form).encode(), headers={"Cookie": cookie})
            try:
                opener.open(req)
            except urllib.error.HTTPError as e:
                return e.headers
            raise SystemExit("no redirect from " + path)

        headers = post("/signin", form)
        if acct["secret"]:   # the second step: the code, from the pending sign-in
            cookie += "; intiqal_pending=" + re.search(r"intiqal_pending=(\w+)", headers["Set-Cookie"]).group(1)
            headers = post("/signin/code", {"presession": pre, "code": totp(acct["secret"])})
        session = re.search(r"intiqal_session=(\w+)", headers["Set-Cookie"]).group(1)
        print("page            first ms  median ms   max ms   (server time, %s, %d requests each; first: the first after start)" % (a.user, a.times))
        for path in ["/", "/assessments", "/evidence", "/plans", "/saved-plans", "/incidents", "/notes", "/decisions", "/commitments",
                     "/account"]:
            times = []
            for _ in range(a.times):
                r = opener.open(urllib.request.Request(server.base + path, headers={"Cookie": "intiqal_session=" + session}))
                r.read()
                times.append(float(re.search(r"dur=([\d.]+)", r.headers["Server-Timing"]).group(1)))
            print("%-15s %8.1f %9.1f %8.1f" % (path, times[0], statistics.median(times), max(times)))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
