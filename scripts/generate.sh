#!/usr/bin/env bash
# Generates a service from the installed archetype (`make generate` installs it first).
#   scripts/generate.sh OUTPUT_DIR [-DserviceName=... -DjavaVersion=25 ...]
# Defaults: groupId com.example, artifactId orders-service, package com.example.orders.
set -euo pipefail
out=${1:?usage: scripts/generate.sh OUTPUT_DIR [-Dproperty=value ...]}
shift
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
generate "$out" -q "$@"
