import numpy as np
# Every dtype, as str and repr, with a few values each.
for dt in [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16,
           np.uint32, np.uint64, np.float16, np.float32, np.float64, np.complex64,
           np.complex128]:
    a = np.array([0, 1, 3, 7, 100], dtype=dt)
    print(dt.__name__, a.dtype, a.itemsize, a)
    print(repr(a))
    print(repr(a[2]), str(a[2]), repr(a.reshape(5, 1)[4]))
print(repr(np.array([-128, 127], dtype=np.int8)), repr(np.array([0, 255], dtype=np.uint8)))
print(repr(np.array([2**63 - 1, -2**63])), repr(np.array([2**64 - 1], dtype=np.uint64)))
print(repr(np.array([0.1, 1/3, 2/3], dtype=np.float16)), repr(np.array([0.1, 1/3], dtype=np.float32)))
print(repr(np.array([65504.0, 6e-5], dtype=np.float16)), np.array([1e6, 1.5], dtype=np.float32))
print(np.dtype('f4'), np.dtype('int16'), repr(np.dtype(float)), np.dtype('c16').name, np.dtype('?'))
print(np.dtype('float32') == np.float32, np.dtype('i8') == 'int64', np.dtype(int).kind, np.dtype('u2').char)
print(np.float32, np.int64, np.bool_, type(np.float64(1)).__name__, np.dtype('f8').type)
