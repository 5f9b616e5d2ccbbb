# str/repr of nested containers
print([1, "two", 3.0, None, True, False])
print(["it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "back\\slash"])
print((1,), (), (1, 2), ((1,),), [()], ([],))
print({"a": 1, 2: "b", (3, 4): [5, 6], None: {"x": None}})
print({}, [], "", [""], [[]], {"": ""})
print(repr("x"), str("x"), repr(["x"]), str(["x"]))
print([1.5, -0.0, float("nan"), 1e100, 2 ** 70])
print(range(5), range(1, 10, 2), slice(1, 2), slice(None, 5, -1))
l = [1, 2]
l.append(l)
print(l)
d = {"self": None}
d["self"] = d
print(d)
print(None, True, False, ...)
print(repr(None), repr(...), str(True))
print([print], [len][0] is len)
print(ValueError("bad"), repr(ValueError("bad")), repr(KeyError("k")), KeyError("k"))
print(ValueError("a", 1), repr(ValueError()), repr(TypeError(1, "two")))
print({1: [{"k": (1, [2, {3: "v"}])}]})
print("é€", repr("é€"), repr("\x00\x1f\x7f"), ["\u2028"])
