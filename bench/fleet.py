#!/usr/bin/env python3
"""Fleets (issue 14): one `retort upgrade head --targets` over many databases
against a shell loop of single `retort --url URL upgrade head` runs over the
same databases, like with like:

  - `--jobs 1` against a sequential `while read` loop (one database at a
    time, both);
  - `--jobs 2` against `xargs -P 2` (two at a time, both; the machine has 2
    cores).

Every command starts from fresh databases (prepared outside the timing),
the commands of a pair alternate within each round (which goes first flips
every round), RUNS rounds, medians and min-max of the wall time. Peak RSS of
the fleet process (os.wait4's ru_maxrss) at N and at N/10 targets shows what
each target adds. Load averages are recorded before and after.

  bench/fleet.py --retort build-bench/bin/retort                  # 1,000 SQLite files, 50 PostgreSQL databases
  bench/fleet.py --retort build/bin/retort --sqlite 100 --pg 10 --runs 3   # a smoke test

PostgreSQL: its own server on 127.0.0.1:55463 (scripts/lib/postgres.sh),
stopped at the end, unless --pg-url names a server database whose role may
CREATE DATABASE. Writes OUT/fleet.md and OUT/fleet.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent
PG_PORT = 55463


def say(*parts: object) -> None:
    print("fleet:", *parts, file=sys.stderr, flush=True)


def sh(argv: list[str], **kw) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        raise SystemExit(f"fleet: {' '.join(map(str, argv))} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


def timed(argv: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (KiB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, proc.returncode, usage.ru_maxrss


def write_project(work: Path, revisions: int) -> None:
    migrations = work / "migrations"
    migrations.mkdir(parents=True)
    previous = ""
    for i in range(revisions):
        rid = f"f{i:011d}"
        down = f"-- retort:down_revision {previous}\n" if previous else ""
        (migrations / f"{rid}.sql").write_text(
            f"-- retort:revision {rid}\n{down}-- retort:message table {i}\n-- retort:upgrade\n"
            f"CREATE TABLE t{i} (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
            f"CREATE INDEX ix_t{i}_name ON t{i} (name);\n"
            f"-- retort:downgrade\nDROP TABLE t{i};\n")
        previous = rid
    (work / "retort.ini").write_text("[retort]\nrevisions = migrations\n[log]\nlevel = warn\n")


def loop_commands(retort: Path, targets: Path) -> dict[int, list[str]]:
    r = str(retort)
    sequential = f'while read -r name url; do "{r}" --url "$url" upgrade head || exit 1; done < "{targets}"'
    parallel = f'awk \'{{print $2}}\' "{targets}" | xargs -P 2 -I{{}} "{r}" --url {{}} upgrade head'
    return {1: ["bash", "-c", sequential], 2: ["bash", "-c", parallel]}


class Postgres:
    def __init__(self, work: Path, url: str | None):
        self.own = url is None
        self.folder = work / "pg"
        if self.own:
            script = f'source "{SOURCE}/scripts/lib/postgres.sh" && pg_start "{self.folder}" {PG_PORT} >&2'
            sh(["bash", "-c", script])
            url = f"postgresql://retort:rt-test-pw@127.0.0.1:{PG_PORT}/retort_test"
        self.base = urlsplit(url)

    def url(self, db: str) -> str:
        return urlunsplit(self.base._replace(path="/" + db))

    def psql(self, sql: str, db: str = "postgres") -> str:
        return sh(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", self.url(db), "-c", sql])

    def recreate(self, names: list[str]) -> None:
        script = "".join(f'DROP DATABASE IF EXISTS "{n}";\nCREATE DATABASE "{n}";\n' for n in names)
        sh(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", self.url("postgres")], input=script)

    def stop(self, names: list[str]) -> None:
        script = "".join(f'DROP DATABASE IF EXISTS "{n}";\n' for n in names)
        subprocess.run(["psql", "-X", "-q", self.url("postgres")], input=script, text=True, capture_output=True)
        if self.own:
            subprocess.run(["bash", "-c", f'source "{SOURCE}/scripts/lib/postgres.sh" && pg_stop "{self.folder}"'])


def measure_pair(label: str, fleet: list[str], loop: list[str], prepare, check, cwd: Path, runs: int) -> dict:
    times: dict[str, list[float]] = {"fleet": [], "loop": []}
    for round_ in range(runs):
        order = [("fleet", fleet), ("loop", loop)]
        if round_ % 2:
            order.reverse()
        for name, argv in order:
            prepare()
            wall, code, _ = timed(argv, cwd)
            if code != 0:
                raise SystemExit(f"fleet: {label} {name} exited {code}: {' '.join(argv)}")
            check()
            times[name].append(wall)
        say(f"{label} round {round_ + 1}/{runs}: fleet {times['fleet'][-1]:.2f} s, loop {times['loop'][-1]:.2f} s")
    row = {"case": label}
    for name in ("fleet", "loop"):
        row[name] = {"median": statistics.median(times[name]), "min": min(times[name]), "max": max(times[name]),
                     "all": times[name]}
    row["ratio"] = row["fleet"]["median"] / row["loop"]["median"]
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--retort", type=Path, required=True)
    ap.add_argument("--sqlite", type=int, default=1000, help="SQLite targets")
    ap.add_argument("--pg", type=int, default=50, help="PostgreSQL targets (0: none)")
    ap.add_argument("--revisions", type=int, default=5)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pg-url", help="an existing server (its role needs CREATEDB)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/retort-bench/fleet"))
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args()
    retort = args.retort.resolve()
    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    args.out.mkdir(parents=True, exist_ok=True)
    write_project(args.work, args.revisions)
    load_before = os.getloadavg()
    rows, memory = [], []

    # SQLite: N files.
    dbs = args.work / "dbs"
    targets = args.work / "sqlite.txt"
    targets.write_text("".join(f"s{i:04d} sqlite:///{dbs}/s{i:04d}.db\n" for i in range(args.sqlite)))
    small = args.work / "sqlite-small.txt"
    small.write_text("".join(targets.read_text().splitlines(keepends=True)[: max(1, args.sqlite // 10)]))

    def fresh_sqlite() -> None:
        shutil.rmtree(dbs, ignore_errors=True)
        dbs.mkdir()

    last = f"f{args.revisions - 1:011d}"

    def sqlite_at_head() -> None:
        for i in (0, args.sqlite - 1):
            got = sh(["sqlite3", str(dbs / f"s{i:04d}.db"), "SELECT version_num FROM retort_version"]).strip()
            if got != last:
                raise SystemExit(f"fleet: s{i:04d} is at '{got}', not {last}")

    loops = loop_commands(retort, targets)
    for jobs in (1, 2):
        fleet = [str(retort), "upgrade", "head", "--targets", str(targets), "--jobs", str(jobs)]
        rows.append(measure_pair(f"SQLite, {args.sqlite} files, {jobs} at a time", fleet, loops[jobs], fresh_sqlite,
                                 sqlite_at_head, args.work, args.runs))
    for listed, count in ((small, max(1, args.sqlite // 10)), (targets, args.sqlite)):
        peaks = []
        for _ in range(3):
            fresh_sqlite()
            _, code, rss = timed([str(retort), "upgrade", "head", "--targets", str(listed), "--jobs", "2"], args.work)
            if code != 0:
                raise SystemExit("fleet: the memory run failed")
            peaks.append(rss)
        memory.append({"targets": count, "peak_rss_kib": statistics.median(peaks)})

    # PostgreSQL: N databases on one server.
    pg = None
    names = [f"retort_fleet_bench_{i:03d}" for i in range(args.pg)]
    try:
        if args.pg:
            pg = Postgres(args.work, args.pg_url)
            pg_targets = args.work / "pg.txt"
            pg_targets.write_text("".join(f"{n} {pg.url(n)}\n" for n in names))

            def fresh_pg() -> None:
                pg.recreate(names)

            def pg_at_head() -> None:
                for n in (names[0], names[-1]):
                    got = pg.psql("SELECT version_num FROM retort_version", n).strip()
                    if got != last:
                        raise SystemExit(f"fleet: {n} is at '{got}', not {last}")

            pg_loops = loop_commands(retort, pg_targets)
            for jobs in (1, 2):
                fleet = [str(retort), "upgrade", "head", "--targets", str(pg_targets), "--jobs", str(jobs)]
                rows.append(measure_pair(f"PostgreSQL, {args.pg} databases, {jobs} at a time", fleet, pg_loops[jobs],
                                         fresh_pg, pg_at_head, args.work, args.runs))
    finally:
        if pg:
            pg.stop(names)

    load_after = os.getloadavg()
    per_target = ((memory[1]["peak_rss_kib"] - memory[0]["peak_rss_kib"]) / (memory[1]["targets"] - memory[0]["targets"])
                  if len(memory) == 2 and memory[1]["targets"] > memory[0]["targets"] else None)
    result = {"revisions": args.revisions, "runs": args.runs, "rows": rows, "memory": memory,
              "rss_per_target_kib": per_target, "load_before": load_before, "load_after": load_after,
              "retort": sh([str(retort), "--version"]).strip(), "cpus": os.cpu_count()}
    (args.out / "fleet.json").write_text(json.dumps(result, indent=2))
    lines = [f"# Fleet benchmark ({result['retort']}, {args.revisions} revisions a database, {args.runs} rounds, "
             f"{os.cpu_count()} cores)", "",
             f"Load average before {load_before[0]:.2f}, after {load_after[0]:.2f}.", "",
             "| case | fleet (one process) median, min-max | shell loop median, min-max | fleet / loop |",
             "| --- | --- | --- | --- |"]
    for r in rows:
        f, l = r["fleet"], r["loop"]
        lines.append(f"| {r['case']} | {f['median']:.2f} s, {f['min']:.2f}-{f['max']:.2f} | "
                     f"{l['median']:.2f} s, {l['min']:.2f}-{l['max']:.2f} | {r['ratio']:.2f}x |")
    lines += ["", "| targets | fleet peak RSS (median of 3) |", "| --- | --- |"]
    lines += [f"| {m['targets']} | {m['peak_rss_kib'] / 1024:.1f} MiB |" for m in memory]
    if per_target is not None:
        lines += ["", f"Each target adds {per_target:.1f} KiB to the peak."]
    (args.out / "fleet.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
