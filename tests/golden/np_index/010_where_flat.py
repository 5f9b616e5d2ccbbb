# np.where over flat operands (contiguous, or one element repeated) of every item size,
# at lengths around the vector width and above the size split between threads.
import numpy as np

for n in [0, 1, 7, 8, 9, 33, 1000003]:
    i = np.arange(n)
    cond = (i * 2654435761 % 7) < 3
    for dt in [np.bool_, np.int8, np.int16, np.float32, np.float64, np.complex128]:
        x = (i % 5).astype(dt)
        y = (i % 3 + 7).astype(dt)
        r = np.where(cond, x, y)
        s = np.where(cond, x, 0)
        t = np.where(cond, 1, y)
        print(n, r.dtype, r.sum(), s.sum(), t.sum(), r[:9], r[-3:])
    r = np.where(cond[::-1], i[::-1], -i)
    print(r[:5], r.sum())
