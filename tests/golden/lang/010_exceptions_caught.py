# exceptions caught and printed with their type name and message
def show(thunk):
    try:
        result = thunk()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("ok", result)
show(lambda: int("x"))
show(lambda: int("3.5"))
show(lambda: float("1,5"))
show(lambda: [][0])
show(lambda: (1, 2)[9])
show(lambda: {}["k"])
show(lambda: {"a": 1}[("t", 1)])
show(lambda: 1 / 0)
show(lambda: 5 % 0)
show(lambda: 2.0 / 0)
show(lambda: None + 1)
show(lambda: "a" + 1)
show(lambda: 1 + "a")
show(lambda: [1] + 1)
show(lambda: "abc" < 5)
show(lambda: missing_name)
show(lambda: [].foo)
show(lambda: "s".nope)
show(lambda: len(5))
show(lambda: [1, 2].remove(3))
show(lambda: 2.0 ** 5000)
show(lambda: hash([]))
show(lambda: sorted([1, "a"]))
show(lambda: int("12") + 1)
def f(a):
    return a
show(lambda: f(1, 2))
show(lambda: f(1, z=2))
show(lambda: f(1, a=2))
show(lambda: f())
