# functions: defaults, keyword args, *args, **kwargs
def describe(name, greeting="Hello", *extras, punct="!", **info):
    parts = [f"{greeting}, {name}{punct}"]
    if extras:
        parts.append("extras=" + repr(extras))
    if info:
        parts.append("info=" + repr(info))
    return " ".join(parts)
print(describe("Ann"))
print(describe("Bob", "Hi"))
print(describe("Cy", "Yo", 1, 2, punct="?"))
print(describe(greeting="Hey", name="Di", age=5, city="X"))
print(describe(*["Ed", "Howdy"], **{"punct": ".", "k": None}))
def total(*nums, start=0):
    return start + sum(nums)
print(total(), total(1, 2, 3), total(1, 2, start=10))
def show(**kw):
    for k, v in kw.items():
        print(f"  {k} -> {v!r}")
show(b=2, a="one", c=[3])
def defaults(a, b=[], c={}):
    b.append(a)
    c[a] = len(b)
    return b, c
print(defaults(1))
print(defaults(2))
print(defaults(3, [], {}))
def outer():
    def inner(x):
        return x
    return inner
for args in [(), (1, 2)]:
    try:
        outer()(*args)
    except TypeError as e:
        print("TypeError:", e)
print((lambda *a, **k: (a, k))(1, 2, x=3))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda s: len(s) > 1, ["a", "bb", "", "ccc"])))
