# f-strings with the full format mini-language
x = 3.14159265
n = 1234567
s = "text"
print(f"[{s:<10}] [{s:>10}] [{s:^10}] [{s:*^10}] [{s:.2}]")
print(f"[{n:<12}] [{n:>12}] [{n:^12}] [{n:012}] [{-n:=12}]")
print(f"[{n:,}] [{n:_}] [{n:+,}] [{-n:,}] [{n:>15,}] [{x:,.3f}]")
print(f"[{5:+}] [{-5:+}] [{5: }] [{-5: }] [{5:-}] [{x:+.2f}] [{-x: .2f}]")
print(f"[{255:x}] [{255:X}] [{255:#x}] [{255:#X}] [{255:o}] [{255:#o}] [{255:b}] [{255:#b}]")
print(f"[{255:#010x}] [{255:08b}] [{0xABCDEF:_x}] [{2**40:_b}]")
print(f"[{x:e}] [{x:.2e}] [{x:E}] [{12345.678:.3e}] [{0.000123:e}]")
print(f"[{x:g}] [{x:.3g}] [{1e-7:g}] [{1e16:g}] [{123456:g}] [{1234567:g}] [{0.0:g}]")
print(f"[{0.25:%}] [{0.25:.1%}] [{1:.0%}] [{-0.125:.2%}]")
print(f"[{x:f}] [{x:.0f}] [{x:10.4f}] [{x:<10.2f}] [{x:^10.1f}] [{x:010.3f}]")
print(f"[{2.5:.0f}] [{3.5:.0f}] [{0.125:.2f}] [{1e20:.2f}] [{-0.0:f}] [{float('inf'):8.2f}]")
w, p = 12, 3
print(f"[{x:{w}.{p}f}] [{x:>{w}}] [{s:{'#'}<{w}}] [{n:{','}}]")
print(f"{x!r} {s!r} {s!s} {[s]!s} {x=} {s=} {n = :,}")
print(f"{{literal}} {{{n}}} {{x}}")
print(f"{'nested' + ' expr'} {len(s) * 2} {s.upper()} {[i * i for i in range(3)]}")
print(f"{x:.10} {1/3:.5} {100.0:.3} {1e5:.3}")
print(f"{True} {None} {True:d} {True:>5}")
print(f"{'a':>3}{'b':<3}|")
print(f"{3:c}{65:c}{10:d}")
table = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
for name, price, qty in table:
    print(f"{name:<8}|{price:>8.2f}|{qty:>5d}|{price * qty:>10,.2f}")
