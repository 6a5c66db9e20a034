"""The measurements: wrk on a page, wrk on the pay flow, and SQL statements per request."""

import json
import os
import re
import subprocess
import time

from .portal import Client
from .tools import BENCH, fail

PAGES_LUA = os.path.join(BENCH, "pages.lua")
PAYFLOW_LUA = os.path.join(BENCH, "payflow.lua")


def wrk(port, path, cookie, duration, connections, threads, script, script_args=(), log=None):
    """One wrk run; the numbers come from the script's done() line, wrk's own report goes to the log."""
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
           "-s", script]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    cmd.append(f"http://127.0.0.1:{port}{path}")
    if script_args:
        cmd += ["--", *script_args]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 120)
    if log:
        with open(log, "a") as f:
            f.write("$ " + " ".join(cmd) + "\n" + result.stdout + result.stderr + "\n")
    line = next((l for l in result.stdout.splitlines() if l.startswith("BENCH ")), None)
    if result.returncode != 0 or line is None:
        fail(f"wrk failed ({result.returncode}): {result.stderr.strip() or result.stdout[-2000:]}")
    numbers = json.loads(line[len("BENCH "):])
    seconds = numbers["duration_us"] / 1e6
    numbers["rps"] = numbers["requests"] / seconds if seconds else 0.0
    numbers["p50_ms"] = numbers["p50_us"] / 1000
    numbers["p99_ms"] = numbers["p99_us"] / 1000
    return numbers


def page(portal, path, cookie, duration, connections, log):
    r = wrk(portal.port, path, cookie, duration, connections, min(2, connections), PAGES_LUA, log=log)
    r["ok_run"] = r["not_ok"] == 0 and r["socket_errors"] == 0 and r["requests"] > 0
    if r["requests"] == 0:
        r["last_not_ok"] = "no answer completed within the run"
    return r


def payflow(portal, invoices_path, cookie_file, due_file, duration, connections, log):
    """Each connection on a thread of its own (wrk keeps the script's state per thread), with a session
    of its own (a line of cookie_file)."""
    r = wrk(portal.port, invoices_path, None, duration, connections, connections, PAYFLOW_LUA,
            [due_file, str(connections), invoices_path, cookie_file], log=log)
    r["flows_per_s"] = r["flows"] / (r["duration_us"] / 1e6)
    r["ok_run"] = r["failures"] == 0 and r["socket_errors"] == 0 and r["flows"] > 0
    if r["flows"] == 0 and not r["last_failure"]:
        r["last_failure"] = "no flow completed within the run"
    return r


# With statistics on, Hibernate logs the metrics of every session when it closes: Hibernate 7 as
# "Logging session metrics: ... N ns executing M JDBC statements" (logger org.hibernate.session.metrics,
# DEBUG), Hibernate 6 as "Session Metrics { ... N nanoseconds spent executing M JDBC statements"
# (StatisticalLoggingSessionEventListener, INFO). The portal's plain JDBC reads (JdbcTemplate: the
# account access check, the overview's figures) are not Hibernate's: JdbcTemplate logs each statement
# at DEBUG, and those are added, but for Spring Session's own
# statements on its table, which Hibernate's count never held either. The records of the request
# threads (Tomcat's "exec-" threads) are the pages'; the reconciler's, on other threads, are left out.
STATS_ARGS = ["--spring.jpa.properties.hibernate.generate_statistics=true",
              "--logging.level.org.hibernate.session.metrics=debug",
              "--logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=info",
              "--logging.level.org.springframework.jdbc.core.JdbcTemplate=debug"]
_RECORD = re.compile(r"^\d{4}-\d\d-\d\dT", re.M)
_METRICS = ("Logging session metrics", "Session Metrics")
_EXECUTING = re.compile(r"(\d+) (?:ns|nanoseconds spent) executing (\d+) JDBC statements")
# One line per statement, with its SQL: "Executing prepared SQL statement [...]" (after a line
# "Executing prepared SQL query" or "... update", or "Executing SQL batch update [...]", none of
# them counted) or "Executing SQL query [...]", "... update [...]", "... statement [...]"; a batch
# of plain statements logs "Executing SQL batch update of N statements".
_JDBC_TEMPLATE = re.compile(r"Executing (?:prepared SQL statement|SQL (?:query|update|statement) \[)")
_JDBC_BATCH = re.compile(r"Executing SQL batch update of (\d+) statements")


def statements_per_request(portal, get, path, requests):
    """N sequential requests of one page; the JDBC statements Hibernate and JdbcTemplate executed for
    them, divided by N."""
    start = portal.log_size()
    for _ in range(requests):
        if get(path)[0] != 200:
            return None
    time.sleep(0.5)
    with open(portal.log, errors="replace") as f:
        f.seek(start)
        text = f.read()
    total = 0
    starts = [m.start() for m in _RECORD.finditer(text)] + [len(text)]
    for begin, end in zip(starts, starts[1:]):
        record = text[begin:end]
        header = record.split("\n", 1)[0]
        if "exec-" not in header:
            continue
        if any(m in header for m in _METRICS):
            total += sum(int(m.group(2)) for m in _EXECUTING.finditer(record))
        elif "spring_session" in record.lower():
            continue
        elif _JDBC_TEMPLATE.search(header):
            total += 1
        elif _JDBC_BATCH.search(header):
            total += int(_JDBC_BATCH.search(header).group(1))
    return total / requests


def sql_counts(portal, paths, requests, sign_in):
    signed_in = Client(portal.port)
    sign_in(signed_in)
    counts = {}
    for key, path in paths.items():
        # Anonymous like wrk: no cookie kept, a new visitor every time.
        get = (lambda p: Client(portal.port).get(p)) if key == "login" else signed_in.get
        # The first request of a page may load what later ones find cached; a page that does not
        # answer 200 has no count (its row says why).
        ok = get(path)[0] == 200
        counts[key] = statements_per_request(portal, get, path, requests) if ok else None
    return counts
