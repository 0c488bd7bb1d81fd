#!/usr/bin/env bash
# Makes one of the everyday changes of docs/extending.md on a generated project (the current
# directory, a git repository with the package com.example.orders), stages and commits it, and
# checks its size: the production files it touches (main sources and api/openapi.yaml). None of
# them may be in infra/ or local/.
#   apply.sh route    PATCH /api/orders/{id}: at most 7 production files
#   apply.sh field    an optional order field: at most 4 production files, no existing test changed
#   apply.sh search   GET /api/orders/search?customerName=, a paginated list on a new index: at
#                     most 8 production files, no existing test changed
# Prints "extend: ..." lines with the counts; exits non-zero when a limit is broken.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

case ${1:-} in
  route) patch=$here/add-route.patch limit=7 ;;
  field) patch=$here/add-field.patch limit=4 ;;
  search) patch=$here/add-search.patch limit=8 ;;
  *) echo "usage: apply.sh route|field|search" >&2; exit 2 ;;
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
if [[ $1 != route ]]; then
  edited_tests=$(git diff --cached --name-only --diff-filter=MD | grep '/src/test/' || true)
  if [[ -n $edited_tests ]]; then
    echo "extend: add a $1 had to change existing tests: $edited_tests" >&2
    failed=1
  fi
fi
git -c user.name=extend -c user.email=extend@example.invalid commit -q --no-verify -m "Add a $1"
exit "$failed"
