#!/usr/bin/env bash
# Runs the e2e suite against the deployed stack: `make e2e`. The base URL is the ApiUrl output
# that `make deploy` wrote to cdk-outputs.json, unless E2E_BASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress -DskipChecks}
outputs=cdk-outputs.json

url=${E2E_BASE_URL:-}
if [[ -z $url ]]; then
  [[ -f $outputs ]] || { echo "e2e: $outputs is missing: run 'make deploy' first (or set E2E_BASE_URL)" >&2; exit 1; }
  # shellcheck disable=SC2016 # the single-quoted text is JavaScript
  url=$(node -e '
    const outputs = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const urls = Object.values(outputs).map((stack) => stack.ApiUrl).filter(Boolean);
    if (urls.length !== 1) {
      console.error(`e2e: expected one ApiUrl output in ${process.argv[1]}, found ${urls.length}`);
      process.exit(1);
    }
    console.log(urls[0]);' "$outputs")
fi
echo "e2e: testing $url"
# shellcheck disable=SC2086 # MVN is a command with options
$MVN -pl e2e -Pe2e verify -De2e.baseUrl="$url"
