# closures: counters, adders, accumulators, late binding
def make_counter(start=0):
    count = [start]
    def step(by=1):
        count[0] += by
        return count[0]
    return step
a = make_counter()
b = make_counter(100)
print(a(), a(), a(5), b(), a(), b(-50))
def make_adders():
    return [lambda x, k=k: x + k for k in range(4)]
print([f(10) for f in make_adders()])
late = [lambda: k for k in range(4)]
print([f() for f in late])
def accumulator():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = accumulator()
acc("a")
acc("b")
print(acc("c"))
