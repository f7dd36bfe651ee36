/**
 * The concrete syntax tree of the fast build: composite nodes that make their leaves when asked,
 * slim leaves, and a root that keeps its tree's state.
 *
 * A leaf of Langium's (`LeafCstNodeImpl`) keeps ten fields per token; an AdoptLeafCstNode keeps
 * five (container, grammar element, offset, length with the hidden flag, token type) and
 * computes its range when asked, from the tree's table of line starts. The positions are
 * Chevrotain's, as Langium gives them: lines break at `\n`, `\r\n` and a lone `\r`; columns
 * count UTF-16 code units; the end is exclusive. Langium recognises a leaf by its `tokenType`
 * object (`isLeafCstNode`), not by its class.
 *
 * Most leaves are not made at all until asked for: an AdoptCompositeCstNode keeps a number per
 * token of the fast parser's trees (its offset and grammar element) and makes the leaf on demand.
 * The build (parse, link, validate, score) and the editor's requests after a change ask for none.
 */
import { RootCstNodeImpl, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type GrammarAST, type LeafCstNode, type Mutable, type RootCstNode } from 'langium';
import type { TokenType } from 'chevrotain';
import type { Position, Range } from 'vscode-languageserver-types';
import { lineOf, lineStartsOf } from '../parser/text-lines.js';
import type { TreeState } from './tree-state.js';

/**
 * The root of a tree of the fast build: the text, and the state of the tree (tree-state.ts),
 * which its nodes reach through it.
 */
export class FastRootCstNode extends RootCstNodeImpl {
    constructor(input: string, readonly tree: TreeState) {
        super(input);
    }
}

/** The table of line starts of a root's text: the tree's, or (a tree of another builder) made anew. */
function lineStartsOfRoot(root: RootCstNode): Uint32Array {
    return root instanceof FastRootCstNode ? root.tree.lineStarts : lineStartsOf(root.fullText);
}

/** The top of a node's tree (Langium's `root`: the node itself when it is in none). */
function topOf(node: CstNode): CstNode {
    let current: CstNode = node;
    while (current.container) current = current.container;
    return current;
}

/** The root of a node's tree, or undefined if the node is not (yet) in a tree with a text. */
function rootOf(node: CstNode): RootCstNode | undefined {
    const top = topOf(node);
    return typeof (top as Partial<RootCstNode>).fullText === 'string' ? top as RootCstNode : undefined;
}

/**
 * Where a node's range starts (`node.range.start`: its first token's start), from the tree's
 * line table. For a composite node this neither computes its whole range nor keeps it (Langium
 * keeps each composite node's range once asked, about 120 bytes; the rank and the code lenses
 * ask for every project's start).
 */
export function startPosition(node: CstNode): Position {
    const root = rootOf(node);
    // (`isCompositeCstNode` reads `content`, which would make an AdoptCompositeCstNode's leaves.)
    const empty = node instanceof AdoptCompositeCstNode ? node.childCount === 0 : isCompositeCstNode(node) && node.content.length === 0;
    if (!root || empty) return node.range.start;
    return tokenStart(lineStartsOfRoot(root), node.offset);
}

/**
 * A token's leaf: Langium's `LeafCstNode` with five fields. Its range needs the tree's text: a
 * leaf in no tree with a text (only while the node builder places it) has an empty range.
 */
export class AdoptLeafCstNode implements LeafCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;
    readonly offset: number;
    /** The length times two, plus one for a hidden leaf (one field for both). */
    private readonly lengthAndHidden: number;
    readonly tokenType: TokenType;

    constructor(offset: number, length: number, tokenType: TokenType, hidden: boolean) {
        this.offset = offset | 0;
        this.lengthAndHidden = (length * 2 + (hidden ? 1 : 0)) | 0;
        this.tokenType = tokenType;
    }

    get length(): number {
        return this.lengthAndHidden >>> 1;
    }

    get hidden(): boolean {
        return (this.lengthAndHidden & 1) === 1;
    }

    get end(): number {
        return this.offset + this.length;
    }

    get root(): RootCstNode {
        return topOf(this) as RootCstNode;
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    get astNode(): AstNode {
        const container = this.container;
        if (!container) throw new Error('This node has no associated AST element');
        return container.astNode;
    }

    /** Chevrotain's token position: the start, and the end just after the last character. */
    get range(): Range {
        const root = rootOf(this);
        if (!root) return emptyRange();
        return tokenRange(lineStartsOfRoot(root), this.offset, this.end);
    }
}

/** The token type of a leaf that stands for a grammar element alone (`elementLeaf`). */
const NO_TOKEN: TokenType = { name: 'none' };

/**
 * A leaf in no tree that stands for a grammar element: what the value converter is given to
 * convert the text of a token of that element (it reads the leaf's `grammarSource` only).
 */
export function elementLeaf(element: GrammarAST.AbstractElement): AdoptLeafCstNode {
    const leaf = new AdoptLeafCstNode(0, 0, NO_TOKEN, false);
    leaf.grammarSource = element;
    return leaf;
}

function emptyRange(): Range {
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Where a token starts: its line and column. */
function tokenStart(starts: Uint32Array, offset: number): Position {
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line] };
}

/** Where a token ends: just after its last character, on that character's line (a token never ends with a line break). */
function tokenEnd(starts: Uint32Array, offset: number, end: number): Position {
    const line = end > offset ? lineOf(starts, end - 1) : lineOf(starts, offset);
    return { line, character: end - starts[line] };
}

function tokenRange(starts: Uint32Array, offset: number, end: number): Range {
    return { start: tokenStart(starts, offset), end: tokenEnd(starts, offset, end) };
}

// ---------------------------------------------------------------------------------------------
// Composite nodes whose leaves are made when asked for

/**
 * A leaf not made yet is one number in its composite node's children: its token's offset times
 * LEAF_FEATURES plus the index of its grammar element in its tree's LeafMaker. Offsets up to
 * 8 MiB (the largest plan the server parses) keep the numbers small integers, which the engine
 * stores in the array itself.
 */
export const LEAF_FEATURES = 256;

export function leafCode(offset: number, feature: number): number {
    return offset * LEAF_FEATURES + feature;
}

function offsetOfCode(code: number): number {
    return Math.floor(code / LEAF_FEATURES);
}

/**
 * Makes the leaves of a tree from their numbers: the grammar elements by index, and the token at
 * an offset of the text. A number can also stand for the composite node of a call of a datatype
 * rule of keywords around its one leaf (a trait's kind and level, a member's role): its element
 * is the rule call, and `innerLeafCode` gives its leaf's number.
 */
export interface LeafMaker {
    featureAt(index: number): GrammarAST.AbstractElement;
    /** For the index of a datatype rule call: the number of the leaf inside, from the keyword at `offset`; otherwise undefined. */
    innerLeafCode(index: number, text: string, offset: number): number | undefined;
    /** The end of the token that starts at `offset`. */
    tokenEnd(text: string, offset: number): number;
    /** The type of the token that starts at `offset`. */
    tokenType(text: string, offset: number): TokenType;
}

/** The root of a node's tree and its text's leaf maker; throws if the tree has none (a number then cannot be read). */
function treeOf(node: CstNode): { root: RootCstNode; maker: LeafMaker } {
    const root = rootOf(node);
    const maker = root instanceof FastRootCstNode ? root.tree.maker : undefined;
    if (!root || !maker) throw new Error('A leaf of a syntax tree was asked for outside the tree it was parsed in.');
    return { root, maker };
}

/**
 * A composite node of the concrete syntax tree that makes its leaves when they are first asked
 * for. The fast parser (fast-parser.ts) gives it a number per token (`leafCode`) instead of
 * a leaf, of which the build (parse, link, validate, score) reads none. Offsets, ends, ranges and text come from the numbers and
 * the text (the token is lexed again at its offset); `content` makes every leaf of this node, in
 * place, once, so a leaf is always the same object; `childAt` makes one. The rest of Langium and
 * the editor's features see an ordinary composite node (`isCompositeCstNode` reads `content`).
 * Langium's parser builds these too (with leaves only), so both parsers' trees are alike.
 */
export class AdoptCompositeCstNode implements CompositeCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;
    /**
     * The children in text order: nodes, and numbers for leaves not made yet. When every child is
     * a leaf not made yet (a trait, a clause of references), their numbers packed in a string
     * (`pack`: 4 bytes a number and no array, instead of an array of 8 bytes a number).
     */
    private kept: Array<CstNode | number> | string = [];
    /**
     * Children in an array: how many are numbers. Children packed in a string (all numbers, so
     * their count needs no field): how many characters their leaves have moved since they were
     * packed (`move`), added to each number when read, so that an edit before them makes no new
     * string.
     */
    private pendingOrMoved = 0;
    /** The AST node this node was made for (Langium's name: the parse comparisons read it). */
    _astNode: AstNode | undefined = undefined;

    get content(): CstNode[] {
        if (typeof this.kept === 'string' || this.pendingOrMoved > 0) this.makeLeaves();
        return this.kept as CstNode[];
    }

    set content(content: CstNode[]) {
        this.kept = content;
        this.pendingOrMoved = 0;
    }

    /** The children as kept: numbers for the leaves not made yet (read-only: use the methods below to change them). */
    get children(): ReadonlyArray<CstNode | number> {
        const kept = this.kept;
        return typeof kept === 'string' ? unpack(kept, this.pendingOrMoved) : kept;
    }

    /** How many children there are. */
    get childCount(): number {
        const kept = this.kept;
        return typeof kept === 'string' ? kept.length >> 1 : kept.length;
    }

    /** The child at an index as kept (a number: a leaf not made yet). */
    private keptAt(index: number): CstNode | number {
        const kept = this.kept;
        return typeof kept === 'string' ? packedAt(kept, index, this.pendingOrMoved) : kept[index];
    }

    /** The children as an array that can change (a packed string unpacked for good). */
    private list(): Array<CstNode | number> {
        const kept = this.kept;
        if (typeof kept !== 'string') return kept;
        const list = unpack(kept, this.pendingOrMoved);
        this.kept = list;
        this.pendingOrMoved = list.length;
        return list;
    }

    /** Adds a child node (its container set). */
    append(node: CstNode): void {
        (node as Mutable<CstNode>).container = this;
        this.list().push(node);
    }

    /** Adds a leaf not made yet. */
    appendLeaf(code: number): void {
        this.list().push(code);
        this.pendingOrMoved++;
    }

    /** Removes a child node (searched from the back: it is at or near the end). */
    remove(node: CstNode): void {
        const list = this.list();
        const index = list.lastIndexOf(node);
        if (index >= 0) list.splice(index, 1);
    }

    /** Puts child nodes at an index (containers set). */
    insert(index: number, nodes: readonly CstNode[]): void {
        for (const node of nodes) (node as Mutable<CstNode>).container = this;
        const list = this.list();
        // Near the end (comments before a declaration just opened): splice moves only what follows.
        // A long list is not spread as call arguments (engines limit their count).
        if (nodes.length <= 1000) list.splice(index, 0, ...nodes);
        else this.kept = list.slice(0, index).concat(nodes, list.slice(index));
    }

    /** Replaces the child at an index by a node (its container set). */
    replace(index: number, node: CstNode): void {
        const list = this.list();
        if (typeof list[index] === 'number') this.pendingOrMoved--;
        (node as Mutable<CstNode>).container = this;
        list[index] = node;
    }

    /**
     * Keeps the children at their exact number (pushing leaves room for more): packed in a
     * string when all are leaves not made yet.
     */
    compact(): void {
        const list = this.list();
        const packed = this.pendingOrMoved === list.length ? pack(list as number[]) : undefined;
        this.kept = packed ?? list.slice();
        if (packed !== undefined) this.pendingOrMoved = 0;
    }

    /**
     * Moves the leaves from the child at `from` on by `delta` characters, those not made yet and
     * those made, through the composite nodes among them (an edit before them,
     * incremental-parse.ts). Children packed in a string are moved all at once without being
     * unpacked: the count moved is kept beside them.
     */
    move(delta: number, from = 0): void {
        if (delta === 0) return;
        const kept = this.kept;
        if (typeof kept === 'string' && from === 0) {
            this.pendingOrMoved += delta;
            return;
        }
        const packed = typeof kept === 'string';
        const list = this.list();
        const by = delta * LEAF_FEATURES;
        for (let i = from; i < list.length; i++) {
            const slot = list[i];
            if (typeof slot === 'number') list[i] = slot + by;
            else if (slot instanceof AdoptLeafCstNode) (slot as Mutable<AdoptLeafCstNode>).offset = slot.offset + delta;
            else if (slot instanceof AdoptCompositeCstNode) slot.move(delta);
            else throw new Error('A leaf or composite node of another kind cannot be moved.');
        }
        if (packed) this.compact();
    }

    /** The child at an index, its leaf (or datatype rule call's node) made if it was not yet. */
    childAt(index: number): CstNode {
        const slot = this.keptAt(index);
        if (typeof slot !== 'number') return slot;
        const { root, maker } = treeOf(this);
        const leaf = this.makeLeaf(slot, root.fullText, maker);
        this.list()[index] = leaf;
        this.pendingOrMoved--;
        return leaf;
    }

    /** The grammar element of the child at an index (a leaf not made yet stays so). */
    grammarSourceAt(index: number, maker: LeafMaker | undefined): GrammarAST.AbstractElement | undefined {
        const slot = this.keptAt(index);
        if (typeof slot !== 'number') return slot.grammarSource;
        return (maker ?? treeOf(this).maker).featureAt(slot - offsetOfCode(slot) * LEAF_FEATURES);
    }

    /** The leaf maker of this node's tree (undefined when no leaf waits to be made). */
    get leafMaker(): LeafMaker | undefined {
        const kept = this.kept;
        return (typeof kept === 'string' ? kept.length > 0 : this.pendingOrMoved > 0) ? treeOf(this).maker : undefined;
    }

    /** The range of the child at an index, without making its leaf. */
    rangeAt(index: number): Range {
        const slot = this.keptAt(index);
        if (typeof slot !== 'number') return slot.range;
        const { root, maker } = treeOf(this);
        const offset = offsetOfCode(slot);
        return tokenRange(lineStartsOfRoot(root), offset, maker.tokenEnd(root.fullText, offset));
    }

    private makeLeaves(): void {
        const { root, maker } = treeOf(this);
        const text = root.fullText;
        const list = this.list();
        for (let i = 0; i < list.length; i++) {
            const slot = list[i];
            if (typeof slot === 'number') list[i] = this.makeLeaf(slot, text, maker);
        }
        this.pendingOrMoved = 0;
    }

    /** The leaf of a number; or the composite node of a datatype rule call, its leaf inside not made yet. */
    private makeLeaf(code: number, text: string, maker: LeafMaker): CstNode {
        const offset = offsetOfCode(code);
        const feature = code - offset * LEAF_FEATURES;
        const inner = maker.innerLeafCode(feature, text, offset);
        if (inner !== undefined) {
            const node = new AdoptCompositeCstNode();
            node.grammarSource = maker.featureAt(feature);
            node.container = this;
            node.appendLeaf(inner);
            node.compact();
            return node;
        }
        const leaf = new AdoptLeafCstNode(offset, maker.tokenEnd(text, offset) - offset, maker.tokenType(text, offset), false);
        leaf.grammarSource = maker.featureAt(feature);
        leaf.container = this;
        return leaf;
    }

    /** For a child not made yet that stands for a datatype rule call: the grammar element of its keyword. */
    innerGrammarSourceAt(index: number, maker: LeafMaker | undefined): GrammarAST.AbstractElement | undefined {
        const slot = this.keptAt(index);
        if (typeof slot !== 'number') return undefined;
        const tree = treeOf(this);
        const offset = offsetOfCode(slot);
        const inner = (maker ?? tree.maker).innerLeafCode(slot - offset * LEAF_FEATURES, tree.root.fullText, offset);
        return inner === undefined ? undefined : (maker ?? tree.maker).featureAt(inner - offset * LEAF_FEATURES);
    }

    /** The AST node this node was made for, else its container's (as Langium's nodes answer). */
    get astNode(): AstNode {
        const own = this._astNode;
        if (own) return own;
        const container = this.container;
        if (!container) throw new Error('This node has no associated AST element');
        return container.astNode;
    }

    set astNode(value: AstNode | undefined) {
        this._astNode = value;
    }

    get hidden(): boolean {
        return false;
    }

    get root(): RootCstNode {
        return topOf(this) as RootCstNode;
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    /** Langium's: the first child not hidden (the first child if all are; undefined if none). */
    private get firstIndex(): number {
        const kept = this.kept;
        const count = this.childCount;
        if (typeof kept === 'string') return count > 0 ? 0 : -1;
        for (let i = 0; i < count; i++) {
            const slot = kept[i];
            if (typeof slot === 'number' || !slot.hidden) return i;
        }
        return count > 0 ? 0 : -1;
    }

    /** Langium's: the last child not hidden (the last child if all are; undefined if none). */
    private get lastIndex(): number {
        const kept = this.kept;
        const count = this.childCount;
        if (typeof kept === 'string') return count - 1;
        for (let i = count - 1; i >= 0; i--) {
            const slot = kept[i];
            if (typeof slot === 'number' || !slot.hidden) return i;
        }
        return count - 1;
    }

    get firstNonHiddenNode(): CstNode | undefined {
        const index = this.firstIndex;
        return index < 0 ? undefined : this.childAt(index);
    }

    get lastNonHiddenNode(): CstNode | undefined {
        const index = this.lastIndex;
        return index < 0 ? undefined : this.childAt(index);
    }

    get offset(): number {
        const index = this.firstIndex;
        if (index < 0) return 0;
        const slot = this.keptAt(index);
        return typeof slot === 'number' ? offsetOfCode(slot) : slot.offset;
    }

    get end(): number {
        const index = this.lastIndex;
        if (index < 0) return 0;
        const slot = this.keptAt(index);
        if (typeof slot !== 'number') return slot.end;
        const { root, maker } = treeOf(this);
        return maker.tokenEnd(root.fullText, offsetOfCode(slot));
    }

    get length(): number {
        return this.end - this.offset;
    }

    /**
     * Langium's: from the first child's start to the last child's end (not before the start's
     * line), which is from `offset` to just after the last character before `end`. Computed when
     * asked (Langium keeps each composite node's range once asked: about 120 bytes a node).
     */
    get range(): Range {
        const root = rootOf(this);
        const offset = this.offset;
        const end = this.end;
        if (!root || end <= offset) return this.rangeOfChildren();
        const starts = lineStartsOfRoot(root);
        const startLine = lineOf(starts, offset);
        const endLine = lineFrom(starts, startLine, end - 1);
        return {
            start: { line: startLine, character: offset - starts[startLine] },
            end: { line: endLine, character: end - starts[endLine] }
        };
    }

    /** Langium's computation, child by child (a node without text: empty, or outside a tree). */
    private rangeOfChildren(): Range {
        const first = this.firstIndex;
        if (first < 0) return emptyRange();
        const start = this.rangeAt(first).start;
        const end = this.rangeAt(this.lastIndex).end;
        return { start, end: end.line < start.line ? start : end };
    }
}

/** The line holding an offset, at or after `from` (the line of an offset before it): a search from there, ranges span few lines. */
function lineFrom(starts: Uint32Array, from: number, offset: number): number {
    let step = 1;
    while (from + step < starts.length && starts[from + step] <= offset) step *= 2;
    let low = from + (step >> 1);
    let high = Math.min(from + step, starts.length - 1);
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return low;
}

/** Numbers below 2^32 packed in a string, two UTF-16 units each (low, high); undefined if one is larger. */
function pack(codes: readonly number[]): string | undefined {
    const units = new Array<number>(codes.length * 2);
    for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        if (code >= 0x100000000) return undefined;
        units[2 * i] = code & 0xffff;
        units[2 * i + 1] = code >>> 16;
    }
    return String.fromCharCode.apply(null, units);
}

/** The number at an index of a packed string whose leaves have moved by `moved` characters since they were packed. */
function packedAt(packed: string, index: number, moved: number): number {
    return packed.charCodeAt(2 * index) + packed.charCodeAt(2 * index + 1) * 0x10000 + moved * LEAF_FEATURES;
}

function unpack(packed: string, moved: number): number[] {
    const codes = new Array<number>(packed.length >> 1);
    for (let i = 0; i < codes.length; i++) codes[i] = packedAt(packed, i, moved);
    return codes;
}

/** A composite node's children as kept (numbers for leaves not made yet, AdoptCompositeCstNode), or its content. */
export function childrenOf(node: CompositeCstNode): ReadonlyArray<CstNode | number> {
    return node instanceof AdoptCompositeCstNode ? node.children : node.content;
}
