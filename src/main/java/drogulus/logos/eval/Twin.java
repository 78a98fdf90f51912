package drogulus.logos.eval;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks one half of a rule the language has twice: once as a tree node runs it, once as {@link BodyCompiler}
 * writes it in bytecode. A change to one half must be made to the other; TwinsTest checks that every name has
 * exactly one half in each, and CompilerPropertyTest that the halves agree on random programs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
@interface Twin {
    /** What the two halves both do. */
    String value();
}
