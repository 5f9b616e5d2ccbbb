# fancy_take: a[idx]: gather 1M random int64 indices from a 10M float64 array
# Inputs: deterministic np.arange expressions (multiplicative hashing for
# uniform-looking values, Box-Muller on those for normal-looking ones), so that
# numpyx runs it without np.random; kernel and timing as in the shared workload.
# bench workload: valid in the numpyx Python subset (functions, loops, lists,
# f-strings; imports limited to numpy/time/math). Setup is untimed; the kernel
# is timed with time.perf_counter(), best of >= 3 repetitions and >= 0.3 s in
# total (capped at ~2.5 s). Prints exactly one line: "fancy_take seconds=<best>".
import time
import numpy as np


def kernel(a, idx):
    return a[idx]


def main():
    n = 10_000_000
    a = np.arange(n, dtype=np.float64) * 0.5
    idx = np.arange(1_000_000) * 2654435761 % n
    best = 1.0e30
    total = 0.0
    reps = 0
    r = None
    while reps < 3 or total < 0.3:
        t0 = time.perf_counter()
        r = kernel(a, idx)
        dt = time.perf_counter() - t0
        total += dt
        reps += 1
        if dt < best:
            best = dt
        if total > 2.5 or reps >= 1000:
            break
    ok = r.shape[0] == 1_000_000
    for k in [0, 4242, 999_999]:
        ok = ok and float(r[k]) == float(idx[k]) * 0.5
    if ok:
        print(f"fancy_take seconds={best:.6g}")
    else:
        print("fancy_take FAILED result check")


main()
