# shellcheck shell=bash
#
# scripts/lib/mariadb.sh: a private MariaDB server for the test suite,
# without systemd. Source it, then:
#
#   mariadb_start DIR [PORT]   # PORT defaults to 33306
#   mariadb_stop DIR
#
# mariadb_start owns DIR: the data directory (DIR/data), the socket
# (DIR/mysqld.sock), the pid file (DIR/mysqld.pid) and the logs
# (DIR/mysqld.log, DIR/mysqld.out). The server listens on 127.0.0.1 only. It
# stops a server left running in DIR by an earlier run, reuses DIR/data when
# it is already initialised (install-db is the slow part), recreates the
# database retort_test empty, makes the account retort/retort (from
# 127.0.0.1 and localhost, all privileges) and exports
#   RETORT_TEST_MARIADB_URL=mariadb://retort:rt-test-pw@127.0.0.1:PORT/retort_test
# Both functions return non-zero with a message on stderr on failure; neither
# exits the calling shell or changes its options.
#
# Runs as root (the server drops to the mysql account) or as any user (the
# server runs as that user). MARIADB_START_TIMEOUT (seconds, default 60)
# bounds the wait for the server to answer.

# Settings that make a throw-away server start fast and stay small; shared by
# install-db and the server so the redo log is created at its final size.
# Durability is traded away on purpose: the data lives as long as one run.
_mariadb_fast_options=(
  --innodb-buffer-pool-size=64M
  --innodb-log-file-size=16M
  --innodb-flush-log-at-trx-commit=0
  --innodb-doublewrite=0
  --skip-log-bin
  --sync-binlog=0
  --character-set-server=utf8mb4
  --collation-server=utf8mb4_general_ci
)

_mariadb_fail() {
  echo "mariadb_start: $*" >&2
  return 1
}

# The account the server runs as, and the one whose unix_socket login
# install-db creates for administration.
_mariadb_os_user() {
  if [[ $EUID -eq 0 ]]; then echo mysql; else id -un; fi
}

_mariadb_admin_user() {
  if [[ $EUID -eq 0 ]]; then echo root; else id -un; fi
}

# Prints the pid of the server running from DIR, if there is one. The pid
# file alone is not trusted: the process must exist and be a mariadbd whose
# command line names DIR/data, so a recycled pid is never signalled.
_mariadb_running_pid() {
  local dir=$1 pid pidfile cmdline
  for pidfile in "$dir/mysqld.pid" "$dir/launch.pid"; do
    [[ -r $pidfile ]] || continue
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] || continue
    cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
    if [[ $cmdline == *" --datadir=$dir/data "* ]]; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}

# True while `pid` runs; a zombie (dead, not yet reaped) does not count.
_mariadb_alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ $state != Z ]]
}

# Runs SQL as the administrative account over the socket.
_mariadb_admin_sql() {
  local dir=$1 sql=$2
  mariadb --no-defaults --protocol=socket --socket="$dir/mysqld.sock" \
    --user="$(_mariadb_admin_user)" --batch --skip-column-names -e "$sql"
}

_mariadb_initialise() {
  local dir=$1 os_user
  os_user=$(_mariadb_os_user)
  [[ -d $dir/data/mysql ]] && return 0
  rm -rf "$dir/data"
  if ! mariadb-install-db --no-defaults --user="$os_user" --datadir="$dir/data" \
      --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve \
      "${_mariadb_fast_options[@]}" >"$dir/install-db.log" 2>&1; then
    # The tail is install-db's generic advice; the server's own [ERROR]
    # lines say what went wrong.
    grep -F '[ERROR]' "$dir/install-db.log" | head -n 20 >&2
    tail -n 5 "$dir/install-db.log" >&2
    rm -rf "$dir/data"
    _mariadb_fail "mariadb-install-db failed for $dir/data (log: $dir/install-db.log)"
    return 1
  fi
}

# The server's temporary files (internal temporary tables of
# information_schema queries among them) go to DIR/tmp, not /tmp, which
# other servers and cleaners share: a temporary file removed under a server
# fails the query that owns it.
_mariadb_private_tmpdir() {
  local dir=$1
  mkdir -p "$dir/tmp" || { _mariadb_fail "cannot create $dir/tmp"; return 1; }
  [[ $EUID -eq 0 ]] && chown "$(_mariadb_os_user):" "$dir/tmp"
  return 0
}

# The error log's size before a launch: the log is appended to by every
# start, and only this start's errors explain its failure.
_mariadb_log_size() {
  stat -c %s "$1/mysqld.log" 2>/dev/null || echo 0
}

# Waits until the server answers on its socket, the process dies, or the
# timeout passes. LOG_FROM is _mariadb_log_size from before the launch.
_mariadb_wait_ready() {
  local dir=$1 pid=$2 log_from=${3:-0} timeout=${MARIADB_START_TIMEOUT:-60}
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if ! _mariadb_alive "$pid"; then
      # The cause is often far above the shutdown noise at the log's end.
      tail -c +$((log_from + 1)) "$dir/mysqld.log" 2>/dev/null | grep -F '[ERROR]' | tail -n 8 | cut -c1-400 >&2
      tail -n 20 "$dir/mysqld.log" >&2 2>/dev/null
      _mariadb_fail "mariadbd exited during startup (log: $dir/mysqld.log; removing $dir/data starts afresh)"
      return 1
    fi
    if _mariadb_admin_sql "$dir" "SELECT 1" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null
  tail -n 20 "$dir/mysqld.log" >&2 2>/dev/null
  _mariadb_fail "mariadbd did not answer within ${timeout} s (log: $dir/mysqld.log); killed it"
}

_mariadb_create_account_and_database() {
  local dir=$1
  # CREATE OR REPLACE resets the password should an earlier run have left
  # the account with another one.
  _mariadb_admin_sql "$dir" "
    CREATE OR REPLACE USER 'retort'@'127.0.0.1' IDENTIFIED BY 'rt-test-pw';
    CREATE OR REPLACE USER 'retort'@'localhost' IDENTIFIED BY 'rt-test-pw';
    GRANT ALL PRIVILEGES ON *.* TO 'retort'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON *.* TO 'retort'@'localhost';
    DROP DATABASE IF EXISTS retort_test;
    CREATE DATABASE retort_test CHARACTER SET utf8mb4;" >&2
}

mariadb_start() {
  local dir=${1:?usage: mariadb_start DIR [PORT]} port=${2:-33306} os_user pid tool log_from
  # mariadbd lives in /usr/sbin, which a non-root PATH may lack.
  local PATH=$PATH:/usr/sbin
  if ! [[ $port =~ ^[0-9]{1,5}$ ]] || ((10#$port < 1 || 10#$port > 65535)); then
    _mariadb_fail "port must be a number from 1 to 65535, not '$port'"
    return 1
  fi
  for tool in mariadbd mariadb-install-db mariadb; do
    command -v "$tool" >/dev/null 2>&1 ||
      { _mariadb_fail "$tool not found: install mariadb-server and mariadb-client"; return 1; }
  done
  mkdir -p "$dir" || { _mariadb_fail "cannot create $dir"; return 1; }
  dir=$(cd "$dir" && pwd) || return 1

  mariadb_stop "$dir" || return 1

  os_user=$(_mariadb_os_user)
  if [[ $EUID -eq 0 ]]; then
    chown "$os_user:" "$dir" || { _mariadb_fail "cannot give $dir to $os_user"; return 1; }
    [[ -d $dir/data ]] && chown -R "$os_user:" "$dir/data"
    # The server drops to $os_user, which must be able to reach DIR.
    if ! runuser -u "$os_user" -- test -w "$dir"; then
      _mariadb_fail "the $os_user account cannot write $dir (is a parent folder private, e.g. /root?)"
      return 1
    fi
  fi

  _mariadb_initialise "$dir" || return 1
  _mariadb_private_tmpdir "$dir" || return 1

  local server=(mariadbd --no-defaults --datadir="$dir/data" --bind-address=127.0.0.1
    --port="$port" --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid"
    --log-error="$dir/mysqld.log" --tmpdir="$dir/tmp" --skip-name-resolve "${_mariadb_fast_options[@]}")
  [[ $EUID -eq 0 ]] && server+=(--user="$os_user")
  rm -f "$dir/mysqld.sock" "$dir/mysqld.pid"
  log_from=$(_mariadb_log_size "$dir")
  # The subshell makes the server a grandchild: the caller's `wait` never
  # waits for it and its job table stays clean. setsid keeps terminal
  # signals (Ctrl-C) for the caller, whose trap calls mariadb_stop.
  (setsid "${server[@]}" >>"$dir/mysqld.out" 2>&1 </dev/null & echo $! >"$dir/launch.pid")
  pid=$(<"$dir/launch.pid")

  _mariadb_wait_ready "$dir" "$pid" "$log_from" || return 1
  _mariadb_create_account_and_database "$dir" ||
    { _mariadb_fail "could not create the retort account and database"; return 1; }
  export RETORT_TEST_MARIADB_URL="mariadb://retort:rt-test-pw@127.0.0.1:$port/retort_test"
}

mariadb_stop() {
  local dir=${1:?usage: mariadb_stop DIR} pid
  [[ -d $dir ]] || return 0
  dir=$(cd "$dir" && pwd) || return 1
  pid=$(_mariadb_running_pid "$dir") || { rm -f "$dir/mysqld.pid" "$dir/launch.pid"; return 0; }
  # SIGTERM is mariadbd's clean shutdown.
  kill -TERM "$pid" 2>/dev/null
  local deadline=$((SECONDS + 60))
  while _mariadb_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if _mariadb_alive "$pid"; then
    kill -KILL "$pid" 2>/dev/null
    sleep 0.5
  fi
  if _mariadb_alive "$pid"; then
    echo "mariadb_stop: mariadbd (pid $pid) in $dir does not stop" >&2
    return 1
  fi
  rm -f "$dir/mysqld.pid" "$dir/launch.pid" "$dir/mysqld.sock"
}
