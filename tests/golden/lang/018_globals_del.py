# global statement and del
counter = 0
def increment(by=1):
    global counter
    counter += by
    return counter
print(increment(), increment(10), counter)
def define():
    global made
    made = "created inside define"
define()
print(made)
x = [1, 2, 3]
y = x
del x
print(y)
try:
    print(x)
except NameError as e:
    print("NameError:", e)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
lst = list(range(10))
del lst[1], lst[2]
print(lst)
del lst[::3]
print(lst)
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
def broken():
    print(counter)
    counter = 5
try:
    broken()
except NameError as e:
    print(type(e).__name__ + ":", e)
