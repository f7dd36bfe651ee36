/**
 * The concrete syntax tree builder of the fast build, for both parsers (the fast parser and
 * Langium's): the builder's protocol as Langium documents it (`buildRootNode`,
 * `buildCompositeNode`, `buildLeafNode`, `addHiddenNodes`, `construct`, `current`), with its own
 * state, building the nodes of lazy-cst.ts: a FastRootCstNode with the tree's state, composite
 * nodes that can hold leaves not made yet, slim leaves.
 *
 * It also stays linear in the size of the text where Langium 4.4's builder is not: that one
 * searches the parent's children from the front (`indexOf`) to place comments, even when there
 * are none (300,000 declarations: 20 s), and spreads long lists of children as call arguments
 * (which overflows the stack beyond about 100,000 trailing comments).
 */
import type { IToken } from 'chevrotain';
import { CstNodeBuilder, type CompositeCstNode, type CompositeCstNodeImpl, type CstNode, type GrammarAST, type LeafCstNode, type LeafCstNodeImpl, type Mutable, type RootCstNode } from 'langium';
import { asLangiumCompositeNode, asLangiumLeafNode } from './langium-internals.js';
import { AdoptCompositeCstNode, AdoptLeafCstNode, FastRootCstNode, childrenOf, type LeafMaker } from './lazy-cst.js';
import { TreeState } from './tree-state.js';

type Constructed = Parameters<CstNodeBuilder['construct']>[0];

export class FastCstNodeBuilder extends CstNodeBuilder {
    private root: FastRootCstNode | undefined;
    /** The composite nodes open, the root first. */
    private readonly open: CompositeCstNode[] = [];

    /** @param maker makes the leaves the fast parser leaves as numbers in the trees built here */
    constructor(private readonly maker: LeafMaker | undefined) {
        super();
    }

    /** The innermost composite node open (Langium's `current`, as the node it is). */
    get currentNode(): CompositeCstNode {
        return (this.open[this.open.length - 1] ?? this.root) as CompositeCstNode;
    }

    override get current(): CompositeCstNodeImpl {
        return asLangiumCompositeNode(this.currentNode);
    }

    /** The root of the tree being built (or last built). */
    get builtRoot(): FastRootCstNode | undefined {
        return this.root;
    }

    override buildRootNode(input: string): RootCstNode {
        const root = new FastRootCstNode(input, new TreeState(input, this.maker));
        this.root = root;
        this.open.length = 0;
        this.open.push(root);
        return root;
    }

    /**
     * Makes a closed composite node current again (the parser recovering a part of a declaration
     * written after the declaration's end); `construct` closes it again.
     */
    reopen(node: CompositeCstNode): void {
        this.open.push(node);
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new AdoptCompositeCstNode();
        node.grammarSource = feature;
        this.appendChild(this.currentNode, node);
        this.open.push(node);
        return node;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const leaf = leafOf(token, !feature);
        if (feature) leaf.grammarSource = feature;
        this.appendChild(this.currentNode, leaf);
        return leaf;
    }

    /** A slim leaf (lazy-cst.ts) with the token's offset, length and type. */
    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        return asLangiumLeafNode(leafOf(token, hidden));
    }

    override appendChild(parent: CompositeCstNode, child: CstNode): void {
        if (parent instanceof AdoptCompositeCstNode) {
            parent.append(child);
        } else {
            (child as Mutable<CstNode>).container = parent;
            (parent.content as CstNode[]).push(child);
        }
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        for (const child of children) this.appendChild(parent, child);
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        insertChildren(parent, index, children);
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        if (!parent) return;
        if (parent instanceof AdoptCompositeCstNode) {
            parent.remove(node);
            return;
        }
        const content = parent.content as CstNode[];
        const index = content.lastIndexOf(node);
        if (index >= 0) content.splice(index, 1);
    }

    /** Langium's `construct`, without making the leaves of the node it closes (and giving its children their exact number). */
    override construct(item: Constructed): void {
        this.close(item);
    }

    /** `construct` of whatever the parser made for the node it closes (a node, a data type rule's value), which gets the node as `$cstNode`. */
    close(item: { $cstNode?: CstNode }): void {
        item.$cstNode = this.currentNode;
        const node = this.open.pop();
        if (!node) return;
        if (node instanceof AdoptCompositeCstNode) {
            if (node.childCount === 0) this.removeNode(node);
            else node.compact();
        } else if (node.content.length === 0) {
            this.removeNode(node);
        }
    }

    /**
     * Comments before a token: after the current node's children if it has some; a node just
     * opened has none, and the comments go before it, in the first ancestor with content. The
     * node is at (or near) the end of its parent: searched from the back.
     */
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const nodes: CstNode[] = tokens.map(token => leafOf(token, true));
        let current = this.currentNode;
        if (childrenOf(current).length > 0) {
            insertChildren(current, childrenOf(current).length, nodes);
            return;
        }
        while (current.container) {
            const parent = current.container;
            const index = childrenOf(parent).lastIndexOf(current);
            if (index > 0) {
                insertChildren(parent, index, nodes);
                return;
            }
            current = parent;
        }
        insertChildren(current, 0, nodes);
    }
}

/** A slim leaf (lazy-cst.ts) with the token's offset, length and type. */
function leafOf(token: IToken, hidden: boolean): AdoptLeafCstNode {
    return new AdoptLeafCstNode(token.startOffset, token.image.length, token.tokenType, hidden);
}

/** The most nodes spread as call arguments at once (engines limit their count). */
const SPREAD_LIMIT = 1000;

/** Inserts children at an index; never spreads a long list as call arguments. */
function insertChildren(parent: CompositeCstNode, index: number, nodes: readonly CstNode[]): void {
    if (parent instanceof AdoptCompositeCstNode) {
        parent.insert(index, nodes);
        return;
    }
    for (const node of nodes) (node as Mutable<CstNode>).container = parent;
    const content = parent.content as CstNode[];
    // Comments go near the end of their parent: splice moves only the children after them
    // (copying all of them for each comment is quadratic in a plan's top-level declarations).
    if (nodes.length <= SPREAD_LIMIT) content.splice(index, 0, ...nodes);
    else (parent as Mutable<CompositeCstNode>).content = content.slice(0, index).concat(nodes, content.slice(index));
}
