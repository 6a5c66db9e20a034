"""Signing in and finding the pages to measure by reading the portal's own pages, as a user would."""

import html.parser
import re

from .tools import fail

EMAIL = "admin@contoso.com"
PASSWORD = "billing-demo-2026"
ACCOUNT = "Contoso Ltd"

# (key, what the table calls it); the order of the tables and the chart.
PAGES = [
    ("home", "Home"),
    ("overview", "Billing account overview"),
    ("invoices", "Invoices"),
    ("invoices_filtered", "Invoices, filtered"),
    ("invoices_last", "Invoices, last page"),
    ("detail", "Invoice detail"),
    ("blade", "Pay now blade"),
    ("payments", "Payments"),
    ("pdf", "Invoice PDF"),
    ("static", "Static CSS"),
    ("login", "Sign-in page (anonymous)"),
]
ANONYMOUS = {"login"}


class Page(html.parser.HTMLParser):
    """The forms (with their inputs and selects), links and style sheets of one HTML page."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.forms, self.links, self.stylesheets = [], [], []
        self._form = self._select = self._link = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"attrs": a, "inputs": [], "selects": {}}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None:
            self._form["inputs"].append(a)
        elif tag == "select" and self._form is not None:
            self._select = self._form["selects"].setdefault(a.get("name", ""), [])
        elif tag == "option" and self._select is not None:
            self._select.append((a.get("value", ""), "selected" in a))
        elif tag == "a" and "href" in a:
            self._link = [a["href"], ""]
            self.links.append(self._link)
        elif tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a.get("href"))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data


def sign_in(client, email=EMAIL, password=PASSWORD):
    """GET /login, fill its form (hidden fields such as _csrf kept), POST it: the client keeps the session."""
    status, _, body = client.get("/login")
    if status != 200:
        fail(f"GET /login answered {status}")
    for form in Page(body.decode()).forms:
        types = {i.get("type", "text"): i.get("name") for i in form["inputs"]}
        if "password" in types and form["attrs"].get("method", "get").lower() == "post":
            fields = {i["name"]: i.get("value", "") for i in form["inputs"] if i.get("type") == "hidden"}
            fields[types.get("email") or types.get("text")] = email
            fields[types["password"]] = password
            status, headers, _ = client.request("POST", form["attrs"].get("action") or "/login", fields)
            location = headers.get("Location", "")
            if status != 302 or "error" in location or "/login" in location:
                fail(f"Signing in as {email} failed: {status} {location}")
            return
    fail("No sign-in form on /login")


def discover(client, invoice):
    """The path of every page, read from the pages themselves; `invoice` is a Due invoice's number."""
    home = page(client, "/")
    accounts = [href for href, text in home.links
                if text.strip() == ACCOUNT and re.fullmatch(r"/billing/accounts/\d+", href)]
    if not accounts:
        fail(f"No link to {ACCOUNT} on the home page")
    account = accounts[0]
    invoices = account + "/invoices"
    listing = page(client, invoices)
    paths = {
        "home": "/",
        "overview": account,
        "invoices": invoices,
        "invoices_filtered": invoices + "?" + filtered(listing, invoices),
        "invoices_last": invoices + "?page=" + str(last_page(client, invoices) - 1),
        "detail": f"{invoices}/{invoice}",
        "blade": f"{invoices}/{invoice}/pay",
        "payments": account + "/payments",
        "pdf": f"{invoices}/{invoice}/pdf",
        "static": home.stylesheets[0] if home.stylesheets else fail("No style sheet linked from the home page"),
        "login": "/login",
    }
    return account, paths


def page(client, path):
    status, _, body = client.get(path)
    if status != 200:
        fail(f"GET {path} answered {status}")
    return Page(body.decode())


def filtered(listing, invoices):
    """A status and a time span, from the filter form: Paid (else the first status) and the widest span
    that is not the default."""
    for form in listing.forms:
        if form["attrs"].get("action") == invoices and form["attrs"].get("method", "get").lower() == "get":
            selects = form["selects"]
            status = next((n for n in selects if "status" in n), None)
            span = next((n for n in selects if "span" in n), None)
            if status and span:
                statuses = [v for v, _ in selects[status] if v]
                spans = [v for v, chosen in selects[span] if v and not chosen]
                value = "PAID" if "PAID" in statuses else statuses[0]
                return f"{status}={value}&{span}={spans[-1]}"
    fail("No filter form with a status and a time span on the invoices page")


def last_page(client, invoices):
    """The number of pages, from the pager's "Page 1 of N (M invoices)" (numbers only, whatever the
    language). A portal that counts a long list only up to a bound says "Page 1 of more than N (more
    than M invoices)": N, the largest page it tells, is then the last page asked for."""
    _, _, body = client.get(invoices)
    number = r"(\d[\d,.\u00a0\u202f]*)"  # 10,000 pages are written with a group separator
    match = re.search(r'class="pager"[^>]*>.*?<span>\D*?' + number + r"\D+?" + number, body.decode(), re.S)
    if not match:
        fail("No pager on the invoices page")
    return int(re.sub(r"\D", "", match.group(2)))
