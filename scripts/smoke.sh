#!/usr/bin/env bash
# Smoke test of the packaged server: starts activity-server.jar on a free port with a fresh data
# directory and a fixed token, sends the seeds' own example requests with curl, checks the answers
# against the seeds' example JSON, stops the server and exits non-zero on any mismatch.
#
#   scripts/smoke.sh [path/to/activity-server.jar]
#
# Needs java, curl and python3. Build the jar first:
#   mvn -B -ntp -q -pl activity-server -am package -DskipTests
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${1:-$root/activity-server/target/activity-server.jar}"
# The seeds' example payloads, shipped once by activity-formats (SeedExamples).
fixtures="$root/activity-formats/src/main/resources/org/activitylog/formats/seeds"
token="smoke-85f7b2462570acdde9a458ba6495b8763dcd040c"

for tool in java curl python3; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is required" >&2; exit 2; }
done
[[ -f "$jar" ]] || { echo "smoke: no jar at $jar; build it first" >&2; exit 2; }

work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() {
  echo "ok:   $*"
}

# Port 0: the server picks a free port and prints its URL, so no other process can take it first.
java -jar "$jar" --port 0 --data-dir "$work/data" --demo-token "$token" >"$work/server.log" 2>&1 &
pid=$!

base=""
for _ in $(seq 1 120); do
  base="$(grep -o 'listening on http://[^ ]*' "$work/server.log" | head -1 | sed 's/listening on //' || true)"
  [[ -n "$base" ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [[ -z "$base" ]]; then
  echo "smoke: the server did not start; its output:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
echo "smoke: server at $base"

# request NAME METHOD PATH [curl args...]: saves the body to $work/NAME.body and prints the status.
request() {
  local name="$1" method="$2" path="$3"
  shift 3
  curl -sS -o "$work/$name.body" -w '%{http_code}' -X "$method" "$@" "${base%/}$path"
}

# check_json NAME PYTHON-EXPRESSION: the expression, over `body` (the parsed answer) and `fixture`
# (a function that reads a seed fixture), must be true.
check_json() {
  local name="$1" expression="$2"
  python3 - "$work/$name.body" "$fixtures" "$expression" <<'PY'
import json, os, sys

body_file, fixtures, expression = sys.argv[1], sys.argv[2], sys.argv[3]

def without_nulls(node):
    # The seeds show some absent values as null and leave others out: the same thing.
    if isinstance(node, dict):
        return {k: without_nulls(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [without_nulls(v) for v in node]
    return node

def fixture(name):
    with open(os.path.join(fixtures, name), encoding="utf-8") as f:
        return without_nulls(json.load(f))

try:
    with open(body_file, encoding="utf-8") as f:
        body = without_nulls(json.load(f))
    sys.exit(0 if eval(expression) else 1)
except (ValueError, KeyError, TypeError, IndexError):
    sys.exit(1)  # not JSON, or not the expected shape: a mismatch
PY
}

expect() {
  local what="$1" expected="$2" actual="$3" name="$4"
  if [[ "$actual" == "$expected" ]]; then
    pass "$what: $actual"
  else
    fail "$what: status $actual, expected $expected; body: $(head -c 300 "$work/$name.body")"
  fi
}

auth=(-H "Authorization: Bearer $token")

# 1. Brightidea LIST, the seed's example request: the seed's two POST_UPDATEs and its stats.
status="$(request list GET '/api3/activity?page_size=2&page=1&type=POST_UPDATE' "${auth[@]}")"
expect "GET /api3/activity?page_size=2&page=1&type=POST_UPDATE" 200 "$status" list
if check_json list 'body == fixture("brightidea-list-activity.json")'; then
  pass "LIST answer equals the seed's example (stats total \"5\", page_count 3)"
else
  fail "LIST answer differs from the seed's example: $(head -c 300 "$work/list.body")"
fi

# 2. Brightidea GET by the seed's id.
status="$(request one GET /api3/activity/D2136C62-B65E-40D2-ABD2-873AEF120514 "${auth[@]}")"
expect "GET /api3/activity/D2136C62-B65E-40D2-ABD2-873AEF120514" 200 "$status" one
if check_json one 'body == fixture("brightidea-get-activity.json")'; then
  pass "GET answer equals the seed's example"
else
  fail "GET answer differs from the seed's example: $(head -c 300 "$work/one.body")"
fi

# 3. AISquare PUT with the seed's example body.
status="$(request put PUT /api/v1/activity/1/ "${auth[@]}" -H 'Content-Type: application/json' \
  --data-binary "@$fixtures/aisquare-put-request.json")"
expect "PUT /api/v1/activity/1/ (the seed's body)" 200 "$status" put
if check_json put 'body["id"] == 1 and body["text"] == "User logged in successfully from IP 192.168.1.10" and body["user"]["username"] == "johndoe" and body["user"]["email"] == "johndoe@example.com"'; then
  pass "PUT answer carries the new text and user"
else
  fail "PUT answer: $(head -c 300 "$work/put.body")"
fi

# 4. A 404 for an id that does not exist, with the seed's one documented error.
status="$(request missing GET /api3/activity/11111111-1111-1111-1111-111111111111 "${auth[@]}")"
expect "GET of a missing id" 404 "$status" missing
if check_json missing 'body["error"]["message"] == "Invalid object ID or you don'"'"'t have access to this object"'; then
  pass "404 says \"Invalid object ID or you don't have access to this object\""
else
  fail "404 body: $(cat "$work/missing.body")"
fi

# 5. A 401 without a token (the server is private by default).
status="$(request anonymous GET /api3/activity)"
expect "GET /api3/activity without a token" 401 "$status" anonymous

# 6. The same LIST as XML.
status="$(request xml GET '/api3/activity?page_size=2&page=1&type=POST_UPDATE&format=xml' "${auth[@]}")"
expect "GET /api3/activity?...&format=xml" 200 "$status" xml
if grep -q '<id>FB4CAD9D-0169-48C8-9553-CD3D30D1B052</id>' "$work/xml.body" \
  && grep -q '<total>5</total>' "$work/xml.body"; then
  pass "XML answer carries the seed's first update and total 5"
else
  fail "XML answer: $(head -c 300 "$work/xml.body")"
fi

# Stop gracefully, as SIGTERM from a process manager would.
kill -TERM "$pid"
if wait "$pid"; then :; fi
pid=""
if grep -q "Stopped" "$work/server.log"; then
  pass "server stopped gracefully on SIGTERM"
else
  fail "server did not log a graceful stop"
fi

if ((failures > 0)); then
  echo "smoke: $failures check(s) failed; server output:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
echo "smoke: all checks passed"
