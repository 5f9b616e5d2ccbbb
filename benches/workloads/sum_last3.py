# (inputs from np.arange instead of np.random)
# sum_last3: the reduction of broadcast_pdist alone: .sum(axis=2) of a (2000, 2000, 3)
# float64 array (a short contiguous last axis)
# bench workload: valid in the numpyx Python subset (functions, loops, lists,
# f-strings; imports limited to numpy/time/math). Setup is untimed; the kernel
# is timed with time.perf_counter(), best of >= 3 repetitions and >= 0.3 s in
# total (capped at ~2.5 s). Prints exactly one line: "sum_last3 seconds=<best>".
import time
import numpy as np


def close(x, y, rtol):
    return abs(x - y) <= rtol * abs(y) + 1e-300


def kernel(D, B):
    return D.sum(axis=2)


def main():
    # numpyx has no np.random yet: uniform-looking values in [0, 1) from arange
    # arithmetic (the Weyl sequence of the golden ratio).
    A = ((np.arange(6000, dtype=np.float64) + 7) * 0.6180339887498949 % 1.0).reshape(2000, 3)
    B = ((np.arange(6000, dtype=np.float64) + 6007) * 0.6180339887498949 % 1.0).reshape(2000, 3)
    diff = A[:, None, :] - B[None, :, :]
    D = diff ** 2
    best = 1.0e30
    total = 0.0
    reps = 0
    r = None
    while reps < 3 or total < 0.3:
        t0 = time.perf_counter()
        r = kernel(D, B)
        dt = time.perf_counter() - t0
        total += dt
        reps += 1
        if dt < best:
            best = dt
        if total > 2.5 or reps >= 1000:
            break
    ok = r.shape[0] == 2000 and r.shape[1] == 2000
    for ij in [[0, 0], [17, 1999], [1234, 56]]:
        i = ij[0]
        j = ij[1]
        e = 0.0
        for d in range(3):
            e += (float(A[i, d]) - float(B[j, d])) ** 2
        ok = ok and close(float(r[i, j]), e, 1e-12)
    if ok:
        print(f"sum_last3 seconds={best:.6g}")
    else:
        print("sum_last3 FAILED result check")


main()
