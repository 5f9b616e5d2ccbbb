# exception args/repr, re-raise, and dispatch to handlers by hierarchy
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except ArithmeticError as e:
    print("got", repr(e))
try:
    raise ValueError("with", "args", 3)
except ValueError as e:
    print(e, e.args, repr(e))
try:
    raise KeyError("quoted")
except LookupError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError:", e)
try:
    raise RuntimeError
except RuntimeError as e:
    print(repr(e), "[" + str(e) + "]")
for thunk in [lambda: [][1], lambda: {}[1], lambda: 1 % 0, lambda: int("q"), lambda: 2.0 ** 9999]:
    try:
        thunk()
    except (IndexError, KeyError) as e:
        print("lookup:", type(e).__name__, e)
    except ArithmeticError as e:
        print("arith:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)
