# Sourced by scripts/*.sh: installs the Debian 12 packages retort needs, only
# those that are missing, with apt-get (as root, or through sudo).

RETORT_BUILD_PACKAGES=(cmake make g++ pkg-config libboost-dev libboost-program-options-dev
  libsqlite3-dev sqlite3 libssl-dev nlohmann-json3-dev libgtest-dev libgmock-dev
  libpqxx-dev libmariadb-dev)
# The servers the suite starts: PostgreSQL and PgBouncer in front of it,
# MariaDB, and a 3-node Galera cluster (galera-4, rsync for its SST).
RETORT_SERVER_PACKAGES=(postgresql postgresql-client mariadb-server mariadb-client pgbouncer galera-4 rsync)
# tests/packaging: cpack's dependency scan (dpkg-shlibdeps, file) and the
# bash-completion framework the completion script is tested in.
RETORT_PACKAGING_PACKAGES=(dpkg-dev file bash-completion)
# scripts/fuzz.sh: clang 14 and its runtimes (libFuzzer, ASan, UBSan).
RETORT_FUZZ_PACKAGES=(clang-14 clang libclang-rt-14-dev)

# ensure_packages PKG...: installs the missing ones; fails loudly if it cannot.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  # Installing a server package must not try to start it (no systemd here).
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
}
