"""Generates cases.txt: printing cases for src/print/numpy with the output of real NumPy.

Run from anywhere with NumPy 2.4.x:  python3 src/print/numpy/testdata/gen.py
The Rust tests (src/print/numpy/tests.rs) rebuild every array from the exact
bits recorded here and compare byte for byte; they never need Python.

Record format: one case per block, blank line between blocks.
    @ <id> <kind>          kind: str repr a2s sstr srepr ffp ffs golden
    dtype <numpy dtype name>
    shape <d0> <d1> ...    (nothing after 'shape' for 0-d)
    opts k=v;k=v           print options (string values escaped, see esc())
    args k=v;k=v           extra arguments (array2string / format_float_*)
    data <tok> <tok> ...   elements in C order: 0/1, decimal ints, hex bits of
                           floats (f16: 4, f32: 8, f64: 16 hex digits), complex
                           as re:im
    gen <spec>             or a formula instead of data: 'iota MUL ADD' (ints,
                           i*MUL+ADD) or 'fiota MULHEX ADDHEX' (float64
                           i*MUL+ADD, then cast to the dtype)
    out <escaped text>     or 'err <ExceptionName> <escaped message>', or for
                           outputs over 2000 characters 'outhash <length>
                           <FNV-1a 64-bit hash of the UTF-8 bytes, hex>'
"""

import contextlib
import io
import os
import random
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "cases.txt")

DEFAULT_DTYPES = {"float64", "int64", "complex128", "bool"}


def esc(s):
    return (s.replace("\\", "\\\\").replace("\n", "\\n").replace(" ", "\\s")
            .replace(";", "\\c").replace("=", "\\e"))


def f16hex(x):
    return "%04x" % np.array(x, dtype=np.float16).view(np.uint16)


def f32hex(x):
    return "%08x" % struct.unpack("<I", struct.pack("<f", x))[0]


def f64hex(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def tok(x, dtype):
    kind = dtype.kind
    if kind == "b":
        return "1" if x else "0"
    if kind in "iu":
        return str(int(x))
    if dtype == np.float16:
        return f16hex(x)
    if dtype == np.float32:
        return f32hex(x)
    if dtype == np.float64:
        return f64hex(x)
    if dtype == np.complex64:
        return f32hex(x.real) + ":" + f32hex(x.imag)
    if dtype == np.complex128:
        return f64hex(x.real) + ":" + f64hex(x.imag)
    raise ValueError(dtype)


class Cases:
    def __init__(self):
        self.blocks = []
        self.n = 0

    def add(self, kind, a=None, opts=None, args=None, gen=None, call=None, dtype=None, shape=None):
        opts = opts or {}
        args = args or {}
        self.n += 1
        lines = ["@ %d %s" % (self.n, kind)]
        if a is not None:
            dtype = a.dtype
            shape = a.shape
        lines.append("dtype " + str(np.dtype(dtype)))
        lines.append(("shape " + " ".join(str(d) for d in shape)).rstrip())
        if opts:
            lines.append("opts " + ";".join("%s=%s" % (k, esc(str(v))) for k, v in opts.items()))
        if args:
            lines.append("args " + ";".join("%s=%s" % (k, esc(str(v))) for k, v in args.items()))
        if gen is not None:
            lines.append("gen " + gen)
        else:
            flat = np.asarray(a).reshape(-1)
            lines.append(("data " + " ".join(tok(x, np.dtype(dtype)) for x in flat)).rstrip())
        try:
            with np.printoptions(**opts):
                text = call()
            if len(text) > 2000:
                lines.append("outhash %d %s" % (len(text), fnv1a64(text.encode())))
            else:
                lines.append("out " + esc(text))
        except Exception as e:  # noqa: BLE001 - the error is the expected result
            lines.append("err %s %s" % (type(e).__name__, esc(str(e))))
        self.blocks.append("\n".join(lines))

    def arr(self, a, opts=None, kinds=("str", "repr")):
        for kind in kinds:
            if kind == "str":
                self.add("str", a, opts, call=lambda: str(a))
            else:
                self.add("repr", a, opts, call=lambda: repr(a))

    def garr(self, dtype, shape, spec, opts=None, kinds=("str", "repr")):
        """An array given by a formula (see the module docstring), not by data."""
        n = int(np.prod(shape))
        parts = spec.split()
        if parts[0] == "iota":
            b = (np.arange(n, dtype=np.int64) * int(parts[1]) + int(parts[2])).astype(dtype)
        else:
            mul, add = (struct.unpack("<d", bytes.fromhex(h)[::-1])[0] for h in parts[1:3])
            b = (np.arange(n, dtype=np.float64) * mul + add).astype(dtype)
        b = b.reshape(shape)
        for kind in kinds:
            fn = str if kind == "str" else repr
            self.add(kind, gen=spec, dtype=dtype, shape=shape, opts=opts, call=lambda: fn(b))

    def a2s(self, a, opts=None, **kw):
        args = {k: v for k, v in kw.items() if v is not None}
        self.add("a2s", a, opts, args, call=lambda: np.array2string(a, **kw))

    def scalar(self, x):
        a = np.array(x)
        self.add("sstr", a, call=lambda: str(x))
        self.add("srepr", a, call=lambda: repr(x))

    def ffp(self, x, **kw):
        a = np.array(x)
        self.add("ffp", a, args=kw, call=lambda: np.format_float_positional(x, **kw))

    def ffs(self, x, **kw):
        a = np.array(x)
        self.add("ffs", a, args=kw, call=lambda: np.format_float_scientific(x, **kw))

    def write(self):
        head = ("# Generated by src/print/numpy/testdata/gen.py with NumPy %s (Python %s). "
                "Do not edit.\n" % (np.__version__, sys.version.split()[0]))
        with open(OUT, "w") as f:
            f.write(head + "\n")
            f.write("\n\n".join(self.blocks) + "\n")


R = random.Random(20240611)

# Float values that exercise the fixed/scientific switch, rounding, padding.
FLOAT_POOL = (
    [0.0, -0.0, 1.0, -1.0, 0.5, 0.25, 1.5, -2.25, 3.0, 1 / 3, 2 / 3, -1 / 3, 0.1, 0.2, 0.3,
     0.1 + 0.2, 1e-4, 1e-5, 9.999e-5, 1e8, 99999999.0, 123456789.0, 1e16, 1e-16, 1e300,
     1e-300, 5e-324, 2.5e-300, 1e22, 1e23, 123.456, 1000.0, 1001.0, 999.9, 0.999999999,
     1.0000000001, 2.0 ** -97, -(2.0 ** -97), 2.0 ** 60, 65504.0, 6e-8, 1000.5, 0.1234,
     3.14159265358979, 2.718281828459045, 1e6, 999999.9, 123456.7, 0.015625, 1 / 7]
    + [10.0 ** k for k in range(-10, 21)]
    + [float(np.round(R.uniform(-100, 100), R.randint(0, 10))) for _ in range(30)]
)
SPECIALS = [float("nan"), float("inf"), float("-inf")]

OPTION_SETS = [
    {},
    {"precision": 3},
    {"precision": 0},
    {"precision": 12},
    {"suppress": True},
    {"precision": 3, "suppress": True},
    {"sign": "+"},
    {"sign": " "},
    {"floatmode": "fixed"},
    {"floatmode": "unique"},
    {"floatmode": "maxprec_equal"},
    {"floatmode": "fixed", "precision": 2},
    {"floatmode": "maxprec_equal", "precision": 4, "sign": "+"},
    {"linewidth": 20},
    {"nanstr": "NaN", "infstr": "Infinity"},
]


def random_floats(n, specials=True):
    vals = []
    for _ in range(n):
        r = R.random()
        if specials and r < 0.08:
            vals.append(R.choice(SPECIALS))
        elif r < 0.6:
            vals.append(R.choice(FLOAT_POOL))
        elif r < 0.8:
            vals.append(float(np.round(R.uniform(-10, 10) * 10 ** R.randint(-6, 9), R.randint(0, 8))))
        else:
            vals.append(R.uniform(-1, 1) * 10 ** R.randint(-12, 12))
    return vals


def make_complex(re, im, dt):
    a = np.zeros(len(re), dtype=dt)
    with np.errstate(over="ignore"):
        a.real = re
        a.imag = im
    return a


def golden_block(c):
    """The golden script of numpy-fidelity.md section 3.7, run for real."""
    script = r'''
import numpy as np
print(np.array([0., 0.1, 0.25]))
print(repr(np.array([0., 0.1, 0.25])))
print(np.array([1.5, -2.25, 3.0]), np.array([1.0, 1000.0]), np.array([1.0, 1001.0]))
print(np.array([1e-5, 1.0]), np.array([99999999.0]), np.array([123456789.0]), np.array([1/3, 2/3]))
print(np.array([np.nan, 1.5, -np.inf]), np.array([-0.0, 0.0]), np.array([1.0, np.nan]))
print(np.array([1, -20, 300]), np.array([True, False]), np.array([1+2j, 3.5-1j]))
print(repr(np.array([1.0, 2.0], dtype=np.float32)), repr(np.array([], dtype=int)), repr(np.zeros((2, 0))))
print(repr(np.array(3.0)), str(np.array(3.0)), repr(np.array(True)), repr(np.array(5, dtype=np.int32)))
print(repr(np.arange(30)))
print(np.arange(30))
print(np.arange(12).reshape(2, 3, 2))
print(repr(np.arange(1001)))
print(repr(np.arange(1001, dtype=np.int32)))
print(repr(np.float64(3.0)), repr(np.int64(5)), repr(np.True_), repr(np.float32(0.1)), repr(np.complex128(1+2j)))
print(str(np.float64(3.0)), str(np.int64(5)), str(np.True_), str(np.float32(1e6)), str(np.float64(1e16)))
a = np.array([1.5, 2.0])
print([a[0], a[1]], a.tolist(), list(np.arange(2)))
np.set_printoptions(precision=3, suppress=True)
print(np.array([1e-10, 1.5, 1234.5678]), repr(np.float64(1/3)))
np.set_printoptions(precision=8, suppress=False, threshold=5)
print(np.arange(6), repr(np.arange(6)))
'''
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(script, {})  # noqa: S102 - our own fixed script
    np.set_printoptions()  # restore defaults
    np.set_printoptions(precision=8, suppress=False, threshold=1000)
    c.add("golden", np.array([0.0]), call=lambda: buf.getvalue())


def main():
    c = Cases()
    golden_block(c)

    # Section 3.7 extras.
    one, zero = f64hex(1.0), f64hex(0.0)
    c.garr("float64", (40, 50), "fiota %s %s" % (one, zero))
    c.arr(np.arange(24).reshape(2, 3, 4) * 1.5)
    c.arr(np.arange(24).reshape(2, 3, 2, 2))
    c.arr(np.array([0.5, 1e8]))
    c.arr(np.array([1e6], np.float32))
    c.arr(np.array([1.0, 1001.0]), {"suppress": True})

    # Every dtype, ndim 0..4.
    int_dtypes = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
    shapes = [(), (1,), (5,), (3, 4), (2, 3, 4), (2, 2, 2, 3), (1, 1, 1, 1), (4, 1), (1, 6)]
    for dt in int_dtypes:
        info = np.iinfo(dt)
        for shape in shapes:
            n = int(np.prod(shape))
            lo = max(int(info.min), -10 ** R.randint(1, 18))
            hi = min(int(info.max), 10 ** R.randint(1, 19))
            vals = [R.randint(lo, hi) for _ in range(n)]
            a = np.array(vals, dtype=dt).reshape(shape)
            c.arr(a)
        c.arr(np.array([info.min, info.max], dtype=dt))
        c.arr(np.array([info.max, 0, 1], dtype=dt), {"sign": "+"})
        c.arr(np.array([3, 0, 1], dtype=dt), {"sign": " "})
        c.arr(np.array([info.min, 5], dtype=dt), {"sign": " "})
    for shape in shapes:
        n = int(np.prod(shape))
        c.arr(np.array([R.random() < 0.5 for _ in range(n)]).reshape(shape))
    c.arr(np.array([True]))
    c.arr(np.array(False))
    c.arr(np.array([True] * 40))

    for dt in [np.float16, np.float32, np.float64]:
        for shape in shapes:
            n = int(np.prod(shape))
            a = np.array(random_floats(n), dtype=np.float64).astype(dt).reshape(shape)
            c.arr(a)
        for _ in range(60):
            n = R.randint(1, 9)
            a = np.array(random_floats(n), dtype=np.float64).astype(dt)
            c.arr(a, R.choice(OPTION_SETS))
        for opts in OPTION_SETS:
            a = np.array(random_floats(6), dtype=np.float64).astype(dt)
            c.arr(a, opts)
    for dt in [np.complex64, np.complex128]:
        for shape in shapes:
            n = int(np.prod(shape))
            a = make_complex(random_floats(n), random_floats(n), dt).reshape(shape)
            c.arr(a)
        for _ in range(30):
            n = R.randint(1, 6)
            a = make_complex(random_floats(n), random_floats(n), dt)
            c.arr(a, R.choice(OPTION_SETS))
        c.arr(np.array([1 + 2j, 3.5 - 1j, complex(np.nan, np.inf), complex(-np.inf, -np.nan)], dtype=dt))
        c.arr(np.array([0.1 + 0.2j, 1e-6j], dtype=dt))
        c.arr(np.array([complex(0, -0.0), complex(-0.0, 0)], dtype=dt))

    # Targeted float rules.
    targeted = [
        [0.0, 0.1, 0.25], [1.0, 1000.0], [1.0, 1001.0], [1e-4, 1.0], [1e-4, 0.1], [9.9e-5, 1.0],
        [99999999.0], [1e8], [123456789.0], [1 / 3, 2 / 3], [np.nan], [np.inf], [-np.inf],
        [np.nan, np.inf, -np.inf], [np.nan, 1.5, -np.inf], [-0.0], [-0.0, 0.0], [0.0, 0.0],
        [1.0, np.nan], [1e-10, 1.5, 1234.5678], [1e300, 1e-300], [5e-324], [1.5e-300, 2.0],
        [1e16, 1.0], [0.5, 1e8], [-1e-5, 1e5], [1e100, np.nan], [-1e100, -np.inf],
        [0.1 + 0.2], [1.0000000000000002], [2.0 ** -97, 1.0], [-(2.0 ** -97)], [1e22],
        [0.001, 1.0], [0.00999, 9.99], [65504.0, 6e-8], [1000.5, 0.1234], [999.0, 0.999],
    ]
    for vals in targeted:
        for dt in [np.float16, np.float32, np.float64]:
            with np.errstate(over="ignore"):
                a = np.array(vals, dtype=np.float64).astype(dt)
            c.arr(a)
            c.arr(a, {"suppress": True})
            c.arr(a, {"sign": " "})
            c.arr(a, {"precision": 2, "floatmode": "maxprec_equal"})
    for opts in OPTION_SETS:
        c.arr(np.array([np.nan, -np.inf, np.inf]), opts)
        c.arr(np.array([1e-20, 1e20, -np.inf]), opts)

    # Wrapping, str and repr, several widths.
    for lw in [1, 5, 10, 20, 33, 50, 74, 75, 76, 100, 200]:
        opts = {"linewidth": lw}
        c.arr(np.arange(30), opts)
        c.arr(np.arange(40, dtype=np.int8), opts)
        c.arr(np.linspace(0, 1, 17), opts)
        c.arr(np.arange(24).reshape(2, 3, 4) * 1.5, opts)
        c.arr(np.array(random_floats(25, specials=False)), opts)
        c.arr(np.arange(6, dtype=np.float32).reshape(2, 3), opts)
        c.arr((np.arange(10) + 1j * np.arange(10)[::-1]).astype(np.complex64), opts)
    c.arr(np.linspace(-5, 5, 101))
    c.arr(np.array(random_floats(120, specials=False)).reshape(10, 12))
    c.arr(np.arange(300, dtype=np.uint16).reshape(3, 100))

    # Summarisation.
    c.garr("int64", (1001,), "iota 1 0")
    c.garr("int32", (1001,), "iota 1 0")
    c.garr("float64", (1001,), "fiota %s %s" % (f64hex(0.5), zero))
    c.garr("int64", (1000,), "iota 1 0")
    c.garr("float64", (40, 50), "fiota %s %s" % (one, zero))
    c.garr("float64", (40, 50), "fiota %s %s" % (one, zero), {"linewidth": 120, "precision": 3})
    c.garr("int64", (10, 10, 30), "iota 1 0")
    c.garr("int64", (3, 10, 10, 10), "iota 1 0")
    c.garr("uint8", (1001,), "iota 0 7")
    c.garr("complex128", (2000,), "fiota %s %s" % (f64hex(0.25), f64hex(-100.0)))
    c.garr("bool", (5000,), "iota 0 1")
    c.arr(np.arange(10), {"threshold": 5})
    c.arr(np.arange(10), {"threshold": 5, "edgeitems": 1})
    c.arr(np.arange(10), {"threshold": 5, "edgeitems": 0})
    c.arr(np.arange(20).reshape(4, 5), {"threshold": 5, "edgeitems": 0})
    c.arr(np.arange(10), {"threshold": 5, "edgeitems": 5})
    c.arr(np.arange(10), {"threshold": 5, "edgeitems": 4})
    c.arr(np.arange(100).reshape(10, 10), {"threshold": 10, "edgeitems": 2})
    c.arr(np.array([1, 2, 1000000, 3, 4, 5, 6]), {"threshold": 5, "edgeitems": 0})
    c.arr(np.array([1, 2, 1000000, 3, 4, 5, 6]), {"threshold": 5, "edgeitems": 2})
    c.arr(np.array([1e-9, 2, 3, 4, 5, 6, 7, 8, 1e9]), {"threshold": 5, "edgeitems": 3})
    c.arr(np.array(5), {"threshold": 0})
    c.arr(np.array([5]), {"threshold": 0})
    c.arr(np.arange(6), {"threshold": 5})

    # Generated big sources (only the kept corners are fetched).
    n = 10 ** 6
    for dt, spec, mk in [
        ("int64", "iota 1 0", lambda: np.arange(n)),
        ("int16", "iota 1 -500", lambda: (np.arange(n) - 500).astype(np.int16)),
        ("float64", "fiota %s %s" % (f64hex(0.001), f64hex(-3.0)), lambda: np.arange(n) * 0.001 + -3.0),
        ("float32", "fiota %s %s" % (f64hex(1.5), f64hex(0.0)), lambda: (np.arange(n) * 1.5).astype(np.float32)),
        ("float16", "fiota %s %s" % (f64hex(0.01), f64hex(0.0)), lambda: (np.arange(n) * 0.01).astype(np.float16)),
    ]:
        big = mk()
        for shape in [(n,), (1000, 1000), (10, 100, 1000)]:
            b = big.reshape(shape)
            c.add("str", gen=spec, dtype=dt, shape=shape, call=lambda b=b: str(b))
            c.add("repr", gen=spec, dtype=dt, shape=shape, call=lambda b=b: repr(b))

    # 10^8 elements (only corners may be fetched), and a 10^18-element view.
    big = np.arange(10 ** 8) * 0.1
    spec = "fiota %s %s" % (f64hex(0.1), zero)
    for shape in [(10 ** 8,), (10 ** 4, 10 ** 4)]:
        b = big.reshape(shape)
        c.add("str", gen=spec, dtype="float64", shape=shape, call=lambda b=b: str(b))
        c.add("repr", gen=spec, dtype="float64", shape=shape, call=lambda b=b: repr(b))
    del big, b
    sevens = np.lib.stride_tricks.as_strided(np.array([7]), shape=(10 ** 9, 10 ** 9), strides=(0, 0))
    c.add("str", gen="iota 0 7", dtype="int64", shape=sevens.shape, call=lambda: str(sevens))
    c.add("repr", gen="iota 0 7", dtype="int64", shape=sevens.shape, call=lambda: repr(sevens))

    # Empty arrays.
    for shape in [(0,), (0, 3), (2, 0), (2, 0, 3), (0, 0), (3, 0, 0, 2)]:
        for dt in [np.float64, np.int32, np.bool_, np.complex64, np.float16]:
            c.arr(np.zeros(shape, dtype=dt))
    c.arr(np.zeros((2, 0)), {"linewidth": 1})
    c.arr(np.zeros((0, 5), dtype=np.uint8), {"linewidth": 30})

    # 0-d arrays.
    for x in [3.0, -0.0, np.nan, 1e20, 1 / 3, 1e-7]:
        for dt in [np.float16, np.float32, np.float64]:
            c.arr(np.array(x, dtype=dt))
            c.arr(np.array(x, dtype=dt), {"precision": 3})
    for x, dt in [(5, np.int32), (-7, np.int8), (200, np.uint8), (True, np.bool_), (1 + 2j, np.complex128),
                  (1e-5j, np.complex64), (2 ** 64 - 1, np.uint64)]:
        c.arr(np.array(x, dtype=dt))
        c.arr(np.array(x, dtype=dt), {"sign": "+"})

    # repr extras placement.
    for k in range(55, 75):
        c.arr(np.arange(k, k + 12, dtype=np.int8), {"linewidth": k})
        c.arr(np.array([1.5] * (k // 6), dtype=np.float32))
    c.arr(np.arange(12, dtype=np.int16).reshape(3, 4))

    # array2string directly.
    a = np.array([[1.5, -2.0, 3.25], [4.0, 5.0, 6e-3]])
    c.a2s(a)
    c.a2s(a, separator=",")
    c.a2s(a, separator=", ", prefix="matrix(", suffix=")")
    c.a2s(a, max_line_width=20)
    c.a2s(np.arange(30), separator=";", prefix="xx", max_line_width=30)
    c.a2s(np.arange(30), separator=" | ", suffix="!!!!")
    c.a2s(np.array(2.5), prefix="array(")
    c.a2s(np.array([], dtype=np.float32))

    # Errors surfaced while printing.
    c.arr(np.array([0.1, 0.2]), {"precision": 20000, "floatmode": "fixed"}, kinds=("str",))
    c.arr(np.array([0.1, 1 / 3]), {"precision": 20000}, kinds=("str",))
    c.arr(np.array([0.1, 1 / 3]), {"precision": 100, "floatmode": "fixed"}, kinds=("str",))
    c.arr(np.array([1 / 3, 1e-30]), {"precision": 60, "floatmode": "fixed"}, kinds=("str",))
    c.arr(np.array([1 / 3, 1e-30]), {"precision": 60}, kinds=("str",))

    # Scalars.
    scalars = []
    for x in FLOAT_POOL + SPECIALS + [-np.nan, 1e-4 * 0.99999999, 9999999999999998.0, 1e15, 123.0]:
        scalars += [np.float64(x)]
        with np.errstate(over="ignore"):
            scalars += [np.float32(x), np.float16(x)]
    scalars += [np.float32(1e-4), np.float16(1e-4), np.float16(9e-5), np.float32(3.4e38), np.float16(999.5)]
    for dt in int_dtypes:
        info = np.iinfo(dt)
        scalars += [dt(info.min), dt(info.max), dt(0), dt(5)]
    scalars += [np.True_, np.False_]
    cvals = [1 + 2j, 2j, complex(-0.0, 1), complex(0, -0.0), complex(-0.0, -0.0), complex(np.nan, np.inf),
             complex(1e20, 1e-20), complex(1, np.nan), complex(-np.inf, -np.nan), complex(1e16, 1), 1e-5j,
             complex(123456.7, 1e6), complex(0.1, 0.2), complex(0, np.nan), complex(0, -np.inf), 0j,
             complex(3, 0), complex(-1.5, -2.5)]
    for z in cvals:
        scalars += [np.complex128(z), np.complex64(z)]
    for s in scalars:
        c.scalar(s)

    # format_float_positional / format_float_scientific.
    ffp_args = [
        {}, {"precision": 3}, {"precision": 0}, {"unique": False, "precision": 12},
        {"unique": False, "precision": 0}, {"precision": 4, "fractional": False},
        {"precision": 2, "fractional": False, "trim": "0"}, {"trim": "."}, {"trim": "0"}, {"trim": "-"},
        {"sign": True}, {"pad_left": 5, "pad_right": 4}, {"pad_right": 3, "trim": "-"},
        {"min_digits": 5}, {"min_digits": 3, "precision": 3}, {"precision": 2, "min_digits": 3},
        {"unique": False}, {"precision": 0, "fractional": False},
        {"min_digits": 0}, {"unique": False, "precision": 30, "trim": "-"},
    ]
    ffs_args = [
        {}, {"precision": 3}, {"precision": 0}, {"unique": False, "precision": 15},
        {"trim": "."}, {"trim": "0"}, {"trim": "-"}, {"sign": True}, {"pad_left": 4},
        {"exp_digits": 3}, {"exp_digits": 0}, {"exp_digits": 7}, {"exp_digits": 1},
        {"min_digits": 3}, {"min_digits": 3, "precision": 3, "trim": "-"},
        {"precision": 2, "min_digits": 3}, {"unique": False},
        {"precision": 15},
    ]
    fvals = [0.1, 1.0, -1.5, 0.0, -0.0, 2.5, 0.5, 1 / 3, 1e23, 123.456, 1e-7, 2.0 ** -97, -(2.0 ** -97),
             1e300, 5e-324, np.nan, -np.inf, 0.05, 9.995, 1e16, 65504.0]
    for x in fvals:
        for dt in [np.float64, np.float32, np.float16]:
            with np.errstate(over="ignore"):
                v = dt(x)
            for kw in ffp_args:
                c.ffp(v, **kw)
            for kw in ffs_args:
                c.ffs(v, **kw)
    # Print options never reach scalars (legacy=False): recorded under options,
    # checked with the option-free scalar API.
    for opts in [{"precision": 3}, {"sign": "+"}, {"floatmode": "fixed", "precision": 2},
                 {"suppress": True}, {"nanstr": "NaN", "infstr": "Inf"}, {"linewidth": 5}]:
        for x in [np.float64(1 / 3), np.float32(1 / 3), np.float16(1 / 3), np.float64(1e20),
                  np.complex128(1 / 3 + 1j), np.int64(5), np.True_, np.float64(np.nan),
                  np.float64(-np.inf), np.complex64(complex(np.nan, -np.inf))]:
            a = np.array(x)
            c.add("sstr", a, opts, call=lambda x=x: str(x))
            c.add("srepr", a, opts, call=lambda x=x: repr(x))
    # linewidth 0.
    for a in [np.arange(5), np.arange(6).reshape(2, 3) * 0.5, np.zeros((2, 0)), np.array([1 + 1j]),
              np.array(7, dtype=np.int8)]:
        c.arr(a, {"linewidth": 0})
    c.a2s(np.arange(4), max_line_width=0)

    huge_ffp = [{"unique": False, "precision": 16380}, {"unique": False, "precision": 16385},
                {"pad_left": 20000}, {"pad_right": 16390}, {"unique": False, "precision": 16381},
                {"precision": 3, "pad_left": 16370, "sign": True}]
    huge_ffs = [{"unique": False, "precision": 20000}, {"pad_left": 20000}, {"pad_left": 16381},
                {"min_digits": 20000, "precision": 20000}, {"pad_left": 16370, "unique": False, "precision": 40}]
    for x in [0.1, -1.5, 1e300, 5e-324, 1e16]:
        for dt in [np.float64, np.float32, np.float16]:
            with np.errstate(over="ignore"):
                v = dt(x)
            for kw in huge_ffp:
                c.ffp(v, **kw)
            for kw in huge_ffs:
                c.ffs(v, **kw)
    c.write()
    print("wrote %d cases to %s" % (c.n, OUT))


if __name__ == "__main__":
    main()
