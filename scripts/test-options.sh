#!/usr/bin/env bash
# The archetype's options, as a user meets them:
#   - batch mode (-B) skips the validationRegex prompts, yet every bad value stops generation
#     with a message naming the property, the value and the rule, and nothing is left behind,
#     not even beside files the user already had;
#   - in interactive mode a bad answer is asked again, and the confirmation lists each property
#     once.
# Needs the archetype installed in the local repository (make install).
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# expect_rejected PROPERTY VALUE
expect_rejected() {
  local property=$1 value=$2 dir output rc
  dir="$work/$property-$RANDOM"
  output=$(generate "$dir" "-D$property=$value" 2>&1)
  rc=$?
  if [[ $rc -ne 0 ]] && grep -qF -- "- $property='$value' is invalid: must be" <<<"$output" \
    && [[ ! -e $dir/orders-service ]]; then
    pass "rejected $property='$value'"
  else
    fail "$property='$value' (exit $rc, left behind: $(ls "$dir"))"
    grep -E 'ERROR|invalid' <<<"$output" | head -5
  fi
}

expect_rejected serviceName Orders_Service
expect_rejected serviceName ab
expect_rejected serviceName "$(printf 'a%.0s' {1..41})"
expect_rejected serviceName orders-
expect_rejected serviceName orders--api
expect_rejected serviceName 1orders
expect_rejected javaVersion 17
expect_rejected architecture amd64
expect_rejected awsRegion mars-1
expect_rejected awsRegion US-EAST-1
expect_rejected apiAuth IAM
expect_rejected apiAuth cognito
expect_rejected package com.example.class
expect_rejected package 1com.example
expect_rejected package Com.Example
expect_rejected artifactId Orders

# A rejected generation must not touch what the user already had in that folder.
dir="$work/existing"
mkdir -p "$dir/orders-service"
echo "user data" >"$dir/orders-service/notes.txt"
touch -d '1 hour ago' "$dir/orders-service/notes.txt"
generate "$dir" -DserviceName=Bad >/dev/null 2>&1
if [[ "$(cat "$dir/orders-service/notes.txt" 2>/dev/null)" == "user data" ]] \
  && [[ "$(find "$dir/orders-service" -type f | wc -l)" -eq 1 ]]; then
  pass "a rejected generation keeps the user's files and removes its own"
else
  fail "a rejected generation changed the existing folder: $(find "$dir/orders-service")"
fi

# Every rule reported at once, so the user fixes them in one go.
output=$(generate "$work/all" -DserviceName=X -DjavaVersion=8 -Darchitecture=risc 2>&1)
if [[ "$(grep -c "is invalid: must be" <<<"$output")" -eq 3 ]]; then
  pass "all invalid properties are reported together"
else
  fail "expected three invalid properties in one message"
fi

# Interactive: answers on standard input, as typed. 'Shop' breaks the artifactId rule and must be
# asked again; an empty answer takes the default (package, serviceName); then confirm.
dir="$work/interactive"
mkdir -p "$dir"
output=$(cd "$dir" && printf '%s\n' com.acme Shop shop '' '' Y \
  | mvn "$archetype_plugin:generate" -DarchetypeGroupId=io.github.lambdacookbook \
    -DarchetypeArtifactId=serverless-service -DarchetypeVersion="$archetype_version" 2>&1)
confirmation=$(sed -n -e 's/\x1b\[[0-9;]*m//g' -e '/Confirm properties configuration:/,/^ *Y *:/p' <<<"$output")
listed=$(grep -cE '^[a-zA-Z]+: ' <<<"$confirmation")
repeated=$(grep -oE '^[a-zA-Z]+: ' <<<"$confirmation" | sort | uniq -d | tr -d ': ' | paste -sd, -)
if [[ $listed -eq 9 && -z $repeated ]] && grep -q '^artifactId: shop$' <<<"$confirmation" \
  && grep -q 'Value does not match the expression' <<<"$output" && [[ -f $dir/shop/pom.xml ]]; then
  pass "interactive: a bad answer is asked again, and each of the 9 properties is confirmed once"
else
  fail "interactive: $listed properties confirmed (repeated: ${repeated:-none}), project: $(ls "$dir"):"
  printf '%s\n' "$confirmation" | sed 's/^/      /'
fi

finish
