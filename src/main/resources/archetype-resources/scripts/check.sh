#!/usr/bin/env bash
# The quick loop after an edit: `make check`. Compiles the modules with changes since the last
# commit (staged, unstaged or new files) and runs their unit tests, offline: no static checks, no
# integration tests (no dynalite), no infra tests (no synth). A change to the root pom.xml or
# config/ checks every module. Prints its time. `make verify` (or `make pr`) is the gate.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress -DskipChecks}
start=$SECONDS

# The top folder of each changed path.
changed=$(git status --porcelain --untracked-files=all | sed -E 's/^.. //; s/.* -> //' | cut -d/ -f1 | sort -u)
modules=()
for module in service infra local e2e; do
  grep -qx "$module" <<<"$changed" && modules+=("$module")
done
if [[ ${#modules[@]} -eq 0 ]] || grep -qxE 'pom.xml|config' <<<"$changed"; then
  modules=(service infra local e2e)
fi

# Which unit tests (*Test; -Dtest replaces surefire's own includes): with service, every
# module's but infra's (they synthesize stacks); else the changed modules' own, by package
# (service, built for them with -am, then runs none of its own).
tests=()
for module in "${modules[@]}"; do
  case $module in
    service) tests=('**/*Test' '!**/infra/**') && break ;;
    local | e2e) tests+=("**/$module/**/*Test") ;;
  esac
done
test_filter=$(IFS=,; echo "${tests[*]:-NONE}")

echo "check: ${modules[*]} (unit tests: $test_filter)"
# shellcheck disable=SC2086 # MVN is a command with options
if ! $MVN -o -q test -pl "$(IFS=,; echo "${modules[*]}")" -am -Djacoco.skip=true \
  -Dtest="$test_filter" -Dsurefire.failIfNoSpecifiedTests=false; then
  echo "check: failed after $((SECONDS - start))s (offline: after a dependency change, run make build once)" >&2
  exit 1
fi
echo "check: passed in $((SECONDS - start))s"
