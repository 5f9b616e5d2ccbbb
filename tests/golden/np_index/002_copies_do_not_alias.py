# Advanced (integer array, list, boolean) indexing gives copies: writing into the result
# leaves the source alone, and writing the source leaves the result alone.
import numpy as np


def check(name, base, pick, value):
    a = base.copy()
    r = pick(a)
    before = a.copy()
    r[...] = value
    print(name, "result->base unchanged:", np.array_equal(a, before), r.shape,
          "shares:", np.shares_memory(a, r))
    a[...] = 0
    print(name, "base->result:", r.tolist())


m = np.arange(12).reshape(3, 4)
check("int array", m, lambda a: a[np.array([0, 2])], -1)
check("list", m, lambda a: a[[2, 0, 2]], -1)
check("neg list", m, lambda a: a[[-1, -3]], -1)
check("2 arrays", m, lambda a: a[[0, 1], [3, 2]], -1)
check("broadcast arrays", m, lambda a: a[[[0], [2]], [1, 3]], -1)
check("array + slice", m, lambda a: a[1:, [0, 3]], -1)
check("separated", np.arange(24).reshape(2, 3, 4), lambda a: a[[0, 1], :, [1, 2]], -1)
check("bool mask", m, lambda a: a[a % 3 == 0], -1)
check("bool row mask", m, lambda a: a[np.array([True, False, True])], -1)
check("bool + slice", m, lambda a: a[np.array([False, True, True]), 1:3], -1)
check("0-d bool", m, lambda a: a[np.True_], -1)
check("empty list", m, lambda a: a[[]], -1)
check("take", m, lambda a: np.take(a, [1, 5]), -1)
check("compress", m, lambda a: np.compress([True, False, True], a, axis=1), -1)
check("extract", m, lambda a: np.extract(a > 6, a), -1)
check("flat fancy", m, lambda a: a.flat[[1, 2, 3]], -1)
check("flat slice", m, lambda a: a.flat[2:5], -1)
check("where", m, lambda a: np.where(a > 5, a, 0), -1)
check("choose", np.array([0, 1, 0]), lambda a: np.choose(a, [[1, 2, 3], [4, 5, 6]]), -1)
check("take_along_axis", m, lambda a: np.take_along_axis(a, np.array([[0], [1], [2]]), 1), -1)

# Writing through an advanced index does change the array (it is assignment, not a view).
a = np.arange(10)
a[[1, 3]] = 0
a[a > 7] = -1
a[np.array([True] * 5 + [False] * 5)] += 100
print(a)
# Repeated indices: last value wins, and += adds once (buffered).
a = np.zeros(5, dtype=int)
a[[1, 1, 1]] = [7, 8, 9]
a[[2, 2, 2]] += 1
print(a)
np.add.at(a, [3, 3, 3], 1)
print(a)
# The result of a fancy gather from a transposed source keeps NumPy's layout.
t = np.arange(12).reshape(3, 4).T
r = t[[0, 2]]
print(r, r.flags.c_contiguous, r.flags.owndata)
r2 = np.arange(24).reshape(2, 3, 4)[:, [0, 2], :]
print(r2.shape, r2.strides)
r3 = np.arange(24).reshape(2, 3, 4)[:, [0, 2], [1, 2]]
print(r3.shape, r3.strides, r3.base is None)
