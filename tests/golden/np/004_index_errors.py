# The errors of indexing, in NumPy's order of checks.
import numpy as np


def t(f):
    try:
        r = f()
        print(repr(r), getattr(r, "shape", None))
    except Exception as e:
        print(type(e).__name__, e)


a = np.arange(8)
M = np.arange(12).reshape(3, 4)
t(lambda: a[10])
t(lambda: a[[10]])
t(lambda: a[[1, -10]])
t(lambda: a[[0, slice(None)]])
t(lambda: a[1.0])
t(lambda: a[[1.0]])
t(lambda: a[np.array([1.0])])
t(lambda: a[np.array([])])
t(lambda: a[[]])
t(lambda: a[[True, False]])
t(lambda: a[np.ones(4, bool)])
t(lambda: a[:, [0]])
t(lambda: a[[0], [0]])
t(lambda: a["x"])
t(lambda: a[1j])
t(lambda: a[[None]])
t(lambda: a[np.float64(1)])
t(lambda: a[[np.float64(1)]])
t(lambda: a[[[True, False]]])
t(lambda: a[np.ones(3, bool), 0])
t(lambda: a[[10], 0])
t(lambda: a[10, [0]])
t(lambda: a[[2**63]])
t(lambda: a[[2**70]])
t(lambda: a[np.array([2**63], dtype=np.uint64)])
t(lambda: M[[0, 1], [0, 1, 2]])
t(lambda: M[[0, 1], [0, 1, 2], 0])
t(lambda: M[np.array([True, False, True, False])])
t(lambda: M[np.ones((3, 3), bool)])
t(lambda: M[np.ones((2, 4), bool)])
t(lambda: M[:, np.ones(5, bool)])
t(lambda: M[np.zeros((0, 3), bool)])
t(lambda: M[[0, 2], 4])
t(lambda: M[[0, 3], 1])
t(lambda: M[3, [0, 1]])
t(lambda: M[0, 0, [0]])
t(lambda: M[5, [0]])
t(lambda: M[[0, 5], [9, 0]])
t(lambda: M[[0, 1], [9, 0]])
t(lambda: M[[5], [0, 1, 2]])
t(lambda: M[[5], ::0])
t(lambda: M[::0, [5]])
t(lambda: M[[0, 1], ..., ...])
t(lambda: M[..., [0, 1], ...])
t(lambda: M[[0, 5], [0, 1, 2]])
t(lambda: M[[10], []])
t(lambda: M[[], [10]])
t(lambda: M[np.array(False), [0, 2]])
t(lambda: M[[0, 2], np.array(False)])
t(lambda: M[[0, 1], [True, False, True, True]])
t(lambda: M[[True, False, True], [True, False, True, True]])
t(lambda: M[[True, False, True], 1:, [True, False, True, True]])
t(lambda: np.zeros((3, 0))[[5]])
t(lambda: np.array(5)[[0]])
t(lambda: np.array(5)[0])


def s(x, k, v):
    try:
        x[k] = v
        print(repr(x))
    except Exception as e:
        print(type(e).__name__, e)


s(np.zeros(4), [10], 1)
s(np.zeros(4), [[0], [1]], [1, 2, 3])
s(np.zeros((3, 0)), ([5], slice(None)), 1)
s(np.zeros(4), np.ones(3, bool), 1)
s(np.zeros(4), ([0], [0]), 1)
s(np.zeros(4), 1.5, 1)
s(np.zeros((2, 2)), np.array([True, False]), [[1, 2], [3, 4]])
