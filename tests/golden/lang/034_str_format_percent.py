# str.format and % formatting: a small report, then the error cases
rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 150, 4.125)]
print("{:<10}|{:>5}|{:>8}".format("item", "qty", "price"))
print("-" * 25)
for name, qty, price in rows:
    print("{:<10}|{:>5d}|{:>8.2f}".format(name, qty, price))
total = sum(q * p for _, q, p in rows)
print("{0:<10}|{1:>5}|{2:>8.2f}".format("total", "", total))
print("{:*^25}".format(" %d rows " % len(rows)))
print("%-10s|%5d|%8.2f" % ("percent", 7, 1 / 3))
print("%(name)s has %(n)03d items (%(share).1f%%)" % {"name": "cart", "n": 7, "share": 12.5})
print("%5s|%-5s|%.2s|%c%c" % ("ab", "cd", "efgh", 72, "i"))
print("%x %X %#x %#o %+d % d %05d %-5d|" % (255, 255, 255, 8, 5, 5, -42, 7))
print("%e %E %g %G %#g %.0f %#.0f" % (12345.678, 0.00012, 1e-5, 1e20, 1.0, 2.5, 2.5))
print("%*d|%-*d|%.*f|%*.*f" % (6, 42, 6, 42, 3, 3.14159, 9, 2, 2.71828))
print("%s %r %a %s" % ("é", "é", "é€", [1, "a"]))
print("%d %i %d %s" % (3.99, -3.99, True, None), "abc" % (), "abc" % [])
print("{0}{1}{0} {name!r:>6} {x[0]}{x[1]:+}".format("a", "b", name="n", x=[1, 2]))
print("{0.real}+{0.imag}j {1[k]} {2[1]}".format(3 + 4j, {"k": "v"}, "xyz"))
print("{:{w}.{p}f}|{:{}}|{:{}{}}|".format(3.14159, "a", 4, "b", "^", 5, w=9, p=2))
print("{{}} {{{}}} }}{{".format("braces"))
print("{!r} {!s} {!a} {:>5} {} {:d}".format("q", "q", "ü", True, True, False))
print("{:,} {:_b} {:#o} {:c} {:%} {:.3%} {:e}".format(10 ** 9, 37, 8, 9731, 0.5, 1 / 3, 0.0001234))
print("{:é^9} {:0=+8.2f} {!s:<6}| {:^7.3}|".format("x", -3.14159, None, "abcdef"))
print("{a}-{b}".format_map({"a": 1, "b": 2}), "{}{}".format(*"xy"), "{k}".format(**{"k": 0}))
cases = [
    lambda: "{".format(),
    lambda: "}".format(),
    lambda: "{:}}".format(1),
    lambda: "{0[}".format(1),
    lambda: "{0.}".format(1),
    lambda: "{} {0}".format(1),
    lambda: "{0} {}".format(1),
    lambda: "{2}".format(1, 2),
    lambda: "{x}".format(y=1),
    lambda: "{!x}".format(1),
    lambda: "{!rr}".format(1),
    lambda: "{!}".format(1),
    lambda: "{:{:{}}}".format(1, 2, 3),
    lambda: "{0[0]x}".format([1]),
    lambda: "{:99999999999999999999}".format(1),
    lambda: "{:999999999999}".format(1),
    lambda: "{:d}".format("x"),
    lambda: "{:>5}".format(None),
    lambda: "{0[5]}".format([1]),
    lambda: "{0}".format_map({}),
    lambda: "%" % (),
    lambda: "%s %s" % (1,),
    lambda: "%s" % (1, 2),
    lambda: "abc" % 5,
    lambda: "%d" % "x",
    lambda: "%x" % 3.0,
    lambda: "%c" % "ab",
    lambda: "%c" % 1114112,
    lambda: "%f" % "x",
    lambda: "%d" % float("nan"),
    lambda: "%*d" % ("x", 3),
    lambda: "%(a)s" % {},
    lambda: "%(a)s %s" % {"a": 1},
    lambda: "%(a" % {"a": 1},
    lambda: "%(a)s" % 5,
    lambda: "%z" % 1,
    lambda: "%é" % 1,
    lambda: "%5" % 1,
    lambda: "%99999999999999999999d" % 1,
    lambda: "%1000000000000d" % 1,
]
for f in cases:
    try:
        print("no error:", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
