"""Paths, messages and the programs the benchmark needs (it installs none of them)."""

import os
import shutil
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
RESULTS = os.path.join(BENCH, "results")

_started = time.monotonic()


class BenchError(Exception):
    pass


def say(message):
    elapsed = int(time.monotonic() - _started)
    print(f"[{elapsed // 60:3d}:{elapsed % 60:02d}] {message}", flush=True)


def fail(message):
    raise BenchError(message)


HOW_TO_GET = {
    "wrk": "the HTTP load generator: on Debian or Ubuntu `apt-get install wrk`, "
           "on macOS `brew install wrk`",
    "java": "a Java 17 (or later) JDK, e.g. Debian's `openjdk-17-jdk-headless`",
    "git": "git, to describe the working tree and build BASE from a commit",
    "psql": "the PostgreSQL client programs (Debian package `postgresql-client`)",
    "createdb": "the PostgreSQL client programs (Debian package `postgresql-client`)",
    "dropdb": "the PostgreSQL client programs (Debian package `postgresql-client`)",
}


def check_programs(postgres, needs_git):
    """Says what is missing and how to get it, all at once."""
    wanted = ["wrk", "java"] + (["git"] if needs_git else []) + (["psql", "createdb", "dropdb"] if postgres else [])
    missing = [p for p in wanted if shutil.which(p) is None]
    if missing:
        by_hint = {}
        for p in missing:
            by_hint.setdefault(HOW_TO_GET[p], []).append(p)
        lines = [f"  - {', '.join(programs)}: {hint}" for hint, programs in by_hint.items()]
        fail("These programs are missing (not on the PATH):\n" + "\n".join(lines)
             + "\nIt installs nothing itself.")
    version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    if not any(f'version "{v}' in version for v in range(17, 40)):
        fail(f"bench/run needs Java 17 or later; `java -version` says:\n{version}")


def check_postgres(pg):
    result = subprocess.run(["psql", *pg.client_args(), "-d", "postgres", "-Atc", "select 1"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"Cannot reach PostgreSQL at {pg.host}:{pg.port} as {pg.user} (trust authentication expected; "
             f"set PGHOST, PGPORT, PGUSER to use another server):\n{result.stderr.strip()}")


def machine():
    """What the numbers were measured on."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average %.1f at the start" % os.getloadavg()[0]
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return f"{os.cpu_count()} × {model}{memory}{load}; {java[0] if java else 'java'}; {platform()}"


def platform():
    return f"{os.uname().sysname} {os.uname().release}" if hasattr(os, "uname") else sys.platform
