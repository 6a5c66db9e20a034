"""A portal under test: its database, its process, and a browser-like client that signs in."""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse

from .build import LAYOUT_ARCHIVE, LAYOUT_JAR, own_management_port
from .tools import BENCH, fail, say

GENERATOR = os.path.join(BENCH, "Generate.java")


class H2:
    """An H2 file database of its own in the case's directory, with the demo profile named explicitly."""

    kind = "h2"
    title = "H2"
    driver_prefix = "h2-"

    def __init__(self, directory):
        self.directory = directory
        self.url = "jdbc:h2:file:" + os.path.join(directory, "db")

    def create(self):
        shutil.rmtree(self.directory, ignore_errors=True)
        os.makedirs(self.directory)

    def drop(self):
        for f in os.listdir(self.directory) if os.path.isdir(self.directory) else []:
            if f.startswith("db."):
                os.remove(os.path.join(self.directory, f))

    def app_args(self):
        return ["--spring.profiles.active=demo", "--spring.datasource.url=" + self.url]

    def app_env(self):
        return {}

    def jdbc(self):
        return [self.url, "sa", ""]


class Postgres:
    """A fresh database on the PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres)."""

    kind = "postgres"
    title = "PostgreSQL"
    driver_prefix = "postgresql-"

    def __init__(self, directory, name):
        self.directory = directory
        self.name = name
        self.host = os.environ.get("PGHOST", "127.0.0.1")
        self.port = os.environ.get("PGPORT", "5432")
        self.user = os.environ.get("PGUSER", "postgres")
        self.url = f"jdbc:postgresql://{self.host}:{self.port}/{name}"

    def client_args(self):
        return ["-h", self.host, "-p", self.port, "-U", self.user]

    def create(self):
        shutil.rmtree(self.directory, ignore_errors=True)
        os.makedirs(self.directory)
        self.drop()
        subprocess.run(["createdb", *self.client_args(), self.name], check=True)

    def drop(self):
        subprocess.run(["dropdb", *self.client_args(), "--if-exists", self.name], check=False,
                       stderr=subprocess.DEVNULL)

    def autovacuum(self):
        """The server's autovacuum setting (SHOW autovacuum): "on", "off", or None when psql cannot tell. Off,
        the server never analyzes a table again after the generator's ANALYZE, however many rows a run adds."""
        result = subprocess.run(["psql", "-X", *self.client_args(), "-d", "postgres", "-Atc", "show autovacuum"],
                                capture_output=True, text=True)
        answer = result.stdout.strip()
        return answer if result.returncode == 0 and answer in ("on", "off") else None

    def analyze(self):
        """ANALYZE the whole database: what autovacuum's analyze does on its own once a table has changed by a
        tenth (it does not vacuum)."""
        result = subprocess.run(["psql", "-X", *self.client_args(), "-d", self.name, "-qc", "ANALYZE"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            fail(f"ANALYZE of database {self.name} failed:\n{result.stderr.strip()}")

    def app_args(self):
        return ["--spring.profiles.active=postgres,demo"]

    def app_env(self):
        # The variables application-postgres.yaml reads (the same at 7e3cb6d).
        return {"BILLING_DB_URL": self.url, "BILLING_DB_USER": self.user, "BILLING_DB_PASSWORD": ""}

    def jdbc(self):
        return [self.url, self.user, ""]


def generate(driver_jar, db, invoices, due_file, log):
    """bench/Generate.java with the portal's own JDBC driver; returns its summary line."""
    args = ["java", "-cp", driver_jar, GENERATOR, *db.jdbc()]
    args += [str(invoices), due_file] if invoices != "check" else ["check"]
    with open(log, "a") as out:
        result = subprocess.run(args, stdout=subprocess.PIPE, stderr=out, text=True)
        out.write(result.stdout)
    if result.returncode != 0:
        fail(f"The generator failed ({' '.join(args)}); see {log}")
    return result.stdout.strip().splitlines()[-1]


def counts(driver_jar, db, log):
    """succeeded=N duplicates=M, read by the generator's check mode."""
    line = generate(driver_jar, db, "check", None, log)
    return {k: int(v) for k, v in (part.split("=") for part in line.split())}


class Portal:
    """One java process: started, timed until GET /login answers 200, measured, stopped.

    A build with a production layout (pom.xml's production profile: the jar extracted with its class data
    sharing archive) is started the way docs/operations.md starts it, from inside that directory with
    -XX:SharedArchiveFile; a build without one, and any build with plain=True, as java -jar."""

    def __init__(self, label, jar, layout, port, db, jvm_opts, log):
        self.label, self.jar, self.layout, self.port, self.db, self.jvm_opts, self.log = \
            label, jar, layout, port, db, jvm_opts, log
        self.process = None
        self.startup_cpu_s = None
        self.management = [f"--management.server.port={port + 1000}"] if own_management_port(jar) else []

    def start(self, extra=(), plain=False):
        """Seconds from launch until GET /login answers 200; the process's CPU seconds until then in
        startup_cpu_s (both cores' work, less sensitive to a busy machine than the wall-clock time)."""
        if port_in_use(self.port):
            fail(f"Port {self.port} is in use: stop what listens there or choose --port.")
        if self.layout and not plain:
            launch, cwd = ["-XX:SharedArchiveFile=" + LAYOUT_ARCHIVE, "-jar", LAYOUT_JAR], self.layout
        else:
            launch, cwd = ["-jar", self.jar], self.db.directory
        args = ["java", *self.jvm_opts, *launch, f"--server.port={self.port}", *self.management,
                *self.db.app_args(), *extra]
        env = dict(os.environ, **self.db.app_env())
        out = open(self.log, "a")
        out.write(f"\n$ (cd {cwd}; " + " ".join(args) + ")\n")
        out.flush()
        began = time.monotonic()
        self.process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env,
                                        cwd=cwd, start_new_session=True)
        out.close()
        while time.monotonic() - began < 600:
            if self.process.poll() is not None:
                fail(f"{self.label} exited while starting (code {self.process.returncode}); see {self.log}:\n"
                     + tail(self.log))
            try:
                if Client(self.port).get("/login")[0] == 200:
                    elapsed = time.monotonic() - began
                    ticks = self._cpu_ticks()
                    self.startup_cpu_s = None if ticks is None else ticks / os.sysconf("SC_CLK_TCK")
                    return elapsed
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        fail(f"{self.label} did not answer GET /login within 10 minutes; see {self.log}")

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return None

    def wait_idle(self, limit=20.0):
        """Until the process uses less than a tenth of a core: requests wrk left unanswered at the end
        of its run are still being served, and would slow down the next run, of the other jar."""
        began = time.monotonic()
        tick = os.sysconf("SC_CLK_TCK")
        while time.monotonic() - began < limit:
            before = self._cpu_ticks()
            time.sleep(0.25)
            if before is None or (self._cpu_ticks() - before) / tick / 0.25 < 0.1:
                return
        say(f"{self.label} still busy {limit:.0f} s after the run")

    def _cpu_ticks(self):
        try:
            with open(f"/proc/{self.process.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, AttributeError, IndexError, ValueError):
            return None

    def compiler_ticks(self):
        """CPU clock ticks of each JIT compiler thread so far, by thread id (HotSpot names them
        "C1 CompilerThread0"…, cut to 15 characters by Linux), or None where /proc does not tell or no
        such thread is found (another JVM, -Xint)."""
        ticks = {}
        try:
            tasks = os.listdir(f"/proc/{self.process.pid}/task")
        except (OSError, AttributeError):
            return None
        for task in tasks:
            try:
                with open(f"/proc/{self.process.pid}/task/{task}/comm") as f:
                    if not f.read().startswith(("C1 CompilerThre", "C2 CompilerThre")):
                        continue
                with open(f"/proc/{self.process.pid}/task/{task}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                ticks[task] = int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                continue  # a compiler thread that ended meanwhile
        return ticks or None

    @staticmethod
    def compiler_cpu_s(before, after):
        """CPU seconds the compiler threads used between two compiler_ticks() readings: the threads of
        both, and those started in between (HotSpot starts and ends extra compiler threads as its
        queue grows and empties); None if either reading is unknown."""
        if before is None or after is None:
            return None
        used = sum(t - before.get(task, 0) for task, t in after.items())
        return max(used, 0) / os.sysconf("SC_CLK_TCK")

    def log_size(self):
        return os.path.getsize(self.log)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            say(f"{self.label} did not stop within 60 s: killed")
            self.process.kill()
            self.process.wait()
        self.process = None


def port_in_use(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def tail(path, lines=30):
    with open(path, errors="replace") as f:
        return "".join(f.readlines()[-lines:])


class Client:
    """Plain HTTP/1.1 to 127.0.0.1 with a cookie jar and no redirects followed, in English."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";")[0].partition("=")
            if "max-age=0" in cookie.lower().replace(" ", ""):
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()
        return response.status, response.headers, data

    def get(self, path):
        return self.request("GET", path)

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())
