# sorted and list.sort with key and reverse, stability
data = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(data), sorted(data, reverse=True))
print(sorted(data, key=abs), sorted(data, key=lambda v: (v % 3, v)))
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["Banana", "apple", "Cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
d = {"x": 3, "y": 1, "z": 2}
print(sorted(d), sorted(d.items()), sorted(d, key=lambda k: d[k]), sorted(d.values()))
lst = [3.5, 1, 2.25, -1e10, 7]
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
print(sorted("hello world"), sorted([[3, 1], [2], [2, 0], []]))
print(sorted([(1, "b"), (1, "a"), (0, "z")], reverse=True))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(list(reversed(sorted(data))))
