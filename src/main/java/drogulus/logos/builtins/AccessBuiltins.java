package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.items;
import static drogulus.logos.builtins.Colls.list;

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
import java.util.List;

/**
 * Taking sequences apart: first, rest and friends, nth, count, peek, pop. Bodies are anonymous classes, not
 * lambdas, for start-up speed ({@link Library} says why).
 */
final class AccessBuiltins {
    private AccessBuiltins() {
    }

    static void install(Library lib) {
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

    static int count(String fn, Object coll) {
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
