#!/usr/bin/env bash
# Brings a newer version of the archetype this repository was generated from into the work tree,
# as a 3-way merge (docs/upgrading.md). The base is a render of the recorded version, "theirs" a
# render of the new one, both with the recorded options; "ours" is the work tree.
#   scripts/upgrade.sh [to VERSION]   upgrade to VERSION; default: the newest release Maven resolves
#   scripts/upgrade.sh check          exit 1, naming it, when a newer release exists
#   scripts/upgrade.sh link VERSION   run in a repository generated before the record existed, from
#                                     a render of a newer version: writes the record, with that
#                                     render's options and VERSION as the origin
# Runs in the repository it upgrades (the current directory), whose record is .archetype.properties.
# It commits nothing; it exits 1 when a path is in conflict (git's markers are in the file).
# MAVEN_ARGS reaches every Maven run (for example -Dmaven.repo.local=...).
set -euo pipefail

RECORD=.archetype.properties
ARCHETYPE_PLUGIN=org.apache.maven.plugins:maven-archetype-plugin:3.4.1
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.9.0
here=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  echo "upgrade: $*" >&2
  exit 2
}

maven() {
  if [[ -n ${MVN:-} ]]; then
    # shellcheck disable=SC2086 # MVN is a command with options
    $MVN "$@"
  elif [[ -x $PWD/mvnw ]]; then
    "$PWD/mvnw" "$@"
  elif [[ -x $here/mvnw ]]; then
    "$here/mvnw" "$@"
  else
    command -v mvn >/dev/null 2>&1 || fail "no Maven: run make dev first (it creates ./mvnw)"
    mvn "$@"
  fi
}

# The value of key in a record file, and whether it has the key (keys are compared as text).
recorded() { awk -v key="$1" 'index($0, key "=") == 1 { print substr($0, length(key) + 2); exit }' "$2"; }
has_key() { awk -v key="$1" 'index($0, key "=") == 1 { found = 1 } END { exit !found }' "$2"; }

same_mode() { if [[ -x $1 ]]; then [[ -x $2 ]]; else [[ ! -x $2 ]]; fi; }

VERSION_PATTERN='^[0-9][A-Za-z0-9._-]*$'
is_newer() { [[ $1 != "$2" && $(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1) == "$1" ]]; }

# The local repositories Maven reads: MAVEN_ARGS's -Dmaven.repo.local (and .tail), else ~/.m2.
local_repositories() {
  local arg found=
  for arg in ${MAVEN_ARGS:-}; do
    case $arg in
      -Dmaven.repo.local=*) echo "${arg#*=}" && found=1 ;;
      -Dmaven.repo.local.tail=*) echo "${arg#*=}" | tr ',' '\n' ;;
    esac
  done
  [[ -n $found ]] || echo "$HOME/.m2/repository"
}

# Released versions of the archetype present in the local repositories, oldest first.
local_versions() {
  local group=${1%%:*} artifact=${1#*:} repository
  while read -r repository; do
    for jar in "$repository/${group//.//}/$artifact"/*/"$artifact"-*.jar; do
      [[ -f $jar ]] && basename "$(dirname "$jar")"
    done
  done < <(local_repositories)
} 2>/dev/null

# The newest release: what the remote repository's metadata names (fetched into the local one
# when it can be reached), or what the local repositories hold.
newest_version() {
  maven -B -q --no-transfer-progress "$DEPENDENCY_PLUGIN:get" -Dartifact="$1:RELEASE" \
    -Dtransitive=false >/dev/null 2>&1 || true
  local_versions "$1" | grep -v -- '-SNAPSHOT$' | sort -uV | tail -n 1
}

# Renders version $2 of archetype $1 with the recorded options into folder $3.
render() {
  local coordinates=$1 version=$2 into=$3 offline=() options=()
  local_versions "$coordinates" | grep -qxF "$version" && offline=(-o)
  while IFS='=' read -r key value; do
    [[ $key == archetype || $key == \#* || -z $key ]] || options+=("-D$key=$value")
  done <"$RECORD"
  mkdir -p "$into"
  generate() {
    (cd "$into" && maven -B --no-transfer-progress --strict-checksums "$@" "$ARCHETYPE_PLUGIN:generate" \
      -DinteractiveMode=false -DarchetypeGroupId="${coordinates%%:*}" \
      -DarchetypeArtifactId="${coordinates#*:}" -DarchetypeVersion="$version" "${options[@]}") \
      >"$into.log" 2>&1
  }
  # Offline first when the jar is here; the archetype plugin itself may still need the network.
  generate "${offline[@]}" || { ((${#offline[@]} > 0)) && generate; } || {
    tail -n 30 "$into.log" >&2
    fail "could not generate $coordinates:$version (log above)"
  }
}

archetype_of() { recorded archetype "$1" | sed 's/:[^:]*$//'; }
version_of() { recorded archetype "$1" | sed 's/.*://'; }

command=${1:-}
if [[ $command == link ]]; then
  version=${2:?usage: upgrade.sh link VERSION (run from a render of a newer version)}
  [[ $version =~ $VERSION_PATTERN ]] || fail "'$version' is not a version (a digit, then letters, digits, dots, hyphens)"
  [[ ! -e $RECORD ]] || fail "$RECORD is already there: this repository is linked"
  [[ -f $here/$RECORD ]] || fail "run this script from a render of a newer version, which has $RECORD"
  awk -v version="$version" '/^archetype=/ { sub(/:[^:]*$/, ":" version) } { print }' "$here/$RECORD" >"$RECORD.tmp"
  mv "$RECORD.tmp" "$RECORD"
  echo "upgrade: wrote $RECORD: $(recorded archetype "$RECORD"), with the options of $here"
  echo "upgrade: check them, commit the file, then run $0 to upgrade"
  exit 0
fi

[[ -f $RECORD ]] || fail "no $RECORD here: see docs/upgrading.md, 'Linking an older repository'"
archetype=$(archetype_of "$RECORD")
from=$(version_of "$RECORD")

if [[ $command == check ]]; then
  newest=$(newest_version "$archetype")
  if [[ -n $newest ]] && is_newer "$newest" "$from"; then
    echo "upgrade-check: $archetype:$newest is newer than the recorded $from: run make upgrade"
    exit 1
  fi
  echo "upgrade-check: $archetype:$from is the newest release found"
  exit 0
fi

case $command in
  to) to=${2:?usage: upgrade.sh to VERSION} ;;
  '') to=$(newest_version "$archetype") ;;
  *) fail "unknown command '$command': upgrade.sh [to VERSION] | check | link VERSION" ;;
esac
[[ -n $to ]] || fail "no release of $archetype found; name one: make upgrade TO=<version>"
[[ $to =~ $VERSION_PATTERN ]] || fail "'$to' is not a version (a digit, then letters, digits, dots, hyphens)"
if ! is_newer "$to" "$from"; then
  echo "upgrade: already at $archetype:$from, which is $to or newer: nothing to do"
  exit 0
fi
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || fail "not a git repository"
if [[ -n $(git status --porcelain) ]]; then
  git status --short >&2
  fail "the work tree has uncommitted changes (above): commit or stash them first; nothing was changed"
fi

started=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work" "$work.log"' EXIT
artifact=$(recorded artifactId "$RECORD")
echo "upgrade: rendering $archetype $from and $to with the recorded options"
render "$archetype" "$from" "$work/base"
render "$archetype" "$to" "$work/theirs"
base=$work/base/$artifact
theirs=$work/theirs/$artifact
[[ -n $artifact && -d $base && -f $theirs/$RECORD ]] || fail "the renders are incomplete (no $artifact/$RECORD): nothing was changed"

updated=() added=() removed=() conflicts=() kept=()
while IFS= read -r path; do
  old=$base/$path new=$theirs/$path here_=./$path
  if [[ -L $here_ ]]; then
    [[ -f $new ]] && ! cmp -s "$old" "$new" && kept+=("$path (a symbolic link here)")
    continue
  fi
  if [[ -f $old && -f $new ]]; then
    cmp -s "$old" "$new" && same_mode "$old" "$new" && continue
    if [[ ! -e $here_ ]]; then
      kept+=("$path (deleted here)")
    elif cmp -s "$here_" "$old"; then
      cmp -s "$old" "$new" || { cp "$new" "$here_" && updated+=("$path"); }
    elif ! cmp -s "$here_" "$new"; then
      if git merge-file -q -L "$path (yours)" -L "$path ($from)" -L "$path ($to)" "$here_" "$old" "$new"; then
        updated+=("$path (merged with your changes)")
      else
        conflicts+=("$path")
      fi
    fi
  elif [[ -f $new ]]; then
    if [[ ! -e $here_ ]]; then
      mkdir -p "$(dirname "$here_")" && cp "$new" "$here_" && added+=("$path")
    elif ! cmp -s "$here_" "$new"; then
      git merge-file -q -L "$path (yours)" -L "(no file in $from)" -L "$path ($to)" "$here_" /dev/null "$new" || true
      conflicts+=("$path (added by $to, already here)")
    fi
  elif [[ -e $here_ ]]; then
    if cmp -s "$here_" "$old"; then
      rm "$here_" && removed+=("$path")
    else
      conflicts+=("$path (dropped by $to, changed here: kept)")
    fi
  fi
  # The run bit follows the template only where the template changed it.
  if [[ -f $old && -f $new && -f $here_ ]]; then
    if [[ -x $new && ! -x $old ]]; then chmod +x "$here_"; elif [[ -x $old && ! -x $new ]]; then chmod -x "$here_"; fi
  elif [[ -f $new && -x $new && -f $here_ ]]; then
    chmod +x "$here_"
  fi
done < <({ (cd "$base" && find . -type f); (cd "$theirs" && find . -type f); } \
  | sed 's|^\./||' | grep -vxF "$RECORD" | sort -u)

# The record: the new version, the recorded values, and the defaults of properties new in $to.
while IFS='=' read -r key value; do
  [[ $key == archetype || $key == \#* || -z $key ]] && continue
  has_key "$key" "$RECORD" || echo "upgrade: new property $key, given its default: $key=$value"
done <"$theirs/$RECORD"
while IFS='=' read -r key _; do
  [[ $key == archetype || $key == \#* || -z $key ]] && continue
  has_key "$key" "$theirs/$RECORD" || echo "upgrade: $to no longer has the property $key (dropped from $RECORD)"
done <"$RECORD"
cp "$theirs/$RECORD" "$RECORD"

report() {
  local title=$1
  shift
  echo "upgrade: $title: $#"
  for path in "$@"; do echo "  $path"; done
}
echo "upgrade: $archetype $from -> $to in $((SECONDS - started))s"
report "updated" ${updated[@]+"${updated[@]}"}
report "added" ${added[@]+"${added[@]}"}
report "removed" ${removed[@]+"${removed[@]}"}
report "left as you have them" ${kept[@]+"${kept[@]}"}
report "in conflict" ${conflicts[@]+"${conflicts[@]}"}
if ((${#conflicts[@]} > 0)); then
  echo "upgrade: resolve the conflicts (git's <<<<<<< markers), then review and commit" >&2
  exit 1
fi
echo "upgrade: review the changes (git diff), run make pr, and commit"
