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

# expect_rejected PROPERTY=VALUE...: one batch generation with these bad values stops, names each
# of them with its rule, and leaves nothing behind. The script reports every bad value at once, so
# one run checks one bad value of several properties.
expect_rejected() {
  local dir output rc pair
  dir="$work/rejected-$RANDOM"
  output=$(generate "$dir" "${@/#/-D}" 2>&1)
  rc=$?
  for pair in "$@"; do
    local property=${pair%%=*} value=${pair#*=}
    if [[ $rc -ne 0 ]] && grep -qF -- "- $property='$value' is invalid: must be" <<<"$output" \
      && [[ -z $(ls -A "$dir") ]]; then
      pass "rejected $property='$value'"
    else
      fail "$property='$value' (exit $rc, left behind: $(ls "$dir"))"
      grep -E 'ERROR|invalid' <<<"$output" | head -5
    fi
  done
}

# Every bad value of today's rules, in as few runs as the property with most of them needs.
expect_rejected serviceName=Orders_Service javaVersion=17 architecture=amd64 awsRegion=mars-1 \
  apiAuth=IAM package=com.example.class artifactId=Orders
expect_rejected serviceName=ab awsRegion=US-EAST-1 apiAuth=cognito package=1com.example
expect_rejected serviceName="$(printf 'a%.0s' {1..41})" package=Com.Example
expect_rejected serviceName=orders-
expect_rejected serviceName=orders--api
expect_rejected serviceName=1orders

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
