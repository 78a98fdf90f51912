package drogulus.logos.eval;

/** Makes a closure: copies the values the function captures from the enclosing frame. */
final class FnNode extends EvalNode {
    private final String name;
    private final Arity[] arities;
    private final EvalNode[] captures;
    private final Interp interp;
    private final String doc;

    FnNode(String name, Arity[] arities, EvalNode[] captures, Interp interp, String doc) {
        super(null);
        this.name = name;
        this.arities = arities;
        this.captures = captures;
        this.interp = interp;
        this.doc = doc;
    }

    @Override
    Object eval(Frame frame) {
        Object[] captured = new Object[captures.length];
        for (int i = 0; i < captures.length; i++) {
            captured[i] = captures[i].eval(frame);
        }
        return new Closure(name, arities, captured, interp, doc);
    }
}
