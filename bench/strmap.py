# A string-keyed map built over two million iterations, then read back.
n = 2000000
m = {}
i = 0
while i < n:
    m["key" + str(i % 50000)] = i
    i += 1
print(len(m), m["key123"])
