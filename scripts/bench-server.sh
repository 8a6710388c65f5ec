#!/usr/bin/env bash
# Requests/s and latency of the reference server on loopback, for BENCHMARKS.md; not a test.
#   bash scripts/bench-server.sh JAR [label] [seconds] [connections]
# Starts the jar on a free port with fresh demo data, runs scripts/HttpBench.java against
# GET /api3/activity (a page of 20) and GET /api/v1/activity/1/, keep-alive then close, and stops it.
set -euo pipefail
jar=$1; label=${2:-server}; seconds=${3:-10}; connections=${4:-4}
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d); log=$(mktemp)
token=85f7b2462570acdde9a458ba6495b8763dcd040c
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The access log line per request would measure stderr, not the server.
java -Dorg.slf4j.simpleLogger.log.org.activitylog.server.access=warn \
  -jar "$jar" --port "$port" --data-dir "$data" --threads 8 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$log"' EXIT
for _ in $(seq 1 100); do
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api3/activity" && break
  sleep 0.3
done
base=http://127.0.0.1:$port
for mode in keepalive close; do
  java "$here/HttpBench.java" "$base/api3/activity?page_size=20" "$token" $mode "$seconds" "$connections" "$label: LIST /api3/activity (20)"
  java "$here/HttpBench.java" "$base/api/v1/activity/1/" "$token" $mode "$seconds" "$connections" "$label: GET /api/v1/activity/1/"
done
