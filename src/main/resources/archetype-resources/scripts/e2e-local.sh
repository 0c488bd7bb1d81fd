#!/usr/bin/env bash
# Runs the e2e suite against a local API: starts it on a free port, waits until it answers, runs
# the suite, and stops it (and its local DynamoDB) whatever happens: `make e2e-local`.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress -DskipChecks}
READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-120}
log=local/target/local-api.log

bash scripts/local-api.sh prepare

# Created here: the background job opens it only once it runs, after the first poll below.
: >"$log"
PORT=0 bash scripts/local-api.sh >"$log" 2>&1 &
server=$!
stop_server() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

url=
for ((waited = 0; waited < READY_TIMEOUT_SECONDS * 10; waited++)); do
  url=$(sed -n 's/^Orders API listening on \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
  [[ -n $url ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "e2e-local: the local API stopped before it was ready:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ -z $url ]]; then
  echo "e2e-local: the local API was not ready within ${READY_TIMEOUT_SECONDS}s:" >&2
  cat "$log" >&2
  exit 1
fi
echo "e2e-local: local API at $url (log: $log)"

# Unsigned: the local API checks no signature, and needs no AWS credentials.
# shellcheck disable=SC2086 # MVN is a command with options
$MVN -pl e2e -Pe2e verify -De2e.baseUrl="$url" -De2e.auth=none -De2e.localOnly=none \
  || { echo "e2e-local: failed; the local API's log is $log" >&2; exit 1; }
