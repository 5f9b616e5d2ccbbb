# slicing, slice assignment and deletion
a = list(range(10))
print(a[2:7], a[:3], a[7:], a[-3:], a[::2], a[::-1], a[8:2:-2], a[-1:-4:-1], a[100:])
print("hello world"[::-1], "hello"[1:-1], (1, 2, 3, 4)[::2], range(20)[3:15:4])
s = slice(1, 8, 3)
print(s, a[s], s.start, s.stop, s.step)
b = list(range(8))
b[2:4] = ["x", "y", "z"]
print(b)
b[::3] = [0, 0, 0]
print(b)
b[1:1] = [99]
print(b)
b[-2:] = []
print(b)
del b[::2]
print(b)
c = list("abcdefgh")
del c[1:6:2]
print(c)
c[:] = []
print(c, len(c))
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    m[i][i] = 1
    m[i][:i] = [5] * i
print(m)
