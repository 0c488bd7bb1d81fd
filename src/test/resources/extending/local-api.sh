# Sourced by the check-*.sh scripts: starts the generated project's local API on a free port,
# sets `url` once it answers, and stops it when the sourcing script exits.
# shellcheck shell=bash
log=$(mktemp)
PORT=0 bash scripts/local-api.sh >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
url=
for _ in $(seq 1 600); do
  url=$(sed -n 's/^Orders API listening on \(http[^ ]*\).*/\1/p' "$log")
  [[ -n $url ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $url ]] || { echo "local API not ready:" >&2; cat "$log" >&2; exit 1; }
