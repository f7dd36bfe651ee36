/**
 * The syntax facts (parser/syntax-facts.ts) of the fast build's trees, answered without making
 * the leaves its parser leaves as numbers (lazy-cst.ts): Langium's `findNodeForProperty`,
 * `findNodesForProperty` and `findNodeForKeyword` look up the grammar assignment of every CST node
 * they pass, build a list per level and make every leaf they pass; these look each grammar
 * element's assignment up once, stop early when they can, and read a leaf not made yet as its
 * number. Diagnostics on names (20,000 at 10,000 projects), semantic tokens and the outline use
 * them after every change. The node lists come from the tree's state (syntax-trees.ts).
 */
import { AstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import { SyntaxFacts, commentOf, type Comment, type ParserName } from '../parser/syntax-facts.js';
import { AdoptCompositeCstNode, startPosition } from './lazy-cst.js';
import type { SyntaxTrees } from './syntax-trees.js';

/** The feature of the grammar assignment a grammar element belongs to, looked up once per element (grammar elements never change). */
type AssignedFeature = (grammarSource: AstNode | undefined) => string | undefined;

function assignedFeatures(): AssignedFeature {
    const features = new Map<AstNode, string | undefined>();
    return grammarSource => {
        if (!grammarSource) return undefined;
        if (!features.has(grammarSource)) features.set(grammarSource, AstUtils.getContainerOfType(grammarSource, GrammarAST.isAssignment)?.feature);
        return features.get(grammarSource);
    };
}

export class FastSyntaxFacts extends SyntaxFacts {
    private readonly assignedFeature = assignedFeatures();

    constructor(private readonly trees: SyntaxTrees) {
        super();
    }

    override nodes(root: AstNode): readonly AstNode[] {
        return this.trees.nodes(root);
    }

    override propertyRange(node: AstNode, property: string, index?: number): Range | undefined {
        const found = foundForProperty(node.$cstNode, property, index, this.assignedFeature);
        return found && rangeOf(found);
    }

    override propertyRanges(node: AstNode, property: string): Range[] {
        const found: Found[] = [];
        const cst = node.$cstNode;
        if (cst) collect(cst, property, cst.astNode, true, found, Number.POSITIVE_INFINITY, this.assignedFeature);
        return found.map(rangeOf);
    }

    override keywordRange(node: AstNode, keyword: string, index?: number): Range | undefined {
        const found = foundForKeyword(node.$cstNode, keyword, index);
        return found && rangeOf(found);
    }

    override start(node: AstNode): Position {
        const cst = node.$cstNode;
        return cst ? startPosition(cst) : super.start(node);
    }

    /** The comments (hidden leaves, always made), in the order of Langium's `streamCst`; a leaf not made yet is a token, and stays not made. */
    override comments(root: AstNode): Comment[] {
        const comments: Comment[] = [];
        const cst = root.$cstNode;
        if (cst) collectComments(cst, comments, { tokenSeen: false });
        return comments;
    }

    override builtBy(root: AstNode): ParserName {
        return this.trees.builtBy(root);
    }
}

function collectComments(node: CstNode, into: Comment[], state: { tokenSeen: boolean }): void {
    if (node instanceof AdoptCompositeCstNode) {
        for (const child of node.children) {
            if (typeof child === 'number') state.tokenSeen = true;
            else collectComments(child, into, state);
        }
    } else if (isCompositeCstNode(node)) {
        for (const child of node.content) collectComments(child, into, state);
    } else if (node.hidden) {
        into.push(commentOf(node as LeafCstNode, state.tokenSeen));
        state.tokenSeen = false;
    } else if (isLeafCstNode(node)) {
        state.tokenSeen = true;
    }
}

function rangeOf(found: Found): Range {
    return 'home' in found ? found.home.rangeAt(found.index) : found.range;
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

function foundForProperty(node: CstNode | undefined, property: string | undefined, index: number | undefined, assignedFeature: AssignedFeature): Found | undefined {
    if (!node || !property) return undefined;
    const wanted = index === undefined ? 0 : Math.max(0, index);
    const found: Found[] = [];
    collect(node, property, node.astNode, true, found, wanted + 1, assignedFeature);
    return found.length === 0 ? undefined : found[Math.min(wanted, found.length - 1)];
}

/** Langium's `findNodesForPropertyInternal`, into one list, stopping once `limit` nodes are found. */
function collect(node: CstNode, property: string, element: AstNode, first: boolean, into: Found[], limit: number, assignedFeature: AssignedFeature): void {
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
                collect(child, property, element, false, into, limit, assignedFeature);
            }
            if (into.length >= limit) return;
        }
    } else if (isCompositeCstNode(node) && node.astNode === element) {
        for (const child of node.content) {
            collect(child, property, element, false, into, limit, assignedFeature);
            if (into.length >= limit) return;
        }
    }
}


