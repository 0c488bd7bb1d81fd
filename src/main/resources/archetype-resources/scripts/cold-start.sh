#!/usr/bin/env bash
# Measures the functions' cold starts as Lambda runs them, against a bare handler started
# alternately under the same options, on this machine: `make cold-start`,
# after `make synth` has written the stacks' templates to target/synth/ (TEMPLATE: the folder or
# template to read, target/synth/dev by default). Each start is a new JVM running
# the Lambda jar under the Lambda runtime client, with the memory, JAVA_TOOL_OPTIONS and
# environment of the synthesized stack, against a local Runtime API, a local DynamoDB (dynalite)
# and a local AppConfig stand-in. Prints figures; asserts none.
#   RUNS=10        measured starts per function (and per variant)
#   WARMUPS=1      starts before those, not counted (they fill the file cache)
#   FUNCTIONS=     function names, e.g. CreateOrder,GetOrder (default: every route's)
#   COMPARE=true   also start without the stack's JAVA_TOOL_OPTIONS, alternating with it
#   WARM=1000      requests to one JVM per function, with and without the stack's options, for
#                  the warm latency (0: none)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/local-api.sh prepare
# shellcheck source=scripts/jdk.sh
. scripts/jdk.sh
jdk_use "$(sed -n 's:.*<java.version>\(.*\)</java.version>.*:\1:p' pom.xml | head -n 1)"
java=$JAVA_HOME/bin/java
# The benchmark's own DynamoDB calls (seeding orders) run outside any X-Ray segment.
export AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR
# exec: Ctrl-C reaches the JVM, whose shutdown hooks stop dynalite; the function process ends by
# itself when the Runtime API goes away.
exec "$java" -XX:TieredStopAtLevel=1 -jar local/target/local-tools.jar cold-start \
  "runs=${RUNS:-10}" "warmups=${WARMUPS:-1}" "functions=${FUNCTIONS:-}" "compare=${COMPARE:-false}" \
  "warm=${WARM:-1000}" \
  "template=${TEMPLATE:-target/synth/dev}"
