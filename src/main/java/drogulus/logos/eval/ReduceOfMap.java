package drogulus.logos.eval;

import drogulus.logos.data.Position;

/**
 * {@code (reduce f init (map g coll))}: while both globals still hold those built-ins, the mapped sequence is
 * folded as it is made ({@link Fold}) rather than made and then walked; nothing else can see it, as it is only
 * ever the reduce's argument. Walking nested data is mostly such reductions over short collections, each of
 * which otherwise costs a lazy sequence, its cells and a dozen calls between the reduce and the function
 * mapped. Everything observable is as the two calls would do it: the order the expressions are read in, the
 * calls of g and f, the steps and memory charged, errors and their positions; anything else takes the calls.
 */
final class ReduceOfMap extends EvalNode {
    private final CallNode reduceCall;
    private final Builtin reduce;
    private final CallNode.Call2 mapCall;
    private final Builtin map;
    private final Fold fold;

    private ReduceOfMap(CallNode reduceCall, Builtin reduce, CallNode.Call2 mapCall, Builtin map, Fold fold) {
        super(reduceCall.position);
        this.reduceCall = reduceCall;
        this.reduce = reduce;
        this.mapCall = mapCall;
        this.map = map;
        this.fold = fold;
    }

    /** The node for a call of reduce with an init and a map of one collection, or null if it is not one. */
    static EvalNode of(EvalNode fn, EvalNode[] args, boolean tail, String label, Position position) {
        Builtin reduce = builtinIn(fn, Intrinsic.REDUCE);
        if (reduce == null || args.length != 3 || !(args[2] instanceof CallNode.Call2 mapCall)) {
            return null;
        }
        Builtin map = builtinIn(mapCall.fn, Intrinsic.MAP);
        if (map == null || !(map.two instanceof Fold fold)) {
            return null;
        }
        return new ReduceOfMap(new CallNode(fn, args, tail, label, position), reduce, mapCall, map, fold);
    }

    private static Builtin builtinIn(EvalNode fn, Intrinsic kind) {
        return fn instanceof EvalNodes.Global global && global.cell().isBound()
            && global.cell().get() instanceof Builtin builtin && builtin.intrinsic() == kind ? builtin : null;
    }

    @Override
    Object eval(Frame frame) {
        if (!reduceCall.cell.holds(reduce)) {
            return reduceCall.eval(frame);
        }
        // The reduce call reads its function (held now), then its arguments in order, the map call among them.
        EvalNode[] args = reduceCall.args();
        Object f = args[0].eval(frame);
        Object init = args[1].eval(frame);
        if (!mapCall.cell.holds(map)) {
            return reduceCall.call(reduce, new Object[] {f, init, mapCall.eval(frame)});
        }
        Object g = mapCall.first.eval(frame);
        Object coll = mapCall.second.eval(frame);
        Object result;
        try {
            result = fold.fold(f, init, g, coll);
        } catch (RuntimeException e) {
            throw reduceCall.trace(e, reduce);
        }
        if (result != Fold.NOT_FOLDED) {
            return result;
        }
        return reduceCall.call(reduce, new Object[] {f, init, mapCall.call2(map, g, coll)});
    }
}
