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
 * Building and taking apart sequences: constructors, first/rest and friends, nth, count, conj, into. Bodies are
 * anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class SeqBuiltins {
    private static final int V = Builtin.VARIADIC;

    private SeqBuiltins() {
    }

    static void install(Library lib) {
        constructors(lib);
        access(lib);
        shape(lib);
        SliceBuiltins.install(lib);
        HigherOrderBuiltins.install(lib);
        FnBuiltins.install(lib);
        LazyBuiltins.install(lib);
        LazySteps.install(lib);
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

    private static void access(Library lib) {
        lib.def("first", "Returns the first item of coll, or nil.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return nth("first", args[0], 0);
            }
        }, new Body1() {
            @Override public Object apply(Object coll) {
                return nth("first", coll, 0);
            }
        }, null);
        lib.def("second", "Returns the second item of coll, or nil.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return nth("second", args[0], 1);
            }
        });
        lib.def("ffirst", "Returns the first item of the first item of coll.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return nth("ffirst", nth("ffirst", args[0], 0), 0);
                }
            });
        lib.def("fnext", "Returns the first item of the next of coll: its second item.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return nth("fnext", args[0], 1);
                }
            });
        lib.def("rest", "Returns a list of the items after the first; () when there are none.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return drop(lib, "rest", args[0], 1);
                }
            }, new Body1() {
                @Override public Object apply(Object coll) {
                    return drop(lib, "rest", coll, 1);
                }
            }, null);
        lib.def("next", "Returns a list of the items after the first, or nil when there are none.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return nonEmpty(drop(lib, "next", args[0], 1));
                }
            }, new Body1() {
                @Override public Object apply(Object coll) {
                    return nonEmpty(drop(lib, "next", coll, 1));
                }
            }, null);
        lib.def("nnext", "Returns the next of the next of coll.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return nonEmpty(drop(lib, "nnext", args[0], 2));
                }
            });
        lib.def("nfirst", "Returns the next of the first item of coll.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return nonEmpty(drop(lib, "nfirst", nth("nfirst", args[0], 0), 1));
                }
            });
        lib.def("last", "Returns the last item of coll, or nil.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                int n = count("last", args[0]);
                return n == 0 ? null : nth("last", args[0], n - 1);
            }
        });
        lib.def("butlast", "Returns a list of all but the last item, or nil when that leaves nothing.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> all = items(lib, "butlast", args[0]);
                    return all.size() <= 1 ? null : list(lib, all.subList(0, all.size() - 1));
                }
            });
        lib.def("nth", "Returns the item at index i; out of range is an error unless not-found is given.", 2, 3,
            new Body() {
                @Override public Object apply(Object[] args) {
                    long i = Args.integer("nth", args[1]);
                    if (args[0] instanceof LSeq s) {
                        return nthOfSeq(s, i, args.length == 3, args.length == 3 ? args[2] : null);
                    }
                    int n = count("nth", args[0]);
                    if (i < 0 || i >= n) {
                        if (args.length == 3) {
                            return args[2];
                        }
                        if (args[0] == null) {
                            return null;
                        }
                        throw new LogosError("nth: index " + i + " out of bounds for " + Seqable.count(args[0])
                            + " items");
                    }
                    return nth("nth", args[0], (int) i);
                }
            }, null, new Body2() {
                @Override public Object apply(Object coll, Object index) {
                    long i = Args.integer("nth", index);
                    if (coll instanceof LVector v && i >= 0 && i < v.count()) {
                        return v.nth((int) i);
                    }
                    if (coll instanceof LSeq s) {
                        return nthOfSeq(s, i, false, null);
                    }
                    int n = count("nth", coll);
                    if (i < 0 || i >= n) {
                        if (coll == null) {
                            return null;
                        }
                        throw new LogosError("nth: index " + i + " out of bounds for " + n + " items");
                    }
                    return nth("nth", coll, (int) i);
                }
            });
        lib.def("count", "Returns the number of items in coll (characters of a string, 0 for nil).", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return (long) count("count", args[0]);
                }
            }, new CountOne(), null);
        lib.def("peek", "Returns the first item of a list or the last of a vector; nil when empty.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    if (args[0] instanceof LVector v) {
                        return v.isEmpty() ? null : v.nth(v.count() - 1);
                    }
                    if (args[0] instanceof LList l) {
                        return l.first();
                    }
                    if (args[0] == null) {
                        return null;
                    }
                    throw Args.typeError("peek", "a list or vector", args[0]);
                }
            });
        lib.def("pop", "Returns a list without its first item or a vector without its last.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                if (args[0] instanceof LVector v && !v.isEmpty()) {
                    return v.pop();
                }
                if (args[0] instanceof LList l && !l.isEmpty()) {
                    return l.rest();
                }
                if (args[0] == null) {
                    return null;
                }
                if (args[0] instanceof LVector || args[0] instanceof LList) {
                    throw new LogosError("pop: can't pop an empty " + (args[0] instanceof LList ? "list" : "vector"));
                }
                throw Args.typeError("pop", "a list or vector", args[0]);
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
                    return args[0] instanceof LSeq s ? s.isEmpty() : count("empty?", args[0]) == 0;
                }
            });
        lib.def("not-empty", "Returns coll, or nil when it has no items.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                boolean empty = args[0] instanceof LSeq s ? s.isEmpty() : count("not-empty", args[0]) == 0;
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

    /**
     * count called with one argument. A lazy sequence is handed on without keeping a reference in this frame, so
     * counting a long one does not hold every cell counted (see {@link LSeq#countFrom}). A class rather than a
     * lambda: a lambda's generated method would keep its argument for as long as the count runs.
     */
    private static final class CountOne implements Builtin.Body1 {
        @Override
        public Object apply(Object coll) {
            if (coll instanceof LSeq) {
                Object[] hold = {coll};
                coll = null;
                return (long) LSeq.countFrom(hold);
            }
            if (coll instanceof String s) {
                // Characters are code points; a string of Latin-1 text answers this without a scan.
                return (long) s.codePointCount(0, s.length());
            }
            return (long) count("count", coll);
        }
    }

    private static int count(String fn, Object coll) {
        if (!Seqable.isSeqable(coll)) {
            throw Args.typeError(fn, "a collection", coll);
        }
        return Seqable.count(coll);
    }

    /** The item at an index in range, or nil past the end. */
    static Object nth(String fn, Object coll, int index) {
        if (coll instanceof LVector v) {
            return index < v.count() ? v.nth(index) : null;
        }
        if (coll instanceof LList l) {
            LList node = l;
            for (int i = 0; i < index && !node.isEmpty(); i++) {
                node = node.rest();
            }
            return node.first();
        }
        if (coll == null) {
            return null;
        }
        if (coll instanceof String s) {
            if (index >= s.codePointCount(0, s.length())) {
                return null;
            }
            int at = s.offsetByCodePoints(0, index);
            return new String(Character.toChars(s.codePointAt(at)));
        }
        if (coll instanceof LMap m) {
            return index < m.count() ? LVector.of(m.keys().get(index), m.vals().get(index)) : null;
        }
        if (coll instanceof LSet || coll instanceof LSeq) {
            return Seqable.nthOrNil(coll, index);
        }
        throw Args.typeError(fn, "a collection", coll);
    }

    private static Object drop(Library lib, String fn, Object coll, int n) {
        if (coll instanceof LSeq s) {
            Object at = s;
            for (int i = 0; i < n; i++) {
                if (!(at instanceof LSeq cell)) {
                    return drop(lib, fn, at, n - i);
                }
                if (cell.isEmpty()) {
                    return LList.EMPTY;
                }
                at = cell.more();
            }
            return at;
        }
        if (coll instanceof LList l) {
            LList node = l;
            for (int i = 0; i < n && !node.isEmpty(); i++) {
                node = node.rest();
            }
            return node;
        }
        List<Object> all = items(lib, fn, coll);
        return all.size() <= n ? LList.EMPTY : list(lib, all.subList(n, all.size()));
    }

    /** The item at index i of a lazy sequence, realising no further than it. */
    private static Object nthOfSeq(LSeq seq, long i, boolean hasDefault, Object notFound) {
        Object at = seq;
        for (long k = 0; k >= 0 && k <= i; k++) {
            boolean empty = at instanceof LSeq cell ? cell.isEmpty() : ((LList) at).isEmpty();
            if (empty) {
                break;
            }
            if (k == i) {
                return at instanceof LSeq cell ? cell.first() : ((LList) at).first();
            }
            at = at instanceof LSeq cell ? cell.more() : ((LList) at).rest();
        }
        if (hasDefault) {
            return notFound;
        }
        throw new LogosError("nth: index " + i + " out of bounds for a sequence");
    }

    private static Object nonEmpty(Object seq) {
        if (seq instanceof LSeq s) {
            return s.isEmpty() ? null : s;
        }
        return ((LList) seq).isEmpty() ? null : seq;
    }
}
