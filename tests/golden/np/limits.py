# np.iinfo and np.finfo: limits of every integer and floating-point type.
import numpy as np

for t in [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]:
    i = np.iinfo(t)
    print(repr(i), i.min, i.max, i.bits, i.dtype, i.kind, type(i.max).__name__)
print(repr(np.iinfo("int32")), repr(np.iinfo(np.dtype("u2"))), repr(np.iinfo(3)))
print(repr(np.iinfo(np.int16(3))), np.iinfo(int).max, np.iinfo(np.intp).bits)
for t in [np.float16, np.float32, np.float64, np.complex64, np.complex128, float, "f4"]:
    f = np.finfo(t)
    print(repr(f))
    for k in ["bits", "eps", "epsneg", "max", "min", "tiny", "smallest_normal",
              "smallest_subnormal", "resolution", "precision", "dtype", "machep",
              "negep", "minexp", "maxexp", "nmant", "nexp", "iexp"]:
        print(" ", k, repr(getattr(f, k)))
print(repr(np.finfo(2.0)), repr(np.finfo(np.float32(1))))
print(np.finfo(np.float32).eps * 2, 1.0 + np.finfo(np.float64).eps > 1.0)
for bad in [np.float64, "f8", 3.0, np.bool_]:
    try:
        np.iinfo(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [np.int64, np.uint8, np.bool_]:
    try:
        np.finfo(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [np.arange(3), True, "x"]:
    try:
        np.iinfo(bad)
    except ValueError as e:
        print("ValueError:", e)
    try:
        np.finfo(bad)
    except ValueError as e:
        print("ValueError:", e)
print(repr(np.finfo(1j)), repr(np.finfo(3.5)))
