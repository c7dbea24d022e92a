#!/usr/bin/env bash
# The demo: installs what is missing, builds retort with the SQLite dialect,
# applies the example shop revisions (revisions/shop) to ./shop.db using the
# repository's retort.ini, shows `current` and `history`, and lets `check`
# hold the database to the revisions and to the shop's models
# (revisions/shop/models).
set -euo pipefail
# retort refuses plugins others could change; with a umask of 002 the build
# would write group-writable plugins, so it builds with the usual 022.
umask 022
cd "$(dirname "$0")/.."
source scripts/lib/deps.sh

ensure_packages "${RETORT_BUILD_PACKAGES[@]}"

echo "==> building"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target retort retort_sqlite retort_sqldir retort_shop retort_shop_models

echo "==> retort upgrade head"
build/bin/retort upgrade head
echo "==> retort current"
build/bin/retort current
echo "==> retort history"
build/bin/retort history
echo "==> retort check (the database, the revisions and the models agree)"
build/bin/retort check
