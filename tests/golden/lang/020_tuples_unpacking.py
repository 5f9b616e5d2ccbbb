# tuples and unpacking
point = (3, 4)
x, y = point
print(x, y, point, (x,), (), tuple("ab"))
a, b = 1, 2
a, b = b, a
print(a, b)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
def min_max(xs):
    return min(xs), max(xs)
lo, hi = min_max([5, 3, 9])
print(lo, hi, min_max("hello"))
a = b = c = 0
print(a, b, c)
t = (1, [2, 3])
t[1].append(4)
print(t, len(t), t + (5,), t * 2)
print((1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"))
try:
    first, second = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    one, two, three = "ab"
except ValueError as e:
    print("ValueError:", e)
print(divmod(100, 7), [divmod(n, 3) for n in range(-3, 4)])
