# Floating-point warnings name the innermost statement that produced them.
# golden: stderr
import numpy as np


def f(x):
    return np.log(x)


def g(x):
    y = np.sqrt(x)
    return y


a = np.array([0.0, -1.0, 1.0])
for i in range(2):
    try:
        print(np.divide(a, 0.0))
    except ValueError:
        pass
if True:
    r = f(a)
    print(r)
print(g(a))
b = a.copy()
b /= 0.0
print(b)
print([np.log(v) for v in [np.float64(0.0)]])
