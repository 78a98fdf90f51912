# A recursive walk over nested data: a tree of dicts and lists built, then summed and counted by recursion.
def build(depth):
    if depth == 0:
        return {"leaf": depth, "tags": ["a", "b"]}
    return {"depth": depth, "children": [build(depth - 1) for _ in range(4)], "meta": {"n": depth}}

def walk(node):
    if isinstance(node, dict):
        return sum(walk(v) for v in node.values())
    if isinstance(node, list):
        return sum(walk(v) for v in node)
    if isinstance(node, int):
        return node
    return 1

tree = build(8)
print(walk(tree), walk(tree))
