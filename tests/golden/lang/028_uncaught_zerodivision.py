# uncaught ZeroDivisionError after output, inside nested calls and a finally block
def ratio(a, b):
    return a / b
def report(pairs):
    for a, b in pairs:
        try:
            print(f"{a}/{b} = {ratio(a, b):.3f}")
        finally:
            print("checked", a, b)
report([(1, 4), (10, 3), (5, 0), (7, 7)])
