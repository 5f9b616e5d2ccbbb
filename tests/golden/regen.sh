#!/usr/bin/env bash
# Regenerate the golden outputs of tests/golden/lang/*.py (CPython) and
# tests/golden/np_reduce/*.py (CPython + NumPy 2.4).
#
# For every NAME.py in those directories this runs `python3 NAME.py` from its
# directory and writes:
#   NAME.out  - the program's stdout, byte for byte
#   NAME.err  - only when the exit status is non-zero: the last non-empty line
#               of stderr (e.g. "ZeroDivisionError: division by zero");
#               a stale NAME.err is removed when the program exits with 0.
# Never edit .out/.err files by hand; change the .py and run this script.
# Usage: tests/golden/regen.sh [PYTHON]   (runnable from any directory)
set -euo pipefail

PYTHON="${1:-python3}"
here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"

# Same bytes regardless of the caller's locale or environment.
export PYTHONUTF8=1
export PYTHONIOENCODING=utf-8
export PYTHONHASHSEED=0
export PYTHONDONTWRITEBYTECODE=1
unset PYTHONSTARTUP PYTHONPATH PYTHONWARNINGS || true

shopt -s nullglob
errtmp="$(mktemp)"
trap 'rm -f "$errtmp"' EXIT

for sub in lang np_reduce; do
cd "$here/$sub"
files=( *.py )
if (( ${#files[@]} == 0 )); then
    echo "regen.sh: no .py files in $PWD" >&2
    exit 1
fi

n_ok=0
n_err=0
for py in "${files[@]}"; do
    name="${py%.py}"
    status=0
    "$PYTHON" "$py" >"$name.out" 2>"$errtmp" </dev/null || status=$?
    if (( status != 0 )); then
        # last non-empty line of stderr, with its newline
        last="$(grep -v '^[[:space:]]*$' "$errtmp" | tail -n 1 || true)"
        printf '%s\n' "$last" >"$name.err"
        echo "$py: exit $status: $last"
        n_err=$((n_err + 1))
    else
        rm -f "$name.err"
        if [[ -s "$errtmp" ]]; then
            echo "regen.sh: warning: $py exited 0 but wrote to stderr:" >&2
            sed 's/^/    /' "$errtmp" >&2
        fi
        n_ok=$((n_ok + 1))
    fi
done

# .out/.err files whose .py is gone are stale
for f in *.out *.err; do
    if [[ ! -e "${f%.*}.py" ]]; then
        rm -f "$f"
        echo "removed stale $f"
    fi
done

echo "regen.sh: $sub: $n_ok programs exited 0, $n_err ended in an uncaught exception"
done

# The error-report tests: CPython's last stderr line for each tests/errors/*.npx
# (numpyx's full report is blessed separately; see tests/errors.rs).
cd "$here/../errors"
for npx in *.npx; do
    name="${npx%.npx}"
    "$PYTHON" "$npx" >/dev/null 2>"$errtmp" </dev/null || true
    grep -v '^[[:space:]]*$' "$errtmp" | tail -n 1 >"$name.err"
done
echo "regen.sh: wrote $(ls *.err | wc -l) CPython error lines in tests/errors"
