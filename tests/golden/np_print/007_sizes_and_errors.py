import numpy as np
for shape, dt in [((10**6, 10**6), np.float64), ((10**7, 10**7), np.int8), ((2**31, 2**20), np.complex128),
                  ((2**40, 2**40), np.float64), ((3, -1), np.float64), ((2**62, 4), np.int16)]:
    try:
        np.zeros(shape, dtype=dt)
    except (MemoryError, ValueError) as e:
        print(type(e).__name__, e)
for bad in ['float33', 'x', 'int128']:
    try:
        np.dtype(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    np.array([[1, 2], [3]])
except ValueError as e:
    print(type(e).__name__, e)
try:
    np.arange(6).reshape(4, -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    np.array([1, 2], dtype=np.uint8) + 300
except OverflowError as e:
    print(type(e).__name__, e)
try:
    np.int8(200)
except OverflowError as e:
    print(type(e).__name__, e)
a = np.arange(6)
a.shape = (2, 3)
print(a, a.shape, a.strides, a.T.flags['C_CONTIGUOUS'], a.T.flags['F_CONTIGUOUS'])
b = a.T
try:
    b.shape = (6,)
except AttributeError as e:
    print(type(e).__name__, e)
v = a[1:, ::2]
v[0, 0] = 99
print(a, v.base is a, np.shares_memory(a, v), np.shares_memory(a, a.copy()), a.reshape(3, 2).base is a)
print(np.result_type(np.int8, 1), np.result_type(np.float32, 1.0), np.promote_types('i1', 'u1'), np.can_cast('i8', 'f8'), np.can_cast(np.float64, np.float32, 'same_kind'))
print(repr(np.arange(0, 1, 0.1)), repr(np.linspace(0, 1, 7)), np.linspace(1, 2, 4, retstep=True))
print(repr(np.eye(3, 4, k=1, dtype=int)), repr(np.tri(3)), repr(np.diag([1, 2])), repr(np.diag(np.arange(9).reshape(3, 3))))
print(repr(np.concatenate([np.zeros(2), np.ones(2, dtype=int)])), repr(np.stack([np.arange(2), np.arange(2)], axis=1)))
print(repr(np.meshgrid(np.arange(2), np.arange(3))), repr(np.indices((2, 2))))
print(repr(np.geomspace(1, 1000, 4)), repr(np.logspace(0, 3, 4)), repr(np.full((2, 2), 7, dtype=np.float32)))
