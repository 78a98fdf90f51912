package drogulus.logos.eval;

import drogulus.logos.data.LogosError;
import drogulus.logos.data.Position;

/** The leaf and simple control nodes: constants, variable references, {@code if} and {@code do}. */
final class EvalNodes {
    private EvalNodes() {
    }

    static final class Constant extends EvalNode {
        private final Object value;

        Constant(Object value) {
            super(null);
            this.value = value;
        }

        @Override
        Object eval(Frame frame) {
            return value;
        }
    }

    static final class Local extends EvalNode {
        final int slot;

        Local(int slot) {
            super(null);
            this.slot = slot;
        }

        @Override
        Object eval(Frame frame) {
            return frame.slots[slot];
        }
    }

    static final class Captured extends EvalNode {
        final int index;

        Captured(int index) {
            super(null);
            this.index = index;
        }

        @Override
        Object eval(Frame frame) {
            return frame.captured[index];
        }
    }

    /** The function being run, for a named {@code fn} that refers to itself. */
    static final class Self extends EvalNode {
        Self() {
            super(null);
        }

        @Override
        Object eval(Frame frame) {
            return frame.self;
        }
    }

    static final class Global extends EvalNode {
        private final Globals.Cell cell;

        Global(Globals.Cell cell, Position position) {
            super(position);
            this.cell = cell;
        }

        Globals.Cell cell() {
            return cell;
        }

        @Override
        Object eval(Frame frame) {
            try {
                return cell.get();
            } catch (LogosError e) {
                throw e.at(position);
            }
        }
    }

    static final class If extends EvalNode {
        final EvalNode test;
        final EvalNode then;
        final EvalNode otherwise;

        If(EvalNode test, EvalNode then, EvalNode otherwise) {
            super(null);
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Twin("truth test")
        @Override
        Object eval(Frame frame) {
            Object t = test.eval(frame);
            return t != null && t != Boolean.FALSE ? then.eval(frame) : otherwise.eval(frame);
        }
    }

    static final class Do extends EvalNode {
        final EvalNode[] body;

        Do(EvalNode[] body) {
            super(null);
            this.body = body;
        }

        @Override
        Object eval(Frame frame) {
            int last = body.length - 1;
            for (int i = 0; i < last; i++) {
                body[i].eval(frame);
            }
            return body[last].eval(frame);
        }
    }

    /** Binds a slot, runs the rest: one step of {@code let}. Destructuring expands into several of these. */
    static final class Bind extends EvalNode {
        final int slot;
        final EvalNode value;

        Bind(int slot, EvalNode value) {
            super(null);
            this.slot = slot;
            this.value = value;
        }

        @Override
        Object eval(Frame frame) {
            frame.slots[slot] = value.eval(frame);
            return null;
        }
    }

    static final class Def extends EvalNode {
        private final Globals.Cell cell;
        private final EvalNode value;
        private final String doc;

        Def(Globals.Cell cell, EvalNode value, String doc, Position position) {
            super(position);
            this.cell = cell;
            this.value = value;
            this.doc = doc;
        }

        @Override
        Object eval(Frame frame) {
            Object v = value.eval(frame);
            cell.set(v);
            if (doc != null) {
                cell.setDoc(doc);
            }
            return v;
        }
    }

    static final class DefMacro extends EvalNode {
        private final Globals.Cell cell;
        private final EvalNode fn;
        private final String doc;

        DefMacro(Globals.Cell cell, EvalNode fn, String doc, Position position) {
            super(position);
            this.cell = cell;
            this.fn = fn;
            this.doc = doc;
        }

        @Override
        Object eval(Frame frame) {
            Macro macro = new Macro((Closure) fn.eval(frame));
            cell.set(macro);
            cell.setDoc(doc);
            return macro;
        }
    }

    static final class Throw extends EvalNode {
        private final EvalNode value;

        Throw(EvalNode value, Position position) {
            super(position);
            this.value = value;
        }

        @Override
        Object eval(Frame frame) {
            Object v = value.eval(frame);
            throw new LogosError(Errors.messageOf(v), v, position);
        }
    }
}
