# A lazy-sequence pipeline: map/filter/take over a long range, with generators.
from itertools import count, islice, takewhile
print(sum(islice((x for x in (x * x for x in count()) if x % 3 == 0), 400000)))
print(sum(1 for _ in takewhile(lambda x: x < 6000000, (x + 1 for x in count()))))
