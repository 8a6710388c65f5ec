#!/usr/bin/env bash
# Builds and runs the benchmarks of BENCHMARKS.md on an H2 file database and on a private
# PostgreSQL server started for the run, then stops and removes the server.
#
#   scripts/bench.sh            full run: 1,000,000 rows, 5 measured rounds (about 15 minutes)
#   scripts/bench.sh --quick    100,000 rows, 3 shorter rounds (a few minutes)
#
# Any other arguments go to the harness (see --help there): --only=inserts,queries,recorder,
# --no-h2, --rows=N, --out=FILE. Results are printed and written to target/bench-results.md.
#
# PostgreSQL: the newest PostgreSQL 15+ under /usr/lib/postgresql is used with its stock
# durability settings (fsync and synchronous_commit on), because the insert figures depend on them.
# Set ACTIVITYLOG_BENCH_PG_URL to use a server of your own instead; set NO_POSTGRES=1 to skip it.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -Pbench -pl activity-benchmarks -am package -DskipTests

PG_DIR=""
PG_BIN=""
RUN_AS=()
stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
      "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
    echo "private PostgreSQL stopped and removed" >&2
  fi
  PG_DIR=""
}
trap stop_postgres EXIT INT TERM

free_port() {
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

start_postgres() {
  local dir major
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] || continue
    major=$(basename "$(dirname "$dir")")
    case "$major" in '' | *[!0-9]*) continue ;; esac
    if [ "$major" -ge 15 ] && { [ -z "$PG_BIN" ] || [ "$major" -gt "$(basename "$(dirname "$PG_BIN")")" ]; }; then
      PG_BIN=$dir
    fi
  done
  if [ -z "$PG_BIN" ]; then
    echo "PostgreSQL 15+ not found under /usr/lib/postgresql: install it (apt-get install postgresql)," \
      "set ACTIVITYLOG_BENCH_PG_URL, or set NO_POSTGRES=1" >&2
    return 1
  fi
  # initdb refuses to run as root: the cluster belongs to the unprivileged postgres user.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    RUN_AS=(runuser -u postgres --)
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/activitylog-bench-pg.XXXXXX")
  chmod 700 "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  local port password
  port=$(free_port)
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s\n' "$password" >"$PG_DIR/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR/pwfile"
  "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # Only where it listens changes; memory and durability stay at the stock settings.
  cat >>"$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_DIR'
CONF
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 start >/dev/null \
    || { cat "$PG_DIR/postgres.log" >&2; return 1; }
  "${RUN_AS[@]}" "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE activitylog LOGIN PASSWORD '$password'" \
    -c "GRANT pg_checkpoint TO activitylog" \
    -c "CREATE DATABASE activitylog OWNER activitylog" >/dev/null
  export ACTIVITYLOG_BENCH_PG_URL="jdbc:postgresql://127.0.0.1:$port/activitylog?user=activitylog&password=$password"
  echo "private PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$port (data in $PG_DIR)" >&2
}

if [ -z "${ACTIVITYLOG_BENCH_PG_URL:-}" ] && [ -z "${NO_POSTGRES:-}" ]; then
  start_postgres
fi

CP="activity-benchmarks/target/activity-benchmarks-0.1.0-SNAPSHOT.jar:activity-benchmarks/target/lib/*"
# A fixed heap so the collector does not resize it during a measurement.
java -Xms1g -Xmx1g -XX:+UseG1GC \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" org.activitylog.benchmarks.Benchmarks "$@"
