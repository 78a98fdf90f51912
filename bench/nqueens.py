# N-queens, counting solutions for n = 11 with lists of placed columns.
def safe(placed, col):
    row = len(placed)
    for i in range(row):
        c = placed[i]
        if c == col or row - i == abs(col - c):
            return False
    return True


def solve(n, placed):
    if len(placed) == n:
        return 1
    total = 0
    for col in range(n):
        if safe(placed, col):
            total += solve(n, placed + [col])
    return total


print(solve(11, []))
