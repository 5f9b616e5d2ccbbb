# Empty reductions (identities, NaN results) and the errors NumPy raises, caught.
import numpy as np


def show(label, f):
    try:
        r = f()
        print(label, repr(r).replace("\n", ""))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


E = np.zeros((0, 3))
E2 = np.zeros((3, 0), dtype=np.int32)
for name, X in [("E", E), ("E2", E2), ("empty", np.array([]))]:
    for ax in [None, 0, 1, -1]:
        if ax is not None and X.ndim == 1 and ax == 1:
            continue
        tag = name + " axis=" + str(ax)
        show(tag + " sum", lambda: X.sum(axis=ax))
        show(tag + " prod", lambda: X.prod(axis=ax))
        show(tag + " max", lambda: X.max(axis=ax))
        show(tag + " min", lambda: np.min(X, axis=ax))
        show(tag + " max_initial", lambda: X.max(axis=ax, initial=-5))
        show(tag + " argmax", lambda: X.argmax(axis=ax))
        show(tag + " argmin", lambda: np.argmin(X, axis=ax))
        show(tag + " mean", lambda: X.mean(axis=ax))
        show(tag + " var", lambda: X.var(axis=ax))
        show(tag + " std", lambda: np.std(X, axis=ax, ddof=1))
        show(tag + " all", lambda: X.all(axis=ax))
        show(tag + " any", lambda: np.any(X, axis=ax))
        show(tag + " cumsum", lambda: np.cumsum(X, axis=ax))
        show(tag + " ptp", lambda: np.ptp(X, axis=ax))
        show(tag + " count_nonzero", lambda: np.count_nonzero(X, axis=ax))
        show(tag + " median", lambda: np.median(X, axis=ax))
        show(tag + " nansum", lambda: np.nansum(X, axis=ax))
        show(tag + " nanmax", lambda: np.nanmax(X, axis=ax))
        show(tag + " nanmean", lambda: np.nanmean(X, axis=ax))
        show(tag + " nanmedian", lambda: np.nanmedian(X, axis=ax))
        show(tag + " average", lambda: np.average(X, axis=ax))
show("percentile empty", lambda: np.percentile(np.array([]), 50))
show("nanpercentile empty", lambda: np.nanpercentile(np.array([]), 50))
show("quantile empty axis", lambda: np.quantile(E, 0.5, axis=1))

M = np.arange(6.0).reshape(2, 3)
for label, f in [
    ("axis 2", lambda: M.sum(axis=2)),
    ("axis -3", lambda: np.sum(M, axis=-3)),
    ("axis tuple dup", lambda: M.sum(axis=(0, 0))),
    ("axis tuple dup neg", lambda: M.max(axis=(1, -1))),
    ("axis tuple oob", lambda: M.mean(axis=(0, 3))),
    ("axis float", lambda: M.sum(axis=1.5)),
    ("axis list", lambda: M.sum(axis=[0])),
    ("argmax tuple", lambda: M.argmax(axis=(0, 1))),
    ("argmax oob", lambda: np.argmax(M, axis=2)),
    ("cumsum oob", lambda: np.cumsum(M, axis=-3)),
    ("median oob", lambda: np.median(M, axis=2)),
    ("median dup", lambda: np.median(M, axis=(0, 0))),
    ("percentile oob", lambda: np.percentile(M, 50, axis=5)),
    ("var oob", lambda: M.var(axis=2)),
    ("where no identity", lambda: M.max(where=M > 1)),
    ("where min", lambda: np.min(M, axis=0, where=[True, False, True])),
    ("where bad dtype", lambda: M.sum(where=np.array([1, 0, 1]))),
    ("percentile range", lambda: np.percentile(M, 101)),
    ("percentile neg", lambda: np.percentile(M, [-1, 50])),
    ("quantile range", lambda: np.quantile(M, 1.5)),
    ("method", lambda: np.quantile(M, 0.5, method="foo")),
    ("weights method", lambda: np.quantile(M, 0.5, weights=np.ones(6).reshape(2, 3))),
    ("complex quantile", lambda: np.quantile(np.array([1j]), 0.5)),
    ("average shapes", lambda: np.average(M, weights=[1, 2, 3])),
    ("average axis shape", lambda: np.average(M, axis=1, weights=[1, 2])),
    ("average zero", lambda: np.average(M, axis=1, weights=[1, -1, 0])),
    ("ddof and correction", lambda: M.var(ddof=1, correction=1)),
    ("nanargmax all nan", lambda: np.nanargmax(np.array([[np.nan, 1.0], [np.nan, np.nan]]), axis=1)),
    ("nanargmin all nan", lambda: np.nanargmin(np.array([np.nan]))),
    ("nanmean int dtype", lambda: np.nanmean(np.array([1.0, np.nan]), dtype=int)),
    ("ptp bool", lambda: np.ptp(np.array([True, False]))),
    ("bool percentile", lambda: np.percentile(np.array([True, False]), 50)),
    ("out not array", lambda: M.sum(out=5)),
    ("unexpected kw", lambda: M.sum(foo=1)),
    ("initial overflow", lambda: np.array([1, 2], dtype=np.int8).max(initial=1000)),
]:
    show(label, f)
