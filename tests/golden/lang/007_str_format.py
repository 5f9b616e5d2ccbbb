# str.format: positional, keyword, indexed fields, conversions, nested specs
print("{} {} {}".format(1, "two", 3.0))
print("{2} {1} {0}".format("a", "b", "c"))
print("{0} {0} {1}".format("x", "y"))
print("{name} is {age} years".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[key]}".format(["first", "second"], {"key": "val"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x} {:%}".format(3.14159, 42, 10 ** 9, 3054, 0.5))
print("{!r} {!s}".format("q", "q"))
print("{{}} {{{}}}".format("in"))
print("{:{}}|{:{}.{}f}".format("w", 5, 2.71828, 10, 2))
print("{0:*^20}".format(" centered "))
print("{}".format([1, "a"]), "{}".format(None), "{}".format((1,)))
print("{:e}".format(0.0001234), "{:g}".format(0.0001234), "{:G}".format(1e-10))
template = "{item:<10}{count:>5}"
for item, count in [("pens", 3), ("paper", 200)]:
    print(template.format(item=item, count=count))
