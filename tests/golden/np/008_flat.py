# a.flat: reading elements, slices and index arrays in C order; writing through it.
import numpy as np


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


a = np.arange(12).reshape(3, 4)
f = a.flat
t(lambda: f[3])
t(lambda: f[-1])
t(lambda: f[12])
t(lambda: f[-13])
t(lambda: f[2:5])
t(lambda: f[::-3])
t(lambda: f[[1, 2]])
t(lambda: f[np.array([[1, 2], [3, 4]])])
t(lambda: f[...])
t(lambda: f[()])
t(lambda: f[None])
t(lambda: f[np.array([True] * 12)])
t(lambda: f[np.array([True] * 3)])
t(lambda: f[[True, False]])
t(lambda: f[1, 2])
t(lambda: f[np.int64(3)])
t(lambda: f[[20]])
t(lambda: f["x"])
t(lambda: f.base is a)
t(lambda: f.copy())
t(lambda: a.T.flat[1:4])
t(lambda: a.T.flat[[1, 5]])
t(lambda: a[:, ::2].flat[3])
b = np.zeros((2, 3))
b.flat = 7
print(b)
b.flat = [1, 2]
print(b)
b.flat = np.arange(10)
print(b)
b.flat[1] = 100
print(b)
b.flat[[0, 5]] = -1
print(b)
b.flat[1:3] = [8, 9]
print(b)
b.flat[::2] = 0
print(b)
c = b.T
c.flat[0:2] = 55
print(b)
c.flat[3] = 66
print(b)


def s(x, k, v):
    try:
        x.flat[k] = v
        print(repr(x))
    except Exception as e:
        print(type(e).__name__, e)


s(np.zeros(4, np.int8), 0, 300)
s(np.zeros(4, np.int8), slice(None), [1, 2])
s(np.zeros(4, np.int8), [0, 1, 2], [1, 2])
s(np.zeros(4, np.int8), 0, [1, 2])
s(np.zeros(4), 0, 1 + 2j)
s(np.zeros(4), 10, 1)
s(np.zeros(4), [10], 1)
s(np.zeros(4), 0, np.float64(2.5))
s(np.zeros(4, int), 0, 2.5)
x = np.zeros(4)
try:
    x.flat = 1 + 2j
except Exception as e:
    print(type(e).__name__, e)
print(x)
