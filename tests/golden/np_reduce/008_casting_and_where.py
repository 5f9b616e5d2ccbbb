# Casting reductions (int/bool/float16 means, sum(dtype=...)) go through 8192-element
# buffers; where= masks split pairwise calls into runs of unmasked elements.
import numpy as np


def weyl(n, k):
    w = (np.arange(n, dtype=np.float64) + k) * 0.6180339887498949 % 1.0
    return (w - 0.5) / (w + 0.002)


x = weyl(50000, 3)
i = (x * 1000).astype(np.int64)
h = (x / 64).astype(np.float16)
f = x.astype(np.float32)
for n in [100, 4096, 4097, 5461, 5462, 8191, 8192, 8193, 9000, 20000, 50000]:
    print(n, repr(i[:n].mean()), repr(i[:n].sum(dtype=np.float64)), repr(i[:n].var()), repr(h[:n].mean()), repr(h[:n].sum()))
    print(" ", repr(f[:n].mean(dtype=np.float64)), repr(x[:n].sum(dtype=np.float32)), repr((x[:n] > 0).mean()), repr(h[:n].var()))
for r, c in [(2, 25000), (10, 5000), (5000, 10), (25000, 2), (7, 7000), (3, 5462), (3, 5461), (6, 4097), (12, 4096)]:
    I = i[: r * c].reshape(r, c)
    H = h[: r * c].reshape(r, c)
    X = x[: r * c].reshape(r, c)
    print((r, c), repr(I.mean()), repr(I.mean(axis=1)[-1]), repr(I.mean(axis=0)[0]), repr(I.T.mean(axis=1)[-1]), repr(I[:, ::2].mean()))
    print(" ", repr(H.mean()), repr(H.mean(axis=1)[:2]), repr(H.mean(axis=0)[-1]), repr(H.sum(axis=1)[0]), repr(X.sum(axis=1, dtype=np.float32)[0]))
    print(" ", repr(X.sum(where=X > 0)), repr(X.sum(axis=1, where=X < 0.5)[-1]), repr(X.mean(axis=0, where=X != 0)[1]), repr(I.sum(where=I % 3 == 0)))
    print(" ", repr(X.var(where=X > -1)), repr(H.mean(where=H > 0)), repr(I.mean(axis=1, where=I > 0)[0]))
