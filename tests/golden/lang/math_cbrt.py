# math.cbrt is the C library's (the Rust runtime's own cbrt differs in the last bit).
import math

print([math.cbrt(i * 0.0137 + 1e-3) for i in range(1, 40)])
print(math.cbrt(-27.0), math.cbrt(0.0), math.cbrt(-0.0), math.cbrt(1e-310), math.cbrt(8))
print(math.cbrt(float("inf")), math.cbrt(float("-inf")), math.cbrt(float("nan")))
