# repr and str of many floats
values = [0.1 + 0.2, 1e16, 1e-5, 123456789012345678.0, -0.0, float("inf"), float("-inf"),
          float("nan"), 5e-324, 2.5e-7, 1 / 3, 2 ** 0.5, 1.0, 100.0, 1e15, 1e-4, 0.5,
          1.7976931348623157e308, 2.2250738585072014e-308, 9007199254740993.0, 3.0e22, 12345.6789]
for v in values:
    print(v)
for v in values:
    print(repr(v), str(v))
print(values)
print(1.1 * 3, 0.1 * 3, 4.35 * 100, 1 - 0.9)
print(2 / 3, -2 / 3, 10 / 3, 1e300 * 1e10)
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(123.456, -1))
print(float("1e500"), -float("1e500"), float(" -12.5 "))
print(7.0 // 2, 7.0 % 2.5, -7.5 % 2, divmod(-7.5, 2))
