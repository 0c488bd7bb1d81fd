#!/usr/bin/env bash
# Installs this archetype into the local Maven repository and generates a service from it.
#   scripts/generate.sh OUTPUT_DIR [-DserviceName=... -DjavaVersion=25 ...]
# Defaults: groupId com.example, artifactId orders-service, package com.example.orders.
set -euo pipefail
out=${1:?usage: scripts/generate.sh OUTPUT_DIR [-Dproperty=value ...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
mvn -B -q -f "$root/pom.xml" clean install -Darchetype.test.skip=true
mkdir -p "$out"
cd "$out"
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)
mvn -B -q org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
  -DarchetypeGroupId=io.github.lambdacookbook \
  -DarchetypeArtifactId=serverless-service \
  -DarchetypeVersion="$version" \
  -DgroupId=com.example -DartifactId=orders-service -Dpackage=com.example.orders \
  "$@"
