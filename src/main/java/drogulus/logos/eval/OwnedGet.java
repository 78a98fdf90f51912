package drogulus.logos.eval;

/**
 * {@code (get acc k)} or {@code (get acc k not-found)} in a function whose accumulator {@link AccumulatorOwnership}
 * found no one else can see: when the accumulator is a table ({@link OwnedMap}), reads the value from it, as get
 * would from the map it stands for. Anything else takes the ordinary call; a table is first made a map if the
 * global no longer holds get, since the function it holds now may keep what it is given.
 */
final class OwnedGet extends EvalNode {
    private final CallNode call;
    private final Builtin get;
    private final int accSlot;

    OwnedGet(CallNode call, Builtin get, int accSlot) {
        super(call.position);
        this.call = call;
        this.get = get;
        this.accSlot = accSlot;
    }

    @Override
    Object eval(Frame frame) {
        if (frame.slots[accSlot] instanceof OwnedMap map) {
            Object f = call.function(frame);
            EvalNode[] args = call.args();
            Object key = args[1].eval(frame);
            Object notFound = args.length == 3 ? args[2].eval(frame) : null;
            if (f == get) {
                return map.get(key, notFound);
            }
            Object frozen = map.freeze();
            frame.slots[accSlot] = frozen;
            return call.call(f, args.length == 3 ? new Object[] {frozen, key, notFound} : new Object[] {frozen, key});
        }
        return call.eval(frame);
    }
}
