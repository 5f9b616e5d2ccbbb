# The smallest signed integer floor-divided by -1 wraps, with an overflow warning;
# where= without out= warns that the masked-out elements are not written.
# golden: stderr
import numpy as np

for dt, lo in [(np.int8, -128), (np.int16, -32768), (np.int32, -2**31), (np.int64, -2**63)]:
    a = np.array([lo, lo, 7, -7], dtype=dt)
    b = np.array([-1, 1, -1, 2], dtype=dt)
    print(a // b, (a // b).dtype)
    print(dt(lo) // dt(-1))
print(np.array([0, 200], dtype=np.uint8) // np.array([255, 3], dtype=np.uint8))
x = np.arange(4.0)
r = np.add(x, 1, where=x > 0, out=None)
print(r.shape)
r = np.add(x, 1, x.copy(), where=x > 0)
print(r)
r = np.sqrt(x, where=x > 1)
print(r.shape, r[2:])
r = np.add(x, 1, where=True)
print(r)
