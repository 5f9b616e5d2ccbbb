# Large arrays (split across threads above 256K elements) on every layout.
# golden: stderr
import numpy as np

n = 1000003
i = np.arange(2 * n + 2)
v = ((i * 7919) % 2003) / 100.0 - 10.0
for dt in [np.float64, np.float32, np.int64, np.int32, np.uint8]:
    b = v.astype(dt) if dt in (np.float64, np.float32) else (v * 3).astype(dt)
    views = [("contig", b[:n]), ("strided", b[::2][:n]), ("reversed", b[::-2][:n]),
             ("bcast", np.broadcast_to(b[7:8], (n,)))]
    for name, x in views:
        y = b[1:n + 1]
        with np.errstate(all="ignore"):
            res = [x + y, x - y, x * y, x / y, x < y, x == y, np.maximum(x, y), np.negative(x),
                   np.absolute(x), np.sqrt(np.abs(x) if dt != np.uint8 else x), np.exp(x / 4.0), np.sin(x)]
        sums = []
        for r in res:
            r = np.asarray(r)
            if r.dtype == np.bool_:
                r = r.astype(np.int64)
            sums.append(repr(np.add.reduce(r, axis=None)))
        print(dt.__name__, name, " ".join(sums))
        print("  ", (x * y)[:3], (x * y)[-3:], (x > 0)[n // 2:n // 2 + 5])
