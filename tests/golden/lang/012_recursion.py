# recursion: fib, hanoi, permutations, flatten, ackermann
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    print(f"move disk {n} from {src} to {dst}")
    hanoi(n - 1, via, dst, src)
hanoi(3, "A", "C", "B")
def perms(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"))
def flatten(x):
    if isinstance(x, (list, tuple)):
        out = []
        for item in x:
            out += flatten(item)
        return out
    return [x]
print(flatten([1, [2, (3, [4])], [[[]]], "s"]))
def power_set(xs):
    if not xs:
        return [[]]
    rest = power_set(xs[1:])
    return rest + [[xs[0]] + r for r in rest]
print(power_set([1, 2, 3]))
def binary(n):
    return str(n) if n < 2 else binary(n // 2) + str(n % 2)
print(binary(37), binary(2 ** 40 + 1))
