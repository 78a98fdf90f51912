import json, sys
for f in sys.argv[1:]:
    try:
        r = json.load(open(f + '.json'))
    except Exception as e:
        print(f, 'n/a'); continue
    t = open(f + '.time').read().split('\n')
    cpu = [l for l in t if l and l[0].isdigit()]
    rb, ra = r['requestsBuilding'], r['requestsAfter']
    print("%-14s %6.2f%% st %d/%d lat %d/%d/%d cp %.1f/%d msgs %.3fM build p%d f%d after p%d f%d v%d s%d cpu %s %s" % (f, 100*r['successRate'], r['stale'], r['staleAgainstMajority'],
      r['medianLatency'], r['p95Latency'], r['p99Latency'], r['copiesMean'], r['copiesMin'], r['networkMessages']/1e6,
      rb['ping']/1000, rb['findnode']/1000, ra['ping']/1000, ra['findnode']/1000, ra['findvalue']/1000, ra['store']/1000, cpu, [x['p99Latency'] for x in r['rounds']]))
