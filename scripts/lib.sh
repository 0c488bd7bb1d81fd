# Shared by the archetype's scripts: `. "$(dirname "$0")/lib.sh"`. Sets `root` and
# `archetype_version`, puts a JDK 21+ on JAVA_HOME, and offers generate() and PASS/FAIL counting.
# shellcheck shell=bash

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
archetype_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)
archetype_plugin=org.apache.maven.plugins:maven-archetype-plugin:3.4.1

# The generated repository's own JDK finder: one implementation for both repositories.
# shellcheck source=src/main/resources/archetype-resources/scripts/jdk.sh
. "$root/src/main/resources/archetype-resources/scripts/jdk.sh"
jdk_use 21 || exit 1
# The JVM options of this repository's Maven (no sun.misc.Unsafe warnings, no stray colour
# codes) also for the runs in other folders: generated projects, test folders.
MAVEN_OPTS="${MAVEN_OPTS:-} $(cat "$root/.mvn/jvm.config")"
export MAVEN_OPTS

# generate DIR [-Dproperty=value ...]: runs archetype:generate in batch mode into DIR, with the
# installed archetype (make install) and the coordinates of a sample service; later -D win.
generate() {
  local dir=$1
  shift
  mkdir -p "$dir"
  (cd "$dir" && mvn -B "$archetype_plugin:generate" \
    -DarchetypeGroupId=io.github.lambdacookbook -DarchetypeArtifactId=serverless-service \
    -DarchetypeVersion="$archetype_version" \
    -DgroupId=com.example -DartifactId=orders-service -Dpackage=com.example.orders "$@")
}

passed=0
failed=0

# pass MESSAGE / fail MESSAGE: print the verdict of one check and count it.
pass() {
  echo "PASS  $*"
  passed=$((passed + 1))
}

fail() {
  echo "FAIL  $*"
  failed=$((failed + 1))
}

# finish: print "N passed, N failed" and exit non-zero if anything failed.
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}
