# ints and arbitrary-precision ints
print(2 ** 100)
print(-2 ** 100, (-2) ** 101)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(divmod(17, 5), divmod(-17, 5), divmod(10 ** 30, 7))
print(pow(3, 100, 7), pow(3, 100), pow(2, -2))
print(int("  42 "), int("ff", 16), int("-0b101", 0), int("z", 36))
print(hex(255), hex(-255), bin(10), oct(64), hex(2 ** 70))
print(1_000_000, 0xFF, 0o777, 0b1111)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)), f % (10 ** 9 + 7))
print(f // 10 ** 50, -f // 10 ** 50)
print(1 << 64, (1 << 64) - 1, -(1 << 64) >> 3)
print(~0, ~(2 ** 65), 2 ** 65 & 2 ** 64 + 1, 2 ** 65 | 1, 2 ** 65 ^ 2 ** 65)
print(10 ** 18 * 10 ** 18 == 10 ** 36, 2 ** 64 / 2, 2 ** 53 + 1.0)
a, b = 0, 1
for _ in range(150):
    a, b = b, a + b
print(a)
print(True + 1, True * 2 ** 70, abs(-10 ** 25))
