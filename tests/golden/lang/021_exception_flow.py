# try/except/else/finally ordering, re-raise, raise from, nested handlers
def step(kind):
    print("start", kind)
    try:
        if kind == "value":
            raise ValueError("bad value")
        if kind == "key":
            return {}["missing"]
        if kind == "return":
            return "returned"
        print("  body done")
    except ValueError as e:
        print("  caught ValueError:", e)
        return "from except"
    else:
        print("  else runs")
    finally:
        print("  finally runs")
    print("end", kind)
    return "normal"
for kind in ["none", "value", "return"]:
    print("->", step(kind))
try:
    step("key")
except LookupError as e:
    print("outer caught", type(e).__name__, e)
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot convert {s!r}") from e
try:
    convert("abc")
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
