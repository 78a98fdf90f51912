# Set operations: sets of multiples built, intersected, subtracted and unioned.
def multiples(k, n):
    return set(range(0, n, k))

a = multiples(3, 2400000)
b = multiples(5, 2400000)
both = a & b
only_a = a - b
either = a | b
print(len(a), len(b), len(both), len(only_a), len(either), "true" if 9 in either else "false",
      "true" if both <= a else "false")
