# dict operations and printing
inventory = {"apples": 3, "pears": 0}
inventory["plums"] = 12
inventory["apples"] += 2
print(inventory, len(inventory))
print(list(inventory.keys()), list(inventory.values()), list(inventory.items()))
print(inventory.get("kiwi"), inventory.get("kiwi", -1), inventory.setdefault("kiwi", 7), inventory)
print(inventory.pop("pears"), inventory.pop("none", "default"), inventory)
inventory.update({"apples": 0, "figs": 1})
print(inventory)
del inventory["kiwi"]
for name, qty in inventory.items():
    print(f"{name:>8}: {qty}")
text = "the cat and the hat and the bat"
freq = {}
for word in text.split():
    freq[word] = freq.get(word, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
by_len = {}
for word in "a quick fox jumps over the lazy dog".split():
    by_len.setdefault(len(word), []).append(word)
print(by_len)
print({1: "int", 1.0: "float"}, {True: "t", 1: "one"})
print(dict(zip("abc", range(3))), dict(a=1, b=[2]), dict([(1, 2), (3, 4)]))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = [1, 2]
print(nested, nested["a"]["b"]["d"][-1])
print("a" in nested, "b" in nested, {} == {}, {"x": 1} == {"x": 1.0})
