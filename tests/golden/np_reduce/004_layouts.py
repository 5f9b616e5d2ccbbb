# Strided, negative-stride, transposed, Fortran-ordered and broadcast inputs: the
# reduction iterator's axis order, coalescing and buffering decide the summation order.
import numpy as np


def weyl(n, k):
    w = (np.arange(n, dtype=np.float64) + k) * 0.6180339887498949 % 1.0
    return (w - 0.5) / (w + 0.003)


for shape in [(3, 5), (8, 16), (9, 129), (129, 9), (40, 300), (300, 40), (3, 5000), (5000, 3), (2, 9000)]:
    r, c = shape
    M = weyl(r * c, r).reshape(r, c)
    IM = (M * 50).astype(np.int16)

    def views(X):
        return [("C", X), ("T", X.T), ("F", X.T.copy().T), ("rows2", X[::2]), ("cols2", X[:, ::2]),
                ("neg", X[::-1, ::-1]), ("negc", X[:, ::-3]), ("block", X[1:, 1:-1])]

    # (The int views are taken of an int array: elementwise results' layouts are not
    # what this file tests.)
    for (name, V), (_, I) in zip(views(M), views(IM)):
        print(shape, name, repr(V.sum()), repr(V.mean()), repr(V.var()))
        s0, s1 = V.sum(axis=0), V.sum(axis=1)
        print("  ", repr(s0[0]), repr(s0[-1]), repr(s1[0]), repr(s1[-1]), repr(V.mean(axis=0)[-1]), repr(V.std(axis=1)[0]))
        print("  ", repr(I.mean()), repr(I.mean(axis=0)[0]), repr(I.mean(axis=1)[-1]), repr(I.var(axis=0)[-1]))
        print("  ", repr(V.prod(axis=0)[0]), repr(V.max(axis=1)[-1]), repr(V.argmax(axis=0)[-1]), repr(V.cumsum(axis=1)[-1, -1]))

T = weyl(3 * 4 * 5 * 6, 7).reshape(3, 4, 5, 6)
for name, V in [("C", T), ("perm", T.transpose(2, 0, 3, 1)), ("strided", T[::2, :, ::2]), ("neg", T[:, ::-1, :, ::-2])]:
    for ax in [None, 0, 1, 2, 3, (0, 1), (1, 2), (2, 3), (0, 3), (0, 2), (1, 3), (0, 1, 2), (1, 2, 3)]:
        s = V.sum(axis=ax)
        m = V.mean(axis=ax)
        print(name, ax, repr(s if np.ndim(s) == 0 else s.ravel()[:3]), repr(m if np.ndim(m) == 0 else m.ravel()[-2:]))

B = np.broadcast_to(weyl(7, 1), (300, 7))
print(repr(B.sum()), repr(B.sum(axis=0)), repr(B.sum(axis=1)[:2]), repr(B.mean()), repr(B.var(axis=0)))
B2 = np.broadcast_to(weyl(300, 2).reshape(300, 1), (300, 7))
print(repr(B2.sum()), repr(B2.sum(axis=0)), repr(B2.mean(axis=1)[:2]), repr(B2.std()))
