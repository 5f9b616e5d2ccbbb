# Every reduction on every dtype: values and result dtypes (NumPy scalars by repr).
import numpy as np

DTYPES = [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16,
          np.uint32, np.uint64, np.float16, np.float32, np.float64, np.complex64,
          np.complex128]


def show(name, f):
    try:
        print(name, repr(f()))
    except Exception as e:
        print(name, "!!", type(e).__name__, e)


for dt in DTYPES:
    a = np.array([3, 1, 0, 2, 5, 4, 1], dtype=dt)
    print("--", np.dtype(dt).name)
    show("sum", lambda: a.sum())
    show("prod", lambda: a.prod())
    show("min", lambda: a.min())
    show("max", lambda: np.max(a))
    show("amin", lambda: np.amin(a))
    show("amax", lambda: np.amax(a))
    show("mean", lambda: a.mean())
    show("var", lambda: a.var())
    show("std", lambda: np.std(a))
    show("std1", lambda: a.std(ddof=1))
    show("argmin", lambda: a.argmin())
    show("argmax", lambda: np.argmax(a))
    show("cumsum", lambda: a.cumsum())
    show("cumprod", lambda: np.cumprod(a))
    show("all", lambda: a.all())
    show("any", lambda: np.any(a))
    show("ptp", lambda: np.ptp(a))
    show("count_nonzero", lambda: np.count_nonzero(a))
    show("median", lambda: np.median(a))
    show("percentile", lambda: np.percentile(a, 40))
    show("quantile", lambda: np.quantile(a, [0.25, 0.5]))
    show("average", lambda: np.average(a))
    show("average_w", lambda: np.average(a, weights=[1, 2, 3, 4, 5, 6, 7]))
    show("nansum", lambda: np.nansum(a))
    show("nanprod", lambda: np.nanprod(a))
    show("nanmin", lambda: np.nanmin(a))
    show("nanmax", lambda: np.nanmax(a))
    show("nanmean", lambda: np.nanmean(a))
    show("nanvar", lambda: np.nanvar(a))
    show("nanstd", lambda: np.nanstd(a))
    show("nanargmin", lambda: np.nanargmin(a))
    show("nanargmax", lambda: np.nanargmax(a))
    show("nancumsum", lambda: np.nancumsum(a))
    show("nancumprod", lambda: np.nancumprod(a))
    show("nanmedian", lambda: np.nanmedian(a))
    show("nanpercentile", lambda: np.nanpercentile(a, 40))
    show("nanquantile", lambda: np.nanquantile(a, 0.5))
    show("sum_f32", lambda: a.sum(dtype=np.float32))
    show("mean_f32", lambda: a.mean(dtype=np.float32))
    show("sum_i8", lambda: a.sum(dtype=np.int8))
    show("sum_bool", lambda: a.sum(dtype=bool))
    show("prod_bool", lambda: a.prod(dtype=bool))
    show("cumsum_f64", lambda: a.cumsum(dtype=np.float64))

# Wrapping integer sums, small-int widening, unsigned results.
print(repr(np.array([100, 100], dtype=np.int8).sum()), repr(np.array([200, 100], dtype=np.uint8).sum()))
print(repr(np.array([2**62, 2**62, 2**62]).sum()), repr(np.array([2**63, 2**63], dtype=np.uint64).sum()))
print(repr(np.array([127, 1], dtype=np.int8).cumsum()), repr(np.array([-128, 1], dtype=np.int8).ptp()) if False else "")
print(repr(np.array([True, True, False]).sum()), repr(np.array([True, True]).mean()), repr(np.array([True, False]).prod()))
print(repr(np.array([1.5, 2.5], dtype=np.float16).sum()), repr(np.array([65504, 65504], dtype=np.float16).sum()))
print(repr(np.array([65504, 65504], dtype=np.float16).mean()), repr(np.array([1e-8, 1e-8], dtype=np.float16).mean()))
print(repr(np.array([1+2j, 3-1j]).prod()), repr(np.array([1+2j, 3-1j], dtype=np.complex64).prod()))
print(repr(np.array([1+2j, 1+3j, 0+9j]).max()), repr(np.array([1+2j, 1+3j, 0+9j]).argmin()))
