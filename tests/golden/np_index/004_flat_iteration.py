# Iterating a.flat, np.ndenumerate and np.ndindex.
import numpy as np

a = np.arange(6).reshape(2, 3)
for x in a.flat:
    print(x, end=" ")
print()
print(list(a.T.flat))
print([(i, int(x)) for i, x in enumerate(a[:, ::-1].flat)])
print(sum(a.flat), max(a.flat), sorted(np.array([3, 1, 2]).flat), 4 in a.flat, 9 in a.flat)
print(list(zip(a.flat, "abc")), tuple(np.linspace(0, 1, 3).flat))
f = a.flat
print(next(f), f.index, f.coords)
print(next(f), f.index, f.coords)
print(list(f), f.index, f.coords)
print(list(f), iter(f) is f, len(f))
f = a.flat
next(f)
print(f[4], f.index)
print(list(np.zeros((2, 0)).flat), list(np.array(7).flat), list(np.array([[True], [False]]).flat))
# Iteration sees writes made meanwhile, and writes through a.flat reach the base.
b = np.arange(4)
out = []
for x in b.flat:
    b[3] = 100
    out.append(int(x))
print(out)
for i, v in np.ndenumerate(np.array([[1.5, 2.5], [3.5, 4.5]])):
    print(i, v)
for idx in np.ndindex(2, 1, 2):
    print(idx, end=" ")
print()
print(list(np.ndindex((2, 2))), list(np.ndindex()), list(np.ndindex(0, 3)))
m = np.zeros((2, 3), dtype=int)
for idx in np.ndindex(m.shape):
    m[idx] = idx[0] * 10 + idx[1]
print(m)
for row in np.arange(6).reshape(3, 2):
    row[0] = -1
print([r.tolist() for r in np.arange(6).reshape(3, 2)])
