"""Writes a large random batch of printing cases (same format as cases.txt) for a one-off check.

    python3 src/print/numpy/testdata/fuzz.py [SEED] [COUNT] [PATH]
    NUMPYX_PRINT_CASES=PATH cargo test --release --lib print::numpy::tests::external_cases -- --ignored

Nothing here is committed output; it only widens the search for differences
beyond the committed golden cases.
"""

import os
import random
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
PATH = sys.argv[3] if len(sys.argv) > 3 else "/tmp/numpyx_print_fuzz.txt"
R = random.Random(SEED)

FLOATS = [np.float16, np.float32, np.float64]


def rand_bits_float(dt):
    if dt == np.float16:
        return np.array([R.getrandbits(16)], dtype=np.uint16).view(np.float16)[0]
    if dt == np.float32:
        return np.array([R.getrandbits(32)], dtype=np.uint32).view(np.float32)[0]
    return np.array([R.getrandbits(64)], dtype=np.uint64).view(np.float64)[0]


def rand_value(dt):
    r = R.random()
    with np.errstate(over="ignore", invalid="ignore"):
        if r < 0.25:
            return rand_bits_float(dt)
        if r < 0.5:
            return dt(R.choice(gen.FLOAT_POOL + gen.SPECIALS))
        if r < 0.75:
            return dt(np.round(R.uniform(-1, 1) * 10 ** R.randint(-9, 12), R.randint(0, 12)))
        if r < 0.82:
            return dt(R.randint(-10 ** 6, 10 ** 6) / 2 ** R.randint(0, 20))
        if r < 0.9:
            return dt(R.choice([-1, 1]) * 2.0 ** R.randint(-1074, 1023))
        return dt(R.uniform(-1, 1) * 10 ** R.randint(-40, 40))


def rand_opts():
    o = {}
    if R.random() < 0.5:
        o["precision"] = R.randint(0, 20)
    if R.random() < 0.4:
        o["floatmode"] = R.choice(["fixed", "unique", "maxprec", "maxprec_equal"])
    if R.random() < 0.3:
        o["sign"] = R.choice(["-", "+", " "])
    if R.random() < 0.3:
        o["suppress"] = True
    if R.random() < 0.3:
        o["linewidth"] = R.randint(0, 130)
    if R.random() < 0.1:
        o["nanstr"] = R.choice(["", "N", "NaN", "not-a-number"])
        o["infstr"] = R.choice(["", "I", "Inf", "infinity!"])
    if R.random() < 0.2:
        o["threshold"] = R.randint(0, 60)
        o["edgeitems"] = R.randint(0, 4)
    return o


def rand_shape():
    if R.random() < 0.08:
        return R.choice([(R.randint(10, 2500),), (R.randint(2, 60), R.randint(2, 60)),
                         (R.randint(2, 12), R.randint(2, 12), R.randint(2, 12))])
    nd = R.choice([0, 1, 1, 1, 2, 2, 3, 4])
    return tuple(R.randint(1, 6 if nd > 1 else 14) for _ in range(nd))


def rand_array():
    kind = R.random()
    shape = rand_shape()
    n = int(np.prod(shape))
    if kind < 0.5:
        dt = R.choice(FLOATS)
        return np.array([rand_value(dt) for _ in range(n)], dtype=dt).reshape(shape)
    if kind < 0.7:
        dt = R.choice([np.complex64, np.complex128])
        part = np.float32 if dt == np.complex64 else np.float64
        return gen.make_complex([rand_value(part) for _ in range(n)],
                                [rand_value(part) for _ in range(n)], dt).reshape(shape)
    if kind < 0.95:
        dt = R.choice([np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64])
        info = np.iinfo(dt)
        bound = 10 ** R.randint(0, 19)
        vals = [R.randint(max(int(info.min), -bound), min(int(info.max), bound)) for _ in range(n)]
        return np.array(vals, dtype=dt).reshape(shape)
    return np.array([R.random() < 0.5 for _ in range(n)]).reshape(shape)


def main():
    c = gen.Cases()
    while c.n < COUNT:
        r = R.random()
        if r < 0.55:
            a = rand_array()
            c.arr(a, rand_opts(), kinds=(R.choice(["str", "repr"]),))
        elif r < 0.7:
            dt = R.choice(FLOATS + [np.complex64, np.complex128])
            if dt in FLOATS:
                x = rand_value(dt)
            else:
                part = np.float32 if dt == np.complex64 else np.float64
                x = dt(complex(rand_value(part), rand_value(part)))
            c.scalar(x)
        else:
            dt = R.choice(FLOATS)
            x = rand_value(dt)
            kw = {}
            unique = R.random() < 0.6
            if not unique:
                kw["unique"] = False
            if not unique or R.random() < 0.5:
                kw["precision"] = R.randint(0, 30)
            if R.random() < 0.3:
                kw["min_digits"] = R.randint(0, 30)
            if R.random() < 0.4:
                kw["trim"] = R.choice("k.0-")
            if R.random() < 0.3:
                kw["sign"] = True
            if R.random() < 0.3:
                kw["pad_left"] = R.randint(0, 12)
            if r < 0.85:
                if R.random() < 0.3:
                    kw["pad_right"] = R.randint(0, 12)
                if R.random() < 0.3:
                    kw["fractional"] = False
                c.ffp(x, **kw)
            else:
                if R.random() < 0.3:
                    kw["exp_digits"] = R.randint(0, 6)
                c.ffs(x, **kw)
    gen.OUT = PATH
    c.write()
    print("wrote %d cases to %s" % (c.n, PATH))


if __name__ == "__main__":
    main()
