/**
 * Langium's `findNodeForProperty` / `findNodesForProperty` / `findNodeForKeyword` (GrammarUtils):
 * the CST nodes of an AST node that were assigned to one of its properties, or of a keyword, in
 * text order; here mostly their ranges. Langium looks up the grammar assignment of every CST node
 * it passes, builds a list per level, and makes every leaf it passes; these look each grammar
 * element's assignment up once (grammar elements never change), stop early when they can, and
 * read leaves not made yet (adopt-cst-nodes.ts) without making them. Diagnostics on names (20,000
 * at 10,000 projects), semantic tokens and the outline use them.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type DiagnosticInfo } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { AdoptCompositeCstNode } from '../parser/adopt-cst-nodes.js';

const assignedFeatures = new WeakMap<AstNode, string | undefined>();

/** The feature of the grammar assignment a grammar element belongs to. */
export function assignedFeature(grammarSource: AstNode | undefined): string | undefined {
    if (!grammarSource) return undefined;
    if (!assignedFeatures.has(grammarSource)) {
        assignedFeatures.set(grammarSource, AstUtils.getContainerOfType(grammarSource, GrammarAST.isAssignment)?.feature);
    }
    return assignedFeatures.get(grammarSource);
}

/**
 * The ranges of Langium's `findNodesForProperty(node, property)`: every CST node of `node`'s AST
 * node assigned to `property`, without making the leaves not made yet (semantic tokens: 95,000
 * at 10,000 projects).
 */
export function rangesForProperty(node: CstNode | undefined, property: string | undefined): Range[] {
    const found: Found[] = [];
    if (node && property) collect(node, property, node.astNode, true, found, Number.POSITIVE_INFINITY);
    return found.map(rangeOf);
}

function rangeOf(found: Found): Range {
    return 'home' in found ? found.home.rangeAt(found.index) : found.range;
}

/**
 * The range of Langium's `findNodeForProperty(node, property, index)` (the node at `index`,
 * clamped to the nodes there are; the first without an index), without making the leaf if it was not
 * made yet (adopt-cst-nodes.ts): the diagnostics on names (20,000 at 10,000 projects).
 */
export function rangeForProperty(node: CstNode | undefined, property: string | undefined, index?: number): Range | undefined {
    const found = foundForProperty(node, property, index);
    return found && rangeOf(found);
}

/**
 * `findNodeForKeyword(node, keyword, index)`: the node of `keyword` at `index` (clamped; the
 * first without an index) among those of `node`'s AST node, or undefined; without making a leaf
 * it passes (Langium's walks every child of the node, making each composite child's leaves).
 */
export function nodeForKeyword(node: CstNode | undefined, keyword: string, index?: number): CstNode | undefined {
    const found = foundForKeyword(node, keyword, index);
    return found && nodeOf(found);
}

/** The range of `nodeForKeyword(node, keyword, index)`, without making its leaf. */
export function rangeForKeyword(node: CstNode | undefined, keyword: string, index?: number): Range | undefined {
    const found = foundForKeyword(node, keyword, index);
    return found && rangeOf(found);
}

function foundForKeyword(node: CstNode | undefined, keyword: string, index?: number): Found | undefined {
    if (!node) return undefined;
    const element = node.astNode;
    const wanted = index === undefined ? 0 : Math.max(0, index);
    const found: Found[] = [];
    const isWanted = (source: AstNode | undefined): boolean => GrammarAST.isKeyword(source) && source.value === keyword;
    // Langium's `findNodesForKeywordInternal`: the node itself, else its own nodes in text order
    // (children of other AST nodes skipped), stopping once the wanted one is found.
    const visit = (current: CstNode): void => {
        if (current instanceof AdoptCompositeCstNode) {
            const children = current.children;
            const maker = current.leafMaker;
            for (let i = 0; i < children.length && found.length <= wanted; i++) {
                const child = children[i];
                if (typeof child === 'number') {
                    if (isWanted(current.grammarSourceAt(i, maker))) {
                        found.push({ home: current, index: i });
                    } else if (isWanted(current.innerGrammarSourceAt(i, maker))) {
                        // A datatype rule call's node (of this AST node): its keyword's leaf, inside.
                        found.push({ home: current.childAt(i) as AdoptCompositeCstNode, index: 0 });
                    }
                } else {
                    step(child);
                }
            }
        } else if (isCompositeCstNode(current)) {
            for (const child of current.content) {
                if (found.length > wanted) return;
                step(child);
            }
        }
    };
    const step = (child: CstNode): void => {
        if (child.astNode !== element) return;
        if (isWanted(child.grammarSource)) found.push(child);
        visit(child);
    };
    if (isWanted(node.grammarSource)) return node;
    visit(node);
    return found.length === 0 ? undefined : found[Math.min(wanted, found.length - 1)];
}

/** A node found, or the place of a leaf not made yet. */
type Found = CstNode | { readonly home: AdoptCompositeCstNode; readonly index: number };

function nodeOf(found: Found): CstNode {
    return 'home' in found ? found.home.childAt(found.index) : found;
}

function foundForProperty(node: CstNode | undefined, property: string | undefined, index?: number): Found | undefined {
    if (!node || !property) return undefined;
    const wanted = index === undefined ? 0 : Math.max(0, index);
    const found: Found[] = [];
    collect(node, property, node.astNode, true, found, wanted + 1);
    return found.length === 0 ? undefined : found[Math.min(wanted, found.length - 1)];
}

/** Langium's `findNodesForPropertyInternal`, into one list, stopping once `limit` nodes are found. */
function collect(node: CstNode, property: string, element: AstNode, first: boolean, into: Found[], limit: number): void {
    if (!first && assignedFeature(node.grammarSource) === property) {
        into.push(node);
        return;
    }
    if (node instanceof AdoptCompositeCstNode) {
        // The same walk over the children as kept: a leaf not made yet is looked at, not made.
        if (node.astNode !== element) return;
        const children = node.children;
        const maker = node.leafMaker;
        for (let i = 0; i < children.length; i++) {
            const child = children[i];
            if (typeof child === 'number') {
                if (assignedFeature(node.grammarSourceAt(i, maker)) === property) into.push({ home: node, index: i });
            } else {
                collect(child, property, element, false, into, limit);
            }
            if (into.length >= limit) return;
        }
    } else if (isCompositeCstNode(node) && node.astNode === element) {
        for (const child of node.content) {
            collect(child, property, element, false, into, limit);
            if (into.length >= limit) return;
        }
    }
}

/**
 * Langium's `getDiagnosticRange`: the given range, else that of the node of the property or
 * keyword (at `index`), else the node's; the first two found without listing every match (a plan
 * of 10,000 projects has 20,000 diagnostics on names) and without making leaves.
 */
export function diagnosticRange<N extends AstNode>(info: DiagnosticInfo<N>): Range {
    if (info.range) return info.range;
    const cst = info.node.$cstNode;
    let found: Range | undefined;
    if (typeof info.property === 'string') found = rangeForProperty(cst, info.property, info.index);
    else if (typeof info.keyword === 'string') found = rangeForKeyword(cst, info.keyword, info.index);
    return found ?? cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
