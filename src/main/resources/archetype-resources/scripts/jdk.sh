#!/usr/bin/env bash
# Finds a JDK of a given version or newer, so that Maven, the CDK app and the local tools run on
# it even when the default `java` is older and JAVA_HOME is unset. The Makefile runs it once and
# exports JAVA_HOME for every target; infra/bin/cdk-app.sh sources it for `npx cdk` run by hand.
#   scripts/jdk.sh find MIN        print the home of a JDK MIN+ (on stderr, which one was picked)
#   scripts/jdk.sh missing MIN     print how to get a JDK MIN+
#   . scripts/jdk.sh && jdk_use MIN   export JAVA_HOME and PATH, or print how to get one and fail
# Order: JAVA_HOME, then the `java` on PATH, then the newest JDK installed in a usual place:
# JAVA_HOME_<N>_<ARCH> variables (CI runners), /usr/lib/jvm, /Library/Java/JavaVirtualMachines,
# SDKMAN, ~/.jdks (IntelliJ), ~/.gradle/jdks, asdf, mise, Homebrew. JDK_SEARCH_PATH (folders
# that hold JDKs, separated by ':') replaces these places.

# jdk_version HOME: the feature version (17, 21, 25) of the JDK at HOME; fails if HOME is no JDK.
jdk_version() {
  local home=$1 version=''
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  [[ -f $home/release ]] && version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  [[ -n $version ]] \
    || version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  version=${version#1.}
  version=${version%%[!0-9]*}
  [[ -n $version ]] && echo "$version"
}

jdk_search_path() {
  local sdkman=${SDKMAN_CANDIDATES_DIR:-$HOME/.sdkman/candidates}
  echo "${JDK_SEARCH_PATH:-/usr/lib/jvm:/usr/lib64/jvm:/usr/java:/opt/java:/Library/Java/JavaVirtualMachines:$HOME/Library/Java/JavaVirtualMachines:$sdkman/java:$HOME/.jdks:$HOME/.gradle/jdks:$HOME/.asdf/installs/java:$HOME/.local/share/mise/installs/java:/opt/homebrew/opt:/usr/local/opt}"
}

# Installed JDK homes, one a line: CI runners' JAVA_HOME_<N>_<ARCH> variables, then each folder;
# only the folders of JDK_SEARCH_PATH when it is set.
jdk_candidates() {
  local name dir home
  if [[ -z ${JDK_SEARCH_PATH:-} ]]; then
    for name in $(compgen -v | grep -E '^JAVA_HOME_[0-9]+_[A-Z0-9]+$'); do
      echo "${!name}"
    done
  fi
  local IFS=:
  for dir in $(jdk_search_path); do
    for home in "$dir"/*; do
      if [[ -d $home/Contents/Home ]]; then # macOS bundle
        home=$home/Contents/Home
      elif [[ -d $home/libexec/openjdk.jdk/Contents/Home ]]; then # Homebrew
        home=$home/libexec/openjdk.jdk/Contents/Home
      fi
      echo "$home"
    done
  done
}

# The home of the `java` on PATH: through its symlinks (Debian's alternatives), or, for a stub
# such as macOS's /usr/bin/java, as the JVM itself reports it.
jdk_on_path() {
  local java home
  java=$(command -v java) || return 1
  home=$(cd "$(dirname "$(readlink -f "$java" 2>/dev/null || echo "$java")")/.." && pwd)
  [[ -f $home/release ]] || home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')
  [[ -n $home ]] && echo "$home"
}

# jdk_find MIN: print the home of a JDK MIN+; say on stderr which one, unless JAVA_HOME or the
# `java` on PATH already was one. Fails, printing nothing, when there is none.
jdk_find() {
  local min=$1 version home java_home path_version='' best='' best_version=0
  if [[ -n ${JAVA_HOME:-} ]] && version=$(jdk_version "$JAVA_HOME") && ((version >= min)); then
    echo "$JAVA_HOME"
    return
  fi
  if java_home=$(jdk_on_path) && path_version=$(jdk_version "$java_home") && ((path_version >= min)); then
    echo "$java_home"
    return
  fi
  while IFS= read -r home; do
    version=$(jdk_version "$home") || continue
    if ((version >= min && version > best_version)); then
      best=$home
      best_version=$version
    fi
  done < <(jdk_candidates)
  [[ -n $best ]] || return 1
  echo "jdk: using JDK $best_version at $best ($(jdk_why "$path_version"))" >&2
  echo "$best"
}

jdk_why() {
  local path_version=$1 java_home_version
  if [[ -n ${JAVA_HOME:-} ]]; then
    java_home_version=$(jdk_version "$JAVA_HOME") || java_home_version="not a JDK"
    echo "JAVA_HOME=$JAVA_HOME is ${java_home_version}"
  elif [[ -n $path_version ]]; then
    echo "JAVA_HOME is unset and the java on PATH is $path_version"
  else
    echo "JAVA_HOME is unset and there is no JDK java on PATH"
  fi
}

# jdk_missing MIN: how to get a JDK MIN+, in one paragraph.
jdk_missing() {
  local min=$1
  local places="the usual places (/usr/lib/jvm, /Library/Java/JavaVirtualMachines, SDKMAN, ~/.jdks...)"
  [[ -n ${JDK_SEARCH_PATH:-} ]] && places=$JDK_SEARCH_PATH
  echo "No JDK $min or newer found: JAVA_HOME and the java on PATH are older or unset, and none is" \
    "installed in $places. Install one, for example with" \
    "'sdk install java $min-tem' (SDKMAN), 'sudo apt-get install openjdk-$min-jdk-headless' (Debian, Ubuntu)" \
    "or 'brew install --cask temurin@$min' (macOS), or set JAVA_HOME to one"
}

# jdk_use MIN: export JAVA_HOME and put its bin/ first on PATH, or say how to get one and fail.
jdk_use() {
  local home
  if ! home=$(jdk_find "$1"); then
    jdk_missing "$1" >&2
    return 1
  fi
  export JAVA_HOME=$home
  export PATH=$home/bin:$PATH
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    find) jdk_find "${2:?usage: scripts/jdk.sh find MIN}" ;;
    missing) jdk_missing "${2:?usage: scripts/jdk.sh missing MIN}" ;;
    *)
      echo "usage: scripts/jdk.sh find|missing MIN" >&2
      exit 2
      ;;
  esac
fi
