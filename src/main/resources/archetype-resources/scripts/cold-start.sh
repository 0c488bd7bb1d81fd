#!/usr/bin/env bash
# Measures the functions' cold starts as Lambda runs them, on this machine: `make cold-start`.
# Each start is a new JVM running the Lambda jar under the Lambda runtime client, with the
# JAVA_TOOL_OPTIONS and environment of the stack, against a local Runtime API, a local DynamoDB
# (dynalite) and a local AppConfig stand-in. Prints figures; asserts none.
#   RUNS=10        measured starts per function (and per variant)
#   WARMUPS=1      starts before those, not counted (they fill the file cache)
#   FUNCTIONS=create,get,delete
#   COMPARE=true   also start without the stack's JAVA_TOOL_OPTIONS, alternating with it
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress}
RUNS=${RUNS:-10}
WARMUPS=${WARMUPS:-1}
FUNCTIONS=${FUNCTIONS:-create,get,delete}
COMPARE=${COMPARE:-false}

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
service_name=$(pom_property service.name)
jar=service/target/$(pom_property lambda.jar.name).jar

# The stack sets these: read them where it does, so the benchmark follows any change there.
factory=$(find infra/src/main/java -name FunctionFactory.java -print -quit)
java_tool_options=$(sed -n 's/.*String JAVA_TOOL_OPTIONS = "\(.*\)";.*/\1/p' "$factory")
memory_mb=$(sed -n 's/.*int MEMORY_MB = \([0-9]*\);.*/\1/p' "$factory")
if [[ -z $java_tool_options || -z $memory_mb ]]; then
  echo "cold-start: JAVA_TOOL_OPTIONS or MEMORY_MB not found in $factory" >&2
  exit 1
fi

# Test sources and their class path (the runtime client is a test dependency), then the jar when
# a source or pom is newer than it.
bash scripts/local-api.sh prepare
if [[ ! -s $jar ]] || [[ -n $(find service/src/main service/pom.xml pom.xml -newer "$jar" -print -quit) ]]; then
  echo "cold-start: building $jar" >&2
  # shellcheck disable=SC2086 # MVN is a command with options
  $MVN -q -pl service package -DskipTests -Djacoco.skip=true
fi

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The benchmark's own DynamoDB calls (seeding orders) run outside any X-Ray segment.
export AWS_XRAY_CONTEXT_MISSING=IGNORE_ERROR
benchmark=$(find service/src/test/java -name ColdStartBenchmark.java -print -quit)
benchmark_class=$(sed -n 's/^package \(.*\);/\1/p' "$benchmark").ColdStartBenchmark
# exec: Ctrl-C reaches the JVM, whose shutdown hooks stop the function and dynalite; both also
# end by themselves when it dies (their Runtime API and stdin go away).
exec "$java" -XX:TieredStopAtLevel=1 \
  -cp "service/target/test-classes:service/target/classes:$(cat service/target/local-api.classpath)" \
  "$benchmark_class" \
  "jar=$jar" "runs=$RUNS" "warmups=$WARMUPS" "functions=$FUNCTIONS" "compare=$COMPARE" \
  "java-tool-options=$java_tool_options" "memory-mb=$memory_mb" "service-name=$service_name" \
  "feature-flags=infra/src/main/resources/appconfig/feature-flags.json" \
  "logs=service/target/cold-start"
