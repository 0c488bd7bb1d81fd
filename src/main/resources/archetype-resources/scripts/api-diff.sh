#!/usr/bin/env bash
# Fails on a breaking change of the API contract: compares api/openapi.yaml with the same file at
# the git ref API_BASE, using openapi-diff (the openapi-diff-maven plugin of the root pom.xml).
# Breaking: a removed path, operation, response or property, a new required field, a narrowed
# type. Adding an operation or an optional field is not. `make api-diff`.
#   API_BASE  the ref to compare with. Default: the pull request's base branch in GitHub Actions
#             (origin/$GITHUB_BASE_REF), else the remote's default branch (origin/HEAD), else main,
#             else master. With none of them (a repository with no commit yet) the step says
#             "api-diff: skipped", which `make pr` shows as skipped, not passed.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress -DskipChecks}
spec=api/openapi.yaml

has_commit() { git rev-parse --verify --quiet "$1^{commit}" >/dev/null; }

if [[ -n ${API_BASE:-} || -n ${GITHUB_BASE_REF:-} ]]; then
  base=${API_BASE:-origin/$GITHUB_BASE_REF}
  if ! has_commit "$base"; then
    echo "api-diff: the git ref '$base' is not here: fetch it (git fetch origin), or in GitHub Actions" \
      "check out with fetch-depth: 0" >&2
    exit 1
  fi
elif base=$(git symbolic-ref --quiet --short refs/remotes/origin/HEAD 2>/dev/null) && has_commit "$base"; then
  :
elif has_commit main; then
  base=main
elif has_commit master; then
  base=master
else
  echo "api-diff: skipped: no origin/HEAD, main or master to compare $spec with (set API_BASE)"
  exit 0
fi
if ! git cat-file -e "$base:$spec" 2>/dev/null; then
  echo "api-diff: skipped: $spec is new since $base, nothing to compare"
  exit 0
fi

old=target/api-diff/openapi-$(git rev-parse --short "$base").yaml
mkdir -p "$(dirname "$old")"
git show "$base:$spec" >"$old"
echo "api-diff: $spec against $base ($(git rev-parse --short "$base"))"
# shellcheck disable=SC2086 # MVN is a command with options
$MVN -N org.openapitools.openapidiff:openapi-diff-maven:diff -DoldSpec="$old" -DnewSpec="$spec" \
  || { echo "api-diff: $spec breaks clients of $base (the change log above says what)" >&2; exit 1; }
echo "api-diff: no breaking change since $base"
