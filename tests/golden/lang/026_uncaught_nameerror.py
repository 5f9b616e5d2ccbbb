# uncaught NameError raised in a function called from another function
def helper(n):
    print("helper got", n)
    return n * zzq_undefined
def driver():
    print("driver starting")
    total = 0
    for i in range(3):
        total += i
    print("partial total", total)
    return helper(total)
print("before")
driver()
print("never printed")
