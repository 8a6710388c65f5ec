#!/usr/bin/env bash
# Issue 12's benchmark of ingestion through Kafka (BENCHMARKS.md): record() latency over the Kafka
# transport, end-to-end throughput to PostgreSQL rows against the in-process recorder and a raw
# KafkaProducer/KafkaConsumer loop (same run, rounds alternating), and the ingestor's catch-up rate
# after a database outage. About five minutes.
#
#   scripts/bench-kafka.sh [--rows=N] [--rounds=N] [--outage=SECONDS] [--out=FILE]
#
# PostgreSQL: the private cluster of .ci/postgres.sh when ACTIVITYLOG_TEST_PG_URL, _CTL, _DATA (and
# _OS_USER) are set; otherwise the script starts one and stops it at the end. The outage stops and
# restarts that cluster with pg_ctl: never point it at a server others use.
# Kafka: one KRaft node (broker and controller) started on the class path activity-kafka's build
# writes for its own broker fixture (activity-kafka/target/broker-classpath.txt), in a temporary
# directory on free loopback ports; stopped and removed at the end. MVN_ARGS (say -o) go to the
# build.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck disable=SC2086
nice mvn -B -ntp -q ${MVN_ARGS:-} -Pbench -pl activity-benchmarks -am package -DskipTests \
  -Dspotless.check.skip=true
CP="activity-benchmarks/target/activity-benchmarks-0.1.0-SNAPSHOT.jar:activity-benchmarks/target/lib/*"

KAFKA_DIR=""
KAFKA_PID=""
OWN_PG=""
cleanup() {
  if [ -n "$KAFKA_PID" ] && kill -0 "$KAFKA_PID" 2>/dev/null; then
    kill "$KAFKA_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$KAFKA_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$KAFKA_PID" 2>/dev/null || true
  fi
  [ -n "$KAFKA_DIR" ] && rm -rf "$KAFKA_DIR"
  if [ -n "$OWN_PG" ]; then pg_private_stop || true; fi
}
trap cleanup EXIT INT TERM

if [ -z "${ACTIVITYLOG_TEST_PG_URL:-}" ]; then
  # shellcheck source=/dev/null
  source .ci/postgres.sh
  pg_private_start
  OWN_PG=1
fi

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

KAFKA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/activitylog-bench-kafka.XXXXXX")
PORT=$(free_port)
CONTROLLER=$(free_port)
cat >"$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
KAFKA_JVM=(java -Xms256m -Xmx512m -XX:+UseSerialGC -Dlog4j2.level=WARN
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat activity-kafka/target/broker-classpath.txt)")
CLUSTER_ID=$("${KAFKA_JVM[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
"${KAFKA_JVM[@]}" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$KAFKA_DIR/server.properties" \
  >"$KAFKA_DIR/format.log" 2>&1 || { cat "$KAFKA_DIR/format.log" >&2; exit 1; }
"${KAFKA_JVM[@]}" kafka.Kafka "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/broker.log" 2>&1 &
KAFKA_PID=$!
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$KAFKA_PID" 2>/dev/null || { tail -50 "$KAFKA_DIR/broker.log" >&2; exit 1; }
  sleep 0.5
done
echo "Kafka broker on 127.0.0.1:$PORT (data in $KAFKA_DIR)" >&2

java -Xms1g -Xmx1g -XX:+UseG1GC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$CP" org.activitylog.benchmarks.kafka.KafkaBenchmarks --bootstrap="127.0.0.1:$PORT" "$@"
