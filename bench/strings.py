# String building and splitting: 800,000 lines made with str, joined, split and parsed back.
lines = ["row-" + str(i) + "," + str(i * 3) + "," + str(i % 17) for i in range(800000)]
text = "\n".join(lines)
total = 0
for line in text.split("\n"):
    _, b, c = line.split(",")
    total += len(b) + len(c)
print(len(text), total)
