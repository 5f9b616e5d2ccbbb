# Ufuncs as values: attributes, keyword arguments, methods, errors, scalar results.
import numpy as np

print(np.add, np.true_divide, np.abs, np.bitwise_not, np.conj)
for f in [np.add, np.subtract, np.multiply, np.maximum, np.logical_and, np.logical_or, np.bitwise_and, np.hypot, np.gcd, np.sqrt]:
    print(f.__name__, f.nin, f.nout, f.nargs, f.identity)
a = np.array([1, 2, 3])
b = np.array([4.0, 5.0, 6.0])
out = np.zeros(3)
r = np.add(a, b, out=out)
print(r is out, out, np.multiply(a, 2, out))
print(np.add(a, b, where=np.array([True, False, True]), out=np.full(3, -1.0)))
print(np.add(a, a, dtype=np.float32), repr(np.add(1, 2)), repr(np.add(1, 2.5)), repr(np.sqrt(4)), repr(np.exp(np.float32(1))))
print(repr(np.sqrt(np.float64(2))), repr(np.sin(np.float32(0.5))), repr(np.exp(np.float16(1))), repr(np.log(np.int8(3))))
print(np.add.reduce(a), np.add.reduce(np.arange(12).reshape(3, 4), axis=1), np.multiply.reduce(b), np.maximum.reduce(np.array([3, 9, 2])))
print(np.add.reduce(np.arange(12).reshape(3, 4)), np.add.reduce(np.arange(12).reshape(3, 4), axis=None), np.add.reduce(np.ones((2, 3)), keepdims=True))
print(repr(np.add.reduce(np.full(10, 0.1))), repr(np.add.reduce(np.full((10, 3), 0.1))[0]), repr(np.add.reduce(np.full((10, 3), 0.1), axis=1)[0]))
print(np.add.reduce(np.array([1, 2], np.int8)).dtype, np.add.reduce(np.array([True, True])), np.multiply.reduce(np.array([2, 3], np.uint8)).dtype)
print(np.add.accumulate(a), np.multiply.accumulate(b), np.add.outer(a, a), np.multiply.outer([1, 2], [3, 4, 5]))
print(np.subtract.accumulate(np.array([10, 1, 2])), np.maximum.accumulate(np.array([1, 3, 2, 5])))
x = np.zeros(5)
np.add.at(x, [0, 1, 1, 3], 1)
print(x)
y = np.array([1, 2, 3, 4])
np.multiply.at(y, [0, 0, 2], 3)
print(y)
print(np.minimum.reduce(np.array([[3., 1.], [2., 5.]]), axis=0), np.logical_or.reduce(np.array([False, True])), np.logical_and.reduce(np.array([1, 2])))
for bad in [lambda: np.maximum.reduce(np.array([])), lambda: np.subtract.reduce(np.ones((2, 2)), axis=(0, 1)),
            lambda: np.add(np.array([1, 2]), np.array([1, 2, 3])), lambda: np.bitwise_and(np.array([1.5]), 1),
            lambda: np.add(np.arange(3), 1.5, out=np.zeros(3, dtype=int)), lambda: np.array([1, 2]) ** -1,
            lambda: np.subtract(np.array([True]), True), lambda: np.negative(np.array([True])),
            lambda: np.add(np.array([1], np.int8), 300), lambda: np.sqrt.reduce(np.ones(2))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(np.add.reduce(np.array([]), initial=5), np.add.reduce(np.array([1., 2, 3]), where=np.array([True, False, True])))
print(np.equal(np.array([1], np.int8), 300), np.less(np.array([1], np.uint8), -1))
print(np.arctan2(np.array([1], np.int8), 1).dtype, np.ldexp if hasattr(np, "nothing") else "", np.heaviside(np.array([1], np.int8), 0.5).dtype, np.sqrt(np.array([True])).dtype)
print(np.floor(np.array([1, 2])).dtype, np.trunc(np.array([1.5], dtype=np.float32)).dtype, np.abs(np.array([-3 + 4j])), np.abs(np.array([-128], np.int8)))
print(np.round(2.675, 2), np.round(np.array([2.675, 0.125, 1.005, 155.5]), 2), np.round(np.array([15, 25, -15], np.int8), -1), np.round(np.array([1234.5678]), -2))
print(repr(np.round(5)), repr(np.round(5.5)), repr(np.round(np.float32(5.5))), np.round(np.array([1 + 2.5j]), 0), np.around(np.array([0.5, 1.5, 2.5])))
print(repr(np.real(1 + 2j)), repr(np.imag(3)), repr(np.real(np.array([1 + 2j]))), repr(np.angle(1j)), repr(np.angle(np.array([1, -1]))), repr(np.angle(1 + 1j, deg=True)))
print(np.clip(np.array([1, 5, 9]), 2, 6), np.clip(np.array([1, 5, 9]), 2.5, 6).dtype, np.clip(np.array([np.nan, 1.]), 0, 0.5), np.clip(np.array([1, 2, 3]), None, 2))
print(np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0])), np.nan_to_num(np.array([np.nan], np.float32), nan=5), np.nan_to_num(np.array([1, 2])), repr(np.nan_to_num(np.nan)))
print(np.fix(np.array([-2.5, 2.5, 3])), np.fix(np.array([1, 2])).dtype, repr(np.fix(3.7)))
print(np.allclose([1, 2], [1, 2.0000001]), np.isclose([1, np.nan], [1.1, np.nan]), np.isclose([1, np.nan], [1, np.nan], equal_nan=True))
print(np.array_equal([1, 2], [1, 2]), np.array_equal([1, 2], [1, 2, 3]), np.array_equal([1, np.nan], [1, np.nan], equal_nan=True), np.array_equiv([1, 2], [[1, 2], [1, 2]]), np.array_equiv([1, 2], [1, 3]))
print(np.geterr())
old = np.seterr(all="raise")
for bad in [lambda: np.log(np.array([0.0])), lambda: np.array([1.0]) / 0, lambda: np.float64(1.0) / 0, lambda: np.int64(1) // 0,
            lambda: np.array([1e308]) * 10, lambda: np.sqrt(np.array([-1.0])), lambda: np.int8(100) * np.int8(2)]:
    try:
        bad()
    except FloatingPointError as e:
        print("FloatingPointError", e)
np.seterr(**old)
print(np.geterr())
with np.errstate(divide="ignore", invalid="ignore"):
    print(np.array([1.0, 0.0, -1.0]) / 0, np.geterr()["divide"])
print(np.geterr()["divide"])
try:
    np.seterr(divide="foo")
except ValueError as e:
    print(e)
