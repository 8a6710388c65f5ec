#!/usr/bin/env bash
# Before/after in one run: the benchmark harness (scripts/bench.sh) on a baseline commit and on this
# working tree, alternately, on the same machine with the same settings, so that a slower path shows
# as a ratio between two columns measured minutes apart rather than days apart.
#
#   scripts/bench-compare.sh BASELINE_COMMIT [bench.sh options...]
#   scripts/bench-compare.sh 1e56c84 --quick --only=inserts,queries
#
# PAIRS=N (default 2) runs the pair N times, baseline first; every run writes its own Markdown under
# target/bench-compare/ (base-1.md, head-1.md, ...). Each run starts and removes its own private
# PostgreSQL, as bench.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:?usage: scripts/bench-compare.sh BASELINE_COMMIT [bench.sh options...]}
shift
pairs=${PAIRS:-2}
out=$PWD/target/bench-compare
mkdir -p "$out"

tree=$(mktemp -d)/baseline
git worktree add --detach "$tree" "$base" >/dev/null
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT

for i in $(seq 1 "$pairs"); do
  echo "== pair $i: baseline $(git rev-parse --short "$base")" >&2
  (cd "$tree" && scripts/bench.sh "$@" --out="$out/base-$i.md")
  echo "== pair $i: working tree $(git rev-parse --short HEAD)" >&2
  scripts/bench.sh "$@" --out="$out/head-$i.md"
done
echo "results in $out" >&2
