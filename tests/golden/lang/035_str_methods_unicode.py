# str methods on non-ASCII text, and their argument errors
text = "  Ünïcödé Straße: ΣΑΣ, ǆungla, ﬁre; 日本語 テキスト \u3000"
print(repr(text.strip()), repr(text.lstrip()[:8]), repr(text.rstrip()[-6:]))
print(text.split())
print(text.split(", "), text.rsplit(None, 2))
print(text.upper())
print(text.lower())
print(text.title())
print(text.casefold())
print(text.swapcase())
print(text.strip().capitalize())
print(text.find("日本"), text.rfind("ǆ"), text.index("Σ"), text.count("a"), text.count("", 5, 9))
print(text.startswith("  Ü"), text.endswith(("x", "\u3000")), text.startswith("Straße", 11))
print(repr("日本".center(8, "・")), repr("é".ljust(4, "ü")), repr("é".rjust(4)), "-7".zfill(5))
print("a\tbé\tc".expandtabs(4), "語\t.".expandtabs(3).replace(" ", "_"))
print("line1\nline2\r\nline3\u2028line4\x1cend".splitlines())
print("line1\nline2\r\n".splitlines(keepends=True))
print("é=ü=ö".partition("="), "é=ü=ö".rpartition("="), "é".partition("x"))
print("préfixe".removeprefix("pré"), "suffixé".removesuffix("é"), "x".removeprefix(""))
print(" · ".join(["α", "β", "γ"]), "-".join("日本語"))
print("abc".translate({ord("a"): "α", ord("b"): None}), "abc".translate(str.maketrans("abc", "xyz")))
for s in ["123", "²", "½", "一", "٣", "abc", "Ⅻ", "ǅ", "Hello World", "ABC", "abc1", "  ", "\x1c", "_x1", "1x", "ℕ", ""]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable())
print(sorted(["b", "C", "a", "É"], key=str.lower), list(map(str.upper, ["x", "ß"])))
f = "bound".upper
print(f(), str.center("c", 5, "*"), str.maketrans({"a": "b"}))
bad = [
    lambda: "a".split(1),
    lambda: "a".split(",", 1, 2),
    lambda: "a".split(x=1),
    lambda: "a".split(""),
    lambda: "a".split(",", sep=","),
    lambda: "a".rsplit(",", 10 ** 30),
    lambda: "".join(1),
    lambda: "".join(["a", 1]),
    lambda: "a".strip(1),
    lambda: "a".strip("a", "b"),
    lambda: "a".replace("a"),
    lambda: "a".replace(1, "b"),
    lambda: "a".replace("a", "b", count=1),
    lambda: "a".startswith(1),
    lambda: "a".endswith(("b", 1)),
    lambda: "a".startswith("a", "x"),
    lambda: "a".upper(1),
    lambda: "a".find(),
    lambda: "a".find(1),
    lambda: "a".count("a", 1, 2, 3),
    lambda: "a".index("b"),
    lambda: "a".rindex("b"),
    lambda: "a".center(5, "ab"),
    lambda: "a".center(5, 1),
    lambda: "a".ljust("x"),
    lambda: "a".zfill(),
    lambda: "a".partition(""),
    lambda: "a".expandtabs(10 ** 30),
    lambda: "a".splitlines(keepends=None),
    lambda: "a".removesuffix(1),
    lambda: "a".translate({97: 0x110000}),
    lambda: str.maketrans("ab", "c"),
    lambda: str.lower(),
    lambda: str.lower(5),
    lambda: str.nope,
    lambda: "abc".nope,
    lambda: "a".center(10 ** 12),
]
for f in bad:
    try:
        print("no error:", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
