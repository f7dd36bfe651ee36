/**
 * A slimmer leaf of the concrete syntax tree. Langium's `LeafCstNodeImpl` keeps ten fields per
 * token (container, grammar element, hidden, offset, length, start and end line and column, token
 * type): 104 bytes on Node.js, about 237,000 leaves for a plan of 10,000 projects. An
 * AdoptLeafCstNode keeps five (container, grammar element, offset, length with the hidden flag,
 * token type) and computes its range when asked, from a table of line starts made once per
 * syntax tree (on first use). The positions are Chevrotain's, as Langium gives them: lines
 * break at `\n`, `\r\n` and a lone `\r`; columns count UTF-16 code units; the end is exclusive.
 *
 * Langium recognises a leaf by its `tokenType` object (`isLeafCstNode`), not by its class.
 */
import type { TokenType } from 'chevrotain';
import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LeafCstNode, RootCstNode } from 'langium';
import { isCompositeCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** The offset at which each line of the text starts (line 0 at offset 0). */
export function lineStartsOf(text: string): Uint32Array {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
        // Only line feeds: let the engine's search find them.
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== LINE_FEED)) starts.push(i + 1);
        }
    }
    return Uint32Array.from(starts);
}

/** The line (0-based) holding an offset: the last line that starts at or before it. */
export function lineOf(starts: Uint32Array, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return low;
}

/** One table of line starts per syntax tree, made when a leaf's range is first asked for. */
const lineStartsByRoot = new WeakMap<RootCstNode, Uint32Array>();

function lineStartsOfRoot(root: RootCstNode): Uint32Array {
    let starts = lineStartsByRoot.get(root);
    if (!starts) {
        starts = lineStartsOf(root.fullText);
        lineStartsByRoot.set(root, starts);
    }
    return starts;
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
    if (!root || (isCompositeCstNode(node) && node.content.length === 0)) return node.range.start;
    const starts = lineStartsOfRoot(root);
    const offset = node.offset;
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line] };
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
        if (!root) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const starts = lineStartsOfRoot(root);
        const offset = this.offset;
        const end = this.end;
        const startLine = lineOf(starts, offset);
        // A token never ends with a line break: its last character is on its end line.
        const endLine = end > offset ? lineOf(starts, end - 1) : startLine;
        return {
            start: { line: startLine, character: offset - starts[startLine] },
            end: { line: endLine, character: end - starts[endLine] }
        };
    }
}
