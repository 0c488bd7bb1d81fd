#!/usr/bin/env bash
# The upgrade path of a generated repository (`make test-upgrade`). Builds two versions of the
# archetype into a throwaway local repository: A (1.0.0) from these sources and B (1.1.0) with
# the kept template change of src/test/resources/upgrade (a file the team leaves alone, a line
# the team edits too, a new file, a dropped file, a new property). Generates from A, makes the
# team's edits (the kept route and field changes of src/test/resources/extending, a deleted
# file, the overlapping line), then:
#   1. make upgrade TO=1.1.0 on a dirty tree refuses and changes nothing;
#   2. on the clean tree it brings B in, keeps every edit, adds, removes, leaves the deleted file
#      deleted, reports the overlapping line as a conflict with markers (exit 1) and records B
#      and the new property's default;
#   3. without the overlapping edit the same upgrade exits 0, and make pr passes on the result;
#   4. again, it is up to date; make upgrade-check passes at B and fails at A, naming B.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

work=$root/target/test-upgrade
rm -rf "$work"
mkdir -p "$work"
repo=$work/repository
logs=$work/logs
mkdir -p "$logs"
# Installs go to the throwaway repository; everything else is read from the usual one (a chained
# local repository: Maven 3.9, the archetype's wrapper and the generated project's). The
# generated project's wrapper reads MAVEN_ARGS.
export MAVEN_ARGS="-o -Dmaven.repo.local=$repo -Dmaven.repo.local.tail=$HOME/.m2/repository"
[[ -x $root/mvnw ]] || { fail "no Maven wrapper at $root/mvnw: run make mvnw"; finish; }
maven() {
  # shellcheck disable=SC2086 # MAVEN_ARGS holds options
  "$root/mvnw" $MAVEN_ARGS "$@"
}

# build NAME VERSION [PATCH]: a copy of the sources as VERSION, with PATCH applied, installed.
build() {
  local copy=$work/$1
  mkdir -p "$copy"
  (cd "$root" && git ls-files -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$copy"
  # A repository of its own: git apply in a folder of this one would skip its paths.
  [[ -z ${3:-} ]] || (cd "$copy" && git init -q && git apply "$3") 2>>"$logs/build-$1.log" || return 1
  sed -i "0,\\:^  <version>$archetype_version</version>$:s::  <version>$2</version>:" "$copy/pom.xml"
  maven -B -q -f "$copy/pom.xml" install -DskipTests -Darchetype.test.skip=true >>"$logs/build-$1.log" 2>&1
}

start=$SECONDS
if build A 1.0.0 && build B 1.1.0 "$root/src/test/resources/upgrade/template-change.patch"; then
  pass "archetype A (1.0.0) and B (1.1.0, the kept template change) installed ($((SECONDS - start))s)"
else
  fail "building the two archetypes (logs in $logs)"
  tail -n 20 "$logs"/build-*.log
  finish
fi

project=$work/gen/orders-service
mkdir -p "$work/gen"
if (cd "$work/gen" && maven -B "$archetype_plugin:generate" -DarchetypeGroupId=io.github.lambdacookbook \
  -DarchetypeArtifactId=serverless-service -DarchetypeVersion=1.0.0 -DgroupId=com.example \
  -DartifactId=orders-service -Dpackage=com.example.orders >"$logs/generate.log" 2>&1); then
  pass "generated from A"
else
  fail "generating from A (log: $logs/generate.log)"
  finish
fi
cd "$project" || finish
if grep -qx 'archetype=io.github.lambdacookbook:serverless-service:1.0.0' .archetype.properties \
  && grep -qx 'apiAuth=iam' .archetype.properties && grep -qx 'artifactId=orders-service' .archetype.properties; then
  pass "the repository records its archetype, version and every option (.archetype.properties)"
else
  fail "the record .archetype.properties:"
  sed 's/^/      /' .archetype.properties
fi

commit() { git add -A && git -c user.name=team -c user.email=team@example.invalid commit -q --no-verify -m "$1"; }
git init -q -b main && commit "generated"
make dev >"$logs/make-dev.log" 2>&1 || { fail "make dev (log: $logs/make-dev.log)"; finish; }
commit "Maven wrapper"
extending=$root/src/test/resources/extending
if ! { bash "$extending/apply.sh" route >"$logs/route.log" 2>&1 && bash "$extending/apply.sh" field >"$logs/field.log" 2>&1; }; then
  fail "the team's route and field changes did not apply (logs: $logs/route.log, field.log)"
  finish
fi
git rm -q .editorconfig && commit "We do not use EditorConfig"
sed -i '3s/.*/An orders API for the shop, on AWS Lambda (Java), Amazon API Gateway and Amazon DynamoDB, with its AWS CDK/' README.md
commit "Our own words"
pass "the team's edits: a route, a field, a deleted file and the line B changes too"

# 1. A dirty tree is refused, and nothing changes.
echo "work in progress" >>docs/practices.md
before=$(git status --porcelain; git diff | sha256sum)
if make upgrade TO=1.1.0 >"$logs/upgrade-dirty.log" 2>&1; then
  fail "make upgrade on a dirty tree succeeded"
elif grep -q "uncommitted changes" "$logs/upgrade-dirty.log" \
  && [[ $(git status --porcelain; git diff | sha256sum) == "$before" ]] && grep -q ':1.0.0$' .archetype.properties; then
  pass "make upgrade on a dirty tree refuses and changes nothing"
else
  fail "make upgrade on a dirty tree: not refused cleanly (log: $logs/upgrade-dirty.log)"
fi
git checkout -q -- docs/practices.md

# 2. The upgrade with an overlapping edit.
start=$SECONDS
make upgrade TO=1.1.0 >"$logs/upgrade.log" 2>&1
status=$?
took=$((SECONDS - start))
sed -n 's/^upgrade: /      /p; s/^  /        /p' "$logs/upgrade.log" | head -n 30
expect() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }
expect "make upgrade with an overlapping edit fails, naming the conflict ($took s)" \
  "[[ $status != 0 ]] && grep -q 'resolve the conflicts' '$logs/upgrade.log'"
expect "an untouched file takes B's version" "grep -q 'archetype-upgrade workflow' docs/practices.md"
expect "the team's route and field stay" \
  "[[ -f service/src/main/java/com/example/orders/handlers/UpdateOrderHandler.java ]] && grep -q 'note' service/src/main/java/com/example/orders/models/Order.java"
expect "B's new file is added" "[[ -f ops/RUNBOOK.md ]]"
expect "the file B dropped, untouched, is removed" "[[ ! -e .github/pull_request_template.md ]]"
expect "the file the team deleted stays deleted" "[[ ! -e .editorconfig ]]"
expect "the overlapping line is a conflict, with markers" \
  "grep -q '^<<<<<<< README.md (yours)' README.md && grep -q '^>>>>>>> README.md (1.1.0)' README.md && grep -q 'in conflict: 1' '$logs/upgrade.log'"
expect "the record names B and the new property's default" \
  "grep -qx 'archetype=io.github.lambdacookbook:serverless-service:1.1.0' .archetype.properties && grep -qx 'teamName=platform' .archetype.properties && grep -q 'new property teamName' '$logs/upgrade.log'"
expect "nothing was committed" "[[ \$(git log -1 --format=%s) == 'Our own words' ]]"

# 3. Without the overlapping edit: a clean upgrade, and make pr passes on it.
git reset -q --hard HEAD~1 && git clean -qfd
if make upgrade TO=1.1.0 >"$logs/upgrade-clean.log" 2>&1; then
  pass "without the overlapping edit, make upgrade exits 0"
else
  fail "make upgrade without the overlapping edit (log: $logs/upgrade-clean.log)"
  tail -n 20 "$logs/upgrade-clean.log"
fi
commit "Upgrade the archetype to 1.1.0"
start=$SECONDS
if MAVEN_ARGS='' make pr >"$logs/make-pr.log" 2>&1; then
  pass "make pr passes on the upgraded repository ($((SECONDS - start))s)"
else
  fail "make pr on the upgraded repository (log: $logs/make-pr.log)"
  sed -n '/^pr: step/,$p' "$logs/make-pr.log"
fi

# 4. Up to date at B; upgrade-check passes at B and fails at A.
if make upgrade TO=1.1.0 >"$logs/upgrade-again.log" 2>&1 && grep -q "already at" "$logs/upgrade-again.log"; then
  pass "a second make upgrade says it is up to date"
else
  fail "a second make upgrade (log: $logs/upgrade-again.log)"
fi
if make upgrade-check >"$logs/check-b.log" 2>&1; then
  pass "make upgrade-check passes at B"
else
  fail "make upgrade-check at B (log: $logs/check-b.log)"
fi
git checkout -q HEAD~1 -- .archetype.properties
if make upgrade-check >"$logs/check-a.log" 2>&1; then
  fail "make upgrade-check at A passed"
elif grep -q "1.1.0 is newer" "$logs/check-a.log"; then
  pass "make upgrade-check fails at A, naming 1.1.0"
else
  fail "make upgrade-check at A (log: $logs/check-a.log)"
fi
git checkout -q HEAD -- .archetype.properties
finish
