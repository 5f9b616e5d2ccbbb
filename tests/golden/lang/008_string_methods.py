# output of the supported str methods
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.strip(" !H")), s.upper(), s.lower())
print("a,b,,c".split(","), "  a  b ".split(), "a b c".split(" ", 1), "".split())
print("-".join(["1", "2", "3"]), "".join(["x", "y"]), ", ".join("abc"))
print("banana".replace("a", "o"), "banana".replace("an", "AN", 1), "banana".replace("z", "y"))
print("test.npx".startswith("test"), "test.npx".endswith(".py"), "x".startswith(""))
print("banana".find("na"), "banana".find("na", 3), "banana".find("q"), "banana".count("a"))
print("[" + "mid".center(9) + "]", "[" + "mid".center(8, "-") + "]", "[" + "mid".ljust(6) + "]")
print("[" + "mid".rjust(6, "0") + "]", "42".zfill(6), "-3.5".zfill(7), "abc".zfill(1))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), words.count("the"), sorted(words), sorted(words, key=len))
print(" ".join(w[::-1] for w in words))
print(" ".join(w.upper() if len(w) > 4 else w for w in words))
csv = "name,score\nann,90\nbob,85\n"
rows = [line.split(",") for line in csv.strip().split("\n")]
print(rows)
for name, score in rows[1:]:
    print(name.center(7, "."), score.rjust(5))
print("mississippi".split("ss"), "a-b-c".split("-", 5), "abc".split("abc"))
print("x" * 5, "ab" * 0, "=" * 20)
print("Ünïcödé".upper(), "STRASSE".lower(), len("naïve"))
