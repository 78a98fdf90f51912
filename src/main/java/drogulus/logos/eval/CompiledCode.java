package drogulus.logos.eval;

/**
 * A node tree compiled to a JVM class by {@link BodyCompiler}: runs it as {@link EvalNode#eval} would. An abstract
 * class rather than an interface, because a call through many subclasses costs a vtable load, through many
 * implementations of an interface an itable search.
 */
abstract class CompiledCode {
    abstract Object run(Frame frame);
}
