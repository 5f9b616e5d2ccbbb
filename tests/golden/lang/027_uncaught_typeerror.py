# uncaught TypeError: unsupported operand types
values = [1, 2.5, "three"]
total = 0
for v in values:
    print("adding", repr(v))
    total = total + v
    print("total is now", total)
print("unreachable")
