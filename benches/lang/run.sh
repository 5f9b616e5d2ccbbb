#!/usr/bin/env bash
# Runs the Python-level benchmarks under numpyx and CPython in the same run and
# prints the table that docs/performance.md keeps (ratio = numpyx / CPython).
# Usage: benches/lang/run.sh [NUMPYX] [PYTHON]   (build first: cargo build --release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
numpyx=${1:-$here/../../target/release/numpyx}
python=${2:-python3}
secs() { "$@" | sed -n 's/.*seconds=//p'; }
printf '| workload | numpyx (s) | CPython (s) | numpyx / CPython |\n|---|---|---|---|\n'
for f in "$here"/*.npx; do
    name=$(basename "$f" .npx)
    a=$(secs "$numpyx" "$f")
    b=$(secs "$python" "$f")
    printf '| %s | %s | %s | %s |\n' "$name" "$a" "$b" "$(python3 -c "print(f'{$a/$b:.2f}')")"
done
