/**
 * Langium's `findNodeForProperty` / `findNodesForProperty` (GrammarUtils): the CST nodes of an
 * AST node that were assigned to one of its properties, in text order. Langium looks up the
 * grammar assignment of every CST node it passes and builds a list per level; these look each
 * grammar element's assignment up once (grammar elements never change) and stop early when they
 * can. Diagnostics on names (20,000 at 10,000 projects), semantic tokens and the outline use them.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

const assignedFeatures = new WeakMap<AstNode, string | undefined>();

/** The feature of the grammar assignment a grammar element belongs to. */
export function assignedFeature(grammarSource: AstNode | undefined): string | undefined {
    if (!grammarSource) return undefined;
    if (!assignedFeatures.has(grammarSource)) {
        assignedFeatures.set(grammarSource, AstUtils.getContainerOfType(grammarSource, GrammarAST.isAssignment)?.feature);
    }
    return assignedFeatures.get(grammarSource);
}

/** `findNodesForProperty(node, property)`: every CST node of `node`'s AST node assigned to `property`. */
export function nodesForProperty(node: CstNode | undefined, property: string | undefined): CstNode[] {
    const found: CstNode[] = [];
    if (node && property) collect(node, property, node.astNode, true, found, Number.POSITIVE_INFINITY);
    return found;
}

/**
 * `findNodeForProperty(node, property, index)`: the node at `index` (clamped to the nodes there
 * are; the first without an index), or undefined.
 */
export function nodeForProperty(node: CstNode | undefined, property: string | undefined, index?: number): CstNode | undefined {
    if (!node || !property) return undefined;
    const wanted = index === undefined ? 0 : Math.max(0, index);
    const found: CstNode[] = [];
    collect(node, property, node.astNode, true, found, wanted + 1);
    return found.length === 0 ? undefined : found[Math.min(wanted, found.length - 1)];
}

/** Langium's `findNodesForPropertyInternal`, into one list, stopping once `limit` nodes are found. */
function collect(node: CstNode, property: string, element: AstNode, first: boolean, into: CstNode[], limit: number): void {
    if (!first && assignedFeature(node.grammarSource) === property) {
        into.push(node);
        return;
    }
    if (isCompositeCstNode(node) && node.astNode === element) {
        for (const child of node.content) {
            collect(child, property, element, false, into, limit);
            if (into.length >= limit) return;
        }
    }
}
