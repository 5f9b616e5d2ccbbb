# reduce_axis0: sum over axis 0 of a (4000, 2500) float64 matrix
# Inputs: deterministic np.arange expressions (multiplicative hashing for
# uniform-looking values, Box-Muller on those for normal-looking ones), so that
# numpyx runs it without np.random; kernel and timing as in the shared workload.
# bench workload: valid in the numpyx Python subset (functions, loops, lists,
# f-strings; imports limited to numpy/time/math). Setup is untimed; the kernel
# is timed with time.perf_counter(), best of >= 3 repetitions and >= 0.3 s in
# total (capped at ~2.5 s). Prints exactly one line: "reduce_axis0 seconds=<best>".
import time
import numpy as np


def close(x, y, rtol):
    return abs(x - y) <= rtol * abs(y) + 1e-300


def kernel(M):
    return M.sum(axis=0)


def main():
    M = ((np.arange(10000000) * 1103515245 % 4294967296) / 4294967296.0).reshape(4000, 2500)
    best = 1.0e30
    total = 0.0
    reps = 0
    r = None
    while reps < 3 or total < 0.3:
        t0 = time.perf_counter()
        r = kernel(M)
        dt = time.perf_counter() - t0
        total += dt
        reps += 1
        if dt < best:
            best = dt
        if total > 2.5 or reps >= 1000:
            break
    ok = r.shape[0] == 2500
    for j in [0, 7, 2499]:
        ok = ok and close(float(r[j]), float(np.sum(M[:, j])), 1e-10)
    if ok:
        print(f"reduce_axis0 seconds={best:.6g}")
    else:
        print("reduce_axis0 FAILED result check")


main()
