package drogulus.logos.builtins;

import drogulus.logos.data.LSeq;
import drogulus.logos.data.LVector;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.LoopCall;

/**
 * {@code (mapv f coll)}: calls f on each item as it walks coll once, appending each result to the vector it
 * builds, instead of copying every item into a list, every result into another, and that into the vector. A
 * vector is read in place, the rest of an integer range a chunk of numbers at a time without making its cells,
 * any other lazy sequence a run of a chunked cell at a time (one cell per item otherwise) with only a moving
 * cursor on it, so the cells already mapped can be collected. Charged as before: a step per item walked (and
 * the cells a range's chunks stand for), then the vector's items. A class, not a lambda, so that the frame the
 * call arrives in lets go of a lazy coll (see CallNode.handOff).
 */
final class MapIntoVector implements Builtin.Body2 {
    private final Library lib;

    /** mapv's own copy of the call path (see LoopCall), made when first used. */
    private static final class Site {
        static final LoopCall F = LoopCall.create();
    }

    MapIntoVector(Library lib) {
        this.lib = lib;
    }

    @Override
    public Object apply(Object f, Object coll) {
        if (coll instanceof LVector v) {
            lib.chargeSteps(v.count());
            LVector.Builder out = LVector.builder();
            Object frame = null;
            for (Object item : v) {
                if (frame == null && LoopCall.takes(f, 1)) {
                    frame = LoopCall.frameFor(f, 1);
                }
                out.add(frame != null ? Site.F.call1In(frame, item) : lib.interp().apply(f, item));
            }
            return built(out);
        }
        if (!(coll instanceof LSeq)) {
            return Colls.vector(lib, ofList(f, Colls.items(lib, "mapv", coll)));
        }
        Object[] hold = {coll};
        coll = null;
        return mapSeq(f, hold);
    }

    private java.util.List<Object> ofList(Object f, java.util.List<Object> items) {
        java.util.List<Object> out = new java.util.ArrayList<>(items.size());
        Object frame = null;
        for (Object item : items) {
            if (frame == null && LoopCall.takes(f, 1)) {
                frame = LoopCall.frameFor(f, 1);
            }
            out.add(frame != null ? Site.F.call1In(frame, item) : lib.interp().apply(f, item));
        }
        return out;
    }

    /** Over a lazy sequence, hold's one item, which this takes out. */
    private Object mapSeq(Object f, Object[] hold) {
        Object at = hold[0];
        hold[0] = null;
        LVector.Builder out = LVector.builder();
        // One frame for all of f's calls once f is compiled (LoopCall.frameFor), not one per item.
        Object frame = null;
        while (true) {
            if (at instanceof LSeq s && s.pending() instanceof Ranges.IntegerTail tail) {
                for (Ranges.IntegerTail rest = tail; rest != null; ) {
                    Ranges.Chunk chunk = rest.chunk();
                    lib.chargeSteps(chunk.n);
                    for (int i = 0; i < chunk.n; i++) {
                        // The choice made here, not in a method of its own: one layer fewer for the JIT to compile.
                        Object item = chunk.items[i];
                        if (frame == null && LoopCall.takes(f, 1)) {
                            frame = LoopCall.frameFor(f, 1);
                        }
                        out.add(frame != null ? Site.F.call1In(frame, item) : lib.interp().apply(f, item));
                    }
                    rest = chunk.rest;
                }
                return built(out);
            }
            if (Seqs.exhaustedNow(at)) {
                return built(out);
            }
            // A chunked cell's items are read in place (LSeq#runItem), without a cell per item.
            LSeq cell = at instanceof LSeq c ? c : null;
            int run = cell == null ? 1 : cell.runLength();
            for (int k = 0; k < run; k++) {
                lib.chargeSteps(1);
                Object item = cell == null ? Seqs.first(at) : cell.runItem(k);
                if (frame == null && LoopCall.takes(f, 1)) {
                    frame = LoopCall.frameFor(f, 1);
                }
                out.add(frame != null ? Site.F.call1In(frame, item) : lib.interp().apply(f, item));
            }
            at = cell == null ? Seqs.more(at) : cell.afterRun();
        }
    }

    private LVector built(LVector.Builder out) {
        lib.chargeItems(out.count());
        return out.build();
    }
}
