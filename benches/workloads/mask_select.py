# mask_select: boolean-mask selection data[data > 1.5] on 10M normals (~6.7% kept)
# Inputs: deterministic np.arange expressions (multiplicative hashing for
# uniform-looking values, Box-Muller on those for normal-looking ones), so that
# numpyx runs it without np.random; kernel and timing as in the shared workload.
# bench workload: valid in the numpyx Python subset (functions, loops, lists,
# f-strings; imports limited to numpy/time/math). Setup is untimed; the kernel
# is timed with time.perf_counter(), best of >= 3 repetitions and >= 0.3 s in
# total (capped at ~2.5 s). Prints exactly one line: "mask_select seconds=<best>".
import time
import numpy as np


def kernel(data):
    return data[data > 1.5]


def main():
    n = 10_000_000
    data = np.sqrt(-2.0 * np.log((np.arange(n) * 374761393 % 4294967296 + 0.5) / 4294967296.0)) * np.cos(6.283185307179586 * ((np.arange(n) * 3141592653 % 4294967296) / 4294967296.0))
    best = 1.0e30
    total = 0.0
    reps = 0
    r = None
    while reps < 3 or total < 0.3:
        t0 = time.perf_counter()
        r = kernel(data)
        dt = time.perf_counter() - t0
        total += dt
        reps += 1
        if dt < best:
            best = dt
        if total > 2.5 or reps >= 1000:
            break
    m = r.shape[0]
    ok = m == int(np.count_nonzero(data > 1.5)) and m > 600_000 and m < 740_000
    ok = ok and float(np.min(r)) > 1.5
    if ok:
        print(f"mask_select seconds={best:.6g}")
    else:
        print("mask_select FAILED result check")


main()
