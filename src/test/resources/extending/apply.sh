#!/usr/bin/env bash
# Makes one of the two everyday changes of docs/extending.md on a generated project (the current
# directory, a git repository with the package com.example.orders), stages and commits it, and
# checks its size: the production files it touches (main sources and api/openapi.yaml).
#   apply.sh route    PATCH /api/orders/{id}: at most 7 production files, none in infra/ or local/
#   apply.sh field    an optional order field: at most 4 production files, no existing test changed
# Prints "extend: ..." lines with the counts; exits non-zero when a limit is broken.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

case ${1:-} in
  route) patch=$here/add-route.patch limit=7 ;;
  field) patch=$here/add-field.patch limit=4 ;;
  *) echo "usage: apply.sh route|field" >&2; exit 2 ;;
esac

git apply --index "$patch"
changed=$(git diff --cached --name-only)
production=$(grep -E '^[^/]+/src/main/|^api/openapi\.yaml$' <<<"$changed" || true)
count=$(grep -c . <<<"$production" || true)
echo "extend: add a $1: $count production files (at most $limit):"
sed 's/^/extend:   /' <<<"$production"

failed=0
if ((count > limit)); then
  echo "extend: add a $1 touched $count production files, more than $limit" >&2
  failed=1
fi
if grep -qE '^(infra|local)/' <<<"$production"; then
  echo "extend: add a $1 touched infra/ or local/, which follow the route table by themselves" >&2
  failed=1
fi
if [[ $1 == field ]]; then
  edited_tests=$(git diff --cached --name-only --diff-filter=MD | grep '/src/test/' || true)
  if [[ -n $edited_tests ]]; then
    echo "extend: add a field had to change existing tests: $edited_tests" >&2
    failed=1
  fi
fi
git -c user.name=extend -c user.email=extend@example.invalid commit -q --no-verify -m "Add a $1"
exit "$failed"
