# shellcheck shell=bash
#
# scripts/lib/pgbouncer.sh: a private PgBouncer in transaction pooling in
# front of the test PostgreSQL, without systemd. Source it, then:
#
#   pgbouncer_start DIR PG_PORT [PORT]   # PORT defaults to 56432
#   pgbouncer_stop DIR
#
# pgbouncer_start owns DIR (pgbouncer.ini, userlist.txt, the pid file, the
# log). It listens on 127.0.0.1:PORT only, passes every database through to
# 127.0.0.1:PG_PORT with pool_mode = transaction (a client's transactions may
# run on different server sessions, which is what breaks session locks),
# authenticates the retort account by its password, and exports
#   RETORT_TEST_PGBOUNCER_URL=postgresql://retort:rt-test-pw@127.0.0.1:PORT/retort_test
# Both functions return non-zero with a message on stderr on failure and
# never exit the calling shell.

_pgbouncer_fail() {
  echo "pgbouncer_start: $*" >&2
  return 1
}

_pgbouncer_os_user() {
  if [[ $EUID -eq 0 ]]; then echo postgres; else id -un; fi
}

_pgbouncer_running_pid() {
  local dir=$1 pid cmdline
  [[ -r $dir/pgbouncer.pid ]] || return 1
  pid=$(<"$dir/pgbouncer.pid")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$dir/pgbouncer.ini"* ]] || return 1
  echo "$pid"
}

pgbouncer_start() {
  local dir=${1:?usage: pgbouncer_start DIR PG_PORT [PORT]} pg_port=${2:?usage: pgbouncer_start DIR PG_PORT [PORT]}
  local port=${3:-56432} os_user deadline
  local PATH=$PATH:/usr/sbin
  command -v pgbouncer >/dev/null 2>&1 || { _pgbouncer_fail "pgbouncer not found: install pgbouncer"; return 1; }
  command -v psql >/dev/null 2>&1 || { _pgbouncer_fail "psql not found: install postgresql-client"; return 1; }
  mkdir -p "$dir" || { _pgbouncer_fail "cannot create $dir"; return 1; }
  dir=$(cd "$dir" && pwd) || return 1
  pgbouncer_stop "$dir" || return 1
  os_user=$(_pgbouncer_os_user)
  cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$pg_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 500
default_pool_size = 4
reserve_pool_size = 0
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
admin_users = retort
EOF
  echo '"retort" "rt-test-pw"' >"$dir/userlist.txt"
  chmod 600 "$dir/userlist.txt"
  if [[ $EUID -eq 0 ]]; then
    chown -R "$os_user:" "$dir" || { _pgbouncer_fail "cannot give $dir to $os_user"; return 1; }
    runuser -u "$os_user" -- pgbouncer -d "$dir/pgbouncer.ini" >>"$dir/pgbouncer.out" 2>&1 ||
      { tail -n 20 "$dir/pgbouncer.log" >&2 2>/dev/null; _pgbouncer_fail "pgbouncer did not start (log: $dir/pgbouncer.log)"; return 1; }
  else
    pgbouncer -d "$dir/pgbouncer.ini" >>"$dir/pgbouncer.out" 2>&1 ||
      { tail -n 20 "$dir/pgbouncer.log" >&2 2>/dev/null; _pgbouncer_fail "pgbouncer did not start (log: $dir/pgbouncer.log)"; return 1; }
  fi
  local url="postgresql://retort:rt-test-pw@127.0.0.1:$port/retort_test"
  deadline=$((SECONDS + 30))
  until psql "$url" -XAtqc "SELECT 1" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      tail -n 20 "$dir/pgbouncer.log" >&2 2>/dev/null
      _pgbouncer_fail "pgbouncer on 127.0.0.1:$port does not pass queries to PostgreSQL (log: $dir/pgbouncer.log)"
      return 1
    fi
    sleep 0.2
  done
  export RETORT_TEST_PGBOUNCER_URL=$url
}

pgbouncer_stop() {
  local dir=${1:?usage: pgbouncer_stop DIR} pid deadline
  [[ -d $dir ]] || return 0
  dir=$(cd "$dir" && pwd) || return 1
  pid=$(_pgbouncer_running_pid "$dir") || { rm -f "$dir/pgbouncer.pid"; return 0; }
  kill -INT "$pid" 2>/dev/null  # SIGINT: shut down now (SIGTERM waits for clients)
  deadline=$((SECONDS + 20))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$dir/pgbouncer.pid"
}
