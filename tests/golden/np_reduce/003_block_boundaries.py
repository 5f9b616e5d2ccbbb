# Summation order at the pairwise kernel's boundaries (8 accumulators, blocks of 128,
# splits at multiples of 8) and at the 8192-element chunks of casting reductions:
# the last digit of every repr must be NumPy's.
import numpy as np

seed = 2024


def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (2 ** 64)
    return seed >> 11


def floats(n):
    out = []
    for i in range(n):
        m = rnd() / 2.0 ** 53
        e = rnd() % 9 - 4
        out.append((m - 0.4) * 10.0 ** e)
    return out


def weyl(n, k):
    # Values of very different magnitudes from arange arithmetic (fast for large n).
    w = (np.arange(n, dtype=np.float64) + k) * 0.6180339887498949 % 1.0
    return (w - 0.5) / (w + 0.001)


for n in [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 127, 128, 129, 130, 136, 255, 256, 257, 263, 1000, 1023, 1024, 1025]:
    x = np.array(floats(n))
    line = [n, repr(x.sum()), repr(np.sum(x[::-1]))]
    if n:
        line += [repr(x.mean()), repr(x.var()), repr(x.std()), repr(x.cumsum()[-1]), repr(x.prod())]
    print(*line)
    f = x.astype(np.float32)
    h = (x / 100).astype(np.float16)
    print(" f32", repr(f.sum()), repr(f.mean()) if n else "", repr(f.var()) if n else "", repr(f.sum(dtype=np.float64)))
    print(" f16", repr(h.sum()), repr(h.mean()) if n else "", repr(h.var()) if n else "", repr(h.cumsum()[-1:]))
    if n > 1:
        c = x[: n // 2] + 1j * x[n // 2: 2 * (n // 2)]
        print(" c", repr(c.sum()), repr(c.mean()), repr(c.var()), repr(c.astype(np.complex64).sum()))
    i = (x * 1000).astype(np.int64)
    print(" i", repr(i.sum()), repr(i.mean()) if n else "", repr(i.var()) if n else "")

for n in [8191, 8192, 8193, 16384, 16385, 24577, 1000003]:
    x = weyl(n, n)
    i = (x * 100).astype(np.int32)
    b = x > 0
    print(n, repr(x.sum()), repr(x.mean()), repr(x.var()), repr(x.std()))
    print(" cast", repr(i.mean()), repr(i.var()), repr(i.sum(dtype=np.float64)), repr(b.mean()), repr(x.sum(dtype=np.float32)))
    print(" f32", repr(x.astype(np.float32).sum()), repr(x.astype(np.float32).mean()), repr(x.astype(np.float16).mean()))
    print(" strided", repr(x[::2].sum()), repr(x[::-3].sum()), repr(x[1::7].mean()), repr(i[::-2].mean()))
    print(" ext", repr(x.max()), repr(x.argmin()), repr(i.min()), repr(b.argmax()), repr(np.median(x)), repr(np.percentile(i, 99.5)))
