package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Colls.items;

import drogulus.logos.data.Args;
import drogulus.logos.data.LList;
import drogulus.logos.data.LMap;
import drogulus.logos.data.LSet;
import drogulus.logos.data.LVector;
import drogulus.logos.data.LogosError;
import drogulus.logos.data.Seqable;
import drogulus.logos.eval.Builtin;
import drogulus.logos.eval.Builtin.Body;
import drogulus.logos.eval.Builtin.Body1;
import drogulus.logos.eval.Builtin.Body2;
import drogulus.logos.eval.Intrinsic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Built-ins over maps (and vectors as maps from index to item): get, assoc, update, merge and friends. Bodies
 * are anonymous classes, not lambdas, for start-up speed ({@link Library} says why).
 */
final class MapBuiltins {
    private static final int V = Builtin.VARIADIC;
    /** Told apart from every Logos value (nil included) by identity, so lookups can report absence. */
    private static final Object MISSING = new Object();

    private MapBuiltins() {
    }

    static void install(Library lib) {
        reading(lib);
        writing(lib);
        combining(lib);
        SetBuiltins.install(lib);
    }

    private static void reading(Library lib) {
        lib.def("hash-map", "Returns a map of the alternating keys and values given.", 0, V, new Body() {
            @Override public Object apply(Object[] args) {
                if (args.length % 2 != 0) {
                    throw new LogosError("hash-map expects an even number of arguments (keys and values), got "
                        + args.length);
                }
                lib.chargeItems(args.length);
                return LMap.of(args);
            }
        });
        lib.def("get", "Returns the value at key in a map (index in a vector or string), or not-found (nil).",
            2, 3, Intrinsic.GET, new Body() {
                @Override public Object apply(Object[] args) {
                    return get(args[0], args[1], args.length == 3 ? args[2] : null);
                }
            }, null,
            new Body2() {
                @Override public Object apply(Object coll, Object key) {
                    return get(coll, key, null);
                }
            });
        lib.def("get-in", "Returns the value at the path of keys ks in nested maps and vectors, or not-found.",
            2, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    Object notFound = args.length == 3 ? args[2] : null;
                    Object current = args[0];
                    for (Object key : items(lib, "get-in", args[1])) {
                        current = get(current, key, MISSING);
                        if (current == MISSING) {
                            return notFound;
                        }
                    }
                    return current;
                }
            });
        lib.def("contains?", "Returns true when key is in a map or set, or is an index in range of a vector or string.",
            2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    return get(args[0], args[1], MISSING) != MISSING;
                }
            }, null,
            new Body2() {
                @Override public Object apply(Object coll, Object key) {
                    return get(coll, key, MISSING) != MISSING;
                }
            });
        lib.def("find", "Returns the [key value] entry for key, or nil.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                Object v = get(args[0], args[1], MISSING);
                return v == MISSING ? null : LVector.of(args[1], v);
            }
        });
        lib.def("keys", "Returns a list of the keys of a map, or nil when it is empty.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Colls.listOrNil(lib, Args.map("keys", args[0]).keys());
                }
            }, new Body1() {
                @Override public Object apply(Object m) {
                    return Colls.listOrNil(lib, Args.map("keys", m).keys());
                }
            }, null);
        lib.def("vals", "Returns a list of the values of a map, or nil when it is empty.", 1, 1,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return Colls.listOrNil(lib, Args.map("vals", args[0]).vals());
                }
            }, new Body1() {
                @Override public Object apply(Object m) {
                    return Colls.listOrNil(lib, Args.map("vals", m).vals());
                }
            }, null);
        lib.def("key", "Returns the key of a [key value] map entry.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return entry("key", args[0])[0];
            }
        });
        lib.def("val", "Returns the value of a [key value] map entry.", 1, 1, new Body() {
            @Override public Object apply(Object[] args) {
                return entry("val", args[0])[1];
            }
        });
        lib.def("select-keys", "Returns a map of only those entries of m whose key is in keys.", 2, 2, new Body() {
            @Override public Object apply(Object[] args) {
                LMap out = LMap.EMPTY;
                for (Object key : items(lib, "select-keys", args[1])) {
                    Object v = get(args[0], key, MISSING);
                    if (v != MISSING) {
                        lib.chargeItems(2);
                        out = out.assoc(key, v);
                    }
                }
                return out;
            }
        });
    }

    private static void writing(Library lib) {
        lib.def("assoc", "Returns the map (or vector) with each key bound to the value that follows it.", 3, V,
            Intrinsic.ASSOC, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args.length % 2 == 0) {
                        throw new LogosError("assoc expects a value for every key, got an odd number of keys and "
                            + "values");
                    }
                    Object coll = args[0];
                    for (int i = 1; i < args.length; i += 2) {
                        coll = assoc(lib, "assoc", coll, args[i], args[i + 1]);
                    }
                    return coll;
                }
            });
        lib.def("assoc-in", "Returns the nested structure with the value at the path ks set to v, making maps "
            + "where the path is missing.", 3, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> path = pathOf(lib, "assoc-in", args[1]);
                    return updateIn(lib, "assoc-in", args[0], path, 0, old -> args[2]);
                }
            });
        lib.def("update", "Returns the map (or vector) with the value at key replaced by (f old args...).", 3, V,
            Intrinsic.UPDATE, new Body() {
                @Override public Object apply(Object[] args) {
                    if (args[0] instanceof LMap m) {
                        return m.update(args[1], old -> {
                            Object value = args.length == 4 ? call(lib, args[2], old, args[3])
                                : call(lib, args[2], withFirst(old, args, 3));
                            lib.chargeItems(2);
                            return value;
                        });
                    }
                    Object old = get(updatable("update", args[0]), args[1], null);
                    return assoc(lib, "update", args[0], args[1], call(lib, args[2], withFirst(old, args, 3)));
                }
            });
        lib.def("update-in", "Returns the nested structure with the value at the path ks replaced by "
            + "(f old args...).", 3, V, new Body() {
                @Override public Object apply(Object[] args) {
                    List<Object> path = pathOf(lib, "update-in", args[1]);
                    return updateIn(lib, "update-in", args[0], path, 0,
                        old -> call(lib, args[2], withFirst(old, args, 3)));
                }
            });
        lib.def("dissoc", "Returns the map without the given keys.", 1, V, new Body() {
            @Override public Object apply(Object[] args) {
                LMap m = Args.map("dissoc", args[0]);
                if (args[0] == null) {
                    return null;
                }
                for (int i = 1; i < args.length; i++) {
                    m = m.dissoc(args[i]);
                }
                return m;
            }
        });
    }

    private static void combining(Library lib) {
        lib.def("merge", "Returns a map of the entries of every map, later ones winning; nil when all are nil.",
            0, V, new Body() {
                @Override public Object apply(Object[] args) {
                    return merge(lib, "merge", null, args);
                }
            });
        lib.def("merge-with", "Returns a map of the entries of every map; a key in several is bound to "
            + "(f earlier later).", 1, V, new Body() {
                @Override public Object apply(Object[] args) {
                    return merge(lib, "merge-with", args[0],
                        Arrays.copyOfRange(args, 1, args.length));
                }
            });
        lib.def("zipmap", "Returns a map binding each key to the value at the same position, up to the shorter.",
            2, 2, new Body() {
                @Override public Object apply(Object[] args) {
                    // Walked in step, so an infinite side ((range), (repeat x)) stops at the other's end.
                    java.util.Iterator<Object> ks = Colls.walk(lib, "zipmap", args[0]).iterator();
                    java.util.Iterator<Object> vs = Colls.walk(lib, "zipmap", args[1]).iterator();
                    LMap out = LMap.EMPTY;
                    long n = 0;
                    while (ks.hasNext() && vs.hasNext()) {
                        out = out.assoc(ks.next(), vs.next());
                        n++;
                    }
                    // Charged once, as before the walk was lazy: realising the sides charges as it goes.
                    lib.chargeItems(2L * n);
                    return out;
                }
            });
    }

    /** Looks a key up the way get does; {@code notFound} for anything that has no such key. */
    static Object get(Object coll, Object key, Object notFound) {
        if (coll instanceof LMap m) {
            return m.get(key, notFound);
        }
        if (coll instanceof LSet s) {
            return s.get(key, notFound);
        }
        if (coll instanceof LVector v) {
            return key instanceof Long i && i >= 0 && i < v.count() ? v.nth((int) (long) i) : notFound;
        }
        if (coll instanceof String s) {
            if (key instanceof Long i && i >= 0 && i < Seqable.count(s)) {
                return AccessBuiltins.nth("get", s, (int) (long) i);
            }
        }
        return notFound;
    }

    private static Object assoc(Library lib, String fn, Object coll, Object key, Object value) {
        lib.chargeItems(2);
        if (coll instanceof LMap || coll == null) {
            return Args.map(fn, coll).assoc(key, value);
        }
        if (coll instanceof LVector v) {
            long i = Args.integer(fn, key);
            if (i < 0 || i > v.count()) {
                throw new LogosError(fn + ": index " + i + " out of bounds for a vector of " + v.count());
            }
            return v.assocN((int) i, value);
        }
        throw Args.typeError(fn, "a map or vector", coll);
    }

    /** Rebuilds the path from the leaf up; a missing or nil level becomes a new map. */
    private static Object updateIn(Library lib, String fn, Object coll, List<Object> path, int depth,
                                   java.util.function.UnaryOperator<Object> change) {
        Object key = path.get(depth);
        Object old = get(updatable(fn, coll), key, null);
        Object value = depth == path.size() - 1 ? change.apply(old)
            : updateIn(lib, fn, old, path, depth + 1, change);
        return assoc(lib, fn, coll, key, value);
    }

    /** A map, vector or nil, checked before any function runs on what it holds. */
    private static Object updatable(String fn, Object coll) {
        if (coll == null || coll instanceof LMap || coll instanceof LVector) {
            return coll;
        }
        throw Args.typeError(fn, "a map or vector", coll);
    }

    private static List<Object> pathOf(Library lib, String fn, Object ks) {
        List<Object> path = items(lib, fn, ks);
        if (path.isEmpty()) {
            throw new LogosError(fn + " expects a non-empty path of keys");
        }
        return path;
    }

    private static Object[] withFirst(Object first, Object[] args, int from) {
        Object[] out = new Object[1 + args.length - from];
        out[0] = first;
        System.arraycopy(args, from, out, 1, args.length - from);
        return out;
    }

    private static Object[] entry(String fn, Object value) {
        if ((value instanceof LVector || value instanceof LList) && Seqable.count(value) == 2) {
            return Seqable.toArray(value);
        }
        throw Args.typeError(fn, "a [key value] map entry", value);
    }

    private static Object merge(Library lib, String fn, Object f, Object[] maps) {
        LMap out = null;
        for (Object item : maps) {
            if (item == null) {
                continue;
            }
            LMap m = Args.map(fn, item);
            if (out == null) {
                out = m;
                continue;
            }
            lib.chargeItems(2L * m.count());
            for (Map.Entry<Object, Object> e : m) {
                Object value = e.getValue();
                if (f != null && out.containsKey(e.getKey())) {
                    value = call(lib, f, out.get(e.getKey()), value);
                }
                out = out.assoc(e.getKey(), value);
            }
        }
        return out;
    }
}
