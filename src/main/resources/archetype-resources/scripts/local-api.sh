#!/usr/bin/env bash
# Serves the orders API on http://127.0.0.1:$PORT (default 3000) until stopped, with the real
# handlers and a local DynamoDB (dynalite) behind them: `make local-api`.
#   scripts/local-api.sh            build what changed, then serve
#   scripts/local-api.sh prepare    only build local/target/local-tools.jar (and the Lambda jar)
# PORT=0 picks a free port; the server prints "Orders API listening on <url>" when ready.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress -DskipChecks}
tools=local/target/local-tools.jar
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
# The JDK of the project: JAVA_HOME from `make`, or the same search when run by hand.
# shellcheck source=scripts/jdk.sh
. scripts/jdk.sh
jdk_use "$(pom_property java.version)"

# Maven runs only when a source or pom changed since the last build: a warm start is the JVM's.
prepare() {
  if [[ -s $tools ]] \
    && [[ -z $(find service/src service/pom.xml local/src local/pom.xml pom.xml -newer "$tools" -print -quit) ]]; then
    return
  fi
  echo "local-api: building the service and the local tools" >&2
  # shellcheck disable=SC2086 # MVN is a command with options
  $MVN -q -pl local -am package -DskipTests -Djacoco.skip=true
  [[ -s $tools ]] || { echo "local-api: the build wrote no $tools" >&2; exit 1; }
  # The jar plugin leaves an unchanged jar untouched: mark this build as the latest.
  touch "$tools"
}

prepare
[[ ${1:-} == prepare ]] && exit 0

service_name=$(pom_property service.name)
# The environment the handlers' tests run with (service/pom.xml, surefire): tracing and EMF
# metrics stay quiet without X-Ray and CloudWatch.
export LAMBDA_TASK_ROOT=handler
export POWERTOOLS_METRICS_DISABLED=true
export POWERTOOLS_SERVICE_NAME=$service_name
export POWERTOOLS_METRICS_NAMESPACE=$service_name
export AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR
export PORT=${PORT:-3000}

java=$JAVA_HOME/bin/java
# C1 only: a local API never runs long enough to profit from C2, and starts faster without it.
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$tools" api
