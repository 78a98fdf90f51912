package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Seqs.CHUNK;
import static drogulus.logos.builtins.Seqs.lazy;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LSeq;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import java.util.List;

/**
 * Where lazy sequences come from (lazy-seq, iterate, range, repeat, cycle, repeatedly) and how to force them.
 * Bodies are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class LazyBuiltins {
    private LazyBuiltins() {
    }

    static void install(Library lib) {
        sources(lib);
        lib.def("range", "Returns a lazy sequence of numbers from start (0) up to but not including end "
            + "(without end: for ever), by step (1).", 0, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    return Ranges.range(lib, args);
                }
            });
        lib.def("doall", "Returns coll after realising every item of it (or the first n), when it is a lazy "
            + "sequence.", 1, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    long n = args.length == 2 ? Colls.count("doall", args[0]) : Long.MAX_VALUE;
                    walk(lib, args[args.length - 1], n);
                    return args[args.length - 1];
                }
            });
        lib.def("dorun", "Returns nil after realising every item of a lazy sequence (or the first n), for "
            + "their side effects.", 1, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    walk(lib, args[args.length - 1], args.length == 2 ? Colls.count("dorun", args[0]) : Long.MAX_VALUE);
                    return null;
                }
            }, new DorunOne(lib), null);
        lib.def("realized?", "Returns true when a lazy sequence's first cell, or a delay's value, has been "
            + "computed.", 1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args[0] instanceof LSeq s) {
                        return s.isRealized();
                    }
                    if (args[0] instanceof Delay d) {
                        return d.isRealized();
                    }
                    throw Args.typeError("realized?", "a lazy sequence or a delay", args[0]);
                }
            });
    }

    private static void sources(Library lib) {
        lib.def("lazy-seq*", "Returns a lazy sequence of what calling f (no arguments) returns, called when the "
            + "sequence is first used; what the lazy-seq macro expands to.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return lazy(lib, () -> Seqs.seq(lib, "lazy-seq", call(lib, args[0])));
                }
            });
        lib.def("iterate", "Returns the lazy sequence x, (f x), (f (f x)), ...", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return iterate(lib, args[0], args[1]);
                }
            });
        lib.def("repeat", "Returns a lazy sequence of x for ever, or a list of n copies of x.", 1, 2, new Body() {
            @Override public Object apply(Object[] args) {
                if (args.length == 1) {
                    return cycle(lib, new Object[] {args[0]}, 0);
                }
                long n = Colls.count("repeat", args[0]);
                List<Object> out = Colls.buffer(lib, n);
                lib.chargeSteps(n);
                for (long i = 0; i < n; i++) {
                    out.add(args[1]);
                }
                return LList.from(out);
            }
        });
        lib.def("cycle", "Returns a lazy sequence of the items of coll repeated for ever; () for an empty coll.",
            1, 1, new Body() {
                @Override public Object apply(Object[] args) {
                    Object[] items = Colls.items(lib, "cycle", args[0]).toArray();
                    return items.length == 0 ? LList.EMPTY : cycle(lib, items, 0);
                }
            });
        lib.def("repeatedly", "Returns a lazy sequence of the results of calling f (no arguments) for ever, or a "
            + "list of the results of n calls.", 1, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 1) {
                        return repeatedly(lib, args[0]);
                    }
                    long n = Colls.count("repeatedly", args[0]);
                    List<Object> out = Colls.buffer(lib, n);
                    for (long i = 0; i < n; i++) {
                        out.add(call(lib, args[1]));
                    }
                    return LList.from(out);
                }
            });
    }

    private static LSeq iterate(Library lib, Object f, Object x) {
        Seqs.cells(lib, 1);
        return LSeq.cons(x, lazy(lib, () -> iterate(lib, f, call(lib, f, x))));
    }

    private static LSeq repeatedly(Library lib, Object f) {
        return lazy(lib, () -> {
            Seqs.cells(lib, 1);
            return LSeq.cons(call(lib, f), repeatedly(lib, f));
        });
    }

    private static Object cycle(Library lib, Object[] items, int from) {
        Object[] out = new Object[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            out[i] = items[(from + i) % items.length];
        }
        int next = (from + CHUNK) % items.length;
        return Seqs.chain(lib, out, CHUNK, lazy(lib, () -> cycle(lib, items, next)));
    }

    /**
     * dorun called with one argument. A lazy sequence is handed on without keeping a reference in this frame, so
     * the cells already realised can be collected while the rest are computed (as count does). A class rather
     * than a lambda: a lambda's generated method would keep its argument for as long as the walk runs.
     */
    private static final class DorunOne implements Builtin.Body1 {
        private final Library lib;

        DorunOne(Library lib) {
            this.lib = lib;
        }

        @Override
        public Object apply(Object coll) {
            if (coll instanceof LSeq) {
                Object[] hold = {coll};
                coll = null;
                walkFrom(lib, hold, Long.MAX_VALUE);
                return null;
            }
            walk(lib, coll, Long.MAX_VALUE);
            return null;
        }
    }

    /** Realises up to n items of a lazy sequence; other collections are already there. */
    private static void walk(Library lib, Object coll, long n) {
        if (!(coll instanceof LSeq)) {
            if (coll != null && !drogulus.logos.data.Seqable.isSeqable(coll)) {
                throw Args.typeError("doall", "a collection", coll);
            }
            return;
        }
        walkFrom(lib, new Object[] {coll}, n);
    }

    /** Realises up to n items of the lazy sequence in hold, which this takes out, holding only a moving cursor. */
    private static void walkFrom(Library lib, Object[] hold, long n) {
        Object s = hold[0];
        hold[0] = null;
        s = Seqs.seq(lib, "doall", s);
        for (long i = 1; i < n && s != null; i++) {
            lib.chargeSteps(1);
            s = Seqs.seq(lib, "doall", Seqs.more(s));
        }
    }
}
