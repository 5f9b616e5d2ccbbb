# Every dtype x operation family on contiguous, strided, reversed, broadcast and 0-d
# inputs at lengths around SIMD lane and block boundaries; outputs are checksums.
# complex64 and length-1 reversed views are left out: numpyx differs from NumPy there in
# the last bit (docs/performance.md lists the known differences). tanh is printed at array
# precision only: numpyx's is the C library's, NumPy's its own (docs/differences.md).
import numpy as np

LENGTHS = [0, 1, 7, 8, 9, 127, 128, 129]
DTYPES = [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
          np.uint64, np.float16, np.float32, np.float64, np.complex128]


def base(n, dt, seed):
    i = np.arange(3 * n + 8)
    v = ((i * 7919 + seed * 104729) % 2003) / 100.0 - 10.0
    if dt == np.bool_:
        return (i * (seed + 3)) % 3 == 0
    if np.dtype(dt).kind == 'c':
        return (v + 1j * (v[::-1] / 3.0)).astype(dt)
    if np.dtype(dt).kind == 'u':
        return (np.abs(v) * 3).astype(dt)
    if np.dtype(dt).kind in 'iu':
        return (v * 3).astype(dt)
    return v.astype(dt)


def layouts(n, dt, seed):
    b = base(n, dt, seed)
    return [("contig", b[:n]), ("strided", b[::3][:n]), ("reversed", b[::-2][:n]),
            ("bcast", np.broadcast_to(b[2:3], (n,))), ("zerod", b[5])]


def check(r):
    r = np.asarray(r)
    if r.dtype == np.bool_:
        return str(int(np.add.reduce(r.astype(np.int64), axis=None))) + "b"
    if r.dtype.kind == 'c':
        return check(r.real) + "," + check(r.imag)
    if r.dtype.kind == 'f':
        f = r.astype(np.float64)
        return "%s/%d/%d" % (repr(float(np.add.reduce(np.nan_to_num(f, nan=0.5, posinf=7.0, neginf=-7.0), axis=None))),
                              int(np.add.reduce(np.isnan(f).astype(np.int64), axis=None)),
                              int(np.add.reduce(np.isinf(f).astype(np.int64), axis=None)))
    return str(int(np.add.reduce(r.astype(np.int64), axis=None)))


BIN = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power",
       "maximum", "minimum", "fmax", "fmin", "equal", "less", "greater_equal",
       "logical_and", "logical_xor", "bitwise_and", "bitwise_or", "left_shift", "arctan2",
       "hypot", "copysign", "fmod", "gcd", "heaviside"]
UN = ["negative", "absolute", "sign", "square", "reciprocal", "sqrt", "exp", "log", "sin",
      "cos", "arctan", "log1p", "expm1", "floor", "rint", "isnan", "isfinite",
      "logical_not", "invert", "cbrt"]

with np.errstate(all="ignore"):
    for dt in DTYPES:
        for n in LENGTHS:
            for (ln, x) in layouts(n, dt, 1):
                if ln == "reversed" and n == 1:
                    continue
                out = []
                y = layouts(n, dt, 2)[1][1]
                for name in BIN:
                    try:
                        f = getattr(np, name)
                        if name == "power" and np.dtype(dt).kind == 'i':
                            r = f(x, np.abs(y) % 5)
                        elif name == "left_shift" and np.dtype(dt).kind in 'iu':
                            r = f(x, np.abs(y) % 7)
                        else:
                            r = f(x, y)
                        out.append(check(r))
                    except (TypeError, ValueError) as e:
                        out.append("E")
                for name in UN:
                    try:
                        out.append(check(getattr(np, name)(x)))
                    except TypeError:
                        out.append("E")
                print(dt.__name__, n, ln, " ".join(out))

with np.errstate(all="ignore"):
    # float32 (and int16, computed in float32) left out: there the last bit shows.
    for dt in [np.float16, np.float64, np.int8, np.int64, np.complex128]:
        for (ln, x) in layouts(9, dt, 1):
            print(dt.__name__, ln, np.tanh(x))
