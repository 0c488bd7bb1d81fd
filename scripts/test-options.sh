#!/usr/bin/env bash
# Batch mode (-B) skips the archetype's validationRegex prompts: prove that every bad value
# still stops generation with a message naming the property, the value and the rule, and
# that nothing is left behind, not even beside files the user already had.
# Needs the archetype installed in the local repository (make install).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

generate() { # dir, extra -D flags...
  local dir=$1
  shift
  (cd "$dir" && mvn -B org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
    -DarchetypeGroupId=io.github.lambdacookbook -DarchetypeArtifactId=serverless-service \
    -DarchetypeVersion="$version" -DgroupId=com.example -DartifactId=orders-service "$@" 2>&1)
}

# expect_rejected PROPERTY VALUE
expect_rejected() {
  local property=$1 value=$2 dir output
  dir="$work/$property-$RANDOM"
  mkdir -p "$dir"
  output=$(generate "$dir" "-D$property=$value")
  local rc=$?
  if [ $rc -ne 0 ] && grep -qF -- "- $property='$value' is invalid: must be" <<<"$output" \
      && [ ! -e "$dir/orders-service" ]; then
    echo "PASS rejected $property='$value'"
    passed=$((passed + 1))
  else
    echo "FAIL $property='$value' (exit $rc, left behind: $(ls "$dir"))"
    grep -E 'ERROR|invalid' <<<"$output" | head -5
    failed=$((failed + 1))
  fi
}

expect_rejected serviceName Orders_Service
expect_rejected serviceName ab
expect_rejected serviceName "$(printf 'a%.0s' {1..41})"
expect_rejected serviceName orders-
expect_rejected serviceName 1orders
expect_rejected javaVersion 17
expect_rejected architecture amd64
expect_rejected awsRegion mars-1
expect_rejected awsRegion US-EAST-1
expect_rejected package com.example.class
expect_rejected package 1com.example
expect_rejected package Com.Example
expect_rejected artifactId Orders

# A rejected generation must not touch what the user already had in that folder.
dir="$work/existing"
mkdir -p "$dir/orders-service"
echo "user data" >"$dir/orders-service/notes.txt"
touch -d '1 hour ago' "$dir/orders-service/notes.txt"
generate "$dir" -DserviceName=Bad >/dev/null
if [ "$(cat "$dir/orders-service/notes.txt" 2>/dev/null)" = "user data" ] \
    && [ "$(find "$dir/orders-service" -type f | wc -l)" -eq 1 ]; then
  echo "PASS a rejected generation keeps the user's files and removes its own"
  passed=$((passed + 1))
else
  echo "FAIL a rejected generation changed the existing folder: $(find "$dir/orders-service")"
  failed=$((failed + 1))
fi

# Every rule reported at once, so the user fixes them in one go.
dir="$work/all"
mkdir -p "$dir"
output=$(generate "$dir" -DserviceName=X -DjavaVersion=8 -Darchitecture=risc)
if [ "$(grep -c "is invalid: must be" <<<"$output")" -eq 3 ]; then
  echo "PASS all invalid properties are reported together"
  passed=$((passed + 1))
else
  echo "FAIL expected three invalid properties in one message"
  failed=$((failed + 1))
fi

echo "bad-properties: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
