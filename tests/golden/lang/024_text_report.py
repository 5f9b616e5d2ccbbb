# building a formatted text report with string methods and f-strings
records = [
    {"name": "alpha", "qty": 12, "price": 3.5},
    {"name": "beta", "qty": 1500, "price": 0.125},
    {"name": "gamma-long-name", "qty": 7, "price": 1234.5},
    {"name": "delta", "qty": 0, "price": 99.999},
]
width = max(len(r["name"]) for r in records)
header = f"{'name':<{width}} | {'qty':>6} | {'price':>10} | {'total':>12}"
print(header)
print("-" * len(header))
grand = 0.0
for r in records:
    total = r["qty"] * r["price"]
    grand += total
    print(f"{r['name']:<{width}} | {r['qty']:>6,} | {r['price']:>10.3f} | {total:>12,.2f}")
print("=" * len(header))
print(f"{'TOTAL':>{width}} | {sum(r['qty'] for r in records):>6,} | {'':>10} | {grand:>12,.2f}")
print(f"{'share':^{len(header)}}")
for r in records:
    share = r["qty"] * r["price"] / grand
    bar = "#" * round(share * 40)
    print(f"{r['name'][:8]:>8} {share:6.1%} {bar}")
