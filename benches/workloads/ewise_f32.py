# ewise_f32: a * b + c on three 10M float32 arrays
# Inputs: deterministic np.arange expressions (multiplicative hashing for
# uniform-looking values, Box-Muller on those for normal-looking ones), so that
# numpyx runs it without np.random; kernel and timing as in the shared workload.
# bench workload: valid in the numpyx Python subset (functions, loops, lists,
# f-strings; imports limited to numpy/time/math). Setup is untimed; the kernel
# is timed with time.perf_counter(), best of >= 3 repetitions and >= 0.3 s in
# total (capped at ~2.5 s). Prints exactly one line: "ewise_f32 seconds=<best>".
import time
import numpy as np


def close(x, y, rtol):
    return abs(x - y) <= rtol * abs(y) + 1e-300


def kernel(a, b, c):
    return a * b + c


def main():
    n = 10_000_000
    a = ((np.arange(n) * 668265263 % 4294967296) / 4294967296.0).astype(np.float32)
    b = ((np.arange(n) * 374761393 % 4294967296) / 4294967296.0).astype(np.float32)
    c = ((np.arange(n) * 3141592653 % 4294967296) / 4294967296.0).astype(np.float32)
    best = 1.0e30
    total = 0.0
    reps = 0
    r = None
    while reps < 3 or total < 0.3:
        t0 = time.perf_counter()
        r = kernel(a, b, c)
        dt = time.perf_counter() - t0
        total += dt
        reps += 1
        if dt < best:
            best = dt
        if total > 2.5 or reps >= 1000:
            break
    ok = r.shape[0] == n and r.dtype == np.float32
    for k in [0, 12345, n - 1]:
        ok = ok and close(float(r[k]), float(a[k]) * float(b[k]) + float(c[k]), 1e-6)
    if ok:
        print(f"ewise_f32 seconds={best:.6g}")
    else:
        print("ewise_f32 FAILED result check")


main()
