/**
 * The diagnostics of each declaration, kept from one version of a document to the next. After an
 * incremental update (incremental-parse.ts) every declaration but the one parsed again is the old
 * tree's node; the checks of such a node give what they gave before unless the edit touched what
 * they read. Which types of node may keep their diagnostics, and what their checks read, is the
 * language's table `CHECKS_READ` (validation/adopt-validator.ts); every other node is checked
 * again. The plan-wide rules that say what they read (`PLAN_RULES_READ`, the same file) keep
 * their diagnostics when the edit changed none of it (`reachOf`, tree-state.ts). A kept
 * diagnostic after the edit moves with the text; one that the edit overlaps is not kept (its node
 * is checked again, its rule runs again).
 */
import type { AstNode } from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { lineOf } from '../parser/text-lines.js';
import { reachOf, type TreeEdit, type TreeState } from './tree-state.js';

/**
 * What the checks of a node and of every node it holds gave, when they are all of kept types (or
 * have no checks): a later version whose edit changed none of them takes them whole, without
 * visiting the nodes (at 10,000 projects, 150,000 nodes spread over the heap).
 */
export interface KeptSubtree {
    /** How many nodes: the node and all it holds. */
    readonly size: number;
    /** The diagnostics their checks gave, in walk order. */
    readonly items: readonly Diagnostic[];
    /** The kept types among them, as bits (`typeBits`). */
    readonly types: number;
    /** The earliest start and the latest end of the items' ranges (undefined when there is none). */
    readonly first: Position | undefined;
    readonly last: Position | undefined;
}

/**
 * The diagnostics of one validated tree. The maps by node are handed on from one version to the
 * next (a node the edit did not change is the same node, with the same entry), without the
 * entries of the nodes the edit replaced; a version whose validation keeps nothing starts new
 * ones. (Maps, not weak maps: tens of thousands of entries in a weak map cost every garbage
 * collection their time.)
 */
export interface KeptDiagnostics {
    /** Nodes of a kept type with diagnostics, their diagnostics (none: no entry). */
    readonly byNode: Map<AstNode, readonly Diagnostic[]>;
    /** Nodes of a kept type that hold more nodes, all of kept types (or without checks): their subtree's diagnostics. */
    readonly subtrees: Map<AstNode, KeptSubtree>;
    /** The diagnostics of each plan-wide rule that says what it reads (`PLAN_RULES_READ`), by the rule: none is an empty list. */
    readonly byRule: ReadonlyMap<object, readonly Diagnostic[]>;
    /** What every result depends on besides the tree (today, the options, the used files' declarations). */
    readonly context: readonly unknown[];
}

const NOTHING: readonly Diagnostic[] = [];

/** What the validation of a tree made by an edit takes from the validation of the tree before. */
export class DiagnosticsReuse {
    /** The nodes to check again whatever their type: the declaration parsed again, what it holds, what holds it. */
    private readonly changed: ReadonlySet<AstNode>;
    /** The nodes of the version before that the edit replaced: the old declaration, what it holds and what held it. */
    private readonly replaced: AstNode[];
    /** The properties the edit changed (reachOf). */
    private readonly touchedProperties: ReadonlySet<string>;
    /** A bit for each type of the table of what checks read (`typeBits`), and those of the types whose nodes may keep their diagnostics after this edit. */
    private readonly bits: ReadonlyMap<string, number>;
    private keptBits = 0;
    private readonly startAt: Position;
    private readonly oldEndAt: Position;
    private readonly newEndAt: Position;

    private constructor(private readonly kept: KeptDiagnostics, edit: TreeEdit, state: TreeState, reads: Readonly<Record<string, readonly string[] | undefined>>) {
        const { oldNodes, changed, touchedTypes: touched, touchedProperties } = reachOf(edit);
        this.replaced = [...oldNodes];
        for (let node = edit.replaced.$container; node; node = node.$container) this.replaced.push(node);
        this.changed = changed;
        this.touchedProperties = touchedProperties;
        this.bits = typeBits(reads);
        for (const [type, read] of Object.entries(reads)) {
            if (read && !read.some(kind => touched.has(kind))) this.keptBits |= this.bits.get(type) ?? 0;
        }
        this.startAt = positionAt(state.lineStarts, edit.start);
        this.oldEndAt = endOf(this.startAt, edit.removed);
        this.newEndAt = positionAt(state.lineStarts, edit.newEnd);
    }

    /**
     * The reuse for a tree made by an edit of the tree `kept` was validated as, in the same
     * context; undefined when none is possible (a line end written as a lone \r near the edit).
     */
    static after(kept: KeptDiagnostics, context: readonly unknown[], edit: TreeEdit, state: TreeState,
        reads: Readonly<Record<string, readonly string[] | undefined>>): DiagnosticsReuse | undefined {
        if (context.length !== kept.context.length || context.some((value, i) => value !== kept.context[i])) return undefined;
        const text = state.text;
        if (edit.removed.includes('\r') || text.slice(Math.max(0, edit.start - 1), edit.newEnd + 1).includes('\r')) return undefined;
        return new DiagnosticsReuse(kept, edit, state, reads);
    }

    /**
     * The maps by node of the version before, for this version to update (they are this
     * version's from now on), without the entries of the nodes the edit replaced: the old
     * declaration's and those that held it.
     */
    takeMaps(): Pick<KeptDiagnostics, 'byNode' | 'subtrees'> {
        const { byNode, subtrees } = this.kept;
        for (const node of this.replaced) {
            byNode.delete(node);
            subtrees.delete(node);
        }
        return { byNode, subtrees };
    }

    /**
     * The diagnostics of the node and all it holds, unchanged, when the node's subtree may keep
     * them whole: the edit changed none of its nodes (the node is not changed, so nothing it holds
     * is), touched none of the types its checks read, and moves none of its diagnostics.
     */
    ofSubtree(node: AstNode, subtree: KeptSubtree): readonly Diagnostic[] | undefined {
        if ((subtree.types & ~this.keptBits) !== 0 || this.changed.has(node)) return undefined;
        const { first, last } = subtree;
        if (first === undefined || last === undefined) return subtree.items;
        if (compare(last, this.startAt) < 0) return subtree.items;
        if (this.newEndAt.line === this.oldEndAt.line && first.line > this.oldEndAt.line) return subtree.items;
        return undefined;
    }

    /** The node's diagnostics of the version before, where they now are; undefined if the node must be checked again. */
    of(node: AstNode): readonly Diagnostic[] | undefined {
        if (((this.bits.get(node.$type) ?? 0) & this.keptBits) === 0 || this.changed.has(node)) return undefined;
        return this.movedAll(this.kept.byNode.get(node) ?? NOTHING);
    }

    /**
     * A plan-wide rule's diagnostics of the version before, where they now are; undefined if the
     * rule must run again: the edit touched a type it reads, or overlaps one of its diagnostics,
     * or the version before did not record it.
     */
    ofRule(rule: object, reads: readonly string[]): readonly Diagnostic[] | undefined {
        const touched = this.touchedProperties;
        // `Type.property`: that property, or the shape of that type's nodes (`Type.*`); `Type`: any of its properties.
        if (reads.some(read => touched.has(read) || (read.includes('.') && touched.has(`${read.slice(0, read.indexOf('.'))}.*`)))) return undefined;
        const before = this.kept.byRule.get(rule);
        return before && this.movedAll(before);
    }

    /** Diagnostics of the version before, where they now are (the same list when none moves); undefined if the edit overlaps one. */
    private movedAll(before: readonly Diagnostic[]): readonly Diagnostic[] | undefined {
        let moved: Diagnostic[] | undefined;
        for (let i = 0; i < before.length; i++) {
            const diagnostic = before[i];
            const range = this.moved(diagnostic.range);
            if (range === undefined) return undefined;
            if (range !== diagnostic.range) {
                moved ??= before.slice(0, i);
                moved.push({ ...diagnostic, range });
            } else if (moved) {
                moved.push(diagnostic);
            }
        }
        return moved ?? before;
    }

    /** A range of the old text in the new one: the same object when it does not move; undefined when the edit overlaps it. */
    private moved(range: Range): Range | undefined {
        if (compare(range.end, this.startAt) < 0) return range;
        if (compare(range.start, this.oldEndAt) <= 0) return undefined;
        const start = this.movedPosition(range.start);
        const end = this.movedPosition(range.end);
        return start === range.start && end === range.end ? range : { start, end };
    }

    private movedPosition(position: Position): Position {
        const lines = this.newEndAt.line - this.oldEndAt.line;
        if (position.line === this.oldEndAt.line) {
            return { line: position.line + lines, character: position.character - this.oldEndAt.character + this.newEndAt.character };
        }
        return lines === 0 ? position : { line: position.line + lines, character: position.character };
    }
}

const bitsByTable = new WeakMap<object, ReadonlyMap<string, number>>();

/** A bit for each type of a table of what checks read (the types whose nodes may keep their diagnostics). */
export function typeBits(reads: Readonly<Record<string, unknown>>): ReadonlyMap<string, number> {
    let bits = bitsByTable.get(reads);
    if (!bits) {
        bits = new Map(Object.keys(reads).map((type, i) => [type, 2 ** i]));
        bitsByTable.set(reads, bits);
    }
    return bits;
}

export function compare(a: Position, b: Position): number {
    return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

function positionAt(starts: Uint32Array, offset: number): Position {
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line] };
}

/** Where `text` ends when it starts at `from` (line ends \n or \r\n; the caller has ruled out a lone \r). */
function endOf(from: Position, text: string): Position {
    let line = from.line;
    let lineStart = -1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return lineStart < 0 ? { line, character: from.character + text.length } : { line, character: text.length - lineStart };
}
