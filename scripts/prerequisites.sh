#!/usr/bin/env bash
# Checks, in a second or two, every tool `make test` needs, and names each missing one with how to
# install it: a JDK 21+ (found as `make` finds it), Maven 3.8+, Node.js 20+ with npm, make, git,
# Python 3, pre-commit and MkDocs with the Material theme (the generated repository's `make dev`,
# `make pr` and `make docs-check` run the last three). `make prerequisites`; `make test` runs it first.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=src/main/resources/archetype-resources/scripts/jdk.sh
. "$root/src/main/resources/archetype-resources/scripts/jdk.sh"

missing=()
# need TOOL HOW: TOOL is missing (or too old); HOW says how to install it.
need() { missing+=("$1: $2"); }

# major VERSION: the number before the first dot.
major() { echo "${1%%.*}"; }

jdk_find 21 >/dev/null 2>&1 || need "a JDK 21 or newer" "$(jdk_missing 21)"
if ! command -v mvn >/dev/null; then
  need "Maven 3.8 or newer" "sudo apt-get install maven (Debian, Ubuntu), brew install maven (macOS)"
else
  version=$(mvn -B -v 2>/dev/null | sed -e 's/\x1b\[[0-9;]*m//g' -n -e 's/^Apache Maven \([0-9.]*\).*/\1/p')
  IFS=. read -r maven_major maven_minor _ <<<"${version:-0.0}"
  if ((maven_major < 3 || (maven_major == 3 && maven_minor < 8))); then
    need "Maven 3.8 or newer (mvn is ${version:-unknown})" "https://maven.apache.org/install.html"
  fi
fi
if ! command -v node >/dev/null || (($(major "$(node -p process.versions.node 2>/dev/null || echo 0)") < 20)); then
  need "Node.js 20 or newer with npm" "https://nodejs.org, or nvm install 20"
fi
command -v npm >/dev/null || need npm "it comes with Node.js: https://nodejs.org"
command -v make >/dev/null || need make "sudo apt-get install make, xcode-select --install (macOS)"
command -v git >/dev/null || need git "sudo apt-get install git, brew install git"
command -v python3 >/dev/null || need "Python 3" "sudo apt-get install python3, brew install python"
command -v pre-commit >/dev/null || need pre-commit "pip install pre-commit, sudo apt-get install pre-commit, brew install pre-commit"
if ! command -v mkdocs >/dev/null; then
  need "MkDocs with the Material theme" "pip install mkdocs-material, sudo apt-get install mkdocs mkdocs-material"
else
  # The theme as mkdocs finds it (pip installs it as a package, Debian as a theme folder).
  site=$(mktemp -d)
  mkdir "$site/docs" && echo "# check" >"$site/docs/index.md"
  printf 'site_name: check\ntheme:\n  name: material\n' >"$site/mkdocs.yml"
  (cd "$site" && mkdocs build -q -d built) >/dev/null 2>&1 \
    || need "the MkDocs Material theme" "pip install mkdocs-material, sudo apt-get install mkdocs-material"
  rm -rf "$site"
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "prerequisites: make test needs these, missing here:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "prerequisites: JDK 21+, Maven, Node.js, npm, make, git, Python 3, pre-commit, MkDocs Material: all here"
