#!/usr/bin/env bash
# Fails on a breaking change of the API contract: compares api/openapi.yaml with the same file at
# the git ref API_BASE, using openapi-diff (the openapi-diff-maven plugin of the root pom.xml).
# Breaking: a removed path, operation, response or property, a new required field, a narrowed
# type. Adding an operation or an optional field is not. `make api-diff`.
#   API_BASE  the ref to compare with; default: the pull request's base branch in GitHub Actions
#             (origin/$GITHUB_BASE_REF), main elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B --no-transfer-progress}
spec=api/openapi.yaml
explicit=${API_BASE:+yes}
base=${API_BASE:-${GITHUB_BASE_REF:+origin/$GITHUB_BASE_REF}}
base=${base:-main}
[[ -n ${GITHUB_BASE_REF:-} ]] && explicit=yes

if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
  if [[ -z $explicit ]]; then
    echo "api-diff: no '$base' branch yet to compare $spec with: skipped"
    exit 0
  fi
  echo "api-diff: the git ref '$base' is not here: fetch it (git fetch origin), or in GitHub Actions" \
    "check out with fetch-depth: 0" >&2
  exit 1
fi
if ! git cat-file -e "$base:$spec" 2>/dev/null; then
  echo "api-diff: $spec is new since $base: nothing to compare"
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
