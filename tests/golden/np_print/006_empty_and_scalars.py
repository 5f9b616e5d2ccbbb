import numpy as np
for shape in [(0,), (0, 3), (2, 0), (2, 0, 3), (0, 0), (1, 0, 1)]:
    z = np.zeros(shape)
    print(shape, z, repr(z), z.size, z.strides)
print(repr(np.array([], dtype=np.int32)), repr(np.array([], dtype=bool)), repr(np.zeros((0, 2), dtype=np.complex64)))
print(repr(np.array([])), np.array([]).dtype, repr(np.empty((3, 0), dtype=np.uint8)))
vals = [np.float64(3.0), np.float32(0.1), np.float16(0.1), np.int64(5), np.int32(-7), np.uint8(200),
        np.True_, np.False_, np.complex128(1 + 2j), np.complex128(2j), np.float64(np.nan),
        np.float64(-np.inf), np.float64(-0.0), np.float64(1e16), np.float64(1e-5), np.float32(1e6),
        np.float16(1000.0), np.float64(123456789.0), np.complex64(-1.5j), np.int8(-128)]
for v in vals:
    print(repr(v), str(v), f"{v}", type(v).__name__)
print(vals[:6])
print([np.float64(1.5), np.float64(2.0)], list(np.arange(3)), tuple(np.array([1.5, 2.5])))
print(np.array([1.5, 2.0]).tolist(), np.arange(4).reshape(2, 2).tolist(), np.array(3).tolist(), np.array([1j]).tolist())
print(np.float64(2.5).item(), type(np.int32(4).item()).__name__, np.float32(0.1).item(), float(np.float32(0.1)))
