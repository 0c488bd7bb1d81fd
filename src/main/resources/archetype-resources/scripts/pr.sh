#!/usr/bin/env bash
# Runs the steps of `make pr` (each a make target) in phases, then prints a table of each step's
# result and seconds, so that you see where the time goes.
#   scripts/pr.sh 'verify | pre-commit api-diff' 'synth | e2e-local' ...
# In a phase, the steps before `|` run in turn with their output shown as it comes; the steps after
# it run in turn beside them, and their output is shown whole when they end. A phase with a failed
# step is the last: the later phases are not run. A step that prints "<step>: skipped" counts as
# skipped, not passed. Logs: target/pr/<step>.log. Exits non-zero when a step failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

MAKE=${MAKE:-make}
logs=target/pr
rm -rf "$logs"
mkdir -p "$logs"

steps=()
results=()
seconds=()

# record STEP: one row of the closing table, from the phase's rows ("STEP STATUS SECONDS").
record() {
  local step=$1 status took
  read -r _ status took < <(grep "^$step " "$logs/phase-rows")
  steps+=("$step")
  seconds+=("${took:-}")
  if [[ -z ${status:-} ]]; then
    results+=("not run")
  elif [[ $status -ne 0 ]]; then
    results+=(failed)
  elif grep -q "^$step: skipped" "$logs/$step.log"; then
    results+=(skipped)
  else
    results+=(passed)
  fi
}

# run_steps SHOW STEP...: runs the steps in turn, each logged; SHOW=yes also prints its output.
# Writes "STEP STATUS SECONDS" lines to standard output's file descriptor 3.
run_steps() {
  local show=$1 step start status
  shift
  for step in "$@"; do
    start=$SECONDS
    if [[ $show == yes ]]; then
      echo "==> make $step"
      "$MAKE" --no-print-directory "$step" 2>&1 | tee "$logs/$step.log"
      status=${PIPESTATUS[0]}
    else
      "$MAKE" --no-print-directory "$step" >"$logs/$step.log" 2>&1
      status=$?
    fi
    echo "$step $status $((SECONDS - start))" >&3
    [[ $status -eq 0 ]] || return 1
  done
}

total_start=$SECONDS
failed=no
for phase in "$@"; do
  read -r -a foreground <<<"${phase%%|*}"
  beside=()
  [[ $phase == *"|"* ]] && read -r -a beside <<<"${phase#*|}"
  : >"$logs/phase-rows"
  if [[ $failed == no ]]; then
    pid=
    if [[ ${#beside[@]} -gt 0 ]]; then
      run_steps no "${beside[@]}" 3>>"$logs/phase-rows" &
      pid=$!
    fi
    [[ ${#foreground[@]} -eq 0 ]] || run_steps yes "${foreground[@]}" 3>>"$logs/phase-rows" || failed=yes
    if [[ -n $pid ]]; then
      wait "$pid" || failed=yes
      for step in ${beside[@]+"${beside[@]}"}; do
        [[ -f $logs/$step.log ]] || continue
        echo "==> make $step (ran beside make ${foreground[*]})"
        cat "$logs/$step.log"
      done
    fi
  fi
  for step in "${foreground[@]}" ${beside[@]+"${beside[@]}"}; do
    record "$step"
  done
done

echo
printf 'pr: %-14s %-8s %7s\n' step result seconds
for i in "${!steps[@]}"; do
  printf '    %-14s %-8s %7s\n' "${steps[$i]}" "${results[$i]}" "${seconds[$i]}"
done
printf '    %-14s %-8s %7s\n' total "" "$((SECONDS - total_start))"
if [[ $failed == yes ]]; then
  for i in "${!steps[@]}"; do
    [[ ${results[$i]} == failed ]] && echo "pr: 'make ${steps[$i]}' failed (log: $logs/${steps[$i]}.log)" >&2
  done
  exit 1
fi
echo "pr: all checks passed"
