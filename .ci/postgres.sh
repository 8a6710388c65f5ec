# Private PostgreSQL cluster for the test run. Source this file, then call pg_private_start;
# pg_private_stop undoes everything and is safe to call twice. No system service is used: the
# cluster lives in a fresh temporary directory, listens on a free loopback port only, and is
# removed on stop.
#
# Exports for the tests:
#   ACTIVITYLOG_TEST_PG_URL      full JDBC URL with user and password
#   ACTIVITYLOG_TEST_PG_CTL      the pg_ctl binary (the outage test stops and starts the server)
#   ACTIVITYLOG_TEST_PG_DATA     the data directory
#   ACTIVITYLOG_TEST_PG_PORT     the port
#   ACTIVITYLOG_TEST_PG_OS_USER  the OS user pg_ctl must run as (empty when it is the current one)
#
# pg_private_start_replica (after pg_private_start) adds a streaming replica of that cluster: a
# second private cluster cloned with pg_basebackup, on another loopback port, and exports
#   ACTIVITYLOG_TEST_PG_REPLICA_URL   its JDBC URL, same database, user and password

PG_MIN_MAJOR=15

pg_private__find_bindir() {
  local best="" major dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] || continue
    major=$(basename "$(dirname "$dir")")
    case "$major" in '' | *[!0-9]*) continue ;; esac
    if [ "$major" -ge "$PG_MIN_MAJOR" ] && { [ -z "$best" ] || [ "$major" -gt "$(basename "$(dirname "$best")")" ]; }; then
      best=$dir
    fi
  done
  printf '%s' "$best"
}

pg_private__free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(shuf -i 20000-60000 -n 1)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s' "$port"
      return 0
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

pg_private_start() {
  local bindir
  bindir=$(pg_private__find_bindir)
  if [ -z "$bindir" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL $PG_MIN_MAJOR+ (initdb, pg_ctl) is not installed and installing needs root" >&2
      return 1
    fi
    echo "PostgreSQL $PG_MIN_MAJOR+ not found: installing it with apt-get (no cluster, no service)"
    # Tell Debian's packaging not to create and start the system-wide 'main' cluster.
    mkdir -p /etc/postgresql-common
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
      echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
    bindir=$(pg_private__find_bindir)
    if [ -z "$bindir" ]; then
      echo "apt-get installed no PostgreSQL $PG_MIN_MAJOR+ under /usr/lib/postgresql" >&2
      return 1
    fi
  fi

  # initdb refuses to run as root: the cluster belongs to an unprivileged user.
  local os_user="" run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    os_user=postgres
    if ! id "$os_user" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
    fi
    run_as=(runuser -u "$os_user" --)
  fi

  PG_PRIVATE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/activitylog-pg.XXXXXX")
  chmod 700 "$PG_PRIVATE_DIR"
  [ -n "$os_user" ] && chown "$os_user" "$PG_PRIVATE_DIR"
  PG_PRIVATE_CTL="$bindir/pg_ctl"
  PG_PRIVATE_RUN_AS=("${run_as[@]}")

  local port password
  port=$(pg_private__free_port)
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s\n' "$password" >"$PG_PRIVATE_DIR/pwfile"
  [ -n "$os_user" ] && chown "$os_user" "$PG_PRIVATE_DIR/pwfile"

  "${run_as[@]}" "$bindir/initdb" -D "$PG_PRIVATE_DIR/data" -U postgres --pwfile="$PG_PRIVATE_DIR/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_PRIVATE_DIR/initdb.log" 2>&1 \
    || { cat "$PG_PRIVATE_DIR/initdb.log" >&2; return 1; }
  # Everything pg_ctl start needs lives in postgresql.conf, so the outage test can restart the
  # server with a bare 'pg_ctl start'. Durability is on, as PostgreSQL ships: the crash and
  # outage tests prove that acknowledged writes survive, which a server that may lose them
  # itself would not show.
  cat >>"$PG_PRIVATE_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_PRIVATE_DIR'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 200
CONF
  "${run_as[@]}" "$bindir/pg_ctl" -D "$PG_PRIVATE_DIR/data" -l "$PG_PRIVATE_DIR/postgres.log" -w -t 60 start >/dev/null \
    || { cat "$PG_PRIVATE_DIR/postgres.log" >&2; return 1; }
  "${run_as[@]}" "$bindir/psql" -q -v ON_ERROR_STOP=1 -h "$PG_PRIVATE_DIR" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE activitylog LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE activitylog OWNER activitylog" >/dev/null

  # The replica test pauses and resumes WAL replay on the replica to show which server a read
  # went to; the grant is made here because a replica accepts no GRANT of its own.
  "${run_as[@]}" "$bindir/psql" -q -v ON_ERROR_STOP=1 -h "$PG_PRIVATE_DIR" -p "$port" -U postgres -d activitylog \
    -c "GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO activitylog" >/dev/null
  PG_PRIVATE_BINDIR=$bindir
  PG_PRIVATE_PORT=$port
  PG_PRIVATE_PASSWORD=$password
  export ACTIVITYLOG_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/activitylog?user=activitylog&password=$password"
  export ACTIVITYLOG_TEST_PG_CTL="$bindir/pg_ctl"
  export ACTIVITYLOG_TEST_PG_DATA="$PG_PRIVATE_DIR/data"
  export ACTIVITYLOG_TEST_PG_PORT="$port"
  export ACTIVITYLOG_TEST_PG_OS_USER="$os_user"
  echo "private PostgreSQL $(basename "$(dirname "$bindir")") running on 127.0.0.1:$port (data in $PG_PRIVATE_DIR)"
}

pg_private_start_replica() {
  if [ -z "${PG_PRIVATE_DIR:-}" ]; then
    echo "pg_private_start_replica needs a running pg_private_start cluster" >&2
    return 1
  fi
  local port
  port=$(pg_private__free_port)
  # pg_basebackup copies the running primary over a replication connection (initdb's pg_hba.conf
  # allows one from 127.0.0.1) and, with -R, writes standby.signal and primary_conninfo, so the
  # copy starts as a hot standby that streams the primary's WAL.
  "${PG_PRIVATE_RUN_AS[@]}" env PGPASSWORD="$PG_PRIVATE_PASSWORD" "$PG_PRIVATE_BINDIR/pg_basebackup" \
    -h 127.0.0.1 -p "$PG_PRIVATE_PORT" -U postgres -D "$PG_PRIVATE_DIR/replica" -R -X stream -c fast \
    >"$PG_PRIVATE_DIR/basebackup.log" 2>&1 \
    || { cat "$PG_PRIVATE_DIR/basebackup.log" >&2; return 1; }
  # The copy's postgresql.conf is the primary's; later lines win, so only the port changes.
  cat >>"$PG_PRIVATE_DIR/replica/postgresql.conf" <<CONF
port = $port
hot_standby = on
CONF
  "${PG_PRIVATE_RUN_AS[@]}" "$PG_PRIVATE_CTL" -D "$PG_PRIVATE_DIR/replica" -l "$PG_PRIVATE_DIR/replica.log" -w -t 60 start >/dev/null \
    || { cat "$PG_PRIVATE_DIR/replica.log" >&2; return 1; }
  export ACTIVITYLOG_TEST_PG_REPLICA_URL="jdbc:postgresql://127.0.0.1:$port/activitylog?user=activitylog&password=$PG_PRIVATE_PASSWORD"
  echo "streaming replica running on 127.0.0.1:$port"
}

pg_private_stop() {
  if [ -n "${PG_PRIVATE_DIR:-}" ] && [ -d "$PG_PRIVATE_DIR" ]; then
    if [ -f "$PG_PRIVATE_DIR/replica/postmaster.pid" ]; then
      "${PG_PRIVATE_RUN_AS[@]}" "$PG_PRIVATE_CTL" -D "$PG_PRIVATE_DIR/replica" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [ -f "$PG_PRIVATE_DIR/data/postmaster.pid" ]; then
      "${PG_PRIVATE_RUN_AS[@]}" "$PG_PRIVATE_CTL" -D "$PG_PRIVATE_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_PRIVATE_DIR"
    echo "private PostgreSQL stopped and removed"
  fi
  PG_PRIVATE_DIR=""
}
