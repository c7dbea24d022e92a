# scripts/lib/postgres.sh: a throwaway PostgreSQL server for the test suite.
#
# Source it, then:
#   pg_start DIR [PORT]   creates a fresh cluster in DIR/pgdata, starts it on
#                         127.0.0.1:PORT (default 55432) with its unix socket in
#                         DIR/socket, creates role retort (password retort) and
#                         database retort_test, and exports
#                         RETORT_TEST_POSTGRESQL_URL. Returns non-zero with a
#                         message on stderr when anything fails.
#                         TCP logins need a password (scram-sha-256), so a
#                         wrong password really fails; the socket trusts the
#                         local postgres user, who creates the role. retort
#                         is a SUPERUSER: tests may create schemas and kill
#                         sessions.
#   pg_stop DIR           stops the server of DIR if one runs; keeps the files
#                         (DIR/log/postgres.log is worth reading after a failure).
#
# It installs nothing: the caller installs the postgresql package. It runs
# systemd-free, so it works in containers. As root, the server runs as the
# postgres user (PostgreSQL refuses to run as root); as anyone else, as that
# user. Every call is safe to repeat: a server left running in DIR is stopped
# and the cluster is created afresh, so no state leaks between runs.
#
# The library never calls `exit` and never changes the caller's shell options,
# so it is safe to source into a script running under `set -euo pipefail`.

_pg_say() { printf 'postgres.sh: %s\n' "$*" >&2; }

# The newest installed server's bin folder (Debian puts them under
# /usr/lib/postgresql/MAJOR/bin); PG_BINDIR overrides it.
_pg_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then
    [[ -x "$PG_BINDIR/initdb" ]] || { _pg_say "PG_BINDIR=$PG_BINDIR has no initdb"; return 1; }
    printf '%s\n' "$PG_BINDIR"
    return 0
  fi
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] || continue
    if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best" "$dir" | sort -V | tail -n 1)" == "$dir" ]]; then
      best="$dir"
    fi
  done
  if [[ -z "$best" ]]; then
    _pg_say "no PostgreSQL server found under /usr/lib/postgresql/*/bin (install the postgresql package)"
    return 1
  fi
  printf '%s\n' "$best"
}

# Runs a command as the user that owns the cluster, from / so that a current
# folder the postgres user cannot read does not produce warnings.
_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

_pg_owner() {
  if [[ $EUID -eq 0 ]]; then printf 'postgres\n'; else id -un; fi
}

# Refuses folders that would break the config file's quoting, the unix socket
# path limit (108 bytes including the file name), or an `rm -rf`.
_pg_check_dir() {
  local dir="$1"
  if [[ -z "$dir" || "$dir" == "/" ]]; then
    _pg_say "a server folder is required (got '${dir}')"
    return 1
  fi
  if [[ "$dir" != /* ]]; then
    _pg_say "the server folder must be an absolute path (got '$dir')"
    return 1
  fi
  if [[ "$dir" == *"'"* || "$dir" == *'\'* ]]; then
    _pg_say "the server folder must not contain quotes or backslashes (got '$dir')"
    return 1
  fi
  if (( ${#dir} > 80 )); then
    _pg_say "the server folder path is too long for a unix socket (${#dir} > 80 characters): $dir"
    return 1
  fi
}

# True if a postmaster is running on the cluster in $2 (bin folder in $1).
# A killed postmaster can linger as a zombie where nothing reaps orphans
# (containers): pg_ctl would call it running, so its state is checked first.
_pg_running() {
  local bindir="$1" pgdata="$2" pid state
  [[ -f "$pgdata/postmaster.pid" ]] || return 1
  pid=$(head -n 1 "$pgdata/postmaster.pid" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != "Z" ]] || return 1
  _pg_as_owner "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1
}

_pg_log_tail() {
  local log="$1"
  if [[ -f "$log" ]]; then
    _pg_say "last lines of $log:"
    tail -n 20 "$log" >&2
  fi
}

# Stops the server of cluster $2, fast first, then immediate.
_pg_stop_cluster() {
  local bindir="$1" pgdata="$2"
  _pg_running "$bindir" "$pgdata" || return 0
  _pg_as_owner "$bindir/pg_ctl" -D "$pgdata" -m fast -w -t 60 stop >/dev/null 2>&1 && return 0
  # It may have died by itself meanwhile (a killed server is still dying).
  _pg_running "$bindir" "$pgdata" || return 0
  _pg_say "fast shutdown of $pgdata failed; trying immediate"
  _pg_as_owner "$bindir/pg_ctl" -D "$pgdata" -m immediate -w -t 60 stop >/dev/null 2>&1 && return 0
  _pg_running "$bindir" "$pgdata" || return 0
  _pg_say "could not stop the server of $pgdata"
  return 1
}

_pg_write_config() {
  local pgdata="$1" socket="$2" port="$3"
  # Appended last, so these win over initdb's defaults.
  cat >>"$pgdata/postgresql.conf" <<EOF

# --- retort test server (scripts/lib/postgres.sh) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket'
# A throwaway cluster: durability buys nothing and costs seconds.
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
}

_pg_psql_admin() {
  local bindir="$1" socket="$2" port="$3"
  shift 3
  _pg_as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" \
    -U postgres -d postgres "$@"
}

_pg_create_role_and_database() {
  local bindir="$1" socket="$2" port="$3"
  # The role and database may exist when a caller reuses a cluster on purpose;
  # check before creating so a repeat never fails.
  local has_role has_db
  has_role=$(_pg_psql_admin "$bindir" "$socket" "$port" -tA \
    -c "SELECT 1 FROM pg_roles WHERE rolname = 'retort'") || return 1
  if [[ "$has_role" != "1" ]]; then
    _pg_psql_admin "$bindir" "$socket" "$port" \
      -c "CREATE ROLE retort LOGIN SUPERUSER PASSWORD 'rt-test-pw'" || return 1
  fi
  has_db=$(_pg_psql_admin "$bindir" "$socket" "$port" -tA \
    -c "SELECT 1 FROM pg_database WHERE datname = 'retort_test'") || return 1
  if [[ "$has_db" != "1" ]]; then
    _pg_psql_admin "$bindir" "$socket" "$port" \
      -c "CREATE DATABASE retort_test OWNER retort" || return 1
  fi
}

# pg_start DIR [PORT]
pg_start() {
  local dir="${1:-}" port="${2:-55432}"
  _pg_check_dir "$dir" || return 1
  dir="${dir%/}"
  if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
    _pg_say "invalid port '$port'"
    return 1
  fi
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    _pg_say "there is no postgres user (install the postgresql package)"
    return 1
  fi

  local bindir
  bindir=$(_pg_bindir) || return 1
  local pgdata="$dir/pgdata" socket="$dir/socket" logdir="$dir/log"
  local owner
  owner=$(_pg_owner)

  mkdir -p "$dir" || { _pg_say "cannot create $dir"; return 1; }
  _pg_stop_cluster "$bindir" "$pgdata" || return 1
  rm -rf -- "$pgdata" "$socket" || { _pg_say "cannot remove the old cluster in $pgdata"; return 1; }
  mkdir -p "$pgdata" "$socket" "$logdir" || { _pg_say "cannot create folders in $dir"; return 1; }
  if [[ $EUID -eq 0 ]]; then
    # The server user must be able to walk into DIR (mktemp -d makes it 0700).
    chmod a+x "$dir" || { _pg_say "cannot make $dir traversable"; return 1; }
    chown "$owner:" "$pgdata" "$socket" "$logdir" || { _pg_say "cannot give $dir's folders to $owner"; return 1; }
  fi
  chmod 0700 "$pgdata" || return 1
  if ! _pg_as_owner test -w "$pgdata"; then
    _pg_say "user $owner cannot write to $pgdata (is a parent folder of $dir unreadable to it?)"
    return 1
  fi

  local initlog="$logdir/initdb.log"
  if ! _pg_as_owner "$bindir/initdb" -D "$pgdata" -U postgres -E UTF8 --no-locale \
       --auth-local=trust --auth-host=scram-sha-256 >"$initlog" 2>&1; then
    _pg_say "initdb failed for $pgdata"
    _pg_log_tail "$initlog"
    return 1
  fi
  _pg_write_config "$pgdata" "$socket" "$port" || { _pg_say "cannot write $pgdata/postgresql.conf"; return 1; }

  local log="$logdir/postgres.log"
  if ! _pg_as_owner "$bindir/pg_ctl" -D "$pgdata" -l "$log" -w -t 60 start >/dev/null 2>&1; then
    _pg_say "the server in $pgdata did not start on 127.0.0.1:$port (port in use?)"
    _pg_log_tail "$log"
    return 1
  fi

  if ! _pg_create_role_and_database "$bindir" "$socket" "$port"; then
    _pg_say "cannot create role retort and database retort_test on port $port"
    return 1
  fi

  export RETORT_TEST_POSTGRESQL_URL="postgresql://retort:rt-test-pw@127.0.0.1:$port/retort_test"
  _pg_say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running in $dir on 127.0.0.1:$port"
}

# pg_stop DIR
pg_stop() {
  local dir="${1:-}"
  _pg_check_dir "$dir" || return 1
  dir="${dir%/}"
  [[ -d "$dir/pgdata" ]] || return 0
  local bindir
  bindir=$(_pg_bindir) || return 1
  _pg_stop_cluster "$bindir" "$dir/pgdata"
}
