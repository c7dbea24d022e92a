#!/usr/bin/env bash
# packaging_test.sh BUILD_DIR CPACK CMAKE CXX VERSION
#
# What a user of the packages gets, acted out: build the .deb packages and the
# .tar.gz from the already-built tree (cpack), check their names, contents and
# dependencies, unpack them with dpkg -x into a temporary root (not
# installed: any prefix must work), run that retort, scaffold a C++ revision
# plugin project with it, build the project with find_package(Retort)
# against the unpacked retort-dev, and apply its revisions to SQLite; build a
# models plugin (retort/sdk/models.hpp) the same way and load it.
# Every check that fails says what it expected; nothing is skipped.
set -uo pipefail
# retort refuses plugins that others can change; what this test builds and
# unpacks must not be group-writable whatever the caller's umask.
umask 022

build=$1 cpack=$2 cmake=$3 cxx=$4 version=$5

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The user's environment must not leak in: retort would otherwise read
# another configuration, database or plugin folder.
unset RETORT_CONFIG RETORT_PLUGIN_PATH RETORT_DATABASE_URL DATABASE_URL RETORT_LOG_LEVEL RETORT_LOG_FORMAT
unset CMAKE_PREFIX_PATH

fail() {
  echo "FAIL: $*" >&2
  for f in "$work"/out.txt "$work"/err.txt; do
    [[ -s $f ]] && { echo "--- $(basename "$f")"; tail -n 40 "$f"; } >&2
  done
  exit 1
}
step() { echo "==> $*"; }
# run CMD...: quietly, keeping its output for fail(); sets $code.
run() {
  "$@" > "$work/out.txt" 2> "$work/err.txt"
  code=$?
}
must() {
  run "$@"
  [[ $code == 0 ]] || fail "'$*' exited $code"
}
out_has() { grep -qF -- "$1" "$work/out.txt" || fail "${2:-output} does not contain '$1'"; }

step "cpack: .deb per component and .tar.gz"
# Makefile generators make CPack build the `preinstall` target first, which
# re-checks (and could rebuild) the whole project. ctest runs on a finished
# build, so name a generator without that step: CPack then only runs the
# install scripts of what is already built.
must "$cpack" --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$work/packages" \
  -D CPACK_CMAKE_GENERATOR=Ninja
arch=$(dpkg --print-architecture)
declare -A deb
for package in retort retort-postgresql retort-mariadb retort-dev; do
  deb[$package]=$work/packages/${package}_${version}_${arch}.deb
  [[ -f ${deb[$package]} ]] || fail "cpack did not make ${deb[$package]##*/} (made: $(ls "$work/packages"))"
done
tarball=$work/packages/retort-$version-Linux.tar.gz
[[ -f $tarball ]] || fail "cpack did not make ${tarball##*/}"

step "package contents"
contents() { dpkg-deb --fsys-tarfile "$1" | tar -t | sed 's|^\./||' | grep -v '/$'; }
expect_files() {  # expect_files PACKAGE FILE...
  local package=$1 listing
  shift
  listing=$(contents "${deb[$package]}")
  for file in "$@"; do
    grep -qxF "$file" <<<"$listing" || fail "$package does not contain $file (it holds: $listing)"
  done
}
expect_files retort usr/bin/retort usr/lib/retort/plugins/retort_sqlite.so \
  usr/lib/retort/plugins/retort_sqldir.so usr/share/bash-completion/completions/retort \
  usr/share/man/man1/retort.1.gz
expect_files retort-postgresql usr/lib/retort/plugins/retort_postgresql.so
expect_files retort-mariadb usr/lib/retort/plugins/retort_mariadb.so
expect_files retort-dev usr/include/retort/abi.h usr/include/retort/sdk/revision.hpp \
  usr/include/retort/sdk/models.hpp usr/include/retort/sdk/schema_out.hpp \
  usr/lib/cmake/Retort/RetortConfig.cmake usr/lib/cmake/Retort/RetortConfigVersion.cmake \
  usr/lib/cmake/Retort/retort_plugin.map
# dpkg refuses to install two packages that ship one file.
duplicates=$(for p in "${!deb[@]}"; do contents "${deb[$p]}"; done | sort | uniq -d)
[[ -z $duplicates ]] || fail "files in more than one package: $duplicates"
# Server dialects live only in their own packages, so installing retort
# never pulls in libpq or libmariadb.
contents "${deb[retort]}" | grep -qE 'retort_(postgresql|mariadb)\.so' && fail "retort ships a server dialect"

step "package dependencies"
depends() { dpkg-deb -f "${deb[$1]}" Depends; }
expect_depends() {  # expect_depends PACKAGE REGEX WHAT
  grep -qE "$2" <<<"$(depends "$1")" || fail "$1 does not depend on $3: Depends: $(depends "$1")"
}
expect_depends retort '(^|, )libsqlite3-0( |,|$)' libsqlite3-0
expect_depends retort '(^|, )libc6( |,|$)' libc6
expect_depends retort-postgresql "(^|, )retort \\(= $version\\)" "retort (= $version)"
expect_depends retort-postgresql '(^|, )libpqxx-6\.4( |,|$)' "Debian 12's libpqxx-6.4"
expect_depends retort-mariadb "(^|, )retort \\(= $version\\)" "retort (= $version)"
expect_depends retort-mariadb '(^|, )libmariadb3( |,|$)' libmariadb3
expect_depends retort-dev "(^|, )retort \\(= $version\\)" "retort (= $version)"
depends retort | grep -qE 'libpq|libmariadb' && fail "retort depends on a server client: $(depends retort)"

step "unpack with dpkg -x"
root=$work/root
for package in "${!deb[@]}"; do dpkg -x "${deb[$package]}" "$root" || fail "dpkg -x ${deb[$package]}"; done
retort=$root/usr/bin/retort
mkdir -p "$work/elsewhere" && cd "$work/elsewhere" || fail "cd"

must "$retort" --version
out_has "retort $version" "retort --version"
out_has "plugin ABI " "retort --version"

must "$retort" plugins
for plugin in "dialect sqlite" "provider sqldir" "dialect postgresql" "dialect mariadb"; do
  out_has "$plugin " "retort plugins"
done
out_has "$root/usr/lib/retort/plugins/retort_postgresql.so" "retort plugins"
out_has "(from $root/usr/lib/retort/plugins)" "retort plugins"

step "man page and completion"
gzip -t "$root/usr/share/man/man1/retort.1.gz" || fail "retort.1.gz is not valid gzip"
zcat "$root/usr/share/man/man1/retort.1.gz" | grep -q '^\.TH RETORT 1' || fail "retort.1.gz is not retort(1)"
bash -n "$root/usr/share/bash-completion/completions/retort" || fail "the completion script has a syntax error"

step "retort init --template cpp, built against the unpacked retort-dev"
project=$work/project
must "$retort" init "$project" --template cpp
[[ -f $project/CMakeLists.txt && -f $project/retort.ini ]] || fail "init wrote no CMakeLists.txt or retort.ini"
must "$cmake" -S "$project" -B "$project/build" -DCMAKE_PREFIX_PATH="$root/usr" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
grep -qxF "Retort_DIR:PATH=$root/usr/lib/cmake/Retort" "$project/build/CMakeCache.txt" ||
  fail "find_package(Retort) did not use the unpacked retort-dev: $(grep Retort_DIR "$project/build/CMakeCache.txt")"
must "$cmake" --build "$project/build" -j2
plugin=$(find "$project/build" -maxdepth 1 -name '*.so' | head -n 1)
[[ -n $plugin ]] || fail "the project built no plugin .so in its build folder"
must nm -D --defined-only "$plugin"
exported=$(awk '{ print $NF }' "$work/out.txt")
[[ $exported == retort_plugin_entry ]] ||
  fail "the plugin must export retort_plugin_entry and nothing else, it exports: $exported"

step "apply its revisions to SQLite with the unpacked retort"
cd "$project" || fail "cd $project"
must "$retort" heads
head_id=$(awk 'NR == 1 { print $1 }' "$work/out.txt")
[[ $head_id =~ ^[A-Za-z0-9_]+$ ]] || fail "retort heads printed no revision id"
must "$retort" upgrade head
must "$retort" current
out_has "$head_id" "retort current"
must "$retort" check

step "a models plugin built against the unpacked retort-dev, and loaded"
models=$work/models
mkdir -p "$models/src"
cat > "$models/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.16)
project(packaged_models LANGUAGES CXX)
find_package(Retort REQUIRED)
retort_add_plugin(packaged_models SOURCES src/models.cpp)
set_target_properties(packaged_models PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
EOF
cat > "$models/src/models.cpp" <<'EOF'
#include <retort/sdk/models.hpp>

using retort::column;

RETORT_MODELS_PLUGIN("packaged_models", "1.0.0")

static retort::model authors =
    retort::table("authors", {column("id", "integer").primary_key(), column("name", "string(100)").not_null()})
        .unique("uq_authors_name", {"name"});

static retort::model notes =
    retort::table("notes", {
        column("id", "integer").primary_key().autoincrement(),
        column("body", "text").not_null().renamed_from("text"),
        column("author_id", "integer").references("authors", "id").on_delete("CASCADE"),
    })
        .check("ck_notes_body", "body <> ''")
        .index("ix_notes_author_id", {"author_id"});
EOF
must "$cmake" -S "$models" -B "$models/build" -DCMAKE_PREFIX_PATH="$root/usr" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
must "$cmake" --build "$models/build" -j2
models_plugin=$models/build/packaged_models.so
[[ -f $models_plugin ]] || fail "the models project built no packaged_models.so"
must nm -D --defined-only "$models_plugin"
exported=$(awk '{ print $NF }' "$work/out.txt")
[[ $exported == retort_plugin_entry ]] ||
  fail "the models plugin must export retort_plugin_entry and nothing else, it exports: $exported"
must "$retort" plugins inspect "$models_plugin"
out_has "packaged_models" "retort plugins inspect (models plugin)"
# Loaded next to the project's revisions it is a provider with no revisions
# of its own: the graph and the database are as they were.
cat > "$models/retort.ini" <<EOF
[retort]
database_url = sqlite:///$project/app.db
revisions = $plugin
revisions = $models_plugin
EOF
cd "$models" || fail "cd $models"
must "$retort" heads
out_has "$head_id" "retort heads with the models plugin loaded"
must "$retort" check

step "the models plugin as models: diff, autogenerate, upgrade, check"
# A SQL-first project whose desired schema is the plugin: the first
# revision is written from it, applied, and the three agree.
authored=$work/authored
mkdir -p "$authored/migrations"
cat > "$authored/retort.ini" <<EOF
[retort]
database_url = sqlite:///$authored/app.db
revisions = $authored/migrations
models = $models_plugin
EOF
cd "$authored" || fail "cd $authored"
run "$retort" diff --from empty --to models
[[ $code == 6 ]] || fail "'retort diff --from empty --to models' exited $code, not 6 (they differ)"
out_has "CREATE TABLE" "retort diff --from empty --to models"
out_has "notes" "retort diff --from empty --to models"
must "$retort" revision --autogenerate -m "authors and notes"
written=$(find "$authored/migrations" -name '*.sql' | head -n 1)
[[ -n $written ]] || fail "retort revision --autogenerate wrote no .sql file in $authored/migrations"
grep -qF "ck_notes_body" "$written" || fail "$written does not create the check constraint ck_notes_body"
must "$retort" upgrade head
must "$retort" check
run "$retort" diff --from database --to models
[[ $code == 0 ]] || fail "'retort diff --from database --to models' exited $code after the upgrade, not 0"

step "the .tar.gz holds the same tree, and runs from another prefix"
tree=$work/tgz
mkdir -p "$tree" && tar -xzf "$tarball" -C "$tree" || fail "cannot unpack ${tarball##*/}"
top=$tree/retort-$version-Linux
[[ -x $top/bin/retort ]] || fail "${tarball##*/} has no retort-$version-Linux/bin/retort"
from_debs=$(cd "$root/usr" && find . -type f | sort)
from_tgz=$(cd "$top" && find . -type f | sort)
[[ $from_debs == "$from_tgz" ]] ||
  fail "the archive and the packages differ: $(diff <(echo "$from_debs") <(echo "$from_tgz"))"
must "$top/bin/retort" plugins
out_has "$top/lib/retort/plugins/retort_mariadb.so" "retort plugins from the archive"

echo "ok: packages build, unpack, run, and build a revision plugin and a models plugin"
