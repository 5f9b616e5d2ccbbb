# uncaught IndexError from a list lookup, after a caught one
data = [10, 20, 30]
try:
    print(data[5])
except IndexError as e:
    print("caught:", e)
i = 0
while True:
    print("item", i, data[i])
    i += 1
