# Basic indexing gives views: writing through the view changes the base, and writing the
# base shows through the view, for every basic index form.
import numpy as np


def check(name, base, view_of, value):
    a = base.copy()
    v = view_of(a)
    v[...] = value
    print(name, "view->base:", a.tolist(), "shares:", np.shares_memory(a, v))
    a[...] = -7 if a.dtype.kind != "b" else False
    print(name, "base->view:", v.tolist())


m = np.arange(12).reshape(3, 4)
check("int row", m, lambda a: a[1], 100)
check("neg int", m, lambda a: a[-1], 100)
check("slice", m, lambda a: a[1:3], 100)
check("neg step", m, lambda a: a[::-1, ::2], 100)
check("out of range slice", m, lambda a: a[-100:100, 2:99], 100)
check("ellipsis", m, lambda a: a[..., 1], 100)
check("newaxis", m, lambda a: a[None, :, 1], 100)
check("tuple mix", m, lambda a: a[1, None, 1:3], 100)
check("full int 0-d", m, lambda a: a[1, 2, ...], 100)
check("transpose", m, lambda a: a.T[1:], 100)
check("reshape", m, lambda a: a.reshape(4, 3)[0], 100)
check("ravel", m, lambda a: a.ravel()[5:7], 100)
check("diagonal strides", m, lambda a: a[::2, ::3], 100)
check("empty slice", m, lambda a: a[2:1], 100)
check("bool dtype", np.array([True, False, True]), lambda a: a[::2], False)
check("float", np.linspace(0, 1, 5), lambda a: a[1:4], 0.5)

# Views of views alias the original.
a = np.arange(10)
v = a[2:8][::2][1:]
v[0] = 99
print(a, v, v.base is a)
# Slice assignment through a view, overlapping the base.
a = np.arange(8)
a[1:] = a[:-1]
print(a)
a = np.arange(8)
a[:-1] = a[1:]
print(a)
a = np.arange(8)
a[::-1] = a
print(a)
# Augmented assignment on a view updates the base.
m = np.arange(6).reshape(2, 3)
r = m[1]
r += 10
print(m)
m[:, 1] *= -1
print(m)
# a.flat writes the base.
m = np.arange(6).reshape(2, 3)
m.flat[[0, 5]] = 50
m.T.flat[1] = 7
print(m)
