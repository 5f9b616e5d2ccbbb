# where_clip: np.where(x > 0, x, 0.1 * x) on 10M float64 (leaky-relu)
# Inputs: deterministic np.arange expressions (multiplicative hashing for
# uniform-looking values, Box-Muller on those for normal-looking ones), so that
# numpyx runs it without np.random; kernel and timing as in the shared workload.
# bench workload: valid in the numpyx Python subset (functions, loops, lists,
# f-strings; imports limited to numpy/time/math). Setup is untimed; the kernel
# is timed with time.perf_counter(), best of >= 3 repetitions and >= 0.3 s in
# total (capped at ~2.5 s). Prints exactly one line: "where_clip seconds=<best>".
import time
import numpy as np


def close(x, y, rtol):
    return abs(x - y) <= rtol * abs(y) + 1e-300


def kernel(x):
    return np.where(x > 0, x, 0.1 * x)


def main():
    n = 10_000_000
    x = np.sqrt(-2.0 * np.log((np.arange(n) * 3266489917 % 4294967296 + 0.5) / 4294967296.0)) * np.cos(6.283185307179586 * ((np.arange(n) * 668265263 % 4294967296) / 4294967296.0))
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
    for k in [0, 1, 2, 3, 999, n - 1]:
        v = float(x[k])
        e = v
        if v <= 0:
            e = 0.1 * v
        ok = ok and close(float(r[k]), e, 1e-15)
    if ok:
        print(f"where_clip seconds={best:.6g}")
    else:
        print("where_clip FAILED result check")


main()
