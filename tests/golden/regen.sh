#!/usr/bin/env bash
# Regenerate the golden outputs of tests/golden/*/*.py with CPython (and NumPy 2.4.6).
#
# For every NAME.py in a folder of tests/golden/ this runs `python3 NAME.py` from that
# directory and writes:
#   NAME.out  - the program's stdout, byte for byte
#   NAME.err  - only when the exit status is non-zero: the last non-empty line
#               of stderr (e.g. "ZeroDivisionError: division by zero");
#               a stale NAME.err is removed when the program exits with 0.
#   NAME.stderr - tests/golden/np programs with a line "# golden: stderr" only: what
#               they wrote to stderr (NumPy's warnings), the script's directory as <dir>.
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
# NumPy's transcendental functions depend on the CPU it runs on: with AVX-512 it uses
# Intel's SVML for float64 exp/log/expm1/log1p/log10/arctan/power/... and float32 exp2,
# tan, arcsin, ..., which differ from the C library in the last bit for some inputs.
# numpyx matches NumPy at the AVX2 (x86-64-v3) level, where float64 math is glibc's and
# float32 exp/log/sin/cos are NumPy's own AVX2 algorithms; so the goldens are made with
# the AVX-512 targets turned off, the same on every machine (see docs/differences.md).
export NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR"

# Every folder of tests/golden that holds .py programs (lang, np, np_print, ...).
errtmp="$(mktemp)"
trap 'rm -f "$errtmp"' EXIT
for dir in "$here"/*/; do
    cd "$dir"
    shopt -s nullglob
    files=( *.py )
    if (( ${#files[@]} == 0 )); then
        continue
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
            rm -f "$name.err" "$name.stderr"
            if [[ "$(basename "$dir")" == np && -s "$errtmp" ]] && grep -q '^# golden: stderr' "$py"; then
                # NumPy programs that check warnings: keep stderr, the script's directory as <dir>
                sed "s|$PWD/|<dir>/|g" "$errtmp" >"$name.stderr"
            elif [[ -s "$errtmp" ]]; then
                echo "regen.sh: warning: $py exited 0 but wrote to stderr:" >&2
                sed 's/^/    /' "$errtmp" >&2
            fi
            n_ok=$((n_ok + 1))
        fi
    done

    # .out/.err/.stderr files whose .py is gone are stale
    for f in *.out *.err *.stderr; do
        if [[ ! -e "${f%.*}.py" ]]; then
            rm -f "$f"
            echo "removed stale $f"
        fi
    done

    echo "regen.sh: $(basename "$dir"): $n_ok programs exited 0, $n_err ended in an uncaught exception"

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
