# shellcheck shell=bash
#
# scripts/lib/galera.sh: a private 3-node MariaDB Galera cluster on loopback
# for the test suite, without systemd. Source it (it sources mariadb.sh),
# then:
#
#   galera_start DIR [PORT]   # node n (1..3) listens on PORT+n-1; PORT defaults to 23316
#   galera_stop DIR
#   galera_node_pid DIR N     # the pid of node N (for tests that kill one)
#   galera_rejoin DIR N [PORT] # start node N again after a kill
#
# Node n owns DIR/node<n> (data, socket, pid, logs, as mariadb_start lays
# them out). Group communication uses PORT+10+n, IST PORT+20+n and rsync SST
# PORT+30+n, all on 127.0.0.1. Keep PORT..PORT+33 below the kernel's
# ephemeral range (ip_local_port_range, 32768 up on Debian): a node that
# rejoins mid-suite binds its IST and SST ports again, and a client socket
# the suite left on one of them (connected or in TIME_WAIT) makes the rsync
# daemon fail and the joiner leave the cluster. Node 1 bootstraps the
# cluster; nodes 2 and 3 join it and receive its data by rsync SST. Every
# node gets the account retort/rt-test-pw (created once, replicated) and the
# database retort_test, and galera_start exports
#   RETORT_TEST_GALERA_URLS="mariadb://retort:rt-test-pw@127.0.0.1:PORT/retort_test ..."
# (the three node URLs, space-separated). GALERA_START_TIMEOUT (seconds,
# default 120) bounds the wait for each node.

_galera_lib_dir=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=scripts/lib/mariadb.sh
source "$_galera_lib_dir/mariadb.sh"

_galera_provider=/usr/lib/galera/libgalera_smm.so

_galera_fail() {
  echo "galera_start: $*" >&2
  return 1
}

# The server command of node n (1..3), bootstrapping when $4 is "new".
_galera_server() {
  local dir=$1 port=$2 n=$3 mode=$4 base_port=$5
  local node_dir=$dir/node$n
  local peers="127.0.0.1:$((base_port + 11)),127.0.0.1:$((base_port + 12)),127.0.0.1:$((base_port + 13))"
  local server=(mariadbd --no-defaults --datadir="$node_dir/data" --bind-address=127.0.0.1
    --port="$port" --socket="$node_dir/mysqld.sock" --pid-file="$node_dir/mysqld.pid"
    --log-error="$node_dir/mysqld.log" --tmpdir="$node_dir/tmp" --skip-name-resolve "${_mariadb_fast_options[@]}"
    --wsrep-on=ON --wsrep-provider="$_galera_provider" --wsrep-cluster-name=retort_test
    --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:$((base_port + 10 + n))"
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((base_port + 10 + n));ist.recv_addr=127.0.0.1:$((base_port + 20 + n));gcache.size=32M"
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((base_port + 30 + n))"
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2)
  if [[ $mode == new ]]; then
    server+=(--wsrep-cluster-address=gcomm:// --wsrep-new-cluster)
  else
    server+=(--wsrep-cluster-address="gcomm://$peers")
  fi
  [[ $EUID -eq 0 ]] && server+=(--user="$(_mariadb_os_user)")
  printf '%s\n' "${server[@]}"
}

_galera_launch() {
  local dir=$1 port=$2 n=$3 mode=$4 base_port=$5 node_dir pid log_from
  node_dir=$dir/node$n
  local -a server
  mapfile -t server < <(_galera_server "$dir" "$port" "$n" "$mode" "$base_port")
  rm -f "$node_dir/mysqld.sock" "$node_dir/mysqld.pid"
  _mariadb_private_tmpdir "$node_dir" || return 1
  log_from=$(_mariadb_log_size "$node_dir")
  (setsid "${server[@]}" >>"$node_dir/mysqld.out" 2>&1 </dev/null & echo $! >"$node_dir/launch.pid")
  pid=$(<"$node_dir/launch.pid")
  MARIADB_START_TIMEOUT=${GALERA_START_TIMEOUT:-120} _mariadb_wait_ready "$node_dir" "$pid" "$log_from" || return 1
  # Answering is not enough: the node must be a synced member.
  local deadline=$((SECONDS + ${GALERA_START_TIMEOUT:-120})) state
  while ((SECONDS < deadline)); do
    state=$(_mariadb_admin_sql "$node_dir" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}')
    [[ $state == Synced ]] && return 0
    sleep 0.3
  done
  _galera_fail "node $n did not reach Synced (state '$state'; log: $node_dir/mysqld.log)"
}

galera_start() {
  local dir=${1:?usage: galera_start DIR [PORT]} port=${2:-23316} n tool os_user
  local PATH=$PATH:/usr/sbin
  for tool in mariadbd mariadb-install-db mariadb rsync wsrep_sst_rsync; do
    command -v "$tool" >/dev/null 2>&1 ||
      { _galera_fail "$tool not found: install mariadb-server, galera-4 and rsync"; return 1; }
  done
  [[ -r $_galera_provider ]] || { _galera_fail "$_galera_provider not found: install galera-4"; return 1; }
  mkdir -p "$dir" || { _galera_fail "cannot create $dir"; return 1; }
  dir=$(cd "$dir" && pwd) || return 1
  galera_stop "$dir" || return 1
  os_user=$(_mariadb_os_user)
  for n in 1 2 3; do
    mkdir -p "$dir/node$n"
    # A joiner's data comes from node 1 by SST; stale data from an earlier
    # run would only make the joiner refuse or take longer.
    [[ $n -gt 1 ]] && rm -rf "$dir/node$n/data" && mkdir -p "$dir/node$n/data"
    [[ $EUID -eq 0 ]] && chown -R "$os_user:" "$dir/node$n"
  done
  [[ $EUID -eq 0 ]] && chown "$os_user:" "$dir"
  # A fresh bootstrap each run: no grastate from an earlier cluster.
  rm -rf "$dir/node1/data"
  _mariadb_initialise "$dir/node1" || return 1
  _galera_launch "$dir" "$port" 1 new "$port" || return 1
  _mariadb_create_account_and_database "$dir/node1" ||
    { _galera_fail "could not create the retort account and database"; return 1; }
  for n in 2 3; do
    _galera_launch "$dir" $((port + n - 1)) "$n" join "$port" || return 1
  done
  export RETORT_TEST_GALERA_URLS="mariadb://retort:rt-test-pw@127.0.0.1:$port/retort_test mariadb://retort:rt-test-pw@127.0.0.1:$((port + 1))/retort_test mariadb://retort:rt-test-pw@127.0.0.1:$((port + 2))/retort_test"
}

galera_node_pid() {
  local dir=${1:?usage: galera_node_pid DIR N} n=${2:?usage: galera_node_pid DIR N}
  _mariadb_running_pid "$dir/node$n"
}

galera_stop() {
  local dir=${1:?usage: galera_stop DIR} n status=0
  [[ -d $dir ]] || return 0
  # Joiners first, so the last node shuts down as the only member.
  for n in 3 2 1; do
    [[ -d $dir/node$n ]] || continue
    mariadb_stop "$dir/node$n" || status=1
  done
  return $status
}

# galera_rejoin DIR N [PORT]: starts node N again (after a kill), joining the
# running nodes; PORT is galera_start's.
galera_rejoin() {
  local dir=${1:?usage: galera_rejoin DIR N [PORT]} n=${2:?usage: galera_rejoin DIR N [PORT]} port=${3:-23316}
  local PATH=$PATH:/usr/sbin
  dir=$(cd "$dir" && pwd) || return 1
  mariadb_stop "$dir/node$n" || return 1
  _galera_wait_evicted "$dir" "$n"
  # A join that fails for a passing reason succeeds on a second try; each
  # failed try prints its own [ERROR] lines.
  local attempt
  for attempt in 1 2 3; do
    _galera_launch "$dir" $((port + n - 1)) "$n" join "$port" && return 0
    echo "galera_rejoin: node $n did not join (attempt $attempt of 3)" >&2
    mariadb_stop "$dir/node$n" || return 1
    sleep 2
  done
  return 1
}

# Waits (up to 30 s) until a surviving node no longer counts the killed node
# n as a member: until then the cluster's view still holds its old identity,
# and the new one's join can end in a partitioned, non-primary component.
_galera_wait_evicted() {
  local dir=$1 n=$2 other size deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    for other in 1 2 3; do
      [[ $other == "$n" ]] && continue
      _mariadb_running_pid "$dir/node$other" >/dev/null || continue
      size=$(_mariadb_admin_sql "$dir/node$other" "SHOW STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null | awk '{print $2}')
      [[ $size =~ ^[0-9]+$ ]] && ((size < 3)) && return 0
    done
    sleep 0.5
  done
}
