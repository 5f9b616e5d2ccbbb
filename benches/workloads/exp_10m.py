# exp_10m: np.exp on 10M float64 (standard normal inputs)
# Inputs: deterministic np.arange expressions (multiplicative hashing for
# uniform-looking values, Box-Muller on those for normal-looking ones), so that
# numpyx runs it without np.random; kernel and timing as in the shared workload.
# bench workload: valid in the numpyx Python subset (functions, loops, lists,
# f-strings; imports limited to numpy/time/math). Setup is untimed; the kernel
# is timed with time.perf_counter(), best of >= 3 repetitions and >= 0.3 s in
# total (capped at ~2.5 s). Prints exactly one line: "exp_10m seconds=<best>".
import math
import time
import numpy as np


def close(x, y, rtol):
    return abs(x - y) <= rtol * abs(y) + 1e-300


def kernel(x):
    return np.exp(x)


def main():
    n = 10_000_000
    x = np.sqrt(-2.0 * np.log((np.arange(n) * 2654435761 % 4294967296 + 0.5) / 4294967296.0)) * np.cos(6.283185307179586 * ((np.arange(n) * 2246822519 % 4294967296) / 4294967296.0))
    best = 1.0e30
    total = 0.0
    reps = 0
    r = None
    while reps < 3 or total < 0.3:
        t0 = time.perf_counter()
        r = kernel(x)
        dt = time.perf_counter() - t0
        total += dt
        reps += 1
        if dt < best:
            best = dt
        if total > 2.5 or reps >= 1000:
            break
    ok = r.shape[0] == n
    for k in [0, 777, n - 1]:
        ok = ok and close(float(r[k]), math.exp(float(x[k])), 1e-14)
    if ok:
        print(f"exp_10m seconds={best:.6g}")
    else:
        print("exp_10m FAILED result check")


main()
