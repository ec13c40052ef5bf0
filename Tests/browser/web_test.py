#!/usr/bin/env python3
"""The web application in a real browser: headless Chromium driven by Selenium, axe-core for
accessibility. Starts `intiqal serve --demo` on a free loopback port (and, for the signing
test, `intiqal serve --workspace` on a workspace file made with the CLI), walks the pages as
each kind of user, and stops the servers after.

    python3 Tests/browser/web_test.py --binary .build/debug/intiqal [--shots DIR]

Needs: chromium, chromium-driver (Debian), selenium and axe-selenium-python (PyPI).
Exit status 0 when every check passed, 1 otherwise (each failure printed)."""
import argparse, base64, hashlib, hmac, json, os, re, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.support import expected_conditions as EC
from axe_selenium_python import Axe

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAILURES = []
CHECKS = [0]


DRIVER = [None]


def check(cond, what):
    CHECKS[0] += 1
    if not cond:
        FAILURES.append(what)
        print("  FAIL:", what, flush=True)
        if DRIVER[0] is not None and os.environ.get("WEB_TEST_DUMP"):
            n = len(FAILURES)
            with open(os.path.join(os.environ["WEB_TEST_DUMP"], "failure-%d.html" % n), "w") as f:
                f.write("<!-- %s -->\n" % DRIVER[0].current_url + DRIVER[0].page_source)
    return cond


def totp(secret, at=None):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    step = int((at or time.time()) // 30)
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    o = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """`intiqal serve` on a free loopback port; reads the demo accounts it prints."""

    def __init__(self, binary, args):
        self.port = free_port()
        self.proc = subprocess.Popen([binary, "serve", *args, "--host", "127.0.0.1", "--port", str(self.port)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.accounts = {}
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("intiqal serve ended before it served")
            parts = line.strip().split("\t")
            if len(parts) >= 4:
                self.accounts[parts[0]] = {"party": parts[1], "role": parts[2], "password": parts[3],
                                           "secret": parts[4] if len(parts) > 4 else None}
            if line.startswith("serving on"):
                break
        self.base = "http://127.0.0.1:%d" % self.port
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def browser():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000",
              "--lang=en-GB"]:
        o.add_argument(a)
    if os.path.exists("/usr/bin/chromium"):
        o.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    DRIVER[0] = webdriver.Chrome(service=service, options=o)
    return DRIVER[0]


class Session:
    def __init__(self, driver, server):
        self.d = driver
        self.s = server

    def go(self, path):
        self.d.get(self.s.base + path)
        return self.d.page_source

    def lang(self, code):
        self.go("/lang?to=%s&back=/signin" % code)

    def sign_in(self, name, password=None, secret=None):
        self.d.delete_cookie("intiqal_session")   # the language cookie stays
        self.go("/signin")
        acct = self.s.accounts.get(name, {})
        self.d.find_element(By.ID, "f-name").send_keys(name)
        self.d.find_element(By.ID, "f-password").send_keys(password or acct["password"])
        secret = secret or acct.get("secret")
        check(not self.d.find_elements(By.ID, "f-code"), "the first step asks no code")
        self.click("form[action='/signin'] button[type=submit]")
        if secret:
            # Two steps: a right password leads to the code's own page, not yet to a session.
            check(urllib.parse.urlparse(self.d.current_url).path == "/signin/code", "%s is asked for the code" % name)
            check(self.d.get_cookie("intiqal_session") is None, "no session before the code")
            self.d.find_element(By.ID, "f-code").send_keys(totp(secret))
            self.click("form[action='/signin/code'] button[type=submit]")
        check(urllib.parse.urlparse(self.d.current_url).path not in ("/signin", "/signin/code"), "%s signs in" % name)
        return self.d.page_source

    def submit(self, form_css):
        self.click(form_css + " button[type=submit]")

    def click(self, css):
        """Clicks a submit button and waits for the page the form answers with."""
        self.d.execute_script("window.__before_submit = true;")
        self.d.find_element(By.CSS_SELECTOR, css).click()
        # A new document has no such variable: the form's answer has loaded.
        WebDriverWait(self.d, 20).until(lambda d: d.execute_script("return document.readyState === 'complete' && !window.__before_submit"))

    def fill(self, element_id, value):
        el = self.d.find_element(By.ID, element_id)
        if el.tag_name == "select":
            from selenium.webdriver.support.ui import Select
            Select(el).select_by_value(value)
        else:
            el.clear()
            el.send_keys(value)

    def links(self):
        out = set()
        for a in self.d.find_elements(By.CSS_SELECTOR, "a[href]"):
            href = a.get_attribute("href") or ""
            u = urllib.parse.urlparse(href)
            if href.startswith(self.s.base) and not u.path.startswith("/lang") and not u.path.startswith("/assets"):
                out.add(u.path + ("?" + u.query if u.query else ""))
        return out

    def crawl(self, start="/", limit=60):
        """Every page reachable by GET links from `start` (same site, language switch excepted)."""
        seen, todo, pages, per_path = set(), [start], {}, {}
        while todo and len(seen) < limit:
            path = todo.pop(0)
            base = path.split("?")[0]
            if path in seen or per_path.get(base, 0) >= 4:
                continue
            seen.add(path)
            per_path[base] = per_path.get(base, 0) + 1
            pages[path] = self.go(path)
            for p in sorted(self.links()):
                if p not in seen:
                    todo.append(p)
        return pages


MAIN_PAGES = ["/", "/assessments", "/evidence", "/plans", "/saved-plans", "/incidents", "/notes", "/decisions", "/commitments",
              "/account", "/users", "/audit"]


def axe_check(sess, label):
    axe = Axe(sess.d)
    axe.inject()
    result = axe.run()
    bad = [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
    check(not bad, "axe %s: %s" % (label, "; ".join("%s (%s) %s" % (v["id"], v["impact"], v["nodes"][0]["target"] if v["nodes"] else "") for v in bad)))


def english_labels():
    en = json.load(open(os.path.join(ROOT, "Sources/IntiqalWeb/Resources/labels/en.json"), encoding="utf-8"))
    ar = json.load(open(os.path.join(ROOT, "Sources/IntiqalWeb/Resources/labels/ar.json"), encoding="utf-8"))
    labels = set()
    for k, v in en.items():
        text = re.sub(r"\{\d\}", "", v).strip(" .:()")
        if len(text) >= 3 and re.search("[A-Za-z]{3}", text) and text not in ar.values():
            # Each placeholder-free run of words of the label.
            for piece in re.split(r"\{\d\}", v):
                piece = piece.strip(" .:();,")
                if len(piece) >= 4 and re.search("[A-Za-z]{3}", piece):
                    labels.add(piece)
    return labels


def visible_text_outside_english(driver):
    return driver.execute_script("""
      var c = document.body.cloneNode(true);
      c.querySelectorAll('[lang]:not([lang=ar]), script, style, svg, code, bdi, .plan-report').forEach(function(e){ e.remove(); });
      return c.innerText;""")


def test_demo(binary, shots):
    server = Server(binary, ["--demo"])
    d = browser()
    s = Session(d, server)
    try:
        print("== every role signs in and sees its dashboard (en and ar)")
        for name in server.accounts:
            s.lang("en")
            page = s.sign_in(name)
            check('class="gates"' in page and re.search(r'<html lang="en" dir="ltr"', page), "dashboard of %s" % name)
        print("== two-step sign-in: a wrong code is asked again on the code's page, a right one signs in")
        name = next(n for n, a in server.accounts.items() if a.get("secret"))
        d.delete_cookie("intiqal_session")
        s.go("/signin")
        s.fill("f-name", name); s.fill("f-password", server.accounts[name]["password"])
        s.click("form[action='/signin'] button[type=submit]")
        check(urllib.parse.urlparse(d.current_url).path == "/signin/code", "the code's page")
        wrong = "%06d" % ((int(totp(server.accounts[name]["secret"])) + 1) % 1000000)
        s.fill("f-code", wrong)
        s.click("form[action='/signin/code'] button[type=submit]")
        check(d.get_cookie("intiqal_session") is None and 'id="f-code"' in d.page_source and 'class="problem' in d.page_source,
              "a wrong code is refused on the code's page")
        d.find_element(By.ID, "f-code").clear()
        s.fill("f-code", totp(server.accounts[name]["secret"]))
        s.click("form[action='/signin/code'] button[type=submit]")
        check('class="gates"' in d.page_source, "the right code signs %s in" % name)
        check(all('data-risk="%s"' % m in d.page_source for m in ["conditions", "deadlines", "baseline"]),
              "the dashboard shows the risk of both modes and no change")
        s.lang("ar")
        page = s.sign_in("irq-capability")
        check(re.search(r'<html lang="ar" dir="rtl"', page) and 'class="gates"' in page, "Arabic dashboard")
        s.lang("en")

        print("== a rating is seen by the other party only after its release")
        s.sign_in("irq-capability")
        month = re.search(r'data-month="(\d{4}-\d{2})"', s.go("/")).group(1)
        # A gate some adviser team works on (not 'not needed').
        gate = d.find_element(By.CSS_SELECTOR, "td.gate:not(.not-needed)").get_attribute("data-gate")
        region, cap = gate.split("/")
        s.go("/assessments?month=" + month)
        s.fill("f-region", region); s.fill("f-capability", cap); s.fill("f-month", month); s.fill("f-value", "0")
        s.fill("f-confidence", "high"); s.fill("f-evidence", "irq-only-evidence-3141")
        s.submit("form[action='/assessments']")
        page = d.page_source
        m = re.search(r'data-rating="(\d+)"[^>]*>(?:(?!</td>).)*irq-only-evidence-3141', page, re.S)
        check(m is not None, "IRQ sees its new rating")
        rating = m.group(1) if m else "0"
        check('REL IRQ' in page, "the new rating is REL IRQ")

        print("== a user of one party never sees the other party's REL records (every page, every link)")
        s.sign_in("irq-threat")
        s.go("/evidence")
        s.fill("f-name", "irq-only-report.txt"); s.fill("f-published", "2025-03-20"); s.fill("f-marking", "REL IRQ")
        s.fill("f-text", REPORT_IRQ_ONLY)
        s.submit("#upload-form")
        irq_items = re.findall(r'data-item="(\d+)"', d.page_source)
        check(len(irq_items) > 0 and "<mark>" in d.page_source, "the IRQ-only report's events are listed and marked")
        # The attack accepted becomes an IRQ-only incident; a plan saved and a note written, both IRQ's.
        for item in irq_items:
            if d.find_elements(By.CSS_SELECTOR, "#item-%s button[value=accepted]" % item):
                s.click("#item-%s button[value=accepted]" % item)
        page = s.go("/incidents?month=2025-03")
        irq_incidents = re.findall(r'data-incident="(\d+)"', page)
        check(len(irq_incidents) > 0 and "/evidence#item-" in page, "IRQ sees the incident of its accepted attack with its source")
        s.go("/saved-plans")
        s.fill("f-name", "irq-saved-plan-web"); s.fill("f-mode", "conditions")
        s.submit("form[action='/saved-plans']")
        check("irq-saved-plan-web" in d.page_source and "<svg" in d.page_source, "IRQ saves the current plan and sees it")
        irq_saved = urllib.parse.urlparse(d.current_url).path
        s.go("/notes?entity=saved-plan&id=" + irq_saved.rsplit("/", 1)[-1])
        s.fill("f-text", "irq-note-web-1414")
        s.submit("form[action='/notes']")
        check("irq-note-web-1414" in d.page_source, "IRQ's note is listed")
        for name in ["usa-capability", "usa-threat", "usa-secretariat", "usa-cochair", "gbr-liaison"]:
            s.sign_in(name)
            pages = s.crawl("/")
            check(len(pages) >= 9, "%s walked %d pages" % (name, len(pages)))
            check(s.go(irq_saved) and "irq-saved-plan-web" not in d.page_source, "%s reads IRQ's saved plan by its address" % name)
            for path, html in pages.items():
                check('data-rating="%s"' % rating not in html, "%s sees IRQ's unreleased rating on %s" % (name, path))
                check("irq-only-evidence-3141" not in html, "%s sees IRQ's evidence text on %s" % (name, path))
                check("Zubayr" not in html and "irq-only-report" not in html, "%s sees IRQ's report on %s" % (name, path))
                check("irq-saved-plan-web" not in html and "irq-note-web-1414" not in html, "%s sees IRQ's saved plan or note on %s" % (name, path))
                for inc in irq_incidents:
                    check('data-incident="%s"' % inc not in html, "%s sees IRQ's incident %s on %s" % (name, inc, path))
                for item in irq_items:
                    for needle in [r'data-item="%s"' % item, r'id="item-%s"' % item, r"evidence-item-%s(?!\d)" % item, r'#item-%s"' % item]:
                        m = re.search(needle, html)
                        check(m is None, "%s sees IRQ item %s on %s: %s" % (name, item, path, html[max(0, m.start() - 80):m.end() + 40] if m else ""))
        s.sign_in("usa-capability")
        check('data-rating="%s"' % rating not in s.go("/assessments?month=" + month), "USA before release")

        print("== release, then a dispute on both sides that blocks its gate")
        s.sign_in("irq-capability")
        s.go("/assessments?month=" + month)
        s.click("form[action='/assessments/%s/release'] button" % rating)
        check("JOINT" in d.page_source, "released")
        s.sign_in("usa-capability")
        page = s.go("/assessments?month=" + month)
        check('data-rating="%s"' % rating in page, "USA sees IRQ's rating after release")
        s.fill("f-region", region); s.fill("f-capability", cap); s.fill("f-month", month); s.fill("f-value", "4")
        s.submit("form[action='/assessments']")
        usa_rating = re.findall(r'data-rating="(\d+)"', d.page_source)
        usa_id = max(int(x) for x in usa_rating)
        s.click("form[action='/assessments/%d/release'] button" % usa_id)
        for name in ["usa-capability", "irq-capability"]:
            s.sign_in(name)
            page = s.go("/assessments?month=" + month)
            check('<tr class="disputed">' in page, "%s sees the dispute on the assessments page" % name)
            s.go("/")
            cls = d.find_element(By.CSS_SELECTOR, "td[data-gate='%s']" % gate).get_attribute("class")
            check("disputed" in cls, "%s's dashboard shows gate %s disputed (%s)" % (name, gate, cls))

        print("== an upload's events are reviewed")
        s.sign_in("usa-threat")
        s.go("/evidence")
        s.fill("f-name", "joint-report.txt"); s.fill("f-marking", "JOINT"); s.fill("f-text", REPORT_JOINT)
        s.submit("#upload-form")
        page = d.page_source
        check("<mark>" in page, "the report is shown with its sentences highlighted")
        items = re.findall(r'<li id="item-(\d+)" data-item="\d+" class="proposed"', page)
        check(len(items) >= 2, "events extracted: %d" % len(items))
        if len(items) >= 2:
            s.click("#item-%s button[value=accepted]" % items[0])
            s.click("#item-%s button[value=rejected]" % items[1])
            page = d.page_source
            check('id="item-%s" data-item="%s" class="accepted"' % (items[0], items[0]) in page, "accepted")
            check('id="item-%s" data-item="%s" class="rejected"' % (items[1], items[1]) in page, "rejected")
            s.sign_in("irq-threat")
            check('id="item-%s" data-item="%s" class="accepted"' % (items[0], items[0]) in s.go("/evidence"), "IRQ sees the JOINT review")

        print("== Arabic: dir=rtl and no English label on any page; axe on every page in both languages")
        labels = english_labels()
        for name in ["irq-capability", "usa-secretariat", "admin", "irq-cochair", "gbr-liaison"]:
            for lang in ["ar", "en"]:
                s.lang(lang)
                s.sign_in(name)
                for path in MAIN_PAGES:
                    html = s.go(path)
                    if lang == "ar":
                        check(re.search(r'<html lang="ar" dir="rtl"', html), "%s %s: dir=rtl" % (name, path))
                        check("⟦" not in html, "%s %s: a missing label" % (name, path))
                        text = visible_text_outside_english(d)
                        found = sorted(l for l in labels if re.search(r"(?<![A-Za-z])" + re.escape(l) + r"(?![A-Za-z])", text))
                        check(not found, "%s %s: English labels on an Arabic page: %s" % (name, path, found[:5]))
                    if name in ("irq-capability", "admin") or path in ("/", "/decisions"):
                        axe_check(s, "%s %s %s" % (lang, name, path))
            s.lang("en")
        s.lang("ar"); s.sign_in("irq-capability")
        s.go("/lang?digits=arab&back=/")
        check("٢٠" in d.page_source, "Arabic-Indic digits when chosen")
        s.go("/lang?digits=latn&back=/")
        d.delete_all_cookies()
        for lang in ["en", "ar"]:
            s.lang(lang)
            s.go("/signin")
            axe_check(s, "%s /signin" % lang)

        if shots:
            print("== screenshots")
            os.makedirs(shots, exist_ok=True)
            for lang in ["en", "ar"]:
                s.lang(lang)
                s.sign_in("irq-capability")
                for path in ["/", "/assessments", "/evidence", "/plans", "/decisions", "/commitments"]:
                    s.go(path)
                    name = (path.strip("/") or "dashboard") + "-" + lang + ".png"
                    d.save_screenshot(os.path.join(shots, name))
    finally:
        d.quit()
        server.stop()


def run(binary, *args, stdin=None):
    r = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("intiqal %s failed: %s" % (" ".join(args), r.stderr))
    return r.stdout


def test_signing(binary, shots):
    print("== a decision proposed and signed by both co-chairs in the browser (WebCrypto) binds; ledger verify passes")
    tmp = tempfile.mkdtemp(prefix="intiqal-web-")
    try:
        w = os.path.join(tmp, "w.intiqal")
        run(binary, "init", w, "--example", "iraq-2024")
        accounts = {}
        users = [("admin", "IRQ", "admin"), ("irq-cochair", "IRQ", "co-chair"), ("usa-cochair", "USA", "co-chair"),
                 ("irq-secretariat", "IRQ", "secretariat")]
        for name, party, role in users:
            pw = "pw-%s-0123456789" % name
            run(binary, "users", "add", "--workspace", w, "--by", "admin", "--name", name, "--party", party, "--role", role,
                "--password-stdin", stdin=pw + "\n")
            accounts[name] = {"password": pw, "secret": None}
            if role in ("admin", "co-chair"):
                out = run(binary, "users", "totp", "--workspace", w, "--by", "admin", "--name", name)
                accounts[name]["secret"] = re.search(r"secret: (\S+)", out).group(1)
        keys = {}
        for party in ["IRQ", "USA"]:
            keys[party] = os.path.join(tmp, party.lower() + ".key")
            run(binary, "keys", "new", "--party", party, "--out", keys[party])
        run(binary, "keys", "register", "--workspace", w, "--by", "irq-cochair", "--key", keys["IRQ"])
        run(binary, "keys", "register", "--workspace", w, "--by", "usa-cochair", "--key", keys["USA"])
        run(binary, "sign", "--workspace", w, "--by", "usa-cochair", "--entry", "1", "--key", keys["USA"])
        run(binary, "sign", "--workspace", w, "--by", "irq-cochair", "--entry", "2", "--key", keys["IRQ"])
        server = Server(binary, ["--workspace", w])
        server.accounts = accounts
        d = browser()
        s = Session(d, server)
        try:
            s.lang("en")
            s.sign_in("irq-secretariat")
            s.go("/decisions")
            s.fill("f-kind", "adopt-plan"); s.fill("f-mode", "conditions")
            s.submit("form[action='/decisions']")
            m = re.search(r'data-decision="(\d+)" data-binding="false"', d.page_source)
            problem = re.search(r'<div class="problem".*?</div>', d.page_source, re.S)
            check(m is not None, "the proposal is in the ledger, not binding: %s" % (problem.group(0) if problem else d.current_url))
            seq = m.group(1) if m else "0"
            for name, party in [("irq-cochair", "IRQ"), ("usa-cochair", "USA")]:
                s.lang("ar" if party == "IRQ" else "en")
                s.sign_in(name)
                s.go("/decisions")
                form = "#decision-%s form[data-sign]" % seq
                d.find_element(By.CSS_SELECTOR, form + " input.keyfile").send_keys(keys[party])
                WebDriverWait(d, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, form + " textarea.sig").get_attribute("value"))
                # The private key is not in anything the page would send.
                key = json.load(open(keys[party]))
                check(key["privateKey"] not in d.page_source, "the private key is not in the page")
                s.click(form + " button[type=submit]")
                check("problem" not in d.page_source, "%s's signature accepted" % name)
                if shots and party == "IRQ":
                    d.save_screenshot(os.path.join(shots, "decisions-signed-ar.png"))
            page = s.go("/decisions")
            check('data-decision="%s" data-binding="true"' % seq in page, "the decision binds after both signatures")
            check('id="ledger-state" data-ok="true"' in page, "the page shows the ledger verifies")
        finally:
            d.quit()
            server.stop()
        r = subprocess.run([binary, "ledger", "verify", "--workspace", w], capture_output=True, text=True)
        check(r.returncode == 0, "intiqal ledger verify: %s %s" % (r.stdout, r.stderr))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# Reports written for this test (not from any corpus).
REPORT_IRQ_ONLY = ("Basra, 18 March 2025. A roadside bomb struck a patrol near Zubayr on 17 March 2025, killing 2 soldiers, "
                   "officials said.\n\nOn 19 March 2025 the governor met army commanders in Basra to discuss security.\n\n"
                   "Gunmen attacked an army post in Tarmiyah on 16 March 2025, wounding 3 soldiers, officials said.\n")
REPORT_JOINT = ("Baghdad, 12 April 2025. Gunmen attacked a checkpoint in Tarmiyah on 10 April 2025, wounding 4 policemen, "
                "the interior ministry said.\n\nOn 11 April 2025 the defence minister met coalition commanders in Baghdad "
                "to discuss the handover of the Ain al-Asad air base.\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/intiqal"))
    ap.add_argument("--shots", default=None, help="write screenshots of the main pages in both languages here")
    a = ap.parse_args()
    started = time.time()
    if os.environ.get("WEB_TEST_ONLY") != "signing":
        test_demo(a.binary, a.shots)
    test_signing(a.binary, a.shots)
    print("%d checks, %d failures, %.0f s" % (CHECKS[0], len(FAILURES), time.time() - started))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
