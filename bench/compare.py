#!/usr/bin/env python3
"""Whole-process comparison of retort with the database's own client and
with Alembic (issue 7). See bench/README.md for what each number means.

In one run it:
  1. installs what is missing (Debian: sqlite3, postgresql, python3-alembic,
     python3-psycopg2, time) when run as root;
  2. generates the projects with bench/generate.py (N linear, N branched,
     N_LARGE linear) and builds their compiled revision plugins;
  3. renders retort's offline scripts (`retort upgrade head --sql`), the
     floors that the database's own client (sqlite3, psql -f) applies;
  4. starts its own PostgreSQL server (scripts/lib/postgres.sh, port 55462,
     127.0.0.1 only) and stops it at the end;
  5. for each group of commands, runs every command once per round,
     alternating, for RUNS rounds, each on a fresh database, and reports the
     median wall time and the median CPU time (user+sys of the process,
     started directly from here) and the peak resident set size (GNU time's
     %M, from one more run of each command under /usr/bin/time, so that the
     wrapper's own start-up is not in the wall times), with ratios to the
     group's reference and the issue's targets.

Results go to OUT/results.md (a Markdown report with the machine) and
OUT/results.json. Example:

  bench/compare.py --retort build-bench/bin/retort            # the full run
  bench/compare.py --retort build-bench/bin/retort --n 50 --n-large 500 --runs 2   # a smoke test
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, where python3-alembic lives
PG_PORT = 55462


def say(*parts: object) -> None:
    print("compare:", *parts, file=sys.stderr, flush=True)


def sh(argv: list[str], input: str | None = None, **kw) -> str:
    """Runs an untimed helper command; fails loudly."""
    done = subprocess.run(argv, capture_output=True, text=True, input=input, **kw)
    if done.returncode != 0:
        raise SystemExit(f"compare: {' '.join(map(str, argv))} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


# ---- what the machine needs ------------------------------------------------

def ensure_packages(need_pg: bool, need_alembic: bool) -> None:
    wanted = {"sqlite3": "sqlite3", "/usr/bin/time": "time"}
    if need_pg:
        wanted["psql"] = "postgresql-client"
    missing = [pkg for tool, pkg in wanted.items() if not shutil.which(tool)]
    if need_pg and not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        missing.append("postgresql")
    if need_alembic:
        probe = subprocess.run([SYSTEM_PYTHON, "-c", "import alembic, sqlalchemy"], capture_output=True)
        if probe.returncode != 0:
            missing.append("python3-alembic")
        if need_pg and subprocess.run([SYSTEM_PYTHON, "-c", "import psycopg2"], capture_output=True).returncode:
            missing.append("python3-psycopg2")
    if not missing:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"compare: missing {' '.join(missing)}; install them (apt-get install) or run as root")
    say("installing", *missing)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.run(["apt-get", "install", "-y", "-q", *missing], env=env, stdout=subprocess.DEVNULL).returncode:
        sh(["apt-get", "update", "-q"], env=env)
        sh(["apt-get", "install", "-y", "-q", *missing], env=env)


# ---- measuring -------------------------------------------------------------

@dataclass
class Case:
    label: str
    argv: list[str]
    env: dict | None = None
    stdin: Path | None = None
    prepare: Callable[[], None] | None = None  # untimed, before every run
    check: Callable[[], None] | None = None    # untimed, after the first run
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    def median_ms(self) -> float:
        return statistics.median(self.walls) * 1000

    def summary(self) -> dict:
        return {"label": self.label, "argv": self.argv, "runs": len(self.walls),
                "median_ms": round(self.median_ms(), 2),
                "min_ms": round(min(self.walls) * 1000, 2), "max_ms": round(max(self.walls) * 1000, 2),
                "cpu_median_ms": round(statistics.median(self.cpus) * 1000, 2),
                "peak_rss_kb": max(self.rss)}


@dataclass
class Group:
    key: str
    title: str
    cases: list[Case]
    reference: str | None = None   # ratios are to this case's median
    # (case label prefix, limit, kind): kind "ratio" (to reference) or "ms"
    targets: list[tuple[str, float, str]] = field(default_factory=list)
    rss_limit_kb: int | None = None


# Peak RSS comes from GNU time. wait4()'s own ru_maxrss cannot be used from
# here: Linux carries the high-water mark across exec, so a child forked from
# this Python process starts at Python's ~18 MB. The wrapper is a second
# exec and costs ~3 ms of start-up (the `/usr/bin/time true` row), which is
# not the measured command's, so it runs in a separate, untimed pass.
GNU_TIME = "/usr/bin/time"


def run_once(case: Case, log: Path, timed: bool) -> None:
    if case.prepare:
        case.prepare()
    stdin = open(case.stdin, "rb") if case.stdin else subprocess.DEVNULL
    rss_file = log.with_suffix(".rss")
    with open(log, "wb") as err:
        env = dict(os.environ, **case.env) if case.env else None
        argv = case.argv if timed else [GNU_TIME, "-f", "%M", "-o", str(rss_file), *case.argv]
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if case.stdin:
        stdin.close()
    if proc.returncode != 0:
        raise SystemExit(f"compare: '{case.label}' exited {proc.returncode}: {' '.join(case.argv)}\n"
                         f"{log.read_text(errors='replace')[-3000:]}")
    if timed:
        case.walls.append(wall)
        case.cpus.append(usage.ru_utime + usage.ru_stime)
    else:
        case.rss.append(int(rss_file.read_text().split()[-1]))


def measure(group: Group, runs: int, work: Path) -> None:
    say(f"measuring: {group.title} ({runs} rounds of {len(group.cases)} commands)")
    log = work / "last-stderr.log"
    for case in group.cases:
        run_once(case, log, timed=False)
    for round_no in range(runs):
        for case in group.cases:
            run_once(case, log, timed=True)
            if round_no == 0 and case.check:
                case.check()
    for case in group.cases:
        say(f"  {case.label:<34} {case.median_ms():10.1f} ms  {max(case.rss) / 1024:6.1f} MB")


# ---- databases -------------------------------------------------------------

def sqlite_query(db: Path, sql: str) -> str:
    return sh(["sqlite3", str(db), sql]).strip()


def fresh_sqlite(db: Path) -> Callable[[], None]:
    def prepare() -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    return prepare


class Postgres:
    """Our own throwaway server (scripts/lib/postgres.sh), or one given by URL."""

    def __init__(self, folder: Path, url: str | None):
        self.folder, self.started = folder, False
        if url is None:
            say(f"starting PostgreSQL in {folder} on 127.0.0.1:{PG_PORT}")
            out = sh(["bash", "-c", f'source "{SOURCE}/scripts/lib/postgres.sh" && pg_start "{folder}" {PG_PORT} '
                                    '&& printf "%s" "$RETORT_TEST_POSTGRESQL_URL"'])
            url, self.started = out.strip(), True
        m = re.match(r"^(postgres(?:ql)?://[^/]*)/", url)
        if not m or "127.0.0.1" not in m.group(1) and "localhost" not in m.group(1):
            raise SystemExit("compare: the PostgreSQL URL must point at 127.0.0.1")
        self.server = m.group(1)
        self.admin = self.server + "/postgres"

    def url(self, db: str) -> str:
        return f"{self.server}/{db}"

    def query(self, db: str, sql: str) -> str:
        return sh(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", self.url(db), "-c", sql]).strip()

    def fresh(self, db: str) -> Callable[[], None]:
        def prepare() -> None:
            sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", self.admin,
                "-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)", "-c", f"CREATE DATABASE {db}"])
        return prepare

    def version(self) -> str:
        return self.query("postgres", "SHOW server_version")

    def stop(self) -> None:
        if self.started:
            say("stopping PostgreSQL")
            subprocess.run(["bash", "-c", f'source "{SOURCE}/scripts/lib/postgres.sh" && pg_stop "{self.folder}"'])


# ---- projects ----------------------------------------------------------------

@dataclass
class Project:
    root: Path
    n: int
    shape: str
    head: str

    def ini(self, provider: str) -> Path:
        return self.root / f"retort-{provider}.ini"


def generate(work: Path, n: int, shape: str, jobs: int) -> Project:
    root = work / f"{shape}-{n}"
    stamp = root / ".complete"
    if not stamp.exists():
        say(f"generating {shape} N={n} in {root} (and building its plugin)")
        start = time.perf_counter()
        sh([sys.executable, str(HERE / "generate.py"), "--n", str(n), "--shape", shape, "--out", str(root),
            "--build-cpp", "--source", str(SOURCE), "--jobs", str(jobs)])
        say(f"  generated and built in {time.perf_counter() - start:.0f} s")
        stamp.write_text("ok\n")
    lines = (root / "graph.txt").read_text().split("\n")
    named_as_parent = {p for line in lines for p in line.split()[1:]}
    heads = [line.split()[0] for line in lines if line and line.split()[0] not in named_as_parent]
    assert len(heads) == 1, heads
    return Project(root, n, shape, heads[0])


# ---- the comparison ------------------------------------------------------------

def retort_cmd(retort: Path, project: Project, provider: str, url: str, *command: str) -> list[str]:
    return [str(retort), "-c", str(project.ini(provider)), "--url", url, *command]


def alembic_cmd(project: Project, *command: str) -> list[str]:
    return [SYSTEM_PYTHON, "-m", "alembic", "-c", str(project.root / "alembic" / "alembic.ini"), *command]


def offline_script(retort: Path, project: Project, provider: str, url: str, out: Path) -> Path:
    if not out.exists():
        sh(retort_cmd(retort, project, provider, url, "upgrade", "head", "--sql", "--output", str(out)))
    return out


def upgrade_groups(args, retort: Path, project: Project, work: Path, pg: Postgres | None) -> list[Group]:
    groups = []
    n, label = project.n, f"{project.shape} N={project.n}"
    db = work / f"upgrade-{project.shape}-{n}.db"
    sqlite_url = f"sqlite:///{db}"
    alembic_env = {"ALEMBIC_URL": f"sqlite:///{db}"}

    def sqlite_check(version_table: str) -> Callable[[], None]:
        def check() -> None:
            tables = sqlite_query(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name LIKE 't!_%' ESCAPE '!'")
            indexes = sqlite_query(db, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name LIKE 'ix!_t!_%' ESCAPE '!'")
            version = sqlite_query(db, f"SELECT version_num FROM {version_table}")
            if (tables, indexes, version) != (str(n), str(n), project.head):
                raise SystemExit(f"compare: after a run {db} has {tables} tables, {indexes} indexes, version {version!r}")
        return check

    cases = []
    for provider in ("sqldir", "cpp"):
        script = offline_script(retort, project, provider, sqlite_url, work / f"{project.shape}-{n}-{provider}-sqlite.sql")
        cases.append(Case(f"retort upgrade head ({provider})", retort_cmd(retort, project, provider, sqlite_url, "upgrade", "head"),
                          prepare=fresh_sqlite(db), check=sqlite_check("retort_version")))
        cases.append(Case(f"floor: sqlite3 < script ({provider})", ["sqlite3", "-bail", str(db)], stdin=script,
                          prepare=fresh_sqlite(db), check=sqlite_check("retort_version")))
    if not args.skip_alembic and project.shape == "linear":
        cases.append(Case("alembic upgrade head", alembic_cmd(project, "upgrade", "head"), env=alembic_env,
                          prepare=fresh_sqlite(db), check=sqlite_check("alembic_version")))
    groups.append(Group(f"upgrade-sqlite-{project.shape}-{n}", f"upgrade head, SQLite, {label}", cases,
                        reference="floor: sqlite3 < script (sqldir)",
                        targets=[("retort upgrade head", 1.15, "ratio")]))

    if pg is not None:
        dbname = "bench"
        url = pg.url(dbname)

        def pg_check(version_table: str) -> Callable[[], None]:
            def check() -> None:
                tables = pg.query(dbname, "SELECT count(*) FROM pg_tables WHERE schemaname='public' AND tablename LIKE 't!_%' ESCAPE '!'")
                version = pg.query(dbname, f"SELECT version_num FROM {version_table}")
                if (tables, version) != (str(n), project.head):
                    raise SystemExit(f"compare: after a run PostgreSQL has {tables} tables, version {version!r}")
            return check

        cases = []
        for provider in ("sqldir", "cpp"):
            script = offline_script(retort, project, provider, url, work / f"{project.shape}-{n}-{provider}-postgresql.sql")
            cases.append(Case(f"retort upgrade head ({provider})", retort_cmd(retort, project, provider, url, "upgrade", "head"),
                              prepare=pg.fresh(dbname), check=pg_check("retort_version")))
            cases.append(Case(f"floor: psql -f script ({provider})",
                              ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(script), url],
                              prepare=pg.fresh(dbname), check=pg_check("retort_version")))
        if not args.skip_alembic and project.shape == "linear":
            cases.append(Case("alembic upgrade head", alembic_cmd(project, "upgrade", "head"),
                              env={"ALEMBIC_URL": url}, prepare=pg.fresh(dbname), check=pg_check("alembic_version")))
        groups.append(Group(f"upgrade-postgresql-{project.shape}-{n}", f"upgrade head, PostgreSQL, {label}", cases,
                            reference="floor: psql -f script (sqldir)",
                            targets=[("retort upgrade head", 1.15, "ratio")]))
    return groups


def large_graph_groups(args, retort: Path, project: Project, work: Path) -> list[Group]:
    """heads, current, history and upgrade --sql on a big graph, whole process."""
    n, label = project.n, f"{project.shape} N={project.n}"
    db = work / f"large-{project.shape}-{n}.db"
    url = f"sqlite:///{db}"
    if not (work / f"large-{project.shape}-{n}.done").exists():
        # A database at the head with N history rows, for current and history.
        say(f"upgrading a SQLite database to the head of {label} for current/history")
        fresh_sqlite(db)()
        start = time.perf_counter()
        sh(retort_cmd(retort, project, "sqldir", url, "upgrade", "head"))
        say(f"  done in {time.perf_counter() - start:.1f} s")
        (work / f"large-{project.shape}-{n}.done").write_text("ok\n")
    # The same version and history rows without the N tables: SQLite parses
    # a database's whole schema when a connection first reads it (20,000
    # CREATE statements here, ~150 ms of any client's time, sqlite3's too),
    # so the start-up targets are measured on this copy, and the full
    # database has a group of its own with sqlite3 as the floor.
    books_db = work / f"large-{project.shape}-{n}-books.db"
    if not books_db.exists():
        schema = sqlite_query(db, ".schema retort_version") + "\n" + sqlite_query(db, ".schema retort_history")
        fresh_sqlite(books_db)()
        sh(["sqlite3", str(books_db)], input=schema + f"""
ATTACH '{db}' AS full;
INSERT INTO retort_version SELECT * FROM full.retort_version;
INSERT INTO retort_history SELECT * FROM full.retort_history;
""")
    books_url = f"sqlite:///{books_db}"
    alembic_db = work / f"large-{project.shape}-{n}-alembic.db"
    alembic_env = {"ALEMBIC_URL": f"sqlite:///{alembic_db}"}
    with_alembic = not args.skip_alembic and project.shape == "linear"
    if with_alembic and not (work / f"large-{project.shape}-{n}-alembic.done").exists():
        say(f"stamping an Alembic database at the head of {label}")
        fresh_sqlite(alembic_db)()
        sh(alembic_cmd(project, "stamp", "head"), env=dict(os.environ, **alembic_env))
        (work / f"large-{project.shape}-{n}-alembic.done").write_text("ok\n")

    groups = []
    commands = [("heads", ["heads"], ["heads"]),
                ("current", ["current"], ["current"]),
                ("history", ["history"], ["history", "--indicate-current"]),
                ("upgrade head --sql", ["upgrade", "head", "--sql"], ["upgrade", "head", "--sql"])]
    for name, ours, theirs in commands:
        cases = [Case(f"retort {name} (cpp)", retort_cmd(retort, project, "cpp", books_url, *ours)),
                 Case(f"retort {name} (sqldir)", retort_cmd(retort, project, "sqldir", books_url, *ours))]
        if name == "heads":
            cases.append(Case(f"floor: read the {n} sqldir files (C, one thread)",
                              [str(read_files_program(work)), str(project.root / "sqldir")]))
        if with_alembic:
            cases.append(Case(f"alembic {name}", alembic_cmd(project, *theirs), env=alembic_env))
        if name == "upgrade head --sql":
            targets = [("retort", 100.0, "ms")]
        else:
            targets = [("retort " + name + " (cpp)", 20.0, "ms"), ("retort " + name + " (sqldir)", 50.0, "ms")]
        groups.append(Group(f"{name.replace(' --', '-').replace(' ', '-')}-{project.shape}-{n}", f"{name}, {label}", cases,
                            targets=targets, rss_limit_kb=20 * 1024 if n <= 10_000 else None))
    if project.shape == "linear":
        groups.append(Group(f"current-full-{project.shape}-{n}",
                            f"current and history on the upgraded database ({n} tables), {label}", [
            Case("retort current (cpp)", retort_cmd(retort, project, "cpp", url, "current")),
            Case("retort history (cpp)", retort_cmd(retort, project, "cpp", url, "history")),
            Case("floor: sqlite3 DB 'SELECT version_num ...'",
                 ["sqlite3", str(db), "SELECT version_num FROM retort_version"]),
        ], reference="floor: sqlite3 DB 'SELECT version_num ...'"))
    return groups


def read_files_program(work: Path) -> Path:
    """bench/read_files.c, built once: what reading the sqldir files costs alone."""
    source, program = HERE / "read_files.c", work / "read-files"
    if not program.exists() or program.stat().st_mtime < source.stat().st_mtime:
        sh(["cc", "-O2", "-o", str(program), str(source)])
    return program


def startup_group(retort: Path, project: Project) -> Group:
    """What the process costs before it does anything: the floor under every row."""
    return Group("startup", "process start-up (for scale)", [
        Case("true (the harness: fork, exec, wait)", ["true"]),
        Case("retort --version", [str(retort), "--version"]),
        Case("sqlite3 :memory: 'select 1'", ["sqlite3", ":memory:", "select 1"]),
        Case("python3 -c 'import alembic'", [SYSTEM_PYTHON, "-c", "import alembic.config"]),
    ])


# ---- the report ------------------------------------------------------------------

def verdict(group: Group, case: Case) -> str:
    ref = next((c for c in group.cases if c.label == group.reference), None)
    notes = []
    for prefix, limit, kind in group.targets:
        if not case.label.startswith(prefix):
            continue
        if kind == "ratio" and ref is not None:
            ok = case.median_ms() <= limit * ref.median_ms()
            notes.append(f"{'met' if ok else 'MISSED'} (≤ {limit:g}×)")
        elif kind == "ms":
            ok = case.median_ms() <= limit
            notes.append(f"{'met' if ok else 'MISSED'} (< {limit:g} ms)")
    if group.rss_limit_kb and case.label.startswith("retort"):
        ok = max(case.rss) <= group.rss_limit_kb
        notes.append(f"RSS {'met' if ok else 'MISSED'} (< {group.rss_limit_kb // 1024} MB)")
    return "; ".join(notes)


def group_table(group: Group) -> list[str]:
    ref = next((c for c in group.cases if c.label == group.reference), None)
    retort_best = min((c.median_ms() for c in group.cases if c.label.startswith("retort")), default=None)
    lines = [f"### {group.title}", "",
             "| command | median ms | min–max ms | CPU ms | peak RSS MB | ratio | target |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for c in group.cases:
        if ref is not None:
            ratio = f"{c.median_ms() / ref.median_ms():.2f}× floor"
        elif c.label.startswith("alembic") and retort_best:
            ratio = f"{c.median_ms() / retort_best:.0f}× retort"
        else:
            ratio = ""
        lines.append(f"| `{c.label}` | {c.median_ms():.1f} | {min(c.walls) * 1000:.1f}–{max(c.walls) * 1000:.1f} | "
                     f"{statistics.median(c.cpus) * 1000:.1f} | {max(c.rss) / 1024:.1f} | {ratio} | {verdict(group, c)} |")
    lines.append("")
    return lines


def machine(retort: Path, pg: Postgres | None) -> dict:
    def first_line(argv: list[str]) -> str:
        try:
            out = subprocess.run(argv, capture_output=True, text=True).stdout.strip()
            return out.splitlines()[0] if out else "?"
        except OSError:
            return "?"
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), "?")
    mem_kb = next(int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
    alembic_v = first_line([SYSTEM_PYTHON, "-c", "import alembic, sqlalchemy; print(alembic.__version__, sqlalchemy.__version__)"])
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(), "os": first_line(["sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"]),
        "retort": first_line([str(retort), "--version"]),
        "compiler": first_line(["c++", "--version"]),
        "sqlite3": first_line(["sqlite3", "--version"]).split(" ")[0],
        "postgresql": pg.version() if pg else "not run", "psql": first_line(["psql", "--version"]),
        "python": first_line([SYSTEM_PYTHON, "--version"]),
        "alembic_sqlalchemy": alembic_v,
        "loadavg_start": Path("/proc/loadavg").read_text().split()[:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--retort", type=Path, default=SOURCE / "build-bench" / "bin" / "retort")
    parser.add_argument("--work", type=Path, default=Path("/tmp/retort-bench"),
                        help="generated projects, databases and scripts (reused between runs)")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where results.md and results.json go")
    parser.add_argument("--n", type=int, default=1000, help="revisions for the upgrade comparisons")
    parser.add_argument("--n-large", type=int, default=10_000, help="revisions for heads/current/history/--sql")
    parser.add_argument("--runs", type=int, default=5, help="rounds (medians of this many runs)")
    parser.add_argument("--jobs", type=int, default=2, help="build jobs for the compiled plugins")
    parser.add_argument("--postgres-url", help="use this server (127.0.0.1) instead of starting one")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-alembic", action="store_true")
    parser.add_argument("--skip-branched", action="store_true")
    parser.add_argument("--only", help="comma-separated group key prefixes to measure (default: all)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    retort = args.retort.resolve()
    if not os.access(retort, os.X_OK):
        raise SystemExit(f"compare: no retort at {retort}; build it (bench/README.md)")
    ensure_packages(not args.skip_postgres, not args.skip_alembic)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    pg = None
    try:
        if not args.skip_postgres:
            pg = Postgres(Path("/tmp/bench-servers/pg"), args.postgres_url)
        info = machine(retort, pg)
        linear = generate(work, args.n, "linear", args.jobs)
        large = generate(work, args.n_large, "linear", args.jobs)
        groups = [startup_group(retort, linear)]
        groups += upgrade_groups(args, retort, linear, work, pg)
        if not args.skip_branched:
            branched = generate(work, args.n, "branched", args.jobs)
            groups += upgrade_groups(argparse.Namespace(**{**vars(args), "skip_alembic": True}), retort, branched, work, None)
        groups += large_graph_groups(args, retort, large, work)
        if not args.skip_branched:
            large_branched = generate(work, args.n_large, "branched", args.jobs)
            groups += [g for g in large_graph_groups(args, retort, large_branched, work)
                       if not g.key.startswith("upgrade")]
        if args.only:
            keys = args.only.split(",")
            groups = [g for g in groups if any(g.key.startswith(k) for k in keys)]
        for group in groups:
            measure(group, args.runs, work)
        info["loadavg_end"] = Path("/proc/loadavg").read_text().split()[:3]
    finally:
        if pg is not None:
            pg.stop()

    lines = ["# retort benchmark results", "",
             f"Run {info['date']}: {args.runs} rounds, commands alternated within each group, "
             "each on a fresh database; medians.", "",
             "| machine | |", "| --- | --- |"]
    lines += [f"| {k} | {' '.join(v) if isinstance(v, list) else v} |" for k, v in info.items()]
    lines += ["", "Command: `" + " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]) + "`", ""]
    for g in groups:
        lines += group_table(g)
    (args.out / "results.md").write_text("\n".join(lines))
    (args.out / "results.json").write_text(json.dumps(
        {"machine": info, "args": {k: str(v) for k, v in vars(args).items()},
         "groups": [{"key": g.key, "title": g.title, "reference": g.reference,
                     "cases": [c.summary() for c in g.cases]} for g in groups]}, indent=2))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
