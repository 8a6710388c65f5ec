#!/usr/bin/env bash
# The durability cost of BENCHMARKS.md: one-row and 100-row inserts on an H2 file, default
# (durable) configuration against durableH2Writes(false), alternating in one JVM, medians printed.
#
#   scripts/bench-durability.sh [rounds] [one-row inserts per round]     (defaults: 5 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
# Reactor siblings resolve to their target/classes, never to ~/.m2.
mvn -B -ntp -q -pl activity-jdbc -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
CP="activity-jdbc/target/test-classes:activity-jdbc/target/classes:$(cat activity-jdbc/target/bench-cp.txt)"
java -cp "$CP" org.activitylog.jdbc.crash.DurabilityCost "$@"
