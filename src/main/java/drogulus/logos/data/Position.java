package drogulus.logos.data;

/** Where a form was read: file (or a label such as {@code <repl>}), line and column, both from 1. */
public record Position(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
