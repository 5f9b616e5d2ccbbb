# NumPy scalars stored through basic indices: signed integer targets range-check them as
# Python ints, unsigned ones cast them; arrays always cast.
import numpy as np


def s(dt, v):
    a = np.zeros(2, dt)
    r = []
    for k in [0, slice(None), [0], np.array([True, False])]:
        try:
            a[k] = v
            r.append(repr(a[0]))
        except Exception as e:
            r.append(type(e).__name__ + ": " + str(e))
    print(dt.__name__, repr(v), r)


for dt in [np.int8, np.uint8, np.int64, np.uint64, np.int16, np.float32, np.bool_]:
    for v in [np.uint64(300), np.int8(-1), np.uint8(200), np.float32(300), np.float32(2.5),
              np.float16(300), np.int64(-1), np.int16(-300), np.uint16(300), np.float64(300.5),
              np.bool_(True), np.float64(-1.5), np.int64(2**40), np.uint64(2**63),
              np.array(300), np.array(-1.5), np.float64(np.nan)]:
        s(dt, v)
