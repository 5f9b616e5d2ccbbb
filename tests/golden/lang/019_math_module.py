# math module results printed with repr
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(144), math.floor(-2.5), math.ceil(-2.5), math.trunc(2.9))
print(math.sin(1), math.cos(1), math.tan(1))
print(math.sin(math.pi), math.cos(math.pi / 3), math.atan2(-1, -1))
print(math.exp(2), math.log(2), math.log10(2), math.log2(3), math.log(1024, 2))
print(math.hypot(5, 12), math.degrees(1), math.radians(90))
print(math.factorial(20), math.gcd(462, 1071), math.comb(52, 5), math.isqrt(99))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fabs(-1), math.copysign(2, -1))
print(math.isclose(1e-10, 1.1e-10), math.isnan(float("nan")), math.isinf(1e308 * 10))
print(math.floor(3), type(math.floor(3.7)).__name__, math.pow(2, 0.5), 2 ** 0.5)
for angle in range(0, 361, 45):
    r = math.radians(angle)
    print(f"{angle:3d} {math.sin(r):+.4f} {math.cos(r):+.4f}")
for bad in [-1, 0]:
    try:
        math.log(bad)
    except ValueError as e:
        print("ValueError:", e)
