#!/usr/bin/env python3
"""Whole-process comparison of retort with the database's own client and
with Alembic (issues 7 and 16). See bench/README.md for what each number
means.

In one run it:
  1. installs what is missing (Debian: sqlite3, postgresql, mariadb-server,
     python3-alembic, python3-psycopg2, time) when run as root;
  2. generates the projects with bench/generate.py (N linear, N branched,
     N_LARGE linear) and builds their compiled revision plugins;
  3. renders retort's offline scripts (`retort upgrade head --sql`), the
     floors that the database's own client (sqlite3, psql -f, mariadb <)
     applies, once per transaction shape: every floor has the transaction
     shape of the retort run it is compared with (TRANSACTION SHAPES below);
  4. starts its own PostgreSQL (scripts/lib/postgres.sh, port 55462) and
     MariaDB (scripts/lib/mariadb.sh, port 33362) servers, 127.0.0.1 only,
     and stops them at the end;
  5. for each group of commands, runs every command once per round, in turn
     (retort, its floor, retort, its floor, ...), for RUNS rounds, each on a
     fresh database, and reports the median and min-max wall time, the
     median CPU time (user+sys of the process, started directly from here)
     and the peak resident set size (GNU time's %M, from one more run of
     each command under /usr/bin/time, so that the wrapper's own start-up is
     not in the wall times), with ratios to each row's floor, the issue's
     targets, and the load average before and after the group.

TRANSACTION SHAPES. `upgrade head` is measured twice on every engine:
  tpm-true   retort with transaction_per_migration = true (the default);
  tpm-false  retort with transaction_per_migration = false (one transaction
             around the whole run);
each against the offline script rendered with the same setting. Online
retort on SQLite always runs inside the migration lock, which IS one
transaction (BEGIN IMMEDIATE ... COMMIT, plugins/dialects/sqlite/README.md):
with tpm-true each revision is a SAVEPOINT inside it, not a commit. Its
floor is therefore the tpm-true script with each revision's BEGIN/COMMIT
turned into SAVEPOINT/RELEASE and the whole wrapped in BEGIN IMMEDIATE ...
COMMIT (one fsync), not the script as rendered (a commit, and an fsync, per
revision). On PostgreSQL both shapes are what the scripts say. On MariaDB,
whose DDL commits by itself, every revision runs as a `pending` step
(history row first, progress per statement, version moved last) whatever
the setting, so both scripts hold the same statements.

Results go to OUT/results.md (a Markdown report with the machine) and
OUT/results.json. Example:

  bench/compare.py --retort build-bench/bin/retort            # the full run
  bench/compare.py --retort build-bench/bin/retort --n 50 --n-large 500 --runs 2 --work /tmp/retort-bench-smoke
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
MARIADB_PORT = 33362

sys.path.insert(0, str(HERE))
from generate import write_configs  # noqa: E402  (the retort-*.ini files of a project)


def say(*parts: object) -> None:
    print("compare:", *parts, file=sys.stderr, flush=True)


def sh(argv: list[str], input: str | None = None, **kw) -> str:
    """Runs an untimed helper command; fails loudly."""
    done = subprocess.run(argv, capture_output=True, text=True, input=input, **kw)
    if done.returncode != 0:
        raise SystemExit(f"compare: {' '.join(map(str, argv))} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


# ---- what the machine needs ------------------------------------------------

def ensure_packages(need_pg: bool, need_mariadb: bool, need_alembic: bool) -> None:
    wanted = {"sqlite3": "sqlite3", "/usr/bin/time": "time"}
    if need_pg:
        wanted["psql"] = "postgresql-client"
    if need_mariadb:
        wanted["mariadb"] = "mariadb-client"
        wanted["/usr/sbin/mariadbd"] = "mariadb-server"
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
    floor: str | None = None                   # label of the case its ratio is to (else the group's)
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
class Target:
    """A limit on the rows whose label starts with `prefix`: kind "ratio" (to
    the row's floor) or "ms". An ms limit may be computed from other rows'
    medians when the report is written: `limit` then returns (ms, how it was
    computed), or None when a row it needs was not measured."""
    prefix: str
    kind: str
    limit: float | Callable[[], tuple[float, str] | None]

    def value(self) -> tuple[float, str] | None:
        if callable(self.limit):
            return self.limit()
        return self.limit, f"{self.limit:g}"


@dataclass
class Group:
    key: str
    title: str
    cases: list[Case]
    reference: str | None = None   # ratios are to this case's median unless a case names its floor
    targets: list[Target] = field(default_factory=list)
    rss_limit_kb: int | None = None
    note: str = ""                 # a line under the title: what the floor is
    load_before: list[str] = field(default_factory=list)
    load_after: list[str] = field(default_factory=list)

    def case(self, label: str) -> Case | None:
        return next((c for c in self.cases if c.label == label), None)

    def floor_of(self, case: Case) -> Case | None:
        label = case.floor or self.reference
        return self.case(label) if label else None


def loadavg() -> list[str]:
    return Path("/proc/loadavg").read_text().split()[:3]


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
    group.load_before = loadavg()
    say(f"measuring: {group.title} ({runs} rounds of {len(group.cases)} commands; load {' '.join(group.load_before)})")
    log = work / "last-stderr.log"
    for case in group.cases:
        run_once(case, log, timed=False)
    for round_no in range(runs):
        for case in group.cases:
            run_once(case, log, timed=True)
            if round_no == 0 and case.check:
                case.check()
    group.load_after = loadavg()
    for case in group.cases:
        say(f"  {case.label:<34} {case.median_ms():10.1f} ms  {max(case.rss) / 1024:6.1f} MB")
    say(f"  load after: {' '.join(group.load_after)}")


# ---- databases -------------------------------------------------------------

def sqlite_query(db: Path, sql: str) -> str:
    return sh(["sqlite3", str(db), sql]).strip()


def fresh_sqlite(db: Path) -> Callable[[], None]:
    def prepare() -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    return prepare


def local_server(url: str, scheme: str) -> re.Match:
    """scheme://[user[:password]@]127.0.0.1[:port]/..., or the run stops: no
    server but this machine's is ever touched."""
    m = re.match(rf"^{scheme}://(?:([^:@/]*)(?::([^@/]*))?@)?(127\.0\.0\.1|localhost)(?::(\d+))?/", url)
    if not m:
        raise SystemExit(f"compare: the {scheme} URL must point at 127.0.0.1: {url}")
    return m


class Postgres:
    """Our own throwaway server (scripts/lib/postgres.sh), or one given by URL."""

    def __init__(self, folder: Path, url: str | None):
        self.folder, self.started = folder, False
        if url is None:
            say(f"starting PostgreSQL in {folder} on 127.0.0.1:{PG_PORT}")
            out = sh(["bash", "-c", f'source "{SOURCE}/scripts/lib/postgres.sh" && pg_start "{folder}" {PG_PORT} '
                                    '&& printf "%s" "$RETORT_TEST_POSTGRESQL_URL"'])
            url, self.started = out.strip(), True
        local_server(url, "postgres(?:ql)?")
        self.server = re.match(r"^(postgres(?:ql)?://[^/]*)/", url).group(1)
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


class MariaDB:
    """Our own throwaway server (scripts/lib/mariadb.sh), or one given by URL.
    The client gets the password from $MYSQL_PWD, never on its command line."""

    def __init__(self, folder: Path, url: str | None):
        self.folder, self.started = folder, False
        if url is None:
            say(f"starting MariaDB in {folder} on 127.0.0.1:{MARIADB_PORT}")
            out = sh(["bash", "-c", f'source "{SOURCE}/scripts/lib/mariadb.sh" && mariadb_start "{folder}" '
                                    f'{MARIADB_PORT} && printf "%s" "$RETORT_TEST_MARIADB_URL"'])
            url, self.started = out.strip(), True
        m = local_server(url, "(?:mariadb|mysql)")
        self.user, self.password = m.group(1) or "root", m.group(2) or ""
        self.host, self.port = "127.0.0.1", m.group(4) or "3306"
        self.env = {"MYSQL_PWD": self.password}

    def url(self, db: str) -> str:
        return f"mariadb://{self.user}:{self.password}@{self.host}:{self.port}/{db}"

    def client(self, db: str | None = None) -> list[str]:
        return ["mariadb", "--no-defaults", "--protocol=tcp", "-h", self.host, "-P", self.port, "-u", self.user,
                *([db] if db else [])]

    def query(self, db: str | None, sql: str) -> str:
        return sh([*self.client(db), "--batch", "--skip-column-names", "-e", sql],
                  env=dict(os.environ, **self.env)).strip()

    def fresh(self, db: str) -> Callable[[], None]:
        def prepare() -> None:
            self.query(None, f"DROP DATABASE IF EXISTS {db}; CREATE DATABASE {db} CHARACTER SET utf8mb4")
        return prepare

    def version(self) -> str:
        return self.query(None, "SELECT VERSION()")

    def stop(self) -> None:
        if self.started:
            say("stopping MariaDB")
            subprocess.run(["bash", "-c", f'source "{SOURCE}/scripts/lib/mariadb.sh" && mariadb_stop "{self.folder}"'])


# ---- projects ----------------------------------------------------------------

@dataclass
class Project:
    root: Path
    n: int
    shape: str
    head: str

    def ini(self, provider: str, per_migration: bool = True) -> Path:
        """The configuration with transaction_per_migration = per_migration."""
        return self.root / f"retort-{provider}{'' if per_migration else '-tpm-false'}.ini"


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
    write_configs(root)  # a folder from an older generate.py lacks the -tpm-false files
    lines = (root / "graph.txt").read_text().split("\n")
    named_as_parent = {p for line in lines for p in line.split()[1:]}
    heads = [line.split()[0] for line in lines if line and line.split()[0] not in named_as_parent]
    assert len(heads) == 1, heads
    return Project(root, n, shape, heads[0])


# ---- the comparison ------------------------------------------------------------

def retort_cmd(retort: Path, project: Project, provider: str, url: str, *command: str,
               per_migration: bool = True) -> list[str]:
    return [str(retort), "-c", str(project.ini(provider, per_migration)), "--url", url, *command]


def alembic_cmd(project: Project, *command: str) -> list[str]:
    return [SYSTEM_PYTHON, "-m", "alembic", "-c", str(project.root / "alembic" / "alembic.ini"), *command]


def offline_script(retort: Path, project: Project, provider: str, url: str, out: Path, per_migration: bool) -> Path:
    """Rendered afresh every run: the floor must be this retort's own script."""
    sh(retort_cmd(retort, project, provider, url, "upgrade", "head", "--sql", "--output", str(out),
                  per_migration=per_migration))
    return out


def savepoint_script(script: Path, out: Path, revisions: int) -> Path:
    """The tpm-true SQLite script in the shape online retort runs it: one
    transaction (the lock's BEGIN IMMEDIATE), each revision's BEGIN/COMMIT a
    SAVEPOINT/RELEASE inside it, one COMMIT at the end
    (plugins/dialects/sqlite/src/sqlite/transactions.cpp)."""
    lines = script.read_text().split("\n")
    begins, commits = lines.count("BEGIN;"), lines.count("COMMIT;")
    if begins != commits or begins < revisions:
        raise SystemExit(f"compare: {script} has {begins} BEGIN; and {commits} COMMIT; lines for {revisions} "
                         "revisions; the savepoint floor expects one pair per revision")
    body = ["SAVEPOINT retort_step;" if line == "BEGIN;" else "RELEASE retort_step;" if line == "COMMIT;" else line
            for line in lines]
    out.write_text("BEGIN IMMEDIATE;\n\n" + "\n".join(body) + "\nCOMMIT;\n")
    return out


# The two transaction shapes every `upgrade head` comparison is measured in
# (the module's docstring says what each is on each engine).
SHAPES = (("tpm-true", True), ("tpm-false", False))


@dataclass
class Engine:
    """What an upgrade group needs of one engine: where the database is, how
    to make it fresh, how to apply a script with the engine's own client,
    and how to check what a run left."""
    key: str                                    # sqlite, postgresql, mariadb
    name: str                                   # SQLite, PostgreSQL, MariaDB
    url: str
    fresh: Callable[[], None]
    floor_label: str                            # "sqlite3 < script"
    floor_argv: Callable[[Path], tuple[list[str], Path | None]]
    floor_env: dict | None
    count_tables: Callable[[], str]
    version_of: Callable[[str], str]            # version table -> its version_num
    limit: float                                # the ratio target
    alembic_url: str | None                     # None: no Alembic row on this engine
    notes: dict[str, str]                       # shape key -> what retort and the floor do


def sqlite_engine(work: Path, project: Project) -> Engine:
    db = work / f"upgrade-{project.shape}-{project.n}.db"
    return Engine(
        "sqlite", "SQLite", f"sqlite:///{db}", fresh_sqlite(db), "sqlite3 < script",
        lambda script: (["sqlite3", "-bail", str(db)], script), None,
        lambda: sqlite_query(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name LIKE 't!_%' ESCAPE '!'")
        + "/" + sqlite_query(db, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name LIKE 'ix!_t!_%' ESCAPE '!'"),
        lambda table: sqlite_query(db, f"SELECT version_num FROM {table}"),
        1.05, f"sqlite:///{db}",
        {"tpm-true": "retort runs inside the migration lock, which on SQLite is one transaction (BEGIN IMMEDIATE "
                     "... COMMIT, one fsync), with a SAVEPOINT per revision; the floor is the tpm-true script with "
                     "each revision's BEGIN/COMMIT turned into SAVEPOINT/RELEASE inside BEGIN IMMEDIATE ... "
                     "COMMIT: the same shape.",
         "tpm-false": "retort: one transaction (the lock) holding one savepoint for the run; the floor: the "
                      "tpm-false script, one BEGIN ... COMMIT around all the revisions: one transaction, one "
                      "fsync."})


def postgres_engine(pg: Postgres) -> Engine:
    db = "bench"
    return Engine(
        "postgresql", "PostgreSQL", pg.url(db), pg.fresh(db), "psql -f script",
        lambda script: (["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(script), pg.url(db)], None), None,
        lambda: pg.query(db, "SELECT count(*) FROM pg_tables WHERE schemaname='public' AND tablename LIKE 't!_%' ESCAPE '!'"),
        lambda table: pg.query(db, f"SELECT version_num FROM {table}"),
        1.05, pg.url(db),
        {"tpm-true": "retort and the floor: a transaction per revision (BEGIN ... COMMIT each).",
         "tpm-false": "retort and the floor: one transaction around the whole run."})


def mariadb_engine(mdb: MariaDB) -> Engine:
    db = "bench"
    note = ("MariaDB's DDL commits by itself, so retort runs every revision as a pending step (history row, "
            "then each statement with its progress, then the version move, each part committed) whatever "
            "transaction_per_migration says; the floor script holds the same statements and commits.")
    return Engine(
        "mariadb", "MariaDB", mdb.url(db), mdb.fresh(db), "mariadb < script",
        lambda script: (mdb.client(db), script), mdb.env,
        lambda: mdb.query(db, f"SELECT count(*) FROM information_schema.tables WHERE table_schema='{db}' "
                              "AND table_name LIKE 't\\\\_%'"),
        lambda table: mdb.query(db, f"SELECT version_num FROM {table}"),
        1.10, None,  # Debian's Alembic has no MySQL driver beside it
        {"tpm-true": note, "tpm-false": note})


def upgrade_groups(args, retort: Path, project: Project, work: Path, engines: list[Engine]) -> list[Group]:
    """`upgrade head` against the engine's own client applying retort's
    offline script, in both transaction shapes, on every engine."""
    groups = []
    n, label = project.n, f"{project.shape} N={project.n}"
    for engine in engines:
        def check(version_table: str, engine: Engine = engine) -> Callable[[], None]:
            def run() -> None:
                tables, version = engine.count_tables(), engine.version_of(version_table)
                expected = f"{n}/{n}" if engine.key == "sqlite" else str(n)
                if (tables, version) != (expected, project.head):
                    raise SystemExit(f"compare: after a run {engine.name} has {tables} tables, version {version!r}")
            return run

        scripts: dict[str, list[Path]] = {}
        for shape, per_migration in SHAPES:
            cases = []
            for provider in ("sqldir", "cpp"):
                stem = work / f"{project.shape}-{n}-{provider}-{engine.key}-{shape}"
                script = offline_script(retort, project, provider, engine.url, stem.with_suffix(".sql"), per_migration)
                scripts.setdefault(shape, []).append(script)
                floor_name = f"floor: {engine.floor_label} ({provider})"
                if engine.key == "sqlite" and per_migration:
                    script = savepoint_script(script, stem.with_suffix(".savepoints.sql"), n)
                    floor_name = f"floor: sqlite3 < savepoint script ({provider})"
                floor_argv, floor_stdin = engine.floor_argv(script)
                cases.append(Case(f"retort upgrade head ({provider})",
                                  retort_cmd(retort, project, provider, engine.url, "upgrade", "head",
                                             per_migration=per_migration),
                                  prepare=engine.fresh, check=check("retort_version"), floor=floor_name))
                cases.append(Case(floor_name, floor_argv, stdin=floor_stdin, env=engine.floor_env,
                                  prepare=engine.fresh, check=check("retort_version")))
            if (not args.skip_alembic and project.shape == "linear" and not per_migration
                    and engine.alembic_url is not None):
                # Alembic's default env.py runs the whole upgrade in one begin_transaction().
                cases.append(Case("alembic upgrade head", alembic_cmd(project, "upgrade", "head"),
                                  env={"ALEMBIC_URL": engine.alembic_url}, prepare=engine.fresh,
                                  check=check("alembic_version")))
            note = engine.notes[shape]
            if engine.key == "mariadb" and shape == "tpm-false":
                same = all(a.read_text() == b.read_text() for a, b in zip(scripts["tpm-true"], scripts["tpm-false"]))
                note += (" The tpm-true and tpm-false scripts are identical." if same
                         else " The tpm-true and tpm-false scripts differ.")
            groups.append(Group(f"upgrade-{engine.key}-{shape}-{project.shape}-{n}",
                                f"upgrade head, {engine.name}, {label}, transaction_per_migration = "
                                f"{'true' if per_migration else 'false'}", cases,
                                reference=cases[1].label,
                                targets=[Target("retort upgrade head", "ratio", engine.limit)], note=note))
    return groups


def median_of(group: Group | None, label: str) -> float | None:
    case = group.case(label) if group else None
    return case.median_ms() if case and case.walls else None


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
    heads_group: Group | None = None
    open_floor = "floor: sqlite3 DB 'select 1' (the engine's own open)"
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
        if name in ("current", "history"):
            cases.append(Case(open_floor, ["sqlite3", str(books_db), "select 1"]))
        if with_alembic:
            cases.append(Case(f"alembic {name}", alembic_cmd(project, *theirs), env=alembic_env))
        if name == "upgrade head --sql":
            targets = [Target("retort", "ms", 100.0)]
        elif name == "heads":
            targets = [Target("retort heads (cpp)", "ms", 20.0), Target("retort heads (sqldir)", "ms", 40.0)]
        else:
            # Within 20 ms of `heads` (same provider) plus the engine's own open of the same file.
            def budget(provider: str, group_cases: list[Case] = cases) -> Callable[[], tuple[float, str] | None]:
                def limit() -> tuple[float, str] | None:
                    heads = median_of(heads_group, f"retort heads ({provider})")
                    opened = next((c.median_ms() for c in group_cases if c.label == open_floor and c.walls), None)
                    if heads is None or opened is None:
                        return None
                    return heads + opened + 20, f"{heads + opened + 20:.1f} = heads {heads:.1f} + open {opened:.1f} + 20"
                return limit
            targets = [Target(f"retort {name} ({p})", "ms", budget(p)) for p in ("cpp", "sqldir")]
        group = Group(f"{name.replace(' --', '-').replace(' ', '-')}-{project.shape}-{n}", f"{name}, {label}", cases,
                      targets=targets, rss_limit_kb=20 * 1024 if n <= 10_000 else None)
        if name == "heads":
            heads_group = group
        groups.append(group)
    if project.shape == "linear":
        groups.append(Group(f"current-full-{project.shape}-{n}",
                            f"current and history on the upgraded database ({n} tables), {label}", [
            Case("retort current (cpp)", retort_cmd(retort, project, "cpp", url, "current")),
            Case("retort history (cpp)", retort_cmd(retort, project, "cpp", url, "history")),
            Case("floor: sqlite3 DB 'SELECT version_num ...'",
                 ["sqlite3", str(db), "SELECT version_num FROM retort_version"]),
            Case("sqlite3 DB 'select 1' (opens, reads no schema)", ["sqlite3", str(db), "select 1"]),
        ], reference="floor: sqlite3 DB 'SELECT version_num ...'",
            note="SQLite parses the whole schema (2N CREATE statements) the first time a connection reads "
                 "anything; `select 1` reads nothing, so it shows the open alone."))
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
    floor = group.floor_of(case)
    notes = []
    for target in group.targets:
        if not case.label.startswith(target.prefix):
            continue
        if target.kind == "ratio":
            if floor is not None and floor.walls:
                ok = case.median_ms() <= target.value()[0] * floor.median_ms()
                notes.append(f"{'met' if ok else 'MISSED'} (≤ {target.value()[1]}× floor)")
        else:
            limit = target.value()
            if limit is None:
                notes.append("target needs the heads group (not measured)")
            else:
                ok = case.median_ms() <= limit[0]
                notes.append(f"{'met' if ok else 'MISSED'} (≤ {limit[1]} ms)")
    if group.rss_limit_kb and case.label.startswith("retort"):
        ok = max(case.rss) <= group.rss_limit_kb
        notes.append(f"RSS {'met' if ok else 'MISSED'} (≤ {group.rss_limit_kb // 1024} MB)")
    return "; ".join(notes)


def group_table(group: Group) -> list[str]:
    retort_best = min((c.median_ms() for c in group.cases if c.label.startswith("retort")), default=None)
    lines = [f"### {group.title}", ""]
    if group.note:
        lines += [group.note, ""]
    lines += [f"Load average (1, 5, 15 min) before: {' '.join(group.load_before)}; "
              f"after: {' '.join(group.load_after)}.", "",
              "| command | median ms | min–max ms | CPU ms | peak RSS MB | ratio | target |",
              "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for c in group.cases:
        floor = group.floor_of(c)
        if c.label.startswith("alembic") and floor is None and retort_best:
            ratio = f"{c.median_ms() / retort_best:.0f}× retort"
        elif c.label.startswith("floor:"):
            ratio = "floor"
        elif floor is not None:
            ratio = f"{c.median_ms() / floor.median_ms():.2f}× floor"
        else:
            ratio = ""
        lines.append(f"| `{c.label}` | {c.median_ms():.1f} | {min(c.walls) * 1000:.1f}–{max(c.walls) * 1000:.1f} | "
                     f"{statistics.median(c.cpus) * 1000:.1f} | {max(c.rss) / 1024:.1f} | {ratio} | {verdict(group, c)} |")
    lines.append("")
    return lines


def machine(retort: Path, pg: Postgres | None, mdb: MariaDB | None) -> dict:
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
        "mariadb": mdb.version() if mdb else "not run", "mariadb_client": first_line(["mariadb", "--version"]),
        "python": first_line([SYSTEM_PYTHON, "--version"]),
        "alembic_sqlalchemy": alembic_v,
        "loadavg_start": loadavg(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--retort", type=Path, default=SOURCE / "build-bench" / "bin" / "retort")
    parser.add_argument("--work", type=Path, default=Path("/tmp/retort-bench"),
                        help="generated projects, databases and scripts (reused between runs)")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where results.md and results.json go")
    parser.add_argument("--n", type=int, default=1000, help="revisions for the upgrade comparisons")
    parser.add_argument("--n-large", type=int, default=10_000, help="revisions for heads/current/history/--sql")
    parser.add_argument("--runs", type=int, default=7, help="rounds (medians of this many runs)")
    parser.add_argument("--jobs", type=int, default=2, help="build jobs for the compiled plugins")
    parser.add_argument("--postgres-url", help="use this server (127.0.0.1) instead of starting one")
    parser.add_argument("--mariadb-url", help="use this server (mariadb://USER:PASSWORD@127.0.0.1:PORT/DB; "
                                              "the account must create and drop databases) instead of starting one")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-mariadb", action="store_true")
    parser.add_argument("--skip-alembic", action="store_true")
    parser.add_argument("--skip-branched", action="store_true")
    parser.add_argument("--only", help="comma-separated group key prefixes to measure (default: all)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    retort = args.retort.resolve()
    if not os.access(retort, os.X_OK):
        raise SystemExit(f"compare: no retort at {retort}; build it (bench/README.md)")
    ensure_packages(not args.skip_postgres, not args.skip_mariadb, not args.skip_alembic)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    pg = mdb = None
    try:
        if not args.skip_postgres:
            pg = Postgres(Path("/tmp/bench-servers/pg"), args.postgres_url)
        if not args.skip_mariadb:
            mdb = MariaDB(Path("/tmp/bench-servers/mariadb"), args.mariadb_url)
        info = machine(retort, pg, mdb)
        linear = generate(work, args.n, "linear", args.jobs)
        large = generate(work, args.n_large, "linear", args.jobs)
        engines = [sqlite_engine(work, linear)]
        engines += [postgres_engine(pg)] if pg else []
        engines += [mariadb_engine(mdb)] if mdb else []
        groups = [startup_group(retort, linear)]
        groups += upgrade_groups(args, retort, linear, work, engines)
        if not args.skip_branched:
            branched = generate(work, args.n, "branched", args.jobs)
            groups += upgrade_groups(argparse.Namespace(**{**vars(args), "skip_alembic": True}), retort, branched,
                                     work, [sqlite_engine(work, branched)])
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
        info["loadavg_end"] = loadavg()
    finally:
        if pg is not None:
            pg.stop()
        if mdb is not None:
            mdb.stop()

    lines = ["# retort benchmark results", "",
             f"Run {info['date']}: {args.runs} rounds, commands alternated within each group (retort, its "
             "floor, retort, its floor, ...), each on a fresh database; medians and min–max; every `upgrade "
             "head` row's ratio is to the floor of the same provider and the same transaction shape.", "",
             "| machine | |", "| --- | --- |"]
    lines += [f"| {k} | {' '.join(v) if isinstance(v, list) else v} |" for k, v in info.items()]
    lines += ["", "Command: `" + " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]) + "`", ""]
    for g in groups:
        lines += group_table(g)
    (args.out / "results.md").write_text("\n".join(lines))
    (args.out / "results.json").write_text(json.dumps(
        {"machine": info, "args": {k: str(v) for k, v in vars(args).items()},
         "groups": [{"key": g.key, "title": g.title, "reference": g.reference, "note": g.note,
                     "load_before": g.load_before, "load_after": g.load_after,
                     "cases": [{**c.summary(), "floor": g.floor_of(c).label if g.floor_of(c) else None}
                               for c in g.cases]} for g in groups]}, indent=2))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
