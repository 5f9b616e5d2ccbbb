# RuntimeWarnings: once per source line, errstate-aware (stderr is checked too).
# golden: stderr
import numpy as np


def f(x):
    return np.log(x)


a = np.array([0.0, 1.0, -1.0])
print(a / 0.0)
for i in range(3):
    print(f(a))
print(np.array([7, 0]) // np.array([0, 0]), np.array([7, 0]) % np.array([0, 0]))
print(np.arcsin(np.array([2.0, 0.5])), np.array([np.inf]) - np.array([np.inf]))
print(np.exp(np.array([1000.0])), np.exp(np.array([-1000.0])))
print(np.int8(100) * np.int8(2), np.int64(1) // 0, np.float64(1.0) / 0)
with np.errstate(all="ignore"):
    print(np.log(a))
np.seterr(under="warn")
print(np.exp(np.array([-1000.0])))
print(np.sqrt(np.array([-1.0 + 0j])), np.log(np.array([0j])))
