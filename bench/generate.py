#!/usr/bin/env python3
"""Writes an N-revision benchmark project for retort (issue 7).

One project, three spellings of it, all with the same revision ids, graph
and schema:

  OUT/sqldir/               one .sql file per revision (the sqldir provider)
  OUT/cpp/                  C++ sources of ONE compiled revision plugin and
                            the CMake project that builds it (--cpp-style:
                            `table`, a row per revision registered in a loop,
                            or `unrolled`, one `static retort::registration`
                            per revision as users write them; both make the
                            same registrations at load time, but unrolled
                            costs ~20 s of compiling per 500 revisions)
  OUT/alembic/              an Alembic project (alembic.ini, env.py,
                            versions/), for comparison with the tool users
                            would otherwise pick
  OUT/retort-sqldir.ini     retort configurations using the sqldir folder
  OUT/retort-cpp.ini        ... and the compiled plugin (once it is built),
                            both with transaction_per_migration = true
  OUT/retort-*-tpm-false.ini  the same two with transaction_per_migration =
                            false (one transaction around the whole run)
  OUT/graph.txt             one line per revision: id, then its parents

Every revision creates one table of five columns (integer primary key,
varchar(100) not null, timestamp, numeric(10,2), boolean) and an index on
the varchar column; its downgrade drops the table (which drops the index).

Shapes:
  linear    a chain: revision i's parent is revision i-1.
  branched  a chain in which every PERIOD-th revision (default 10) is a
            branch point: its next two revisions are both its children, and
            the revision after them merges the two. The graph keeps one head,
            so `upgrade head` applies everything, and has N/PERIOD branch
            points and merges.

Usage:
  bench/generate.py --n 1000 --out /tmp/retort-bench/n1000
  bench/generate.py --n 1000 --shape branched --out /tmp/retort-bench/b1000
  bench/generate.py --n 1000 --out DIR --build-cpp --source /work/main

--build-cpp configures and builds the compiled plugin (Release, against the
source tree's plugin_api/include) into OUT/cpp/build/bench_revisions.so.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

# Revisions per generated C++ source file. Unrolled, 500 registrations take
# 15-20 s of one core at -O3 (GCC 12); as a table, 10,000 take a few seconds.
CPP_CHUNK = {"unrolled": 500, "table": 10_000}


def revision_id(index: int) -> str:
    """A deterministic 12-hex id, like the ids `retort revision` makes."""
    return hashlib.sha256(f"retort-bench-{index}".encode()).hexdigest()[:12]


def table_name(index: int) -> str:
    return f"t_{index:06d}"


def build_graph(n: int, shape: str, period: int) -> list[tuple[str, list[str]]]:
    """(id, parents) for revisions 1..n, in the order they were written."""
    ids = [revision_id(i) for i in range(1, n + 1)]
    if len(set(ids)) != n:
        sys.exit("generate.py: revision id collision; change the id seed")
    graph: list[tuple[str, list[str]]] = []
    i = 0
    while i < n:
        if i == 0:
            graph.append((ids[0], []))
            i += 1
            continue
        tip = graph[-1][0]
        # A diamond needs three more revisions: two children of the tip and
        # their merge.
        if shape == "branched" and i % period == 0 and i + 3 <= n:
            a, b, m = ids[i], ids[i + 1], ids[i + 2]
            graph.append((a, [tip]))
            graph.append((b, [tip]))
            graph.append((m, [a, b]))
            i += 3
            continue
        graph.append((ids[i], [tip]))
        i += 1
    return graph


# ---- sqldir --------------------------------------------------------------

def sql_create(table: str) -> str:
    return (f"CREATE TABLE {table} (\n"
            f"    id INTEGER PRIMARY KEY,\n"
            f"    name VARCHAR(100) NOT NULL,\n"
            f"    created_at TIMESTAMP,\n"
            f"    amount NUMERIC(10,2),\n"
            f"    active BOOLEAN\n"
            f");\n"
            f"CREATE INDEX ix_{table}_name ON {table} (name);")


def write_sqldir(root: Path, graph) -> None:
    folder = root / "sqldir"
    folder.mkdir(parents=True)
    for number, (rev, parents) in enumerate(graph, start=1):
        table = table_name(number)
        lines = [f"-- retort:revision {rev}"]
        if parents:
            lines.append(f"-- retort:down_revision {', '.join(parents)}")
        lines += [f"-- retort:message create {table}", "",
                  "-- retort:upgrade", sql_create(table), "",
                  "-- retort:downgrade", f"DROP TABLE {table};", ""]
        (folder / f"{number:06d}_{rev}_create_{table}.sql").write_text("\n".join(lines))


# ---- one compiled revision plugin -----------------------------------------

CPP_HELPERS = """\
// Generated by bench/generate.py. The schema every benchmark revision creates.
#pragma once
#include <retort/sdk/revision.hpp>

namespace bench {

// One closure type for every revision (it captures the table name), so the
// plugin compiles one std::function instantiation rather than N of them.
struct create_table {
  const char* table;
  const char* index;
  void operator()(retort::ops& op) const {
    using retort::column;
    op.create_table(table, {
        column("id", "integer").primary_key(),
        column("name", "string(100)").not_null(),
        column("created_at", "datetime"),
        column("amount", "numeric(10,2)"),
        column("active", "boolean"),
    });
    op.create_index(index, table, {"name"});
  }
};

struct drop_table {
  const char* table;
  // Dropping the table drops its index on every engine.
  void operator()(retort::ops& op) const { op.drop_table(table); }
};

// The table style: one row per revision, registered in a loop when the
// plugin is loaded -- the same registrations the unrolled style makes, in
// a fraction of the compile time.
struct row {
  const char* id;
  const char* down[2];  // unused slots are null; two parents make a merge
  const char* table;
  const char* index;
};

template <std::size_t N>
struct register_rows {
  explicit register_rows(const row (&rows)[N]) {
    for (const row& r : rows) {
      retort::revision rev(r.id);
      for (const char* parent : r.down)
        if (parent) rev.down(parent);
      rev.message(std::string("create ") + r.table)
          .upgrade(create_table{r.table, r.index})
          .downgrade(drop_table{r.table});
      retort::registration{std::move(rev)};
    }
  }
};

}  // namespace bench
"""

CPP_CMAKE = """\
# Generated by bench/generate.py: ONE compiled revision plugin holding every
# benchmark revision, built like revisions/shop against the SDK headers only.
cmake_minimum_required(VERSION 3.25)
project(bench_revisions LANGUAGES CXX)
set(RETORT_SOURCE_DIR "" CACHE PATH "the retort source tree (for plugin_api/)")
if(NOT EXISTS "${{RETORT_SOURCE_DIR}}/plugin_api/include/retort/sdk/revision.hpp")
  message(FATAL_ERROR "set -DRETORT_SOURCE_DIR=/path/to/retort")
endif()
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "" FORCE)
endif()
add_library(bench_revisions MODULE plugin.cpp {sources})
target_include_directories(bench_revisions PRIVATE "${{RETORT_SOURCE_DIR}}/plugin_api/include")
set_target_properties(bench_revisions PROPERTIES PREFIX "" CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON
                      CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
target_link_options(bench_revisions PRIVATE -Wl,--no-undefined
  -Wl,--version-script=${{RETORT_SOURCE_DIR}}/plugin_api/cmake/retort_plugin.map)
"""


def write_cpp(root: Path, graph, n: int, shape: str, style: str) -> None:
    folder = root / "cpp"
    folder.mkdir(parents=True)
    (folder / "bench_tables.hpp").write_text(CPP_HELPERS)
    (folder / "plugin.cpp").write_text(
        "// Generated by bench/generate.py: the plugin's entry point (once per plugin).\n"
        "#include <retort/sdk/revision.hpp>\n\n"
        f'RETORT_REVISION_PLUGIN("bench_{shape}_{n}", "1.0.0")\n')
    sources = []
    size = CPP_CHUNK[style]
    for start in range(0, len(graph), size):
        chunk = graph[start:start + size]
        name = f"revisions_{start // size:04d}.cpp"
        sources.append(name)
        out = [f"// Generated by bench/generate.py: revisions {start + 1}..{start + len(chunk)} of {n} ({shape}).",
               '#include "bench_tables.hpp"', ""]
        if style == "table":
            out.append("namespace {\nconst bench::row rows[] = {")
        for offset, (rev, parents) in enumerate(chunk):
            number = start + offset + 1
            table = table_name(number)
            if style == "table":
                downs = ", ".join([f'"{p}"' for p in parents] + ["nullptr"] * (2 - len(parents)))
                out.append(f'    {{"{rev}", {{{downs}}}, "{table}", "ix_{table}_name"}},')
                continue
            downs = "".join(f'.down("{p}")' for p in parents)
            out.append(f"static retort::registration r_{table} =\n"
                       f'    retort::revision("{rev}"){downs}\n'
                       f'        .message("create {table}")\n'
                       f'        .upgrade(bench::create_table{{"{table}", "ix_{table}_name"}})\n'
                       f'        .downgrade(bench::drop_table{{"{table}"}});')
        if style == "table":
            out.append("};\nconst bench::register_rows registered(rows);\n}  // namespace")
        (folder / name).write_text("\n".join(out) + "\n")
    (folder / "CMakeLists.txt").write_text(CPP_CMAKE.format(sources=" ".join(sources)))


def build_cpp(root: Path, source: Path, jobs: int) -> Path:
    folder, build = root / "cpp", root / "cpp" / "build"
    subprocess.run(["cmake", "-S", str(folder), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                    f"-DRETORT_SOURCE_DIR={source}"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build), f"-j{jobs}"], check=True, stdout=subprocess.DEVNULL)
    return build / "bench_revisions.so"


# ---- Alembic ----------------------------------------------------------------

ALEMBIC_INI = """\
# Generated by bench/generate.py: what `alembic init` gives, trimmed.
[alembic]
script_location = %(here)s
sqlalchemy.url = sqlite:///bench.db

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
"""

# The env.py `alembic init` writes, with the URL taken from $ALEMBIC_URL so
# the benchmark can point it at a fresh database per run.
ALEMBIC_ENV = """\
# Generated by bench/generate.py: the env.py of `alembic init`, URL from $ALEMBIC_URL.
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
if os.environ.get("ALEMBIC_URL"):
    config.set_main_option("sqlalchemy.url", os.environ["ALEMBIC_URL"])
target_metadata = None


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}),
                                     prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
"""

ALEMBIC_MAKO = """\
\"\"\"${message}\"\"\"
from alembic import op
import sqlalchemy as sa

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
"""


def write_alembic(root: Path, graph) -> None:
    folder = root / "alembic"
    (folder / "versions").mkdir(parents=True)
    (folder / "alembic.ini").write_text(ALEMBIC_INI)
    (folder / "env.py").write_text(ALEMBIC_ENV)
    (folder / "script.py.mako").write_text(ALEMBIC_MAKO)
    for number, (rev, parents) in enumerate(graph, start=1):
        table = table_name(number)
        down = repr(None if not parents else parents[0] if len(parents) == 1 else tuple(parents))
        (folder / "versions" / f"{rev}_create_{table}.py").write_text(f'''\
"""create {table}

Revision ID: {rev}
"""
from alembic import op
import sqlalchemy as sa

revision = {rev!r}
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        {table!r},
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime()),
        sa.Column("amount", sa.Numeric(10, 2)),
        sa.Column("active", sa.Boolean()),
    )
    op.create_index("ix_{table}_name", {table!r}, ["name"])


def downgrade() -> None:
    op.drop_table({table!r})
''')


# ---- retort configurations ----------------------------------------------------

def write_configs(root: Path) -> None:
    """retort-PROVIDER.ini (transaction_per_migration = true, retort's default)
    and retort-PROVIDER-tpm-false.ini (one transaction around the whole run),
    for each provider. compare.py calls this too, so older work folders get
    the files they lack."""
    # The URL always comes from --url; relative entries resolve against this folder.
    common = "[retort]\ndatabase_url = sqlite:///bench.db\n"
    for provider, revisions in (("sqldir", "sqldir"), ("cpp", "cpp/build/bench_revisions.so")):
        for suffix, per_migration in (("", "true"), ("-tpm-false", "false")):
            (root / f"retort-{provider}{suffix}.ini").write_text(
                common + f"revisions = {revisions}\ntransaction_per_migration = {per_migration}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of revisions")
    parser.add_argument("--shape", choices=["linear", "branched"], default="linear")
    parser.add_argument("--period", type=int, default=10, help="branched: a diamond every PERIOD revisions")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced if it exists)")
    parser.add_argument("--formats", default="sqldir,cpp,alembic", help="comma-separated subset")
    parser.add_argument("--cpp-style", choices=["table", "unrolled"], default="table",
                        help="C++: one row per revision registered in a loop (default), or one "
                             "`static retort::registration` statement per revision as users write them")
    parser.add_argument("--build-cpp", action="store_true", help="also build the compiled plugin")
    parser.add_argument("--source", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="retort source tree (default: this checkout)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.n < 1 or args.period < 4:
        parser.error("--n must be at least 1 and --period at least 4")

    formats = set(args.formats.split(","))
    if not formats <= {"sqldir", "cpp", "alembic"}:
        parser.error("--formats takes sqldir, cpp, alembic")
    root: Path = args.out.resolve()
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)

    graph = build_graph(args.n, args.shape, args.period)
    with open(root / "graph.txt", "w") as f:
        for rev, parents in graph:
            f.write(" ".join([rev, *parents]) + "\n")
    if "sqldir" in formats:
        write_sqldir(root, graph)
    if "cpp" in formats:
        write_cpp(root, graph, args.n, args.shape, args.cpp_style)
    if "alembic" in formats:
        write_alembic(root, graph)
    write_configs(root)
    if "cpp" in formats and args.build_cpp:
        so = build_cpp(root, args.source.resolve(), args.jobs)
        print(f"built {so}")
    print(f"wrote {args.n} {args.shape} revisions to {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
