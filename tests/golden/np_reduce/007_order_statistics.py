# median, percentile, quantile (every method, scalar and array q, weak and strong q
# dtypes), average with weights.
import numpy as np

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
           "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher",
           "midpoint", "nearest"]
data = [np.array([12, 3, 7, 1, 9, 4]), np.array([12, 3, 7, 1, 9]), np.array([2.5, -1.0, 7.25, 0.0, 3.5, 3.5, 8.0]),
        np.array([0.1, 0.7, 0.3], dtype=np.float32), np.array([1.5, 2.5, 0.25, 4.0], dtype=np.float16),
        np.array([5], dtype=np.uint8), np.array([-3, 200, 17, 4], dtype=np.int16)]
for a in data:
    print("--", repr(a))
    print(repr(np.median(a)), repr(np.percentile(a, 25)), repr(np.percentile(a, [10, 50, 90])), repr(np.quantile(a, 0.4)))
    print(repr(np.percentile(a, np.float32(25))), repr(np.quantile(a, np.array([0.2, 0.8], dtype=np.float32))), repr(np.quantile(a, 1)), repr(np.quantile(a, [0, 1])))
    for m in METHODS:
        print(" ", m, repr(np.quantile(a, [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1], method=m)), repr(np.percentile(a, 62.5, method=m)))
M = np.array([[1, 5, 3, 9], [8, 2, 6, 0], [7, 7, 4, 1]])
for ax in [None, 0, 1, (0, 1)]:
    print("axis", ax, repr(np.median(M, axis=ax)), repr(np.median(M, axis=ax, keepdims=True).shape))
    print(" ", repr(np.percentile(M, [25, 75], axis=ax)).replace("\n", ""), repr(np.quantile(M, 0.5, axis=ax, keepdims=True)).replace("\n", ""))
    print(" ", repr(np.quantile(M, [0.3], axis=ax, method="nearest")).replace("\n", ""), repr(np.average(M, axis=ax)))
print(repr(np.median(M.T)), repr(np.median(M[:, ::-1], axis=0)), repr(np.percentile(M[::2], 40, axis=1)))
print(repr(np.median(np.array([[5.0, np.nan], [1, 2]]), axis=1)), repr(np.percentile(np.array([np.nan, 1.0]), 50)))
print(repr(np.median(np.array([1 + 2j, 3 - 1j, 0j]))), repr(np.median(np.array([True, False, True]))))
print(repr(np.quantile(np.array([1.0, np.inf]), [0, 0.5, 1])), repr(np.median(np.array([-np.inf, np.inf]))))
T = np.arange(24).reshape(2, 3, 4) % 7
print(repr(np.median(T, axis=(0, 2))), repr(np.percentile(T, 60, axis=(2, 0), keepdims=True)).replace("\n", ""))
print(repr(np.average([1.0, 3.0], weights=[3, 1])), repr(np.average(M, axis=1, weights=[1, 0, 1, 2])))
print(repr(np.average(M, axis=0, weights=[1, 2, 3], returned=True)))
print(repr(np.average(M.astype(np.float32), weights=np.ones((3, 4), dtype=np.float16))), repr(np.average(M, weights=M * 1j + 1)))
