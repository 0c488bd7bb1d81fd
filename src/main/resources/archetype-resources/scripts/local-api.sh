#!/usr/bin/env bash
# Serves the orders API on http://127.0.0.1:$PORT (default 3000) until stopped, with the real
# handlers and a local DynamoDB (dynalite) behind them: `make local-api`.
#   scripts/local-api.sh            build what changed, then serve
#   scripts/local-api.sh prepare    only build (compile + class path), for scripts/e2e-local.sh
# PORT=0 picks a free port; the server prints "Orders API listening on <url>" when ready.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress}
classpath_file=service/target/local-api.classpath

# Maven runs only when a source or pom changed since the last build: a warm start is the JVM's.
prepare() {
  if [[ -s $classpath_file ]] \
    && [[ -z $(find service/src service/pom.xml pom.xml -newer "$classpath_file" -print -quit) ]]; then
    return
  fi
  echo "local-api: compiling the service and its test sources" >&2
  # shellcheck disable=SC2086 # MVN is a command with options
  $MVN -q -pl service test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/local-api.classpath -Dmdep.includeScope=test
  [[ -s $classpath_file ]] || { echo "local-api: no class path written to $classpath_file" >&2; exit 1; }
  # The plugin leaves an unchanged file untouched: mark this build as the latest.
  touch "$classpath_file"
}

prepare
[[ ${1:-} == prepare ]] && exit 0

server_class=$(cd service/target/test-classes && find . -name LocalApiServer.class -print -quit)
[[ -n $server_class ]] || { echo "local-api: LocalApiServer.class not found under service/target/test-classes" >&2; exit 1; }
server_class=${server_class#./}
server_class=${server_class%.class}
server_class=${server_class//\//.}

service_name=$(sed -n 's:.*<service.name>\(.*\)</service.name>.*:\1:p' pom.xml | head -n 1)
# The environment the handlers' tests run with (service/pom.xml, surefire): tracing and EMF
# metrics stay quiet without X-Ray and CloudWatch.
export LAMBDA_TASK_ROOT=handler
export POWERTOOLS_METRICS_DISABLED=true
export POWERTOOLS_SERVICE_NAME=$service_name
export POWERTOOLS_METRICS_NAMESPACE=$service_name
export AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR
export PORT=${PORT:-3000}

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# C1 only: a local API never runs long enough to profit from C2, and starts faster without it.
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -cp "service/target/test-classes:service/target/classes:$(cat "$classpath_file")" \
  "$server_class"
