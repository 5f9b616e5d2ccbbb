# Advanced (integer-array) indexing: values, shapes, strides and placement of the
# advanced dimensions.
import numpy as np

a = np.array([5, 10, 15, 20, 25, 30])
print(a[[5, 0, 2]], a[np.array([-1, -2, -3])], a[[0, 0]])
print(repr(a[[]]), repr(a[np.array([[1, 2], [3, 4]])]))
print(repr(a[np.array(3)]), repr(a[np.int32(2)]), repr(a[[1, True]]))
M = np.arange(16).reshape(4, 4)
print(M[[3, 1]])
print(M[[0, 1, 2], [3, 2, 1]])
print(M[np.array([[1], [3]]), np.array([0, 2])])
print(M[:, [2, 0]])
print(M[1:3, [0, 1]], M[::2, [0, 1]].shape)
print(M[[0, 2], 1:], M[1, [0, 2]], M[[0, 2], -1])
T = np.arange(24).reshape(2, 3, 4)
print(T[1, :, [0, 3]])
print(T[:, [1, 2], 0])
print(T[[0, 1], [2, 0]].shape, T[0, [0, 2]].shape, T[..., [1, 3]].shape)
print(T[[0, 1], :, [[0], [1]]].shape, T[:, [[0, 1], [1, 2]]].shape)
print(T[None, [0, 1], :, 0].shape, T[[0, 1], None, 1].shape, T[1, None, [0, 1]].shape)
print(T[:, None, [0, 1]].shape, T[[0, 1], ...].shape, T[..., [0], None].shape)
for r in [M[:, [2, 0]], M[[2, 0]], M.T[[2, 0]], M[np.array([[0, 1], [2, 3]]).T],
          M[np.array([[0, 1], [2, 3]]).T, 0], M[None, [0, 1]], M[[0, 1], None],
          T[:, [0, 1], :], T[[0, 1], :, [0, 1]], T[1:, [0, 1], ::-1]]:
    print(r.shape, r.strides, r.flags.c_contiguous, r.flags.f_contiguous, r.base is None)
u = np.arange(6, dtype=np.uint8)
print(repr(u[[1, 2]]), repr(u[np.array([1, 2], dtype=np.uint64)]))
c = np.array([1 + 2j, 3 - 1j, 0.5j])
print(repr(c[[2, 0]]), repr(np.arange(5.0)[np.array([4, 0], dtype=np.int8)]))
z = np.zeros((3, 0))
print(repr(z[[0, 2]]), repr(M[np.zeros((2, 0), int)].shape))
b = np.array([True, False, True])
print(repr(b[[2, 1, 0]]))
