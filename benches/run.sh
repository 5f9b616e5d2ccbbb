#!/usr/bin/env bash
# Runs the NumPy workloads of benches/workloads/ under numpyx and, when python3 can import
# numpy, under CPython + NumPy in the same run, alternating the two ROUNDS times, and
# prints a markdown table of the best time of each (best of all rounds, each round being
# itself a best of >= 3 repetitions) and the ratio numpyx / NumPy (below 1: numpyx faster).
#
# Usage: benches/run.sh [WORKLOAD...]        (build first: cargo build --release)
# Env:   ROUNDS=n (default 3)  NUMPYX=path (default target/release/numpyx)  PYTHON=python3
#
# The workloads are the project's shared ones with inputs built from np.arange
# expressions instead of np.random. benches/lang/run.sh covers the language core.
set -uo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
numpyx=${NUMPYX:-$here/../target/release/numpyx}
python=${PYTHON:-python3}
rounds=${ROUNDS:-3}
if [ ! -x "$numpyx" ]; then
    echo "run.sh: $numpyx not found (cargo build --release first)" >&2
    exit 2
fi
have_numpy=0
"$python" -c "import numpy" 2>/dev/null && have_numpy=1

# The "NAME seconds=<s>" line of one run, or nothing if it failed.
secs() { timeout 300 "$@" 2>/dev/null | sed -n 's/^[a-z0-9_]* seconds=//p' | head -1; }
# The smallest of the arguments, or FAIL when there are none.
best() { printf '%s\n' "$@" | grep . | sort -g | head -1 | grep . || echo FAIL; }
ms() { [ "$1" = FAIL ] && echo FAIL || awk -v s="$1" 'BEGIN { printf "%.2f ms", s * 1e3 }'; }

if [ $# -gt 0 ]; then
    files=(); for w in "$@"; do files+=("$here/workloads/$w.py"); done
else
    files=("$here"/workloads/*.py)
fi
printf '| workload | numpyx | NumPy | ratio |\n|---|---|---|---|\n'
for f in "${files[@]}"; do
    name=$(basename "$f" .py)
    a=(); b=()
    for _ in $(seq "$rounds"); do
        a+=("$(secs "$numpyx" "$f")")
        [ $have_numpy = 1 ] && b+=("$(secs "$python" "$f")")
    done
    ta=$(best "${a[@]}")
    tb=FAIL
    [ $have_numpy = 1 ] && tb=$(best "${b[@]}")
    ratio=-
    if [ "$ta" != FAIL ] && [ "$tb" != FAIL ]; then
        ratio=$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.2f", a / b }')
    fi
    [ $have_numpy = 1 ] || tb="(no numpy)"
    printf '| %s | %s | %s | %s |\n' "$name" "$(ms "$ta")" "$( [ "$tb" = "(no numpy)" ] && echo "$tb" || ms "$tb")" "$ratio"
done
echo
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) nproc=$(nproc) loadavg=$(cut -d' ' -f1-3 /proc/loadavg) rounds=$rounds"
