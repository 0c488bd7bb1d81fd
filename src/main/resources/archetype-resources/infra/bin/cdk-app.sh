#!/usr/bin/env bash
# The CDK app command of cdk.json: `npx cdk synth|diff|deploy` runs it from the repository root.
# It builds what is missing or stale with Maven (service jar, infra classes, the class path file
# written by the infra module's package phase), then starts the app with a plain `java -cp`:
# about half the time of `mvn exec:java`, and no network once dependencies are in ~/.m2.
#   usage: infra/bin/cdk-app.sh MAIN_CLASS [ARGUMENT...]   (arguments go to the main class)
set -euo pipefail

main_class=${1:?usage: infra/bin/cdk-app.sh MAIN_CLASS [ARGUMENT...]}
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

# jsii (the bridge CDK's Java API runs on) warns about Node.js versions near end of life.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}

# Written by every infra build (also `make build`): its date is the date of the last build.
classpath_file=infra/target/cdk-classpath.txt
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
jar_name=$(pom_property lambda.jar.name)

# The JDK Maven and the app run on: JAVA_HOME from `make`, or the same search when `npx cdk`
# runs by hand (scripts/jdk.sh).
# shellcheck source=scripts/jdk.sh
. scripts/jdk.sh
jdk_use "$(pom_property java.version)"
jar=service/target/${jar_name}.jar

stale() {
  [[ ! -f $classpath_file || ! -f $jar || ! -d infra/target/classes ]] && return 0
  # Any source or build file newer than the last build means the app must be rebuilt.
  [[ -n $(find pom.xml service/pom.xml infra/pom.xml service/src/main infra/src/main \
    -newer "$classpath_file" -type f -print -quit) ]]
}

mvn_cmd=mvn
[[ -x ./mvnw ]] && mvn_cmd=./mvnw
if stale; then
  echo "cdk-app: building the service jar and the CDK app with Maven..." >&2
  # Output to stderr: the CDK CLI reads nothing from the app's stdout, but keeps it tidy.
  "$mvn_cmd" -B -q -pl infra -am package -DskipTests -DskipChecks -Djacoco.skip=true >&2
fi

exec "$JAVA_HOME/bin/java" -cp "infra/target/classes:$(cat "$classpath_file")" "$main_class" "$@"
