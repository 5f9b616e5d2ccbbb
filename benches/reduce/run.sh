#!/usr/bin/env bash
# Runs the reduction benchmarks (copies of ../shared/bench/workloads sum_10m, mean_10m,
# reduce_axis0, reduce_axis1 with np.arange inputs) under numpyx and CPython + NumPy,
# alternating the two ROUNDS times (default 5), and prints the median of each
# workload's best time and the ratio numpyx / NumPy (below 1: numpyx is faster).
# Usage: benches/reduce/run.sh [NUMPYX] [PYTHON]   (build first: cargo build --release)
# Env: ROUNDS=n
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
numpyx=${1:-$here/../../target/release/numpyx}
python=${2:-python3}
rounds=${ROUNDS:-5}
secs() { "$@" | sed -n 's/.*seconds=//p'; }
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
printf '| workload | numpyx (ms) | NumPy (ms) | numpyx / NumPy |\n|---|---|---|---|\n'
for f in "$here"/*.py; do
    name=$(basename "$f" .py)
    a=(); b=()
    for _ in $(seq "$rounds"); do
        a+=("$(secs "$numpyx" "$f")")
        b+=("$(secs "$python" "$f")")
    done
    ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
    printf '| %s | %s | %s | %s |\n' "$name" \
        "$(python3 -c "print(f'{$ma*1e3:.2f}')")" "$(python3 -c "print(f'{$mb*1e3:.2f}')")" \
        "$(python3 -c "print(f'{$ma/$mb:.2f}')")"
done
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) nproc=$(nproc) loadavg=$(cut -d' ' -f1-3 /proc/loadavg) rounds=$rounds"
