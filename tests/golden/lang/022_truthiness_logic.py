# truthiness, and/or returning operands, is/in
values = [0, 1, -1, 0.0, 0.5, 0j, "", "0", [], [0], (), {}, {"k": 0}, None, True, False, range(0)]
for v in values:
    print(repr(v), bool(v), not v)
print(0 or "fallback", "" or [] or None, 1 and "second", [] and "never", None or 0 or "z")
print(3 and 0 and 5, 3 or 0 or 5, not 3 or 4, (not 3) or 4)
print(True + True, True * 3, False - 1, sum([True, False, True]), True & 3, True | 2)
a = [1]
b = [1]
print(a == b, a is b, a is not b, None is None, 1 in a, 2 not in a, "b" in "abc", "a" in {"a": 1})
print(type(True).__name__, isinstance(True, int), True == 1, 1.0 == True)
