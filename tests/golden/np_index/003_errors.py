# Index errors with NumPy's types and texts.
import numpy as np


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def setter(a, key, value):
    def f():
        a[key] = value
        return a
    return f


a = np.arange(10)
m = np.arange(12).reshape(3, 4)
t("out of bounds", lambda: a[10])
t("negative out of bounds", lambda: a[-11])
t("axis 1", lambda: m[0, 4])
t("too many", lambda: a[1, 2])
t("two ellipses", lambda: a[..., ...])
t("float", lambda: a[1.5])
t("str", lambda: a["x"])
t("float list", lambda: a[[1.0, 2.0]])
t("float array", lambda: a[np.array([1.0])])
t("ragged list", lambda: a[[1, [2]]])
t("list with None", lambda: a[[1, None]])
t("fancy out of bounds", lambda: m[[0, 3]])
t("fancy neg out of bounds", lambda: m[:, [-5]])
t("broadcast mismatch", lambda: m[[0, 1], [0, 1, 2]])
t("bool mismatch", lambda: a[[True, False]])
t("bool 2d mismatch", lambda: m[np.ones((3, 3), dtype=bool)])
t("step zero", lambda: a[::0])
t("float slice", lambda: a[1.0:3])
t("2**63", lambda: a[2**63])
t("2**64 - 1", lambda: a[2**64 - 1])
t("2**64", lambda: a[2**64])
t("-2**63", lambda: a[-2**63])
t("-2**63 - 1", lambda: a[-2**63 - 1])
t("uint64 2**63", lambda: a[np.uint64(2**63)])
t("tuple 2**63", lambda: m[1, 2**63])
t("fancy and 2**63", lambda: m[[1], 2**63])
t("list of 2**63", lambda: a[[2**63]])
t("huge slice bounds", lambda: a[-2**70:2**70:2**63])
t("0-d index", lambda: np.array(5)[0])
t("flat out of bounds", lambda: m.flat[12])
t("flat tuple", lambda: m.flat[1, 2])
t("flat bool list", lambda: m.flat[[True, False]])
t("set shape mismatch", setter(a.copy(), [1, 2], [1, 2, 3]))
t("set bool mismatch", setter(a.copy(), a > 5, [1, 2]))
t("set complex", setter(a.copy(), slice(1, 3), 1.5j))
t("set overflow", setter(a.copy(), 0, 2**63))
t("set nan", setter(a.copy(), 0, np.nan))
t("set out of bounds", setter(a.copy(), 10, 1))
t("set fancy out of bounds", setter(a.copy(), [10], 1))
t("set sequence into element", setter(a.copy(), 0, [1, 2]))
t("set read-only", setter(np.broadcast_to(a, (2, 10)), 0, 1))
t("int8 overflow", setter(np.zeros(3, dtype=np.int8), 0, 300))
t("float into int truncates", setter(np.zeros(3, dtype=int), slice(None), np.array([1.7, -2.7, 3.2])))
# Huge steps: the strides wrap as NumPy's do (one element is selected either way).
b2 = np.arange(6).reshape(2, 3)
for st in [2**61, 2**62, -2**62, 2**63 - 1]:
    print(st, a[::st].strides, a[::st], b2[[0, 1], ::st].strides, b2[[1], ::st])
