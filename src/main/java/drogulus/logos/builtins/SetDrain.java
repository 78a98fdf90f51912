package drogulus.logos.builtins;

import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;

/**
 * set of a lazy sequence. Reads it as {@link Seqs#drain} does, charged the same, except that when it reaches the
 * unrealised rest of an integer range it builds the set from the range's bounds ({@link LSet#ofPrefixAndRange}):
 * the numbers are boxed once, as the trie places them, instead of being gathered into a growing array first.
 */
final class SetDrain {
    private SetDrain() {
    }

    /** The set of the sequence in hold[0], which it clears so that the cells read can be collected as it goes. */
    static LSet set(Library lib, Object[] hold) {
        Object at = hold[0];
        hold[0] = null;
        Seqs.Buffer out = new Seqs.Buffer();
        while (true) {
            if (at instanceof LSeq s && s.pending() instanceof Ranges.IntegerTail tail) {
                int rangeCount = tail.count();
                if (rangeCount < 0) {
                    tail.drainInto(out);
                    break;
                }
                tail.chargeDrained(rangeCount);
                Object[] prefix = out.toArray();
                int n = prefix.length + rangeCount;
                lib.chargeSteps(n);
                lib.chargeItems(n);
                return LSet.ofPrefixAndRange(prefix, prefix.length, tail.from(), tail.step(), rangeCount);
            }
            if (Seqs.exhaustedNow(at)) {
                break;
            }
            out.add(Seqs.first(at));
            at = Seqs.more(at);
        }
        Object[] items = out.toArray();
        lib.chargeSteps(items.length);
        lib.chargeItems(items.length);
        return LSet.ofArray(items, items.length);
    }
}
