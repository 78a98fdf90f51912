# A reduce/into pipeline over maps: 900,000 order records grouped and summed per customer.
orders = [{"id": i, "customer": "c" + str(i % 1000), "amount": (i * 7) % 100} for i in range(900000)]
totals = {}
for o in orders:
    totals[o["customer"]] = totals.get(o["customer"], 0) + o["amount"]
big = {k: v for k, v in totals.items() if v > 44800}
print(len(totals), totals["c7"], len(big))
