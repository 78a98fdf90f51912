package drogulus.logos.builtins;

import static drogulus.logos.builtins.Colls.call;
import static drogulus.logos.builtins.Seqs.first;
import static drogulus.logos.builtins.Seqs.lazy;
import static drogulus.logos.builtins.Seqs.more;
import static drogulus.logos.builtins.Seqs.seq;

import drogulus.logos.data.LList;
import drogulus.logos.data.LSeq;
import drogulus.logos.eval.Builtin.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lazy sequence functions that cut a sequence into groups: partition, partition-all, partition-by, as
 * Clojure's, each group made when it is asked for. Bodies are anonymous classes, not lambdas, for start-up speed
 * ({@link Library} says why).
 */
final class LazyPartitions {
    private LazyPartitions() {
    }

    static void install(Library lib) {
        lib.def("partition", "Returns a lazy sequence of lists of n items each, starting every step (n) items; a "
            + "short last group is dropped unless pad supplies items to complete it.", 2, 4, new Body() {
                @Override public Object apply(Object[] args) {
                    int n = Colls.positive("partition", args[0]);
                    int step = args.length >= 3 ? Colls.positive("partition", args[1]) : n;
                    Object pad = args.length == 4 ? Seqs.check("partition", args[2]) : null;
                    Seqs.check("partition", args[args.length - 1]);
                    return partition(lib, n, step, args.length == 4, pad, args[args.length - 1]);
                }
            });
        lib.def("partition-by", "Returns a lazy sequence of lists, splitting coll each time (f item) changes.", 2, 2,
            new Body() {
                @Override public Object apply(Object[] args) {
                    return partitionBy(lib, args[0], Seqs.check("partition-by", args[1]));
                }
            });
        lib.def("partition-all", "Returns a lazy sequence of lists of n items each, starting every step (n) items; "
            + "the last ones may be shorter.", 2, 3, new Body() {
                @Override public Object apply(Object[] args) {
                    int n = Colls.positive("partition-all", args[0]);
                    int step = args.length == 3 ? Colls.positive("partition-all", args[1]) : n;
                    return partitionAll(lib, n, step, Seqs.check("partition-all", args[args.length - 1]));
                }
            });
    }

    /** As Clojure's: the runs of items with equal (f item); f is called again on the item that starts a run. */
    private static LSeq partitionBy(Library lib, Object f, Object coll) {
        return lazy(lib, () -> {
            Object s = seq(lib, "partition-by", coll);
            if (s == null) {
                return null;
            }
            Object value = call(lib, f, first(s));
            List<Object> run = new ArrayList<>();
            run.add(first(s));
            Object at = seq(lib, "partition-by", more(s));
            while (at != null && Objects.equals(value, call(lib, f, first(at)))) {
                run.add(first(at));
                at = seq(lib, "partition-by", more(at));
            }
            Seqs.cells(lib, run.size() + 1);
            return LSeq.cons(LList.from(run), at == null ? null : partitionBy(lib, f, at));
        });
    }

    /** As Clojure's: every group from each step's start, the last ones shorter, until no item is left. */
    private static LSeq partitionAll(Library lib, int n, int step, Object coll) {
        return lazy(lib, () -> {
            Object s = seq(lib, "partition-all", coll);
            if (s == null) {
                return null;
            }
            List<Object> group = new ArrayList<>(n);
            fill(lib, "partition-all", s, n, group);
            Seqs.cells(lib, group.size() + 1);
            Object rest = skip(lib, "partition-all", s, step);
            return LSeq.cons(LList.from(group), rest == null ? null : partitionAll(lib, n, step, rest));
        });
    }

    private static LSeq partition(Library lib, int n, int step, boolean padded, Object pad, Object coll) {
        return lazy(lib, () -> {
            Object s = seq(lib, "partition", coll);
            if (s == null) {
                return null;
            }
            List<Object> group = new ArrayList<>(n);
            fill(lib, "partition", s, n, group);
            if (group.size() < n) {
                if (!padded) {
                    return null;
                }
                fill(lib, "partition", seq(lib, "partition", pad), n, group);
                Seqs.cells(lib, group.size() + 1);
                return LList.of(LList.from(group));
            }
            Seqs.cells(lib, n + 1);
            Object rest = skip(lib, "partition", s, step);
            return LSeq.cons(LList.from(group), rest == null ? null : partition(lib, n, step, padded, pad, rest));
        });
    }

    /** Adds the items of the seq s (nil: none) to group until it holds n. */
    private static void fill(Library lib, String fn, Object s, int n, List<Object> group) {
        for (Object at = s; at != null && group.size() < n; at = seq(lib, fn, more(at))) {
            group.add(first(at));
        }
    }

    /** The seq after the first step items of the non-nil seq s; nil when they are all there is. */
    private static Object skip(Library lib, String fn, Object s, int step) {
        Object after = s;
        for (int i = 0; i < step && after != null; i++) {
            after = seq(lib, fn, more(after));
        }
        return after;
    }
}
