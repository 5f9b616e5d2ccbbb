# np.sort, np.argsort, np.partition (only the k-th elements and sorted halves are
# printed: partition's other positions are unspecified).
import numpy as np

a = np.array([2.5, -1.0, 7.0, np.nan, 0.0, 3.5, -np.inf])
print(repr(np.sort(a)), repr(np.argsort(a)), repr(np.sort(a[::-2])))
M = np.array([[9, 4, 6], [1, 8, 2], [5, 5, 0]])
print(repr(np.sort(M)), repr(np.sort(M, axis=0)), repr(np.sort(M, axis=None)))
print(repr(np.argsort(M, axis=0)), repr(np.argsort(M, axis=None, kind="stable")), repr(np.argsort(np.array([3, 1, 3, 2, 1]), kind="stable")))
print(repr(np.sort(np.array([3 + 1j, 1 + 2j, 1 + 1j, complex(np.nan, 0), 2]))), repr(np.sort(np.array([True, False, True]))))
print(repr(np.sort(np.array([3, 1, 2], dtype=np.uint8))), repr(np.sort(np.array([0.5, 0.25, 1], dtype=np.float16))))
p = np.partition(np.array([8, 3, 6, 1, 9, 2]), 2)
print(p[2], np.sort(p[:2]), np.sort(p[3:]))
q = np.partition(np.array([[5.0, 1, 4, 2], [0, 9, 3, 3]]), [1, 2], axis=1)
print(repr(q[:, 1]), repr(q[:, 2]))
for label, f in [("kind", lambda: np.sort(a, kind="bogus")), ("axis", lambda: np.sort(M, axis=2)),
                 ("kth", lambda: np.partition(np.array([1, 2, 3]), 3)), ("0d", lambda: np.sort(np.array(3)))]:
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
