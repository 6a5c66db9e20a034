"""The jars to measure: the candidate built from the working tree, the base from a jar or a commit."""

import glob
import os
import shutil
import subprocess
import tempfile
import zipfile

from .tools import ROOT, WORK, fail, say

# What pom.xml's production profile makes in target/portal, and how docs/operations.md starts it.
LAYOUT_JAR = "billing-portal.jar"
LAYOUT_ARCHIVE = "billing-portal.jsa"


def build_candidate(run_dir):
    """./mvnw -q -DskipTests -Pproduction package in the working tree; copies of the jar and of the
    production layout, so that a rebuild cannot move them."""
    say("Building the candidate (A) from the working tree: ./mvnw -q -DskipTests -Pproduction package")
    jar, layout = _package(ROOT)
    copy = os.path.join(run_dir, "A.jar")
    shutil.copyfile(jar, copy)
    return copy, describe_tree(), _copy_layout(layout, os.path.join(run_dir, "A-portal"))


def describe_tree():
    head = _git("rev-parse", "--short", "HEAD")
    subject = _short(_git("log", "-1", "--format=%s"))
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return f"{head}{' + uncommitted changes' if dirty else ''} ({subject})"


def base_jar(base):
    """BASE as a jar file, or a commit built once in a temporary git worktree (kept under bench/work/jars)."""
    if os.path.isfile(base):
        return os.path.abspath(base), f"{os.path.basename(base)} (jar)", None
    try:
        sha = _git("rev-parse", "--verify", "--quiet", base + "^{commit}")
    except subprocess.CalledProcessError:
        fail(f"BASE '{base}' is neither a jar file nor a commit of this repository.")
    described = f"{sha[:7]} ({_short(_git('log', '-1', '--format=%s', sha))})"
    cached = os.path.join(WORK, "jars", sha + ".jar")
    cached_layout = os.path.join(WORK, "jars", sha + "-portal")
    # A commit cached by a bench from before the production layout has its jar only: delete
    # bench/work/jars to build it again with its layout.
    if os.path.isfile(cached):
        say(f"Base (B): {described}, built before: {os.path.relpath(cached, ROOT)}")
        return cached, described, cached_layout if os.path.isdir(cached_layout) else None
    tree = tempfile.mkdtemp(prefix="bench-base-")
    say(f"Building the base (B) {described} in a temporary git worktree {tree}")
    try:
        subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", "--quiet", tree, sha], check=True)
        jar, layout = _package(tree)
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        layout = _copy_layout(layout, cached_layout)
        shutil.copyfile(jar, cached + ".part")
        os.replace(cached + ".part", cached)
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", tree], check=False)
        shutil.rmtree(tree, ignore_errors=True)
    return cached, described, layout


def own_management_port(jar):
    """Whether the build's application.yaml gives the actuator a port of its own (management.server.port,
    8081 at the current code): the bench then moves it next to the portal's, so that two portals side
    by side, or another 8081 on the machine, do not collide. A build without one keeps its actuator on
    the application's port, as it was."""
    with zipfile.ZipFile(jar) as z:
        try:
            lines = z.read("BOOT-INF/classes/application.yaml").decode().splitlines()
        except KeyError:
            return False
    section = None
    for i, line in enumerate(lines):
        if line and not line[0].isspace() and not line.startswith("#"):
            section = line.split(":")[0]
        elif section == "management" and line.rstrip() == "  server:":
            return any(l.startswith("    port:") for l in lines[i + 1:i + 4])
    return False


def driver(jar, prefix, into):
    """The JDBC driver (h2-*.jar, postgresql-*.jar) the portal jar itself ships in BOOT-INF/lib."""
    with zipfile.ZipFile(jar) as z:
        names = [n for n in z.namelist()
                 if n.startswith("BOOT-INF/lib/" + prefix) and n.endswith(".jar")
                 and n[len("BOOT-INF/lib/" + prefix):][:1].isdigit()]
        if not names:
            fail(f"{jar} has no BOOT-INF/lib/{prefix}*.jar")
        os.makedirs(into, exist_ok=True)
        target = os.path.join(into, os.path.basename(names[0]))
        if not os.path.isfile(target):
            with z.open(names[0]) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
        return target


def _package(tree):
    """The application jar, and the production layout (target/portal: the jar extracted with its class data
    sharing archive) where the commit's build makes one; a commit from before it has no such profile, and
    Maven only warns about it."""
    result = subprocess.run(["./mvnw", "-q", "-DskipTests", "-Pproduction", "package"], cwd=tree,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        fail(f"The build in {tree} failed:\n{result.stdout[-4000:]}")
    jars = [j for j in glob.glob(os.path.join(tree, "target", "*.jar"))
            if not j.endswith(("-plain.jar", "-sources.jar", "-javadoc.jar"))]
    if len(jars) != 1:
        fail(f"Expected one application jar in {tree}/target, found: {jars}")
    layout = os.path.join(tree, "target", "portal")
    return jars[0], layout if os.path.isfile(os.path.join(layout, LAYOUT_ARCHIVE)) else None



def _copy_layout(layout, into):
    """A copy of the production layout with the files' times kept: the archive names its jars relative to
    the directory and is used only while they are the same size and age."""
    if layout is None:
        return None
    shutil.rmtree(into, ignore_errors=True)
    shutil.copytree(layout, into, copy_function=shutil.copy2)
    return into


def _short(subject, n=72):
    return subject if len(subject) <= n else subject[: n - 1] + "…"


def _git(*args):
    return subprocess.run(["git", "-C", ROOT, *args], check=True, capture_output=True, text=True).stdout.strip()
