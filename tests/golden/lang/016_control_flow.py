# control flow: fizzbuzz, while/else, for/else, break/continue, nested loops
for i in range(1, 16):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("multiple of 3:", i)
else:
    print("loop finished normally")
for row in range(1, 5):
    print(" ".join(f"{row * col:3}" for col in range(1, 5)))
x = 7
label = "small" if x < 5 else "medium" if x < 10 else "large"
print(label, 0 < x < 10, 0 < x > 10, 1 == 1.0 != 2)
