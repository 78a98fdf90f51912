# Closure-heavy higher-order code: composed and partially applied functions made and called in a loop.
from functools import partial, reduce
import operator

def adder(n):
    return lambda x: x + n

def compose_all(fs):
    return reduce(lambda f, g: (lambda x: g(f(x))), fs, lambda x: x)

pipeline = compose_all([adder(i) for i in range(10)])

def run(n):
    acc = 0
    for i in range(n):
        scale = partial(operator.mul, i % 3)
        acc += scale(pipeline(i))
    return acc

print(run(800000))
