# a * b + c and its relatives on arrays of one shape: the product and the sum are
# rounded one after the other, and each warns under its own name.
# golden: stderr
import numpy as np


def forms(a, b, c):
    return [a * b + c, a * b - c, c + a * b, c - a * b]


def show(rs):
    for r in rs:
        print(r.dtype, r.shape, float(r.sum()), r[:3], r[-3:])


for n in [0, 1, 7, 8, 9, 1023, 1024, 1025, 3001]:
    a = np.arange(n) * 0.1 + 1.0 / 3.0
    b = np.arange(n) * -0.7 + 2.0 / 7.0
    c = np.arange(n) * 1e-3 - 5.0
    show(forms(a, b, c))
    show(forms(a.astype(np.float32), b.astype(np.float32), c.astype(np.float32)))
    print(float(a.sum()), float(b.sum()), float(c.sum()))

a = np.arange(2000.0)
print(forms(a, a, a)[0][-3:])
big = np.full(3000, 1e200)
inf = np.full(3000, np.inf)
show(forms(big, big, big))
show(forms(big, np.ones(3000), inf))
r = forms(big[::2].copy(), big[::2].copy(), -inf[::2].copy())
show(r)
with np.errstate(over="raise"):
    try:
        forms(big, big, big)
    except FloatingPointError as e:
        print("FloatingPointError:", e)
with np.errstate(invalid="raise"):
    try:
        forms(np.ones(10), inf[:10], -inf[:10])
    except FloatingPointError as e:
        print("FloatingPointError:", e)

# Not one shape, not contiguous, mixed dtypes: the general rules.
x = np.arange(12.0).reshape(3, 4)
show(forms(x, x[0], x))
show(forms(x[:, ::2], x[:, 1::2], x[:, :2]))
show(forms(x.T, x.T, x.T))
show(forms(x, x.astype(np.float32), x))
show(forms(x.astype(np.int64), x, x))
print(forms(x, 2.0, x)[0])
try:
    forms(x, x, np.ones(5))
except ValueError as e:
    print("ValueError:", e)
