package drogulus.logos;

/** A node tree compiled to a JVM class by {@link Compiler}: runs it as {@link Node#eval} would. */
interface CompiledCode {
    Object run(Frame frame);
}
