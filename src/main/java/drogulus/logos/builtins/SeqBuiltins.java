package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.items;
import static drogulus.logos.builtins.Colls.list;
import static drogulus.logos.builtins.Colls.listOrNil;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSeq;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Seqable;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body1;
import drogulus.logos.eval.Builtin.Body2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Building sequences and changing their shape: constructors, seq, empty, conj, into, reverse, subvec. Bodies are
 * anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class SeqBuiltins {
    private static final int V = Builtin.VARIADIC;

    private SeqBuiltins() {
    }

    static void install(Library lib) {
        constructors(lib);
        AccessBuiltins.install(lib);
        shape(lib);
        SliceBuiltins.install(lib);
        HigherOrderBuiltins.install(lib);
        FnBuiltins.install(lib);
        LazyBuiltins.install(lib);
        LazySteps.install(lib);
        LazySlices.install(lib);
        LazyPartitions.install(lib);
    }

    private static void constructors(Library lib) {
        lib.def("list", "Returns a list of the arguments.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                return list(lib, Arrays.asList(args));
            }
        });
        lib.def("vector", "Returns a vector of the arguments.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                return Colls.vector(lib, Arrays.asList(args));
            }
        });
        lib.def("vec", "Returns a vector of the items of coll (nil gives []).", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof LVector v ? v : Colls.vector(lib, items(lib, "vec", args[0]));
                }
            });
        lib.def("cons", "Returns a sequence of x followed by the items of coll.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                if (args[1] instanceof LList l) {
                    lib.chargeItems(1);
                    return l.cons(args[0]);
                }
                if (args[1] instanceof LSeq s) {
                    lib.chargeItems(1);
                    return LSeq.cons(args[0], s);
                }
                List<Object> out = new ArrayList<>();
                out.add(args[0]);
                out.addAll(items(lib, "cons", args[1]));
                return list(lib, out);
            }
        });
        lib.def("list*", "Returns a list of the leading arguments followed by the items of the last one.", 1, V,
            new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> out = new ArrayList<>(Arrays.asList(args).subList(0, args.length - 1));
                    out.addAll(items(lib, "list*", args[args.length - 1]));
                    return listOrNil(lib, out);
                }
            });
    }

    private static void shape(Library lib) {
        lib.def("seq", "Returns a list of the items of coll, or nil when it is empty.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                if (args[0] instanceof LList l) {
                    return l.isEmpty() ? null : l;
                }
                if (args[0] instanceof LSeq s) {
                    return s.isEmpty() ? null : s;
                }
                return listOrNil(lib, items(lib, "seq", args[0]));
            }
        });
        lib.def("empty?", "Returns true when coll has no items (nil is empty).", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return args[0] instanceof LSeq s ? s.isEmpty() : AccessBuiltins.count("empty?", args[0]) == 0;
                }
            });
        lib.def("not-empty", "Returns coll, or nil when it has no items.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                boolean empty = args[0] instanceof LSeq s ? s.isEmpty()
                    : AccessBuiltins.count("not-empty", args[0]) == 0;
                return empty ? null : args[0];
            }
        });
        lib.def("empty", "Returns an empty collection of the same type as coll, or nil.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                Object c = args[0];
                if (c instanceof LList || c instanceof LSeq) {
                    return LList.EMPTY;
                }
                if (c instanceof LVector) {
                    return LVector.EMPTY;
                }
                if (c instanceof LSet s) {
                    return s.emptyLike();
                }
                return c instanceof LMap m ? m.emptyLike() : null;
            }
        });
        lib.def("conj", "Returns coll with the items added: at the front of a list, the end of a vector, "
            + "[k v] entries or maps into a map; nil gives a list.", 0, V, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length == 0) {
                        return LVector.EMPTY;
                    }
                    Object coll = args[0];
                    for (int i = 1; i < args.length; i++) {
                        coll = conj(lib, "conj", coll, args[i]);
                    }
                    return coll;
                }
            }, new Body1() {
                @Override public Object apply(Object coll) {
                    return coll;
                }
            }, new Body2() {
                @Override public Object apply(Object coll, Object item) {
                    return conj(lib, "conj", coll, item);
                }
            });
        lib.def("into", "Returns to with every item of from conj'ed onto it.", 0, 2, new Body() {
            @Override public Object apply(Object[] args) {
                if (args.length == 0) {
                    return LVector.EMPTY;
                }
                Object to = args[0];
                if (args.length == 1) {
                    return to;
                }
                List<Object> all = items(lib, "into", args[1]);
                if (Into.builds(to)) {
                    return Into.into(lib, to, all);
                }
                for (Object item : all) {
                    to = conj(lib, "into", to, item);
                }
                return to;
            }
        });
        lib.def("reverse", "Returns a list of the items of coll in reverse order.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                List<Object> all = items(lib, "reverse", args[0]);
                java.util.Collections.reverse(all);
                return list(lib, all);
            }
        });
        lib.def("subvec", "Returns the vector of the items from start up to end (the count).", 2, 3, new Body() {
            @Override public Object apply(Object[] args) {
                if (!(args[0] instanceof LVector v)) {
                    throw Args.typeError("subvec", "a vector", args[0]);
                }
                long start = Args.integer("subvec", args[1]);
                long end = args.length == 3 ? Args.integer("subvec", args[2]) : v.count();
                if (start < 0 || end > v.count() || start > end) {
                    throw new LogosError("subvec: range " + start + " to " + end + " out of bounds for a vector of "
                        + v.count());
                }
                Object[] all = v.toArray();
                return Colls.vector(lib, Arrays.asList(all).subList((int) start, (int) end));
            }
        });
    }

    /** Adds one item the way conj does for the collection's type. */
    static Object conj(Library lib, String fn, Object coll, Object item) {
        lib.chargeItems(1);
        if (coll == null) {
            return LList.of(item);
        }
        if (coll instanceof LList l) {
            return l.cons(item);
        }
        if (coll instanceof LVector v) {
            return v.conj(item);
        }
        if (coll instanceof LSet s) {
            return s.conj(item);
        }
        if (coll instanceof LSeq s) {
            return LSeq.cons(item, s);
        }
        if (coll instanceof LMap m) {
            if (item instanceof LMap other) {
                for (Map.Entry<Object, Object> e : other) {
                    m = m.assoc(e.getKey(), e.getValue());
                }
                return m;
            }
            if ((item instanceof LVector || item instanceof LList) && Seqable.count(item) == 2) {
                Object[] kv = Seqable.toArray(item);
                return m.assoc(kv[0], kv[1]);
            }
            if (item == null) {
                return m;
            }
            throw Args.typeError(fn, "a [key value] entry or a map to add to a map", item);
        }
        throw Args.typeError(fn, "a list, vector, map, set or nil", coll);
    }
}
