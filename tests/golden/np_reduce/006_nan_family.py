# The nan* reductions: NaNs ignored, all-NaN slices, dtypes, axes and keepdims.
import numpy as np

nan = np.nan
X = np.array([[2.0, nan, 4.0, 1.5], [nan, 1.0, 1.0, -3.0], [nan, nan, nan, nan]])
for ax in [None, 0, 1, -1, (0, 1)]:
    print("axis", ax)
    print(" ", repr(np.nansum(X, axis=ax)), repr(np.nanprod(X, axis=ax)))
    print(" ", repr(np.nanmean(X, axis=ax)), repr(np.nanvar(X, axis=ax)), repr(np.nanstd(X, axis=ax, ddof=1)))
    print(" ", repr(np.nanmin(X, axis=ax)), repr(np.nanmax(X, axis=ax, keepdims=True)))
    print(" ", repr(np.nanmedian(X, axis=ax)), repr(np.nanpercentile(X, 30, axis=ax)), repr(np.nanquantile(X, [0.1, 0.9], axis=ax)))
    print(" ", repr(np.sum(X, axis=ax)), repr(np.max(X, axis=ax)), repr(np.median(X, axis=ax)))
for ax in [None, 0, 1]:
    print("cum", ax, repr(np.nancumsum(X, axis=ax)).replace("\n", ""), repr(np.nancumprod(X, axis=ax)).replace("\n", ""))
Y = X[:2]
print(repr(np.nanargmin(Y)), repr(np.nanargmax(Y)), repr(np.nanargmin(Y, axis=1)), repr(np.nanargmax(Y, axis=0, keepdims=True)))
print(repr(np.argmax(Y)), repr(np.argmin(Y, axis=1)), repr(np.argmax(np.array([1.0, nan, 5.0, nan]))))
f = np.array([1.5, nan, 2.25, -0.5], dtype=np.float32)
h = np.array([1.5, nan, 2.25, -0.5], dtype=np.float16)
for v in [f, h]:
    print(repr(np.nansum(v)), repr(np.nanmean(v)), repr(np.nanvar(v)), repr(np.nanstd(v)), repr(np.nanmedian(v)), repr(np.nanmax(v)))
    print(repr(np.nanpercentile(v, 50)), repr(np.nanquantile(v, [0.5])), repr(np.nanmean(v, dtype=np.float64)))
c = np.array([1 + 1j, complex(nan, 0), 2 - 1j])
print(repr(np.nansum(c)), repr(np.nanmean(c)), repr(np.nanvar(c)), repr(np.nanprod(c)))
i = np.array([[3, 1], [4, 1]])
print(repr(np.nansum(i)), repr(np.nanmean(i, axis=0)), repr(np.nanvar(i)), repr(np.nanmin(i)), repr(np.nanargmax(i)), repr(np.nanmedian(i)))
print(repr(np.nanmean(X, where=X == X)))
print(repr(np.nanmax(X, axis=1, initial=0)), repr(np.nanmin(Y, axis=0, where=Y > 1.2, initial=10)))
print(repr(np.nanmedian(np.arange(1200.0).reshape(2, 600), axis=1)), repr(np.nanmedian(np.array([nan, nan]))))
