# number-heavy algorithms: matrix power of Fibonacci, base conversion, modular pow, ackermann, factorial
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
m = [[1, 1], [1, 0]]
r = [[1, 0], [0, 1]]
for _ in range(90):
    r = matmul(r, m)
print(r)
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, rem = divmod(n, base)
        out = digits[rem] + out
    return out or "0"
print(to_base(255, 2), to_base(255, 16), to_base(10 ** 20, 36), to_base(0, 7))
print(pow(2, 2 ** 20, 10 ** 9 + 7), pow(123456789, 987654321, 1000000007))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(60))
