# Indexed assignment: broadcasting, casting, repeated indices, masks, augmented assignment,
# and the value conversions of basic and advanced indices.
import numpy as np


def s(a, k, v):
    try:
        a[k] = v
        print(repr(a))
    except Exception as e:
        print(type(e).__name__, e)


a = np.zeros(5, dtype=int)
a[[1, 3, 3]] = [7, 8, 9]
print(a)
a[[0, 0, 0]] += 5
print(a)
M = np.arange(9).reshape(3, 3)
M[[0, 2], [0, 2]] = -1
M[1, [0, 2]] = 100
print(M)
M[:, [1]] = [[5], [6], [7]]
M[[True, False, True]] = 0
print(M)
b = np.array([-4, 9, 0, 3, -2, 6])
b[b < 0] = 0
print(b)
N = np.arange(12).reshape(4, 3)
N[N % 2 == 0] = -N[N % 2 == 0]
print(N)
T = np.zeros((2, 3, 4), dtype=int)
T[1, :, [0, 3]] = [[1, 2, 3], [4, 5, 6]]
T[:, [0, 1], :] = np.arange(8).reshape(2, 4)[:, None, :][0]
print(T)
c = np.arange(6.0)
c[c > 2] *= 2
c[[0, 0, 1]] -= 1
print(c)
i8 = lambda: np.zeros(4, np.int8)
for k in [0, [0], slice(None), np.array([True, False, True, False])]:
    s(i8(), k, 300)
    s(i8(), k, 3.7)
    s(i8(), k, np.float64(300.5))
    s(i8(), k, np.int64(300))
    s(i8(), k, np.array(300))
    s(i8(), k, float("nan"))
    s(i8(), k, np.float64(np.nan))
    s(i8(), k, True)
    s(np.zeros(4), k, 1 + 2j)
    s(np.zeros(4, int), k, 1 + 2j)
    s(np.zeros(4, np.uint8), k, -1)
s(np.zeros(3, int), slice(None), np.array([1.7, -2.7, 3.5]))
s(np.zeros(3, int), [0, 1, 2], np.array([1.7, -2.7, 3.5]))
s(np.zeros(3, int), [0, 1, 2], [1.7, -2.7, 3.5])
s(np.zeros(3), [0, 1], np.array([1 + 2j] * 2))
s(np.zeros(3), 0, [1])
s(np.zeros(3), 0, [1, 2])
s(np.zeros(3), 0, np.array([[1]]))
s(np.zeros(3), 0, ())
s(np.zeros(3), [0, 1, 2], [1, 2])
s(np.zeros(3), [0, 1], [[1, 2], [3, 4]])
s(np.zeros(3), [[0], [1]], [[1], [2]])
s(np.zeros(3), [0, 1], [[[1, 2]]])
s(np.zeros(3), slice(0, 2), [[1, 2]])
s(np.zeros(3), slice(0, 2), np.array([[[1, 2]]]))
s(np.zeros(3), slice(0, 2), np.array([[[1, 2]], [[1, 2]]]))
s(np.zeros(3), slice(0, 2), [])
s(np.zeros(3), [], [])
s(np.zeros(3), [], 5)
s(np.zeros(3), [], [1, 2])
s(np.zeros((2, 3)), [0, 1], [1, 2, 3])
s(np.zeros((2, 3)), [0, 1], [1, 2])
s(np.zeros((2, 3)), (slice(None), [0, 1]), [1, 2, 3])
s(np.zeros((2, 3)), np.array([True, False]), [1, 2, 3])
s(np.zeros((2, 3)), np.array([True, False]), [1, 2])
mask = np.array([[True, False, True], [False, True, True]])
s(np.zeros((2, 3)), mask, [1, 2])
s(np.zeros((2, 3)), mask, [1, 2, 3, 4])
s(np.zeros((2, 3)), mask, [[1, 2, 3, 4]])
s(np.zeros((2, 3, 4)), (slice(None), [0, 1], slice(None)), np.ones((3, 3)))
s(np.zeros((3, 4, 5)), (0, slice(None), [0, 1]), np.ones((3, 4)))
s(np.zeros((3, 4, 5)), (0, slice(None), [0, 1]), np.arange(8).reshape(4, 2))
s(np.zeros(3, np.uint64), 0, 2**64 - 1)
s(np.zeros(3, np.int64), 0, 2**63)
s(np.zeros(3, np.float32), [1], 2.5)
x = np.arange(5)
x[[1, 2]] = x[[2, 1]]
print(x)
x = np.arange(5)
x[[1, 2, 3, 4]] = x[:4]
print(x)
x = np.arange(5)
x[x] = x[::-1]
print(x)
y = np.arange(6)
y[np.array(1)] = 50
print(y, repr(y[np.array(1), ...]), y[np.array(1), None].base is None)
