package drogulus.logos;

/**
 * One node of an analysed form. The analyser turns each form into a tree of nodes once, with every local
 * resolved to a slot and every global to its cell; running the tree does no name lookup.
 */
abstract class Node {
    /** Where the node's form was read, when known; used for error messages. */
    final Position position;

    Node(Position position) {
        this.position = position;
    }

    abstract Object eval(Frame frame);
}
