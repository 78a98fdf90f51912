package drogulus.logos.eval;

import drogulus.logos.data.Position;

/**
 * One node of an analysed form. The analyser turns each form into a tree of nodes once, with every local
 * resolved to a slot and every global to its cell; running the tree does no name lookup.
 */
abstract class EvalNode {
    /** Where the node's form was read, when known; used for error messages. */
    final Position position;

    EvalNode(Position position) {
        this.position = position;
    }

    abstract Object eval(Frame frame);
}
